import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The directory of a transfer file, read strictly from the file's own bytes before
/// anything is unpacked: the end-of-archive record, every central directory entry and
/// every member's local header, all bounds-checked against the file's real size. This
/// is where hostile archives are turned away, each with its own reason. ZIPFoundation's
/// reader is not used for this: it keeps the encryption flag and the raw name bytes to
/// itself, and trusts the directory's offsets.
struct ZipDirectory {
    struct Member {
        var name: String
        var method: UInt16
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var headerOffset: UInt64
        var dataOffset: UInt64
    }

    /// The members by name; only names in `allowed` get here.
    var members: [String: Member]

    static func read(_ file: OpenFile, allowed: Set<String>, limits: TransferLimits) throws(TransferError) -> ZipDirectory {
        let path = file.path
        func damaged(_ reason: String) -> TransferError { .damaged(path: path, reason: reason) }
        func unsafe(_ reason: String) -> TransferError { .unsafe(path: path, reason: reason) }
        let size: UInt64
        do { size = try file.status().size } catch { throw .cannotRead(path: path, reason: error.description) }

        // End of central directory: 22 bytes plus a comment of up to 65535 bytes at the very end.
        let tailLength = Int(min(size, 22 + 65_535))
        let tail = try bytes(file, at: size - UInt64(tailLength), count: tailLength)
        var found: Int?
        var index = tail.count - 22
        while index >= 0 {
            if tail.u32(index) == 0x0605_4B50, index + 22 + Int(tail.u16(index + 20)) == tail.count { found = index; break }
            index -= 1
        }
        guard let end = found else { throw damaged("no end-of-archive record: not a ZIP archive, or cut off") }
        let endOffset = size - UInt64(tailLength) + UInt64(end)
        let entries = Int(tail.u16(end + 10))
        let directorySize = UInt64(tail.u32(end + 12))
        let directoryOffset = UInt64(tail.u32(end + 16))
        if endOffset >= 20,
            (try? bytes(file, at: endOffset - 20, count: 4).u32(0)) == 0x0706_4B50 || entries == 0xFFFF || directoryOffset == 0xFFFF_FFFF
        {
            throw .tooLarge(path: path, reason: "a ZIP64 archive (over 4 GiB, or over 65535 entries) is not a transfer file")
        }
        guard tail.u16(end + 4) == 0, tail.u16(end + 6) == 0, Int(tail.u16(end + 8)) == entries else {
            throw damaged("a multi-part archive")
        }
        guard entries <= limits.maximumEntries else {
            throw .tooLarge(path: path, reason: "\(entries) entries in the archive (a transfer file has \(TransferFormat.members.count))")
        }
        guard directoryOffset + directorySize <= endOffset else { throw damaged("the archive's directory lies outside the file") }
        // Each entry of the directory takes at most 46 bytes and three 64 KiB fields.
        guard directorySize <= UInt64(entries) * (46 + 3 * 65_535) else { throw damaged("the archive's directory is larger than its entries") }
        let directory = try bytes(file, at: directoryOffset, count: Int(directorySize))

        var members: [String: Member] = [:]
        var names = Set<String>()
        var position = 0
        for _ in 0..<entries {
            guard position + 46 <= directory.count, directory.u32(position) == 0x0201_4B50 else {
                throw damaged("the archive's directory is cut off")
            }
            let madeBy = directory.u16(position + 4)
            let flags = directory.u16(position + 8)
            let method = directory.u16(position + 10)
            let nameLength = Int(directory.u16(position + 28))
            let extraLength = Int(directory.u16(position + 30))
            let commentLength = Int(directory.u16(position + 32))
            let external = directory.u32(position + 38)
            guard position + 46 + nameLength + extraLength + commentLength <= directory.count else {
                throw damaged("the archive's directory is cut off")
            }
            let nameBytes = directory[(position + 46)..<(position + 46 + nameLength)]
            // Decoding repairs bad UTF-8, so a name that does not survive the round trip was not UTF-8.
            let name = String(decoding: nameBytes, as: UTF8.self)
            guard name.utf8.elementsEqual(nameBytes), flags & 0x0800 != 0 || nameBytes.allSatisfy({ $0 < 0x80 }) else {
                throw unsafe("an entry's name is not UTF-8 text")
            }
            let shown = StatementLine.shown(name)
            if flags & 0x0041 != 0 || flags & 0x2000 != 0 { throw unsafe("entry '\(shown)' is encrypted") }
            if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) || name.contains("\\") {
                throw unsafe("entry '\(shown)' has control characters or backslashes in its name")
            }
            if name.hasPrefix("/") || (name.count >= 2 && name.dropFirst().first == ":") {
                throw unsafe("entry '\(shown)' has an absolute name")
            }
            if name.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
                throw unsafe("entry '\(shown)' would be unpacked outside its folder ('..')")
            }
            if [3, 19].contains(madeBy >> 8), (external >> 16) & 0o170000 == 0o120000 {
                throw unsafe("entry '\(shown)' is a symbolic link")
            }
            guard names.insert(name).inserted else { throw unsafe("entry '\(shown)' appears twice") }
            guard allowed.contains(name) else {
                throw unsafe("entry '\(shown)' is not part of a transfer file (only \(allowed.sorted().joined(separator: " and ")))")
            }
            guard method == 0 || method == 8 else { throw damaged("entry '\(shown)' uses compression method \(method), which Kursus does not write") }
            var member = Member(
                name: name, method: method, crc32: directory.u32(position + 16), compressedSize: UInt64(directory.u32(position + 20)),
                uncompressedSize: UInt64(directory.u32(position + 24)), headerOffset: UInt64(directory.u32(position + 42)), dataOffset: 0
            )
            if method == 0, member.compressedSize != member.uncompressedSize { throw damaged("entry '\(shown)' is stored with two different sizes") }
            // The local header must agree with the directory and lie before it.
            guard member.headerOffset + 30 <= directoryOffset else { throw damaged("entry '\(shown)' lies outside the file") }
            let header = try bytes(file, at: member.headerOffset, count: 30)
            guard header.u32(0) == 0x0403_4B50 else { throw damaged("entry '\(shown)' has no local header where the directory says") }
            if header.u16(6) & 0x0041 != 0 { throw unsafe("entry '\(shown)' is encrypted") }
            let localName = UInt64(header.u16(26)), localExtra = UInt64(header.u16(28))
            guard header.u16(8) == method, member.headerOffset + 30 + localName <= directoryOffset,
                try bytes(file, at: member.headerOffset + 30, count: Int(localName)) == Array(nameBytes)
            else { throw unsafe("entry '\(shown)' has a local header that disagrees with the archive's directory") }
            member.dataOffset = member.headerOffset + 30 + localName + localExtra
            guard member.dataOffset + member.compressedSize <= directoryOffset else {
                throw damaged("entry '\(shown)' runs past the end of its data")
            }
            members[name] = member
            position += 46 + nameLength + extraLength + commentLength
        }
        // Members may not share bytes (overlapping members are a zip-bomb technique).
        let ordered = members.values.sorted { $0.headerOffset < $1.headerOffset }
        for (first, second) in zip(ordered, ordered.dropFirst()) where first.dataOffset + first.compressedSize > second.headerOffset {
            throw unsafe("entries '\(first.name)' and '\(second.name)' overlap")
        }
        return ZipDirectory(members: members)
    }

    /// Exactly `count` bytes at `offset`, or `.damaged` when the file ends first.
    static func bytes(_ file: OpenFile, at offset: UInt64, count: Int) throws(TransferError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let read = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return pread(file.descriptor, base + done, count - done, off_t(offset) + off_t(done))
            }
            if read < 0, errno == EINTR { continue }
            if read < 0 { throw .cannotRead(path: file.path, reason: OpenFile.lastError()) }
            if read == 0 { throw .damaged(path: file.path, reason: "the file ends early") }
            done += read
        }
        return buffer
    }
}

extension Array where Element == UInt8 {
    /// Little-endian numbers at `index` (callers check the bounds first).
    func u16(_ index: Int) -> UInt16 { UInt16(self[index]) | UInt16(self[index + 1]) << 8 }
    func u32(_ index: Int) -> UInt32 { UInt32(u16(index)) | UInt32(u16(index + 2)) << 16 }
}
