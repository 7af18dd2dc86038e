import Foundation
import Testing

/// Issue 16: on a shared account the command line must not read, change or remove a
/// PIN-protected learner without their PIN, and once an admin passphrase is set, no
/// learner without their PIN or that passphrase.
@Suite("kursus learners/progress/admin: the PIN and the admin passphrase guard the data")
struct LearnerGateCommandTests {
    /// Runs kursus with `lines` on standard input, one a line.
    static func run(_ arguments: [String], lines: [String]) throws -> KursusBinary.Result {
        let quote = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = ([try KursusBinary.url.path] + arguments).map(quote).joined(separator: " ")
        let input = lines.isEmpty ? ":" : "printf '%s\\n' " + lines.map(quote).joined(separator: " ")
        return try KursusBinary.runTool(URL(fileURLWithPath: "/bin/sh"), ["-c", "\(input) | \(command)"])
    }

    func profile(_ data: URL, _ id: String) throws -> [String: Any] {
        let bytes = try Data(contentsOf: data.appendingPathComponent("learners/\(id)/profile.json"))
        return try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
    }

    @Test("without a passphrase: a PIN-protected learner's PIN, progress and folder need their PIN; wrong ones count")
    func pinGuards() throws {
        let data = try KursusBinary.temporaryFolder("gate-pin")
        defer { try? FileManager.default.removeItem(at: data) }
        let dir = ["--data-dir", data.path]
        #expect(try Self.run(["learners", "add", "bo", "--name", "Bo Ærø", "--pin"] + dir, lines: ["2580"]).status == 0)
        #expect(try KursusBinary.run(["learners", "add", "anna", "--name", "Anna"] + dir).status == 0)
        let pinBefore = try #require(try profile(data, "bo")["pin"] as? [String: Any])

        // The three commands of the issue, as a colleague would type them.
        let replace = try Self.run(["learners", "set-pin", "bo"] + dir, lines: ["9999"])
        #expect(replace.status != 0)
        #expect(replace.stderr.contains("learner 'bo' is protected: setting their PIN needs their PIN"))
        let read = try KursusBinary.run(["progress", "--learner", "bo", "--format", "json"] + dir)
        #expect(read.status != 0)
        #expect(read.stdout.isEmpty)
        #expect(!read.stderr.contains("Bo Ærø"))
        let remove = try KursusBinary.run(["learners", "remove", "bo", "--yes"] + dir)
        #expect(remove.status != 0)
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("learners/bo/profile.json").path))
        #expect(try profile(data, "bo")["pin"] as? [String: Any] as NSDictionary? == pinBefore as NSDictionary)

        // A wrong PIN is refused and counted; the right one lets the change through.
        let wrong = try Self.run(["learners", "set-pin", "bo", "--passphrase-stdin"] + dir, lines: ["1111", "9999"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("learner 'bo': wrong PIN; nothing was read or changed"))
        #expect(try profile(data, "bo")["failedPINAttempts"] as? Int == 1)
        let right = try Self.run(["learners", "set-pin", "bo", "--passphrase-stdin"] + dir, lines: ["2580", "9999"])
        #expect(right.status == 0, "\(right.stderr)")
        #expect(right.stdout == "PIN set for bo.\n")
        let shown = try Self.run(["progress", "--learner", "bo", "--passphrase-stdin"] + dir, lines: ["9999"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.hasPrefix("Learner: Bo Ærø (bo)"))
        // A learner without a PIN stays open while no passphrase is set.
        #expect(try KursusBinary.run(["progress", "--learner", "anna"] + dir).status == 0)

        // Three wrong answers lock the learner out; then even the right PIN waits.
        for _ in 0..<3 { _ = try Self.run(["learners", "clear-pin", "bo", "--passphrase-stdin"] + dir, lines: ["0000"]) }
        let locked = try Self.run(["learners", "clear-pin", "bo", "--passphrase-stdin"] + dir, lines: ["9999"])
        #expect(locked.status != 0)
        #expect(locked.stderr.contains("learner 'bo': too many wrong PINs or passphrases; try again after"))
        #expect(try profile(data, "bo")["pin"] != nil)
    }

    @Test("admin set-passphrase: hashed in config.yaml beside what was there; changing it needs the old one")
    func setPassphrase() throws {
        let data = try KursusBinary.temporaryFolder("gate-admin")
        defer { try? FileManager.default.removeItem(at: data) }
        let dir = ["--data-dir", data.path]
        let config = data.appendingPathComponent("config.yaml")
        try "# ward 4\nidle-lock-minutes: 5\n".write(to: config, atomically: true, encoding: .utf8)
        let short = try Self.run(["admin", "set-passphrase"] + dir, lines: ["kort"])
        #expect(short.status != 0)
        #expect(short.stderr.contains("the admin passphrase must be 10 to 200 characters long"))
        let set = try Self.run(["admin", "set-passphrase"] + dir, lines: ["heste batteri klammer"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "Admin passphrase set in \(config.path).\n")
        let text = try String(contentsOf: config, encoding: .utf8)
        #expect(text.hasPrefix("# ward 4\nidle-lock-minutes: 5\nadmin-passphrase: {algorithm: pbkdf2-sha256, iterations: 400000, salt: \""))
        #expect(!text.contains("heste"))
        let wrongOld = try Self.run(["admin", "set-passphrase"] + dir, lines: ["gaet et kodeord", "mit eget kodeord"])
        #expect(wrongOld.status != 0)
        #expect(wrongOld.stderr.contains("the current admin passphrase is wrong; nothing was changed"))
        #expect(try String(contentsOf: config, encoding: .utf8) == text)
        let changed = try Self.run(["admin", "set-passphrase"] + dir, lines: ["heste batteri klammer", "ny lang passphrase"])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout == "Admin passphrase changed in \(config.path).\n")
        let after = try String(contentsOf: config, encoding: .utf8)
        #expect(after.components(separatedBy: "admin-passphrase:").count == 2 && after != text)
        // The player still reads the file.
        #expect(try KursusBinary.run(["learners", "list"] + dir).status == 0)
    }

    @Test("with a passphrase: every learner needs their PIN or the passphrase; the passphrase resets a forgotten PIN")
    func passphraseGuards() throws {
        let data = try KursusBinary.temporaryFolder("gate-both")
        defer { try? FileManager.default.removeItem(at: data) }
        let dir = ["--data-dir", data.path]
        #expect(try Self.run(["learners", "add", "bo", "--name", "Bo", "--pin"] + dir, lines: ["2580"]).status == 0)
        #expect(try KursusBinary.run(["learners", "add", "anna", "--name", "Anna"] + dir).status == 0)
        #expect(try Self.run(["admin", "set-passphrase"] + dir, lines: ["heste batteri klammer"]).status == 0)
        let open = try KursusBinary.run(["progress", "--learner", "anna"] + dir)
        #expect(open.status != 0)
        #expect(open.stderr.contains("learner 'anna' is protected: reading their progress needs the admin passphrase"))
        let wrong = try Self.run(["progress", "--learner", "anna", "--passphrase-stdin"] + dir, lines: ["2580"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("learner 'anna': wrong PIN or admin passphrase"))
        #expect(try profile(data, "anna")["failedPINAttempts"] as? Int == 1)
        let admin = try Self.run(["progress", "--learner", "anna", "--passphrase-stdin"] + dir, lines: ["heste batteri klammer"])
        #expect(admin.status == 0, "\(admin.stderr)")
        // Bo forgot his PIN: the passphrase cannot open his encrypted data, so a new PIN
        // with it is refused until the admin says the data may go.
        let refused = try Self.run(["learners", "set-pin", "bo", "--passphrase-stdin"] + dir, lines: ["heste batteri klammer", "7777"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("their progress and details are encrypted with their PIN"))
        #expect(refused.stderr.contains("add --forget-data"))
        let reset = try Self.run(
            ["learners", "set-pin", "bo", "--forget-data", "--passphrase-stdin"] + dir, lines: ["heste batteri klammer", "7777"])
        #expect(reset.status == 0, "\(reset.stderr)")
        #expect(reset.stdout == "PIN set for bo. Their encrypted progress and details could not be opened without their PIN and were deleted.\n")
        let byPIN = try Self.run(["learners", "remove", "bo", "--yes", "--passphrase-stdin"] + dir, lines: ["7777"])
        #expect(byPIN.status == 0, "\(byPIN.stderr)")
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("learners/bo").path))
    }
}
