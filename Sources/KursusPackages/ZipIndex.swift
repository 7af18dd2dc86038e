import Foundation

/// One entry of a zip's central directory, as stored: the raw name bytes and every field
/// the safety checks need (ZIPFoundation's `Entry` hides the general-purpose flags and
/// the raw name, and decodes names not marked UTF-8 as CP437).
struct ZipEntryRecord: Sendable, Hashable {
    let rawName: Data
    let versionMadeBy: UInt16
    let flags: UInt16
    let method: UInt16
    let crc32: UInt32
    let compressedSize: Int
    let uncompressedSize: Int
    let externalAttributes: UInt32
    let localHeaderOffset: Int

    /// General-purpose flag bit 0 (traditional encryption) or bit 6 (strong encryption).
    var isEncrypted: Bool { flags & 0x0001 != 0 || flags & 0x0040 != 0 }
    /// General-purpose flag bit 11: the name is UTF-8.
    var isMarkedUTF8: Bool { flags & 0x0800 != 0 }
    /// A Unix (3) or macOS (19) symbolic link, from the mode in the external attributes.
    var isSymbolicLink: Bool {
        let system = versionMadeBy >> 8
        return (system == 3 || system == 19) && (externalAttributes >> 16) & 0o170000 == 0o120000
    }
    var isDirectory: Bool { rawName.last == UInt8(ascii: "/") }

    /// The name as UTF-8 text, or nil when it is not UTF-8 (or holds non-ASCII bytes
    /// without the UTF-8 flag, which other tools would read as CP437).
    var utf8Name: String? {
        guard isMarkedUTF8 || rawName.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(validating: rawName, as: UTF8.self)
    }

    /// The name for messages: invalid bytes shown as U+FFFD.
    var shownName: String { String(decoding: rawName, as: UTF8.self) }
}

/// Reads a zip's end-of-central-directory record and its central directory, strictly:
/// one disk, no ZIP64, the directory exactly where the end record says, and every record
/// inside the file. It reads only the index, never an entry's data.
enum ZipIndex {
    static let endSignature: UInt32 = 0x0605_4b50
    static let centralSignature: UInt32 = 0x0201_4b50
    static let zip64LocatorSignature: UInt32 = 0x0706_4b50
    static let endRecordSize = 22
    static let centralRecordSize = 46
    /// The largest central directory read (10,000 entries with long names fit easily).
    static let maximumDirectorySize = 64 << 20

    struct Index {
        let entries: [ZipEntryRecord]
        /// Where the central directory starts: every entry's data must end before it.
        let directoryOffset: Int
    }

    static func read(_ file: ArchiveFile, limits: PackageLimits) throws(PackageArchiveError) -> Index {
        let archive = file.shown
        guard file.size >= endRecordSize else { throw .corrupt(archive: archive, detail: "too short to be a zip archive") }
        let tailLength = min(file.size, endRecordSize + 0xFFFF)
        let tail = try file.read(at: file.size - tailLength, count: tailLength)
        // The end record is the last signature whose comment runs exactly to the end of the file.
        var found: Int?
        var position = tailLength - endRecordSize
        while position >= 0 {
            if tail.uint32(at: position) == endSignature, Int(tail.uint16(at: position + 20)) == tailLength - position - endRecordSize {
                found = position
                break
            }
            position -= 1
        }
        guard let endInTail = found else {
            throw .corrupt(archive: archive, detail: "no zip end record: not a zip archive, or cut short")
        }
        let endOffset = file.size - tailLength + endInTail
        let disk = tail.uint16(at: endInTail + 4)
        let directoryDisk = tail.uint16(at: endInTail + 6)
        let entriesOnDisk = tail.uint16(at: endInTail + 8)
        let totalEntries = tail.uint16(at: endInTail + 10)
        let directorySize = tail.uint32(at: endInTail + 12)
        let directoryOffset = tail.uint32(at: endInTail + 16)
        if totalEntries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF
            || (endOffset >= 20 && (try? file.read(at: endOffset - 20, count: 4).uint32(at: 0)) == zip64LocatorSignature)
        {
            throw .corrupt(archive: archive, detail: "uses ZIP64, which a course package never needs")
        }
        guard disk == 0, directoryDisk == 0, entriesOnDisk == totalEntries else {
            throw .corrupt(archive: archive, detail: "split over several files")
        }
        guard Int(totalEntries) <= limits.maximumEntries else {
            throw .tooManyEntries(archive: archive, count: Int(totalEntries), limit: limits.maximumEntries)
        }
        guard Int(directoryOffset) + Int(directorySize) == endOffset else {
            throw .corrupt(archive: archive, detail: "the central directory is not where the end record says")
        }
        guard Int(directorySize) <= maximumDirectorySize else {
            throw .corrupt(archive: archive, detail: "the central directory is larger than \(maximumDirectorySize >> 20) MiB")
        }
        let directory = try file.read(at: Int(directoryOffset), count: Int(directorySize))
        var entries: [ZipEntryRecord] = []
        entries.reserveCapacity(Int(totalEntries))
        var cursor = 0
        for number in 0..<Int(totalEntries) {
            guard cursor + centralRecordSize <= directory.count, directory.uint32(at: cursor) == centralSignature else {
                throw .corrupt(archive: archive, detail: "central directory record \(number + 1) of \(totalEntries) is damaged")
            }
            let nameLength = Int(directory.uint16(at: cursor + 28))
            let extraLength = Int(directory.uint16(at: cursor + 30))
            let commentLength = Int(directory.uint16(at: cursor + 32))
            let end = cursor + centralRecordSize + nameLength + extraLength + commentLength
            guard end <= directory.count else {
                throw .corrupt(archive: archive, detail: "central directory record \(number + 1) of \(totalEntries) runs past the directory")
            }
            let nameStart = directory.startIndex + cursor + centralRecordSize
            let record = ZipEntryRecord(
                rawName: Data(directory[nameStart..<(nameStart + nameLength)]),
                versionMadeBy: directory.uint16(at: cursor + 4), flags: directory.uint16(at: cursor + 8),
                method: directory.uint16(at: cursor + 10), crc32: directory.uint32(at: cursor + 16),
                compressedSize: Int(directory.uint32(at: cursor + 20)), uncompressedSize: Int(directory.uint32(at: cursor + 24)),
                externalAttributes: directory.uint32(at: cursor + 38), localHeaderOffset: Int(directory.uint32(at: cursor + 42)))
            guard record.localHeaderOffset + 30 + record.compressedSize <= Int(directoryOffset) else {
                throw .corrupt(archive: archive, detail: "entry '\(record.shownName)' lies outside the archive's data")
            }
            entries.append(record)
            cursor = end
        }
        guard cursor == directory.count else {
            throw .corrupt(archive: archive, detail: "the central directory holds more than its \(totalEntries) entries")
        }
        return Index(entries: entries, directoryOffset: Int(directoryOffset))
    }
}
