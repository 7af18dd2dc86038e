import Foundation
import ZIPFoundation

/// Writes zip bytes by hand, field by field, so tests can make the hostile archives
/// ZIPFoundation refuses to write (or writes only correctly): lying sizes, raw name
/// bytes, encryption flags, symbolic-link modes, duplicate names.
struct RawZip {
    struct Entry {
        var name: [UInt8]
        var data: Data
        /// 0 stored, 8 deflate.
        var method: UInt16 = 0
        var flags: UInt16 = 0x0800
        /// Upper byte 3: Unix.
        var versionMadeBy: UInt16 = 0x031E
        var unixMode: UInt32 = 0o100644
        /// Overrides of what the headers declare (nil: the truth).
        var declaredSize: UInt32?
        var declaredCRC: UInt32?

        init(_ name: String, _ data: Data, deflate: Bool = false) {
            self.name = Array(name.utf8)
            self.data = data
            if deflate { method = 8 }
        }

        init(_ name: String, _ text: String, deflate: Bool = false) {
            self.init(name, Data(text.utf8), deflate: deflate)
        }

        init(rawName: [UInt8], _ data: Data) {
            self.name = rawName
            self.data = data
        }
    }

    var entries: [Entry] = []

    init(_ entries: [Entry]) { self.entries = entries }

    /// The archive's bytes.
    func bytes() throws -> Data {
        var out = Data()
        var central = Data()
        for entry in entries {
            let packed = entry.method == 8 ? try Self.deflate(entry.data) : entry.data
            let crc = entry.declaredCRC ?? entry.data.crc32(checksum: 0)
            let size = entry.declaredSize ?? UInt32(entry.data.count)
            let offset = UInt32(out.count)
            out.le32(0x0403_4b50)
            out.le16(20)
            out.le16(entry.flags)
            out.le16(entry.method)
            out.le16(0)
            out.le16(0x21)
            out.le32(crc)
            out.le32(UInt32(packed.count))
            out.le32(size)
            out.le16(UInt16(entry.name.count))
            out.le16(0)
            out.append(contentsOf: entry.name)
            out.append(packed)
            central.le32(0x0201_4b50)
            central.le16(entry.versionMadeBy)
            central.le16(20)
            central.le16(entry.flags)
            central.le16(entry.method)
            central.le16(0)
            central.le16(0x21)
            central.le32(crc)
            central.le32(UInt32(packed.count))
            central.le32(size)
            central.le16(UInt16(entry.name.count))
            central.le16(0)
            central.le16(0)
            central.le16(0)
            central.le16(0)
            central.le32(entry.unixMode << 16)
            central.le32(offset)
            central.append(contentsOf: entry.name)
        }
        let directoryOffset = UInt32(out.count)
        out.append(central)
        out.le32(0x0605_4b50)
        out.le16(0)
        out.le16(0)
        out.le16(UInt16(entries.count))
        out.le16(UInt16(entries.count))
        out.le32(UInt32(central.count))
        out.le32(directoryOffset)
        out.le16(0)
        return out
    }

    func write(to url: URL) throws { try bytes().write(to: url) }

    /// Raw deflate (no zlib header), as zip entries hold it, made with ZIPFoundation.
    static func deflate(_ data: Data) throws -> Data {
        var out = Data()
        _ = try Data.compress(
            size: Int64(data.count), bufferSize: 64 << 10,
            provider: { position, size in data.subdata(in: Int(position)..<(Int(position) + size)) },
            consumer: { out.append($0) })
        return out
    }
}

extension Data {
    mutating func le16(_ value: UInt16) { append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)]) }
    mutating func le32(_ value: UInt32) {
        append(contentsOf: [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)])
    }
}
