import Foundation

/// Builds transfer files (docs/records.md: a ZIP of manifest.json and statements.jsonl)
/// byte by byte, so the tests can make the hostile ones Kursus never writes: names that
/// leave the folder, links, encryption flags, duplicate names, zip bombs, lying sizes.
struct TransferFileBuilder {
    struct Entry {
        var name: [UInt8]
        var packed: Data
        var method: UInt16 = 0
        var crc32: UInt32
        /// What the directory declares the entry unpacks to.
        var declaredSize: UInt32
        var flags: UInt16 = 0x0800
        var madeBy: UInt16 = 0x031E
        var attributes: UInt32 = 0o100600 << 16
    }

    var entries: [Entry] = []

    /// A stored (uncompressed) entry.
    mutating func add(_ name: String, _ content: Data, change: (inout Entry) -> Void = { _ in }) {
        add(Array(name.utf8), content, change: change)
    }

    mutating func add(_ name: [UInt8], _ content: Data, change: (inout Entry) -> Void = { _ in }) {
        var entry = Entry(name: name, packed: content, crc32: Self.crc32(content), declaredSize: UInt32(content.count))
        change(&entry)
        entries.append(entry)
    }

    /// A deflated entry that unpacks to about 1032 zero bytes per packed byte: one
    /// dynamic Huffman block whose only length code is 258 and only distance is 1, each
    /// coded in one bit, so every zero byte of the body holds four 258-byte copies.
    /// `declaredSize` nil declares the true size.
    mutating func addBomb(_ name: String, packedZeros: Int, declaredSize: UInt32? = nil) {
        let header: [UInt8] = [0xED, 0xC0, 0x81, 0x00, 0x00, 0x00, 0x00, 0x80, 0xA0, 0xFD, 0xA9, 0x17, 0xA9, 0x00]
        let packed = Data(header + [UInt8](repeating: 0, count: packedZeros) + [0x06])
        let size = 1 + 258 * (4 * packedZeros + 4)
        entries.append(Entry(name: Array(name.utf8), packed: packed, method: 8, crc32: 0, declaredSize: declaredSize ?? UInt32(size)))
    }

    /// The archive: local headers with data, the central directory, the end record.
    func bytes() -> Data {
        var out = Data()
        var directory = Data()
        for entry in entries {
            let offset = UInt32(out.count)
            out += le32(0x0403_4B50) + le16(20) + le16(entry.flags) + le16(entry.method) + le16(0) + le16(0x5C21)
            out += le32(entry.crc32) + le32(UInt32(entry.packed.count)) + le32(entry.declaredSize)
            out += le16(UInt16(entry.name.count)) + le16(0) + Data(entry.name) + entry.packed
            directory += le32(0x0201_4B50) + le16(entry.madeBy) + le16(20) + le16(entry.flags) + le16(entry.method) + le16(0) + le16(0x5C21)
            directory += le32(entry.crc32) + le32(UInt32(entry.packed.count)) + le32(entry.declaredSize)
            directory += le16(UInt16(entry.name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(entry.attributes) + le32(offset)
            directory += Data(entry.name)
        }
        let directoryOffset = UInt32(out.count)
        out += directory
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(directory.count)) + le32(directoryOffset) + le16(0)
        return out
    }

    func write(to url: URL) throws {
        try bytes().write(to: url)
    }

    // MARK: Sound contents

    /// statements.jsonl for these lines.
    static func statements(_ lines: [String]) -> Data {
        Data(lines.map { $0 + "\n" }.joined().utf8)
    }

    /// A manifest for `statements` with these learners' counts; override what a test lies about.
    static func manifest(
        _ statements: Data, learners: [(String, Int)], total: Int? = nil, sha256: String? = nil, bytes: Int? = nil, version: Int = 1
    ) throws -> Data {
        let sha = try sha256 ?? Self.sha256(statements)
        let list = learners.map { "{\"learner\":\"\($0.0)\",\"statements\":\($0.1)}" }.joined(separator: ",")
        return Data(
            """
            {"format":"kursus-records","formatVersion":\(version),"createdAt":"2026-03-16T09:00:00Z","kursusVersion":"0.1.0",\
            "selection":"pending","statements":\(total ?? learners.reduce(0) { $0 + $1.1 }),"learners":[\(list)],\
            "members":{"statements.jsonl":{"bytes":\(bytes ?? statements.count),"sha256":"\(sha)"}}}
            """.utf8)
    }

    /// A sound file of one learner's lines; tests change it from there.
    static func sound(learner: String, _ lines: [String]) throws -> TransferFileBuilder {
        let data = statements(lines)
        var builder = TransferFileBuilder()
        builder.add("statements.jsonl", data)
        builder.add("manifest.json", try manifest(data, learners: [(learner, lines.count)]))
        return builder
    }

    /// SHA-256 in lowercase hex, by coreutils' sha256sum.
    static func sha256(_ data: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-sha-\(UUID().uuidString)")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try KursusBinary.runTool(URL(fileURLWithPath: "/usr/bin/sha256sum"), [file.path])
        guard result.status == 0, let digest = result.stdout.split(separator: " ").first, digest.count == 64 else {
            throw KursusBinary.CommandError("sha256sum failed: \(result.stderr)")
        }
        return String(digest)
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }
    private func le32(_ value: UInt32) -> Data { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }
}
