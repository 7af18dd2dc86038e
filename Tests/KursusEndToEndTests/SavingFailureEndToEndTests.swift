import Foundation
import Testing

/// Issue 16, "Nothing lost without the learner knowing", with the real binary in tmux and
/// a real save failure: the learner's progress folder is replaced by a file (tests run as
/// root, so taking write permission away would not stop the save).
@Suite("Saving fails: the status line, the quit warning, the next start", .serialized)
struct SavingFailureEndToEndTests {
    func start(_ package: URL, data: URL, width: Int = 80, height: Int = 24, linear: Bool = false) throws -> Tmux {
        let command =
            "\(Tmux.quote(try KursusBinary.url.path)) play \(Tmux.quote(package.path)) --data-dir \(Tmux.quote(data.path)) --learner anna --lang da\(linear ? " --linear" : "")"
        return try Tmux(width: width, height: height, command: command, environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color"])
    }

    /// Makes every save fail: the progress folder moves aside and a file takes its place.
    func breakSaving(_ data: URL) throws {
        let folder = data.appendingPathComponent("learners/anna/progress")
        try FileManager.default.moveItem(at: folder, to: data.appendingPathComponent("learners/anna/progress.away"))
        try Data("in the way".utf8).write(to: folder)
    }

    func mendSaving(_ data: URL) throws {
        let folder = data.appendingPathComponent("learners/anna/progress")
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.moveItem(at: data.appendingPathComponent("learners/anna/progress.away"), to: folder)
    }

    /// Opens the quiz and answers its first question (saved), then breaks saving and answers the second.
    func answerWhileFailing(_ tmux: Tmux, data: URL) throws {
        try tmux.waitFor("Lille quiz")
        try tmux.send("Enter")
        try tmux.waitFor("Enter start")
        try tmux.send("Enter")
        try tmux.waitFor("Spørgsmål 1 af 2")
        try tmux.send("2", "Enter")
        try tmux.waitFor("✓ Rigtigt")
        try tmux.send("Enter")
        try tmux.waitFor("Spørgsmål 2 af 2")
        try breakSaving(data)
        try tmux.send("2", "Enter")
        try tmux.waitFor("IKKE GEMT")
    }

    @Test("quit while saving fails: warning, wait, retry, quit anyway; stderr, status 74, and the next start says what was lost")
    func quitAnyway() throws {
        let package = try QuizEndToEndTests.package()
        let data = try KursusBinary.temporaryFolder("save-fails")
        defer { try? FileManager.default.removeItem(at: data) }
        let tmux = try start(package, data: data)
        try answerWhileFailing(tmux, data: data)
        // The reason in full, over the two bottom lines.
        let failing = try tmux.waitFor("not a folder")
        #expect(failing.contains("IKKE GEMT – prøver igen: progress: cannot save progress: not a folder;"), "\(failing)")

        try tmux.send("q")
        let warning = try tmux.waitFor("Ikke gemt endnu")
        #expect(warning.contains("r Prøv at gemme igen nu"))
        #expect(warning.contains("w Vent: gå tilbage (der prøves fortsat at gemme)"))
        #expect(warning.contains("q Afslut alligevel: det, der ikke er gemt, går tabt"))
        try tmux.send("w")
        try tmux.waitUntilGone("Ikke gemt endnu")
        try tmux.send("C-c")
        try tmux.waitFor("Ikke gemt endnu")
        try tmux.send("r")
        // The retry fails too: the warning stays, with its three choices.
        try tmux.waitFor("r Prøv at gemme igen nu")
        try tmux.send("q")
        let end = try tmux.waitFor("KURSUS-EXIT:")
        #expect(end.contains("KURSUS-EXIT:74"), "\(end)")
        // The pane wraps the message at 80 columns, inside words too: compare without blanks.
        func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }
        #expect(squeezed(end).contains(squeezed("kursus: afsluttet før alt var gemt: 1 svar givet siden sidste gemning er tabt")), "\(end)")
        #expect(squeezed(end).contains("cannotsaveprogress:notafolder;"), "\(end)")
        #expect(squeezed(end).contains(squeezed("Det gemte forløb går til enhed 1.1 (Lille quiz), spørgsmål 1.")), "\(end)")

        try mendSaving(data)
        let again = try start(package, data: data)
        let notice = try again.waitFor("Din sidste session")
        #expect(
            notice.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "│", with: " ").split(separator: " ").joined(separator: " ")
                .contains("Din sidste session sluttede, før 1 svar blev gemt; dit gemte forløb går til enhed 1.1 (Lille quiz), spørgsmål 1."),
            "\(notice)")
        try again.send("Enter")
        try again.waitFor("Spørgsmål 2 af 2")
        try again.send("q")
        #expect(try again.exitStatus() == 0)
        // A session that ended with everything saved leaves no marker.
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("learners/anna/.unsaved-quiz-test.json").path))
    }

    @Test("switch learner while saving fails: asked first; switching anyway shows a start screen that does not say the work is saved")
    func switchLearnerAnyway() throws {
        let package = try QuizEndToEndTests.package()
        let data = try KursusBinary.temporaryFolder("save-fails-switch")
        defer { try? FileManager.default.removeItem(at: data) }
        let tmux = try start(package, data: data)
        try answerWhileFailing(tmux, data: data)
        try tmux.send("s")
        let warning = try tmux.waitFor("Ikke gemt endnu")
        #expect(warning.contains("q Skift bruger alligevel: det, der ikke er gemt, går tabt"), "\(warning)")
        #expect(!warning.contains("Afslut alligevel"))
        try tmux.send("w")
        try tmux.waitUntilGone("Ikke gemt endnu")
        try tmux.send("s")
        try tmux.waitFor("Skift bruger alligevel")
        try tmux.send("q")
        let screen = try tmux.waitFor("Der kunne ikke gemmes")
        let squeezed = screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(squeezed.contains("de seneste svar er måske ikke gemt"), "\(screen)")
        #expect(!squeezed.contains("Arbejdet er gemt"), "\(screen)")
        try tmux.send("q")
        // Quitting from the start screen: the answer lost at the switch is reported on
        // stderr, with the status of a quit that lost work.
        let end = try tmux.waitFor("KURSUS-EXIT:")
        #expect(end.contains("afsluttet før alt var gemt"), "\(end)")
        #expect(end.contains("KURSUS-EXIT:74"), "\(end)")
    }

    @Test("retry once the disk is mended: the answer is saved and the quit goes ahead with status 0 (60x16)")
    func retryAfterMending() throws {
        let package = try QuizEndToEndTests.package()
        let data = try KursusBinary.temporaryFolder("save-mended")
        defer { try? FileManager.default.removeItem(at: data) }
        let tmux = try start(package, data: data, width: 60, height: 16)
        try answerWhileFailing(tmux, data: data)
        try tmux.send("q")
        let warning = try tmux.waitFor("Ikke gemt endnu")
        #expect(warning.contains("q Afslut alligevel"), "\(warning)")
        try mendSaving(data)
        try tmux.send("r")
        #expect(try tmux.exitStatus() == 0)
        let record = try QuizEndToEndTests().quizRecord(data)
        #expect((record.attempts.first?["answers"] as? [String: Any])?.keys.sorted() == ["kamera", "tf"])
    }

    @Test("the linear mode: q while saving fails asks first; q again quits with status 74")
    func linearQuit() throws {
        let package = try QuizEndToEndTests.package()
        let data = try KursusBinary.temporaryFolder("save-fails-linear")
        defer { try? FileManager.default.removeItem(at: data) }
        let tmux = try start(package, data: data, linear: true)
        try tmux.waitFor("1. ")
        try tmux.sendLiteral("1")
        try tmux.send("Enter")
        try tmux.waitFor("Enter")
        try tmux.send("Enter")
        try tmux.waitFor("Spørgsmål 1 af 2")
        try breakSaving(data)
        try tmux.sendLiteral("2")
        try tmux.send("Enter")
        try tmux.waitFor("Kunne ikke gemme – prøver igen")
        try tmux.sendLiteral("q")
        try tmux.send("Enter")
        try tmux.waitFor("Skriv r for at prøve at gemme igen")
        try tmux.sendLiteral("q")
        try tmux.send("Enter")
        let end = try tmux.waitFor("KURSUS-EXIT:")
        #expect(end.contains("KURSUS-EXIT:74"), "\(end)")
        #expect(end.contains("afsluttet før alt var gemt"), "\(end)")
    }
}

/// Issue 16: `play` followed symbolic links inside the data directory, writing progress,
/// the lock and the profile outside it and changing the outside folder's mode to 0700.
@Suite("play refuses symbolic links inside the data directory", .serialized)
struct DataLinkEndToEndTests {
    @Test(
        "learners/, learners/<id>/ or …/progress/ as a link: refused with the link's path; the outside folder is untouched",
        arguments: ["learners", "learners/anna", "learners/anna/progress"])
    func refused(place: String) throws {
        let root = try KursusBinary.temporaryFolder("data-links")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        chmod(outside.path, 0o755)
        try Data("mine".utf8).write(to: outside.appendingPathComponent("own.txt"))
        let link = data.appendingPathComponent(place)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: outside.path)

        let tmux = try Tmux.play(data, "--learner anna", width: 200, height: 50)
        let screen = try tmux.waitFor("symbolic link")
        #expect(screen.contains(link.path), "\(screen)")
        try? tmux.send("q")
        try? tmux.send("q")
        _ = try? tmux.waitFor("KURSUS-EXIT:", timeout: 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == ["own.txt"])
        var info = stat()
        #expect(stat(outside.path, &info) == 0 && info.st_mode & 0o777 == 0o755)
    }
}
