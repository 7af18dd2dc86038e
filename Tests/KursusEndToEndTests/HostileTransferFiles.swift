import Foundation
import Testing

/// Every hostile or damaged transfer file the import must refuse whole, each built
/// byte by byte with `TransferFileBuilder`, with the words the refusal must contain.
enum HostileTransferFiles {
    /// A hostile or damaged transfer file and what the refusal must say.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var expected: String
        var build: @Sendable () throws -> Data
        var testDescription: String { name }
    }

    static let lines = [RecordsCommandTests.statement(1), RecordsCommandTests.statement(2)]

    static let all: [Case] = {
        typealias B = TransferFileBuilder
        func sound(_ change: @escaping @Sendable (inout B) throws -> Void) -> @Sendable () throws -> Data {
            {
                var builder = try B.sound(learner: "anna", lines)
                try change(&builder)
                return builder.bytes()
            }
        }
        func withStatements(_ text: String, learners: [(String, Int)]? = nil, total: Int? = nil, sha: String? = nil) -> @Sendable () throws -> Data {
            {
                let data = Data(text.utf8)
                var builder = B()
                builder.add("statements.jsonl", data)
                let count = text.split(separator: "\n").count
                builder.add("manifest.json", try B.manifest(data, learners: learners ?? [("anna", count)], total: total, sha256: sha))
                return builder.bytes()
            }
        }
        let twoLines = lines.map { $0 + "\n" }.joined()
        return [
            Case(
                name: "zip slip", expected: "entry '../x' would be unpacked outside its folder ('..')",
                build: sound { $0.add("../x", Data("x".utf8)) }),
            Case(
                name: "zip slip inside a folder", expected: "entry 'a/../../x' would be unpacked outside its folder",
                build: sound { $0.add("a/../../x", Data()) }),
            Case(name: "absolute name", expected: "entry '/etc/cron.d/x' has an absolute name", build: sound { $0.add("/etc/cron.d/x", Data()) }),
            Case(
                name: "symbolic link", expected: "entry 'statements.jsonl' is a symbolic link",
                build: sound { $0.entries[0].attributes = 0o120777 << 16 }),
            Case(name: "duplicate names", expected: "entry 'statements.jsonl' appears twice", build: sound { $0.add("statements.jsonl", Data()) }),
            Case(name: "non-UTF-8 name", expected: "an entry's name is not UTF-8 text", build: sound { $0.add([0x73, 0xFF, 0xFE], Data()) }),
            Case(name: "CP437 name", expected: "an entry's name is not UTF-8 text", build: sound { $0.add([0x73, 0x82], Data()) { $0.flags = 0 } }),
            Case(name: "encrypted entry", expected: "entry 'statements.jsonl' is encrypted", build: sound { $0.entries[0].flags |= 1 }),
            Case(
                name: "too many entries", expected: "20 entries in the archive (a transfer file has 2)",
                build: sound { builder in
                    for index in 0..<18 { builder.add("x\(index)", Data()) }
                }),
            Case(
                name: "zip bomb", expected: "statements.jsonl unpacks to over 200 times its packed size (a zip bomb)",
                build: {
                    var builder = B()
                    builder.addBomb("statements.jsonl", packedZeros: 70_000)
                    let size = Int(builder.entries[0].declaredSize)
                    builder.add(
                        "manifest.json", try B.manifest(Data(), learners: [("anna", 1)], sha256: String(repeating: "0", count: 64), bytes: size))
                    return builder.bytes()
                }),
            Case(
                name: "zip bomb declaring a small size", expected: "statements.jsonl unpacks to more than its declared size",
                build: {
                    var builder = B()
                    builder.addBomb("statements.jsonl", packedZeros: 70_000, declaredSize: 500)
                    builder.add(
                        "manifest.json", try B.manifest(Data(), learners: [("anna", 1)], sha256: String(repeating: "0", count: 64), bytes: 500))
                    return builder.bytes()
                }),
            Case(
                name: "manifest bomb", expected: "manifest.json is larger than 4194304 bytes",
                build: sound { builder in
                    builder.entries.removeLast()
                    builder.addBomb("manifest.json", packedZeros: 10_000)
                }),
            Case(
                name: "cut off", expected: "no end-of-archive record: not a ZIP archive, or cut off",
                build: {
                    let bytes = try B.sound(learner: "anna", lines).bytes()
                    return bytes.prefix(bytes.count - 30)
                }),
            Case(
                name: "cut in half", expected: "no end-of-archive record",
                build: {
                    let bytes = try B.sound(learner: "anna", lines).bytes()
                    return bytes.prefix(bytes.count / 2)
                }),
            Case(name: "not a ZIP file", expected: "no end-of-archive record", build: { Data("dette er ikke en zip\n".utf8) }),
            Case(name: "empty file", expected: "no end-of-archive record", build: { Data() }),
            Case(name: "wrong CRC-32", expected: "statements.jsonl fails its CRC-32 check", build: sound { $0.entries[0].crc32 ^= 1 }),
            Case(
                name: "SHA-256 does not match", expected: "the SHA-256 of statements.jsonl is",
                build: withStatements(twoLines, sha: String(repeating: "0", count: 64))),
            Case(
                name: "count does not match", expected: "statements.jsonl has 2 statements, the manifest says 3",
                build: withStatements(twoLines, learners: [("anna", 3)])),
            Case(
                name: "learners' counts do not add up", expected: "the learners' counts add up to 1, but \"statements\" says 2",
                build: withStatements(twoLines, learners: [("anna", 1)], total: 2)),
            Case(name: "no manifest", expected: "the file has no manifest.json", build: sound { $0.entries.removeLast() }),
            Case(
                name: "newer format", expected: "written by a newer Kursus (format version 2",
                build: sound { builder in
                    builder.entries.removeLast()
                    builder.add("manifest.json", try B.manifest(B.statements(lines), learners: [("anna", 2)], version: 2))
                }),
            Case(
                name: "statement not a JSON object", expected: "statements.jsonl line 2: not a JSON object",
                build: withStatements(lines[0] + "\n[1,2]\n")),
            Case(
                name: "id not a UUID", expected: "statements.jsonl line 1: the id \"1\" is not a lowercase UUID",
                build: withStatements("{\"id\":\"1\"}\n")),
            Case(
                name: "upper-case UUID", expected: "is not a lowercase UUID",
                build: withStatements("{\"id\":\"\(RecordsCommandTests.id(0xABC).uppercased())\"}\n")),
            Case(
                name: "line over 1 MiB", expected: "statements.jsonl line 1: longer than 1048576 bytes",
                build: withStatements(
                    "{\"id\":\"\(RecordsCommandTests.id(1))\",\"x\":\"" + String(repeating: "a", count: 1 << 20) + "\"}\n")),
            Case(
                name: "raw control character in a string", expected: "statements.jsonl line 1: not valid JSON",
                build: withStatements(
                    "{\"id\":\"\(RecordsCommandTests.id(1))\",\"x\":\"\u{1B}]52;c;aGVq\u{07}\"}\n")),
            Case(
                name: "escaped control characters in the id", expected: "the id \"␛[2J\u{FFFD}\" is not a lowercase UUID",
                build: withStatements(
                    "{\"id\":\"\\u001b[2J\\u202e\"}\n")),
            Case(
                name: "last line without its line end", expected: "statements.jsonl ends in the middle of a line",
                build: withStatements(lines[0] + "\n" + lines[1])),
        ]
    }()
}
