import Foundation
import KursusRecords
import KursusTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Learning records from the real player to a real Ralph LRS: a learner plays every
/// unit kind in tmux, `kursus sync` sends the records, and the test reads them back from
/// the LRS. Then the faults: the LRS stopped in the middle of a sync and started again,
/// and the sync killed with SIGKILL; every statement arrives exactly once.
@Suite("Learning records reach a real LRS", .ralph, .serialized)
struct RecordsEndToEndTests {
    @Test("a learner plays a lesson, a quiz, a survey, an anonymous evaluation and a scenario; sync delivers exactly those statements")
    func playAndSync() throws {
        let ralph = try RalphScope.current()
        let package = try RecordsPackage.make()
        let folder = try KursusBinary.temporaryFolder("records-e2e")
        defer {
            try? FileManager.default.removeItem(at: package)
            try? FileManager.default.removeItem(at: folder)
        }
        let data = folder.appendingPathComponent("data")
        let validate = try KursusBinary.run(["validate", package.path])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")

        let command =
            "\(Tmux.quote(try KursusBinary.url.path)) play \(Tmux.quote(package.path)) --data-dir \(Tmux.quote(data.path)) --learner anna --lang da"
        let tmux = try Tmux(width: 80, height: 24, command: command, environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color"])
        try tmux.waitFor("Kort lektion")
        // The lesson is shorter than the screen: shown is read.
        try tmux.send("Enter")
        try tmux.waitFor("Slut på lektionen")
        try tmux.send("Escape")
        try tmux.waitFor("✓ 1.1")
        // The quiz: the right option, then "false"; feedback at the end, passed.
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Lille quiz")
        try tmux.send("Enter")
        try tmux.waitFor("Hvad gør du først?")
        try tmux.send("2", "Enter")
        try tmux.waitFor("altid bruge video")
        try tmux.send("2", "Enter")
        try tmux.waitFor("Bestået")
        try tmux.send("Enter")
        try tmux.waitFor("✓ 1.2")
        // The survey, then the anonymous evaluation.
        for (row, key) in [("1.3", "4"), ("1.4", "5")] {
            try tmux.send("Down", "Enter")
            try tmux.send("Enter")
            try tmux.waitFor("Helt enig")
            try tmux.send(key, "Enter")
            try tmux.waitUntil("the survey is done") { $0.contains("Tak") || $0.contains("gemt") }
            try tmux.send("Enter")
            try tmux.waitFor("✓ \(row)")
        }
        // The scenario: the good option, to the debrief, back.
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Hvad gør du?")
        // A key within 300 ms of a choice appearing is not an answer; the ended call waits for Enter.
        usleep(400_000)
        try tmux.send("1", "Enter")
        try tmux.waitFor("Samtalen er slut")
        try tmux.send("Enter")
        try tmux.waitFor("Debriefing")
        try tmux.send("Enter")
        try tmux.waitFor("✓ 1.5")
        try tmux.send("q")
        try tmux.waitFor("KURSUS-EXIT:0")

        let journal = data.appendingPathComponent("learners/anna/outbox/statements.jsonl")
        let made = try Self.statements(in: journal)
        let sync = try KursusBinary.run(["sync", "--data-dir", data.path, "--lrs", ralph.url, "--credentials", ralph.credentialsFile])
        #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")

        let held = try ralph.allStatements()
        let heldByID = Dictionary(grouping: held, by: \.id)
        #expect(held.count == made.count, "the LRS holds exactly what the player made")
        #expect(heldByID.values.allSatisfy { $0.count == 1 })
        #expect(Set(heldByID.keys) == Set(made.map(\.id)))
        let objects = try held.map { try #require(JSONSerialization.jsonObject(with: $0.json) as? [String: Any]) }
        for statement in made {
            #expect(StatementValidator.problems(in: Data(statement.line.utf8)).isEmpty, "\(statement.line.prefix(300))")
        }
        let verbs = made.map(\.verb)
        #expect(verbs.first == "http://adlnet.gov/expapi/verbs/initialized")
        #expect(verbs.last == "http://adlnet.gov/expapi/verbs/terminated")
        #expect(verbs.filter { $0.hasSuffix("/launched") }.count == 5, "one opening of each unit: \(verbs)")
        #expect(verbs.filter { $0.hasSuffix("/answered") }.count == 5, "two quiz answers, two survey answers, one scenario choice: \(verbs)")
        #expect(verbs.filter { $0.hasSuffix("/passed") }.count == 2, "the quiz and the scenario: \(verbs)")
        #expect(verbs.filter { $0.hasSuffix("/completed") }.count == 3, "the lesson and the two surveys: \(verbs)")
        #expect(made.count == 17, "a session start and end, five openings, five answers, three completions, two passes")

        // Answers are interactions of the right type, with the learner's response.
        let answers = objects.filter { ($0["verb"] as? [String: Any])?["id"] as? String == "http://adlnet.gov/expapi/verbs/answered" }
        let types = Set(answers.compactMap { (($0["object"] as? [String: Any])?["definition"] as? [String: Any])?["interactionType"] as? String })
        #expect(types == ["choice", "true-false", "likert"], "\(types)")
        let passed = objects.filter { ($0["verb"] as? [String: Any])?["id"] as? String == "http://adlnet.gov/expapi/verbs/passed" }
        #expect(passed.allSatisfy { ($0["result"] as? [String: Any])?["success"] as? Bool == true })

        // The anonymous evaluation carries nothing that leads back to anna.
        let anonymous = made.filter { $0.line.contains("/units/eval") }
        #expect(anonymous.count == 3)
        let registration = made.first { !$0.line.contains("/units/eval") }?.registration
        for statement in anonymous {
            #expect(!statement.line.contains("anna"), "\(statement.line.prefix(400))")
            #expect(statement.registration != registration)
        }
    }

    @Test("the LRS stopped in the middle of a sync and started again, and the sync killed with SIGKILL: every statement arrives exactly once")
    func faults() throws {
        let ralph = try RalphScope.current()
        let folder = try KursusBinary.temporaryFolder("records-faults")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        let before = try ralph.allStatements().count
        var ids: [String] = []
        for learner in ["bo", "cia"] {
            ids += try Self.writeJournal(data, learner: learner, count: 1500)
        }
        let arguments = ["sync", "--data-dir", data.path, "--lrs", ralph.url, "--credentials", ralph.credentialsFile]

        // Killed with SIGKILL while it works, twice.
        for delay in [300_000, 900_000] as [UInt32] {
            let child = try CrashTests.Child.start(arguments, in: folder, name: "killed-\(delay)")
            usleep(delay)
            kill(child.pid, SIGKILL)
            _ = try child.wait()
        }
        // The LRS stops while a sync runs; that sync leaves the rest pending.
        let running = try CrashTests.Child.start(arguments, in: folder, name: "stopped")
        usleep(300_000)
        try ralph.stop()
        let stoppedStatus = try running.wait()
        #expect(stoppedStatus == 1 || stoppedStatus == 0, "\(running.errors)")
        try ralph.restart()
        let last = try KursusBinary.run(arguments)
        #expect(last.status == 0, "\(last.stdout)\(last.stderr)")

        let held = try ralph.allStatements()
        let counts = Dictionary(grouping: held, by: \.id).mapValues(\.count)
        #expect(held.count == before + ids.count, "every statement once, none twice")
        #expect(ids.allSatisfy { counts[$0] == 1 })
        let outbox = try KursusBinary.run(["outbox", "--data-dir", data.path, "--format", "json"])
        #expect(outbox.stdout.contains("\"pending\" : 0"), "\(outbox.stdout)")
    }

    @Test("an offline laptop's records go by transfer file into the trainer's record store, and sync --store forwards them once")
    func transferFileToStore() throws {
        let ralph = try RalphScope.current()
        let folder = try KursusBinary.temporaryFolder("records-transfer")
        defer { try? FileManager.default.removeItem(at: folder) }
        let laptop = folder.appendingPathComponent("laptop")
        let ids = try Self.writeJournal(laptop, learner: "dan", count: 200)
        let file = folder.appendingPathComponent("workshop.kursus-records").path
        let export = try KursusBinary.run(["export", "--out", file, "--data-dir", laptop.path])
        #expect(export.status == 0, "\(export.stdout)\(export.stderr)")
        let store = folder.appendingPathComponent("store").path
        for _ in 0..<2 {
            let imported = try KursusBinary.run(["import", file, "--store", store])
            #expect(imported.status == 0, "importing again changes nothing: \(imported.stdout)\(imported.stderr)")
        }
        let arguments = ["sync", "--store", store, "--lrs", ralph.url, "--credentials", ralph.credentialsFile]
        let first = try KursusBinary.run(arguments)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("200 delivered"), "\(first.stdout)")
        // Not on a terminal: plain progress lines, no bar drawn over itself.
        #expect(first.stderr.contains("sync: 200 of 200 ("), "\(first.stderr)")
        #expect(!first.stderr.contains("\r"))
        let again = try KursusBinary.run(arguments)
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 delivered"), "nothing is sent twice: \(again.stdout)")
        let counts = Dictionary(grouping: try ralph.allStatements(), by: \.id).mapValues(\.count)
        #expect(ids.allSatisfy { counts[$0] == 1 })
    }

    @Test("sync without an LRS set up, or with a wrong password, says what to fix and changes nothing")
    func badSetup() throws {
        let ralph = try RalphScope.current()
        let folder = try KursusBinary.temporaryFolder("records-setup")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        _ = try Self.writeJournal(data, learner: "eva", count: 3)
        let none = try KursusBinary.run(["sync", "--data-dir", data.path])
        #expect(none.status == 2)
        #expect(none.stderr.contains("records.lrs.endpoint"), "\(none.stderr)")
        let wrong = folder.appendingPathComponent("wrong.yaml")
        try "username: \(ralph.username)\npassword: not-the-password\n".write(to: wrong, atomically: true, encoding: .utf8)
        chmod(wrong.path, 0o600)
        let refused = try KursusBinary.run(["sync", "--data-dir", data.path, "--lrs", ralph.url, "--credentials", wrong.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("records.lrs.credentials"), "\(refused.stderr)")
        let outbox = try KursusBinary.run(["outbox", "--data-dir", data.path, "--format", "json"])
        #expect(outbox.stdout.contains("\"pending\" : 3"), "nothing was marked: \(outbox.stdout)")
    }

    /// A statement line of a journal, with what the checks need.
    struct Made {
        var line: String
        var id: String
        var verb: String
        var registration: String?
    }

    static func statements(in journal: URL) throws -> [Made] {
        let text = try String(contentsOf: journal, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return Made(
                line: String(line), id: try #require(object["id"] as? String),
                verb: try #require((object["verb"] as? [String: Any])?["id"] as? String),
                registration: (object["context"] as? [String: Any])?["registration"] as? String
            )
        }
    }

    /// A learner's outbox journal with `count` valid `answered` statements; their ids.
    static func writeJournal(_ data: URL, learner: String, count: Int) throws -> [String] {
        let folder = data.appendingPathComponent("learners/\(learner)/outbox")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var lines = ""
        var ids: [String] = []
        for index in 0..<count {
            let id = UUID().uuidString.lowercased()
            ids.append(id)
            let statement: [String: Any] = [
                "id": id,
                "actor": ["objectType": "Agent", "account": ["homePage": "https://kursus.invalid", "name": learner]],
                "verb": ["id": "http://adlnet.gov/expapi/verbs/answered", "display": ["en": "answered"]],
                "object": ["objectType": "Activity", "id": "https://kursus.invalid/xapi/courses/faults/units/q/questions/\(index)"],
                "result": ["response": "2", "success": true],
                "timestamp": "2026-12-06T10:00:00.000Z",
            ]
            lines += String(decoding: try JSONSerialization.data(withJSONObject: statement, options: [.sortedKeys]), as: UTF8.self) + "\n"
        }
        let file = folder.appendingPathComponent("statements.jsonl")
        try Data(lines.utf8).write(to: file)
        chmod(file.path, 0o600)
        return ids
    }
}
