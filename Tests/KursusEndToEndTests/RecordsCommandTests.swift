import Foundation
import KursusText
import Testing

@Suite("kursus outbox, export and import through the real binary")
struct RecordsCommandTests {
    static func id(_ number: Int, prefix: String = "00000000") -> String {
        let digits = String(number, radix: 16)
        return "\(prefix)-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    static func statement(_ number: Int, verb: String = "completed", prefix: String = "00000000") -> String {
        "{\"actor\":{\"name\":\"x\"},\"id\":\"\(id(number, prefix: prefix))\",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/\(verb)\"}}"
    }

    /// Writes a file, making its folders on the way.
    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func outbox(_ data: URL, _ learner: String) -> URL {
        data.appendingPathComponent("learners/\(learner)/outbox")
    }

    /// Whether output holds anything TerminalSafe would clean (other than line ends).
    static func isClean(_ text: String) -> Bool {
        TerminalSafe.isSafe(text.replacingOccurrences(of: "\n", with: " "))
    }

    /// Every file under `folder` with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if let data = try? Data(contentsOf: url) { files[url.path] = data }
        }
        return files
    }

    @Test("--help on outbox, export and import")
    func help() throws {
        for command in ["outbox", "export", "import"] {
            let result = try KursusBinary.run([command, "--help"])
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("USAGE: kursus \(command)"), "\(command)")
        }
    }

    @Test("outbox: counts after marks, rejections with reasons cleaned, a torn last line not counted; JSON escapes C1 and bidi")
    func outboxCounts() throws {
        let data = try KursusBinary.temporaryFolder("records-outbox")
        defer { try? FileManager.default.removeItem(at: data) }
        let anna = Self.outbox(data, "anna")
        try Self.write(
            (1...4).map { Self.statement($0) + "\n" }.joined() + String(Self.statement(5).prefix(30)),
            to: anna.appendingPathComponent("statements.jsonl"))
        try Self.write("{\"at\":\"2026-03-16T09:00:00Z\",\"id\":\"\(Self.id(1))\"}\n", to: anna.appendingPathComponent("sent.jsonl"))
        try Self.write(
            "{\"at\":\"2026-03-16T09:00:00Z\",\"id\":\"\(Self.id(2))\",\"reason\":\"verb \\u001b[2J\\u009b\\u202eukendt\",\"status\":400}\n",
            to: anna.appendingPathComponent("rejected.jsonl")
        )
        try Self.write(Self.statement(1, prefix: "10000000") + "\n", to: Self.outbox(data, "bo").appendingPathComponent("statements.jsonl"))
        let dir = ["--data-dir", data.path]

        let table = try KursusBinary.run(["outbox"] + dir, environment: ["TZ": "UTC"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(
            table.stdout == """
                LEARNER  PENDING  SENT  REJECTED
                anna     2        1     1
                bo       1        0     0

                Rejected by the LRS (kept, not sent again):
                LEARNER  STATEMENT                             STATUS  AT                REASON
                anna     \(Self.id(2))  400     2026-03-16 09:00  verb ␛[2J\u{FFFD}\u{FFFD}ukendt

                """)
        #expect(table.stderr.contains("statements.jsonl has no line end (a write cut off by a crash, or one in progress); it is not counted"))
        #expect(Self.isClean(table.stdout) && Self.isClean(table.stderr))

        let json = try KursusBinary.run(["outbox", "--format", "json", "--learner", "anna"] + dir)
        #expect(json.status == 0)
        #expect(json.stdout.contains("verb \\u001b[2J\\u009b\\u202eukendt"))
        #expect(Self.isClean(json.stdout))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["pending"] as? Int == 2 && rows[0]["sent"] as? Int == 1 && rows[0]["tornLastLine"] as? Bool == true)
        let rejected = try #require(rows[0]["rejected"] as? [[String: Any]])
        #expect(rejected.first?["reason"] as? String == "verb \u{1B}[2J\u{9B}\u{202E}ukendt")
        #expect(rejected.first?["status"] as? Int == 400)

        let bad = try KursusBinary.run(["outbox", "--learner", "../x"] + dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("learner id '../x'"))
        let unknown = try KursusBinary.run(["outbox", "--learner", "carl"] + dir)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("there is no learner 'carl'"))
        let empty = try KursusBinary.run(["outbox", "--data-dir", data.appendingPathComponent("tom").path])
        #expect(empty.status == 0 && empty.stdout.hasPrefix("No learner has an outbox in "))
    }

    @Test("export, import, import again (nothing new), --all, --force, one learner; the outboxes stay as they were")
    func exportAndImport() throws {
        let folder = try KursusBinary.temporaryFolder("records-flow")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("ward")
        let anna = Self.outbox(data, "anna")
        try Self.write((1...3).map { Self.statement($0) + "\n" }.joined(), to: anna.appendingPathComponent("statements.jsonl"))
        try Self.write("{\"at\":\"2026-03-16T09:00:00Z\",\"id\":\"\(Self.id(1))\"}\n", to: anna.appendingPathComponent("sent.jsonl"))
        try Self.write(Self.statement(7, prefix: "10000000") + "\n", to: Self.outbox(data, "bo").appendingPathComponent("statements.jsonl"))
        let before = Self.snapshot(data)
        let file = folder.appendingPathComponent("afsnit4.kursus-records")

        let export = try KursusBinary.run(["export", "--out", file.path, "--data-dir", data.path])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(
            export.stdout == """
                Wrote 3 statements not yet sent of 2 learners to \(file.path).
                LEARNER  STATEMENTS
                anna     2
                bo       1

                """)
        #expect(Self.snapshot(data) == before)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let listing = try KursusBinary.runTool(URL(fileURLWithPath: "/usr/bin/unzip"), ["-Z1", file.path])
        #expect(listing.stdout == "statements.jsonl\nmanifest.json\n")

        let again = try KursusBinary.run(["export", "--out", file.path, "--data-dir", data.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("\(file.path) exists already; choose another name, or pass --force to replace it"))
        let all = try KursusBinary.run(["export", "--out", file.path, "--all", "--force", "--learner", "anna", "--data-dir", data.path])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.hasPrefix("Wrote 3 statements (all) of 1 learner to "))
        let badID = try KursusBinary.run(["export", "--out", file.path, "--learner", "a/b", "--data-dir", data.path])
        #expect(badID.status == 2)

        let store = folder.appendingPathComponent("trainer/records")
        let imported = try KursusBinary.run(["import", file.path, "--store", store.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("Imported \(file.path) into \(store.path): 3 new statements, 0 already there, 0 left out.\n"))
        #expect(imported.stdout.hasSuffix("by Kursus 0.1.0 for anna. The store holds 3 statements.\n"))
        let twice = try KursusBinary.run(["import", file.path, "--store", store.path])
        #expect(twice.status == 0)
        #expect(twice.stdout.contains(": 0 new statements, 3 already there, 0 left out."))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("segments").path).sorted()
                == ["segment-000001.index", "segment-000001.jsonl"])
        #expect(
            try String(contentsOf: store.appendingPathComponent("segments/segment-000001.jsonl"), encoding: .utf8)
                == (1...3).map { Self.statement($0) + "\n" }.joined())

        // The default store is <data-dir>/records.
        try FileManager.default.removeItem(at: file)
        _ = try KursusBinary.run(["export", "--out", file.path, "--data-dir", data.path])
        let byDefault = try KursusBinary.run(["import", file.path, "--data-dir", folder.appendingPathComponent("trainer").path])
        #expect(byDefault.status == 0)
        #expect(byDefault.stdout.contains("into \(store.path): 1 new statement, 2 already there"))
    }

    @Test("a statement whose id the store holds with other content is reported and left out; the rest is imported (exit 1)")
    func conflictingImport() throws {
        let folder = try KursusBinary.temporaryFolder("records-conflict")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("records").path
        let first = folder.appendingPathComponent("a.kursus-records")
        try TransferFileBuilder.sound(learner: "anna", [Self.statement(1), Self.statement(2)]).write(to: first)
        #expect(try KursusBinary.run(["import", first.path, "--store", store]).status == 0)
        let second = folder.appendingPathComponent("b.kursus-records")
        try TransferFileBuilder.sound(learner: "bo", [Self.statement(2, verb: "failed"), Self.statement(3)]).write(to: second)
        let result = try KursusBinary.run(["import", second.path, "--store", store])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "statement \(Self.id(2)) (learner bo, line 1 of statements.jsonl) is in the store with other content; it was left out"))
        #expect(result.stdout.contains(": 1 new statement, 0 already there, 1 left out."))
        #expect(result.stdout.contains("The store holds 3 statements."))
    }

    @Test(
        "hostile and damaged files are refused whole with a clear reason; the store is left byte for byte as it was",
        arguments: HostileTransferFiles.all)
    func hostileFiles(_ hostile: HostileTransferFiles.Case) throws {
        let folder = try KursusBinary.temporaryFolder("records-hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("records")
        let sound = folder.appendingPathComponent("god.kursus-records")
        try TransferFileBuilder.sound(learner: "bo", [Self.statement(9)]).write(to: sound)
        let setup = try KursusBinary.run(["import", sound.path, "--store", store.path])
        #expect(setup.status == 0, "\(setup.stderr)")
        let before = Self.snapshot(store)

        let file = folder.appendingPathComponent("fjendtlig\u{1B}[2J.kursus-records")
        try hostile.build().write(to: file)
        let result = try KursusBinary.run(["import", file.path, "--store", store.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(hostile.expected), "\(result.stderr)")
        #expect(result.stderr.contains("fjendtlig␛[2J.kursus-records"))
        #expect(result.stderr.contains("nothing was imported"))
        #expect(Self.isClean(result.stdout) && Self.isClean(result.stderr))
        #expect(result.stdout.isEmpty)
        #expect(Self.snapshot(store) == before)
    }

    @Test("escaped control characters inside statements are imported as they are and never printed raw")
    func controlCharactersInStatements() throws {
        let folder = try KursusBinary.temporaryFolder("records-controls")
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = "{\"id\":\"\(Self.id(1))\",\"verb\":{\"display\":{\"da\":\"\\u001b]52;c;aGVq\\u0007\\u009b31m\\u202e\"}}}"
        let file = folder.appendingPathComponent("a.kursus-records")
        try TransferFileBuilder.sound(learner: "anna", [line]).write(to: file)
        let store = folder.appendingPathComponent("records")
        let result = try KursusBinary.run(["import", file.path, "--store", store.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.isClean(result.stdout) && Self.isClean(result.stderr))
        #expect(try String(contentsOf: store.appendingPathComponent("segments/segment-000001.jsonl"), encoding: .utf8) == line + "\n")
    }
}
