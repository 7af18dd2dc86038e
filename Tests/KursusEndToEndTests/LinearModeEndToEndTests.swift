import Foundation
import Testing

/// The linear mode for screen readers, through the real binary: a whole course played
/// from a script and compared with golden text, the PIN never echoed on a real terminal,
/// `TERM=dumb` starting the linear mode, hostile course text printed cleaned, and the
/// progress it saves resumed by the full screen.
@Suite("Linear mode", .serialized)
struct LinearModeEndToEndTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/linear-transcript.txt")

    /// Every unit of the fixture, answered line by line as a learner would type.
    static let script = [
        // A new learner: name, team, the suggested id kept, no PIN.
        "Mette Sørensen", "Diætister", "", "",
        // The lesson, page by page, then back to the menu.
        "?", "1", "", "", "", "",
        // The quiz: intro, then every question kind, each followed by its feedback.
        "2", "", "2", "", "1 3", "", "2", "", "plan b", "", "1", "", "1 2", "", "1 2 3", "", "", "b",
        // The survey: a scale point and a free text.
        "3", "", "3", "More examples, please.", "b",
        // The scenario: one choice to a good ending, the ended call, then the debrief.
        "4", "1", "", "",
        // The menu with its statuses, and quit.
        "m", "q",
    ]

    func run(_ input: [String], data: URL, course: URL, environment: [String: String] = [:], arguments: String = "--linear")
        throws -> KursusBinary.Result
    {
        let script = data.appendingPathComponent("script.txt")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data(input.map { $0 + "\n" }.joined().utf8).write(to: script)
        let command =
            "exec \(Tmux.quote(try KursusBinary.url.path)) play \(Tmux.quote(course.path)) --data-dir \(Tmux.quote(data.path)) --lang en --test-clock 1800000000 \(arguments) < \(Tmux.quote(script.path))"
        var env = ["LANG": "C.UTF-8", "TERM": "xterm-256color"]
        for (key, value) in environment { env[key] = value }
        return try KursusBinary.runTool(URL(fileURLWithPath: "/bin/sh"), ["-c", command], environment: env)
    }

    func fixture() throws -> (course: URL, data: URL, cleanup: () -> Void) {
        let root = try KursusBinary.temporaryFolder("linear")
        let course = root.appendingPathComponent("course")
        try LinearFixture.write(to: course)
        return (course, root.appendingPathComponent("data"), { try? FileManager.default.removeItem(at: root) })
    }

    @Test("the whole course played from a script reads as the golden transcript")
    func transcript() throws {
        let (course, data, cleanup) = try fixture()
        defer { cleanup() }
        let result = try run(Self.script, data: data, course: course)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        if ProcessInfo.processInfo.environment["KURSUS_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: Self.golden)
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(result.stdout == expected)
        // Every unit was finished, and the lesson is complete in the saved progress.
        let progress = try String(contentsOf: data.appendingPathComponent("learners/mette-soerensen/progress/linear-fixture.json"), encoding: .utf8)
        #expect(progress.contains("long-lesson"))
        #expect(result.stdout.contains("4. A short call, passed"))
        #expect(result.stdout.contains("1. A long lesson, complete"))
    }

    @Test("hostile course text prints cleaned, in a UTF-8 and in an ASCII locale")
    func hostileText() throws {
        let (course, data, cleanup) = try fixture()
        defer { cleanup() }
        for lang in ["C.UTF-8", "C"] {
            let result = try run(
                ["Ann", "", "", "", "1", "", "", "", "", "4", "1", "", "", "q"], data: data.appendingPathComponent(lang), course: course,
                environment: ["LANG": lang, "LC_ALL": lang])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let bytes = Array(result.stdout.utf8)
            #expect(!bytes.contains(0x1B), "ESC in the output under LANG=\(lang)")
            #expect(!result.stdout.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || ($0.value < 0x20 && $0 != "\n") })
            #expect(result.stdout.contains("Hostile text follows:"))
            #expect(result.stdout.contains("Birthe: Hello? Can you see me?"))
            if lang == "C" {
                #expect(bytes.allSatisfy { $0 < 0x80 }, "non-ASCII bytes under LANG=C")
                #expect(result.stdout.contains("Kursus in linear mode"))
            }
        }
    }

    @Test("progress saved in linear mode is resumed by the full screen")
    func fullScreenResumes() throws {
        let (course, data, cleanup) = try fixture()
        defer { cleanup() }
        // The lesson read to its end, the scenario to a good ending.
        let result = try run(["Ann Berg", "", "", "", "1", "", "", "", "", "4", "1", "", "", "q"], data: data, course: course)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let command =
            "\(Tmux.quote(try KursusBinary.url.path)) play \(Tmux.quote(course.path)) --data-dir \(Tmux.quote(data.path)) --lang en --learner ann-berg"
        let tmux = try Tmux(width: 80, height: 24, command: command, environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color"])
        // The full screen shows both done, the menu on the unit played last, and the share done.
        let screen = try tmux.waitFor("A short call")
        #expect(screen.contains("✓ 1.1  A long lesson"), "screen:\n\(screen)")
        #expect(screen.contains("▸ ✓ 3.1  A short call"), "screen:\n\(screen)")
        #expect(screen.contains("50 % complete"), "screen:\n\(screen)")
        try tmux.send("q")
        _ = try tmux.waitFor("KURSUS-EXIT:0")
    }

    @Test("a PIN is never echoed on a real terminal, when created or typed")
    func pinNotEchoed() throws {
        let (course, data, cleanup) = try fixture()
        defer { cleanup() }
        let command =
            "\(Tmux.quote(try KursusBinary.url.path)) play \(Tmux.quote(course.path)) --data-dir \(Tmux.quote(data.path)) --lang en --linear"
        let tmux = try Tmux(width: 80, height: 24, command: command, environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color"])
        try tmux.waitFor("Name:")
        for line in ["Pia Holm", "", ""] {
            try tmux.sendLiteral(line)
            try tmux.send("Enter")
        }
        try tmux.waitFor("not shown as you type")
        try tmux.sendLiteral("4711")
        try tmux.send("Enter")
        // A new learner's PIN is typed twice, and the second time is as secret.
        try tmux.waitFor("Repeat PIN:")
        try tmux.sendLiteral("4711")
        try tmux.send("Enter")
        try tmux.waitFor("Menu: Linear fixture")
        try tmux.sendLiteral("s")
        try tmux.send("Enter")
        // Listed under her id: her name is sealed with her PIN.
        try tmux.waitFor("1. pia-holm")
        try tmux.sendLiteral("1")
        try tmux.send("Enter")
        try tmux.waitFor("PIN for pia-holm")
        try tmux.sendLiteral("4711")
        try tmux.send("Enter")
        // Everything the terminal showed, the scrolled-off lines too.
        func history() throws -> String { try tmux.tmux(["capture-pane", "-p", "-t", tmux.session, "-S", "-500"]) }
        #expect(try KursusBinary.eventually { try history().components(separatedBy: "Menu: Linear fixture").count == 3 })
        let all = try history()
        #expect(all.contains("PIN for pia-holm"))
        #expect(!all.contains("4711"), "the PIN shows:\n\(all)")
        #expect(!all.contains("****"), "the PIN's length shows:\n\(all)")
        try tmux.sendLiteral("q")
        try tmux.send("Enter")
        _ = try tmux.waitFor("KURSUS-EXIT:0")
    }

    @Test("TERM=dumb starts the linear mode with a note instead of a blank screen")
    func dumbTerminal() throws {
        let (course, data, cleanup) = try fixture()
        defer { cleanup() }
        let command = "\(Tmux.quote(try KursusBinary.url.path)) play \(Tmux.quote(course.path)) --data-dir \(Tmux.quote(data.path)) --lang en"
        let tmux = try Tmux(width: 80, height: 24, command: command, environment: ["LANG": "C.UTF-8", "TERM": "dumb"])
        let screen = try tmux.waitFor("Name:")
        #expect(screen.contains("Linear mode: TERM=dumb cannot show the full screen."))
        #expect(screen.contains("TERM=xterm-256color"))
        try tmux.sendLiteral(".")
        try tmux.send("Enter")
        try tmux.sendLiteral("q")
        try tmux.send("Enter")
        _ = try tmux.waitFor("KURSUS-EXIT:0")
    }

    @Test("the idle lock warns in a line that Enter answers, says when it locks, and shows the start screen")
    func idleLock() throws {
        let (course, data, cleanup) = try fixture()
        defer { cleanup() }
        let command =
            "\(Tmux.quote(try KursusBinary.url.path)) play \(Tmux.quote(course.path)) --data-dir \(Tmux.quote(data.path)) --lang en --linear --idle-lock-seconds 6"
        let tmux = try Tmux(width: 80, height: 24, command: command, environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color"])
        try tmux.waitFor("Name:")
        for line in ["Ida Lund", "", "", ""] {
            try tmux.sendLiteral(line)
            try tmux.send("Enter")
        }
        try tmux.waitFor("Menu: Linear fixture")
        // Half the lock's time (it is shorter than two minutes) before it locks: a warning.
        try tmux.waitFor("No key for a while: in ")
        // Enter keeps the learner signed in: the lock's time starts again.
        try tmux.send("Enter")
        usleep(4_000_000)
        #expect(!(try tmux.capture()).contains("Locking now"))
        let screen = try tmux.waitFor("Who are you?")
        #expect(screen.contains("seconds the player saves and locks. Press Enter to"))
        #expect(screen.contains("Locking now: your work is saved."))
        #expect(screen.contains("Locked after 1 min without activity. The work is saved."))
        #expect(screen.contains("1. Ida Lund"))
        try tmux.sendLiteral("q")
        try tmux.send("Enter")
        _ = try tmux.waitFor("KURSUS-EXIT:0")
    }
}
