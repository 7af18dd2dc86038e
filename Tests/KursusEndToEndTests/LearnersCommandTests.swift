import Foundation
import Testing

@Suite("kursus learners and kursus progress through the real binary")
struct LearnersCommandTests {
    /// Runs kursus through /bin/sh with `input` on standard input (KursusBinary.run gives /dev/null).
    static func run(_ arguments: [String], input: String) throws -> KursusBinary.Result {
        let quoted = ([try KursusBinary.url.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let script = "printf '%s\\n' '\(input)' | " + quoted.joined(separator: " ")
        return try KursusBinary.runTool(URL(fileURLWithPath: "/bin/sh"), ["-c", script])
    }

    @Test("--help on learners, each of its subcommands, and progress")
    func help() throws {
        for command in [
            ["learners"], ["learners", "list"], ["learners", "add"], ["learners", "remove"], ["learners", "set-pin"], ["learners", "clear-pin"],
            ["progress"],
        ] {
            let result = try KursusBinary.run(command + ["--help"])
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("USAGE: kursus \(command.joined(separator: " "))"), "\(command)")
        }
    }

    @Test("add, list as table and JSON, set and clear PINs, remove")
    func lifecycle() throws {
        let data = try KursusBinary.temporaryFolder("learners")
        defer { try? FileManager.default.removeItem(at: data) }
        let dir = ["--data-dir", data.path]
        let empty = try KursusBinary.run(["learners", "list"] + dir)
        #expect(empty.status == 0)
        #expect(empty.stdout == "No learners in \(data.path)/learners.\n")

        let anna = try KursusBinary.run(["learners", "add", "anna", "--name", "Anna Jensen", "--team", "Afsnit 4"] + dir)
        #expect(anna.status == 0, "\(anna.stderr)")
        #expect(anna.stdout == "Added learner anna (Anna Jensen).\n")
        let bo = try Self.run(["learners", "add", "bo", "--name", "Bo Ærø", "--pin"] + dir, input: "2580")
        #expect(bo.status == 0, "\(bo.stderr)")
        #expect(bo.stdout == "Added learner bo (Bo Ærø) with a PIN.\n")
        let profile = try String(contentsOf: data.appendingPathComponent("learners/bo/profile.json"), encoding: .utf8)
        #expect(profile.contains("\"algorithm\" : \"pbkdf2-sha256\"") && !profile.contains("2580"))

        let again = try KursusBinary.run(["learners", "add", "anna", "--name", "Anden Anna"] + dir)
        #expect(again.status != 0)
        #expect(again.stderr.contains("learners/anna/profile.json: learner 'anna' already exists"))

        // Bo has a PIN: his name is sealed with it (docs/learners.md), so the list shows his id.
        let table = try KursusBinary.run(["learners"] + dir)
        #expect(table.status == 0)
        #expect(
            table.stdout == """
                ID    NAME         TEAM      PIN
                anna  Anna Jensen  Afsnit 4  no
                bo    bo                     yes

                """)
        let json = try KursusBinary.run(["learners", "list", "--format", "json"] + dir)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["anna", "bo"])
        #expect(rows.map { $0["hasPIN"] as? Bool } == [false, true])
        #expect(rows.first?["team"] as? String == "Afsnit 4")

        let setPIN = try Self.run(["learners", "set-pin", "anna"] + dir, input: "1234")
        #expect(setPIN.status == 0, "\(setPIN.stderr)")
        // Bo has a PIN: changing it needs the old one first (issue 16; LearnerGateCommandTests).
        let badPIN = try LearnerGateCommandTests.run(["learners", "set-pin", "bo", "--passphrase-stdin"] + dir, lines: ["2580", "12a"])
        #expect(badPIN.status != 0)
        #expect(badPIN.stderr.contains("the PIN must contain only the digits 0-9"))
        let noPIN = try LearnerGateCommandTests.run(["learners", "set-pin", "bo", "--passphrase-stdin"] + dir, lines: ["2580"])
        #expect(noPIN.status != 0)
        #expect(noPIN.stderr.contains("no PIN on standard input"))
        let clear = try LearnerGateCommandTests.run(["learners", "clear-pin", "bo", "--passphrase-stdin"] + dir, lines: ["2580"])
        #expect(clear.status == 0)
        #expect(clear.stdout == "PIN removed for bo.\n")
        let afterPINs = try KursusBinary.run(["learners", "list"] + dir)
        // Anna's name is now sealed with her new PIN; Bo's is in the clear again without his.
        #expect(afterPINs.stdout.contains("anna  anna          yes\nbo    Bo Ærø        no\n"))

        // Without a terminal to confirm on, remove needs --yes.
        let refused = try KursusBinary.run(["learners", "remove", "anna"] + dir)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("pass --yes"))
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("learners/anna/profile.json").path))
        let removed = try LearnerGateCommandTests.run(["learners", "remove", "anna", "--yes", "--passphrase-stdin"] + dir, lines: ["1234"])
        #expect(removed.status == 0)
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("learners/anna").path))
        let missing = try KursusBinary.run(["learners", "remove", "anna", "--yes"] + dir)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("there is no learner 'anna'"))
    }

    @Test("hostile ids and names are refused and nothing is written", arguments: ["../x", "a/b", ".skjult", "/", "a\u{1B}b"])
    func hostileIDs(id: String) throws {
        let data = try KursusBinary.temporaryFolder("learners-hostile")
        defer { try? FileManager.default.removeItem(at: data) }
        for command in [
            ["learners", "add", id, "--name", "X"], ["learners", "remove", id, "--yes"], ["learners", "clear-pin", id],
            ["progress", "--learner", id],
        ] {
            let result = try KursusBinary.run(command + ["--data-dir", data.path])
            #expect(result.status != 0, "\(command)")
            #expect(result.stderr.contains("learner id"), "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("\u{1B}"))
        }
        let name = try KursusBinary.run(["learners", "add", "anna", "--name", "Anna\u{1B}[2J", "--data-dir", data.path])
        #expect(name.status != 0)
        #expect(name.stderr.contains("the name may not contain control characters"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).isEmpty)
    }

    @Test("progress: figures per course for schema 1 and 2, a damaged file reported on its line")
    func progress() throws {
        let data = try KursusBinary.temporaryFolder("progress-report")
        defer { try? FileManager.default.removeItem(at: data) }
        let folder = data.appendingPathComponent("learners/anna/progress")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(
            """
            {"schema": "kursus-progress", "schemaVersion": 2, "learner": "anna", "course": "digital-kompetence", "courseVersion": "1.0",
             "updatedAt": "2026-03-01T10:15:00Z",
             "units": {"a": {"outcome": "completed", "activeSeconds": 3720}, "b": {"outcome": "passed", "activeSeconds": 60},
                       "c": {"outcome": "failed", "activeSeconds": 0}, "d": {"outcome": "in-progress", "activeSeconds": 30}}}
            """.utf8
        ).write(to: folder.appendingPathComponent("digital-kompetence.json"))
        try Data(
            "{\"schema\": \"kursus-progress\", \"schemaVersion\": 1, \"learner\": \"anna\", \"course\": \"gammel\", \"updatedAt\": \"2025-01-02T08:00:00Z\", \"completed\": [\"a\"], \"started\": [\"b\"]}"
                .utf8
        )
        .write(to: folder.appendingPathComponent("gammel.json"))
        try Data("{\"schema\": \"kursus-pro".utf8).write(to: folder.appendingPathComponent("beskadiget.json"))
        _ = try KursusBinary.run(["learners", "add", "anna", "--name", "Anna Jensen", "--data-dir", data.path])

        let table = try KursusBinary.run(["progress", "--learner", "anna", "--data-dir", data.path], environment: ["TZ": "UTC"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(
            table.stdout == """
                Learner: Anna Jensen (anna)

                COURSE              VERSION  COMPLETED  PASSED  FAILED  IN PROGRESS  TIME  UPDATED
                beskadiget          cannot be read: not a JSON object (\(folder.path)/beskadiget.json)
                digital-kompetence  1.0      1          1       1       1            1:03  2026-03-01 10:15
                gammel              –        1          0       0       1            –     2025-01-02 08:00

                """)
        // The learner defaults to the operating-system user.
        let byUser = try KursusBinary.run(["progress", "--data-dir", data.path, "--format", "json"], environment: ["USER": "anna"])
        #expect(byUser.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(byUser.stdout.utf8)) as? [String: Any])
        #expect((json["learner"] as? [String: Any])?["displayName"] as? String == "Anna Jensen")
        let courses = try #require(json["courses"] as? [[String: Any]])
        #expect(courses.map { $0["course"] as? String } == ["beskadiget", "digital-kompetence", "gammel"])
        #expect(courses[0]["problem"] as? String == "not a JSON object")
        #expect(courses[1]["activeSeconds"] as? Int == 3810)
        #expect(courses[1]["updatedAt"] as? String == "2026-03-01T10:15:00Z")

        let unknown = try KursusBinary.run(["progress", "--learner", "bo", "--data-dir", data.path])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("there is no learner 'bo'"))
        // Never progress in the learner list.
        let list = try KursusBinary.run(["learners", "list", "--format", "json", "--data-dir", data.path])
        #expect(!list.stdout.contains("completed") && !list.stdout.contains("digital-kompetence"))
    }
}
