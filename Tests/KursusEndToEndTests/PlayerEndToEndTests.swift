import Foundation
import Testing

/// Drives the real binary in a real terminal (tmux) as a learner would.
@Suite("kursus play in a real terminal", .serialized)
struct PlayerEndToEndTests {
    struct Session {
        let tmux: Tmux
        let data: URL

        func progressJSON(learner: String = "anna") throws -> [String: Any] {
            let file = data.appendingPathComponent("learners/\(learner)/progress/digital-kompetence.json")
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
            return try #require(object as? [String: Any])
        }

        func exitStatus() throws -> Int { try tmux.exitStatus() }
    }

    func start(
        width: Int = 80, height: Int = 24, data: URL? = nil, arguments: String = "--learner anna --lang da", environment: [String: String] = [:]
    ) throws -> Session {
        let data = try data ?? KursusBinary.temporaryFolder("e2e-data")
        let command =
            "\(Tmux.quote(try KursusBinary.url.path)) play \(Tmux.quote(KursusBinary.bundledCourse.path)) --data-dir \(Tmux.quote(data.path)) \(arguments)"
        var env = ["LANG": "C.UTF-8", "TERM": "tmux-256color"]
        for (key, value) in environment { env[key] = value }
        let tmux = try Tmux(width: width, height: height, command: command, environment: env)
        return Session(tmux: tmux, data: data)
    }

    @Test("open the course, read a lesson to its end, quit, check the file, relaunch at the bookmark")
    func readLessonAndResume() throws {
        let session = try start()
        let menu = try session.tmux.waitFor("Videokonsultationer i praksis")
        #expect(menu.contains("Kursus · Bliv digitalt kompetent"))
        #expect(menu.contains("anna"))
        #expect(menu.contains("▸ ○ 1.1  Selvvurdering: før kurset"))
        #expect(menu.contains("Enter åbn"))

        try session.tmux.send("Down", "Enter")
        let top = try session.tmux.waitFor("Modul 2 › 2.1 Før konsultationen")
        #expect(top.contains("Side 1/"))
        try session.tmux.send("NPage")
        try session.tmux.waitFor("Side 2/")
        try session.tmux.send("G")
        try session.tmux.waitFor("100 %")
        try session.tmux.send("q")
        #expect(try session.exitStatus() == 0)

        let progress = try session.progressJSON()
        let units = try #require(progress["units"] as? [String: [String: Any]])
        #expect(units.keys.sorted() == ["forberedelse"])
        #expect(units["forberedelse"]?["outcome"] as? String == "completed")
        let bookmark = try #require(progress["bookmark"] as? [String: Any])
        #expect(bookmark["unitID"] as? String == "forberedelse")
        #expect(bookmark["inUnit"] as? Bool == true)
        let scroll = try #require(bookmark["scroll"] as? Int)
        #expect(scroll > 0)

        // Relaunch: lands in the same lesson at the same place.
        let again = try start(data: session.data)
        // The place is restored once the lesson is laid out: wait for it, not just the title.
        let resumed = try again.tmux.waitFor("100 %")
        #expect(resumed.contains("Modul 2 › 2.1 Før konsultationen"))
        try again.tmux.send("Escape")
        let menuAgain = try again.tmux.waitFor("Enter åbn")
        #expect(menuAgain.contains("✓ 2.1"))
        #expect(menuAgain.contains("[██░░░░░░░░] 1/5"))
        try again.tmux.send("q")
        #expect(try again.exitStatus() == 0)
    }

    @Test("help overlay opens with ? and closes with any key")
    func help() throws {
        let session = try start(arguments: "--learner anna --lang en")
        try session.tmux.waitFor("Enter open")
        try session.tmux.send("?")
        let help = try session.tmux.waitFor("Press any key to close")
        #expect(help.contains("save and quit"))
        try session.tmux.send("x")
        let closed = try session.tmux.waitUntilGone("Press any key to close")
        #expect(closed.contains("Enter open"))
        try session.tmux.send("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test("resizing redraws, and a tiny terminal gets a clear message")
    func resize() throws {
        let session = try start(arguments: "--learner anna --lang en")
        try session.tmux.waitFor("Enter open")
        try session.tmux.resize(width: 120, height: 40)
        let wide = try session.tmux.waitUntil("a 120-column title line") { screen in
            (screen.split(separator: "\n").first?.count ?? 0) > 100
        }
        let titleLine = try #require(wide.split(separator: "\n").first)
        #expect(titleLine.hasSuffix("anna"))
        #expect(titleLine.count == 119)
        #expect(wide.split(separator: "\n", omittingEmptySubsequences: false).count >= 40)
        try session.tmux.resize(width: 40, height: 10)
        try session.tmux.waitFor("too small")
        try session.tmux.resize(width: 80, height: 24)
        try session.tmux.waitFor("Enter open")
        try session.tmux.send("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test("Ctrl-C saves, restores the terminal and exits")
    func controlC() throws {
        let session = try start()
        try session.tmux.waitFor("Enter åbn")
        try session.tmux.send("Down", "Down", "Enter")
        try session.tmux.waitFor("2.2 At skabe kontakt")
        try session.tmux.send("C-c")
        #expect(try session.exitStatus() == 0)
        let screen = try session.tmux.capture()
        #expect(!screen.contains("Enter åbn"), "the alternate screen was left: \(screen)")
        let units = try #require(try session.progressJSON()["units"] as? [String: [String: Any]])
        #expect(units["kontakt-gennem-skaermen"]?["outcome"] as? String == "in-progress")
    }

    @Test("SIGTERM and SIGHUP save and restore the terminal", arguments: [(SIGTERM, 143), (SIGHUP, 129)])
    func terminationSignals(signal: Int32, status: Int) throws {
        let session = try start()
        try session.tmux.waitFor("Enter åbn")
        try session.tmux.send("Down", "Down", "Down", "Enter")
        try session.tmux.waitFor("2.3 Når teknikken svigter")
        kill(try session.tmux.programPID(), signal)
        #expect(try session.exitStatus() == status)
        #expect(!(try session.tmux.capture()).contains("Esc tilbage"))
        let bookmark = try #require(try session.progressJSON()["bookmark"] as? [String: Any])
        #expect(bookmark["unitID"] as? String == "naar-teknikken-svigter")
    }

    @Test("a crash (SIGSEGV, SIGABRT) leaves the terminal usable and what was saved intact", arguments: [(SIGSEGV, 139), (SIGABRT, 134)])
    func crashRestoresTerminal(signal: Int32, status: Int) throws {
        let session = try start()
        try session.tmux.waitFor("Enter åbn")
        try session.tmux.send("Down", "Enter")
        try session.tmux.waitFor("2.1 Før konsultationen")
        // Opening the lesson saved a bookmark; wait for it before the crash.
        _ = KursusBinary.eventually { (try? session.progressJSON()["bookmark"]) != nil }
        kill(try session.tmux.programPID(), signal)
        #expect(try session.exitStatus() == status)
        let screen = try session.tmux.capture()
        #expect(!screen.contains("Esc tilbage"), "the alternate screen was left: \(screen)")
        let bookmark = try #require(try session.progressJSON()["bookmark"] as? [String: Any])
        #expect(bookmark["unitID"] as? String == "forberedelse")
    }

    @Test("Ctrl-Z suspends; after SIGCONT the screen is fully redrawn")
    func suspend() throws {
        let session = try start()
        try session.tmux.waitFor("Enter åbn")
        let pid = try session.tmux.programPID()
        try session.tmux.send("C-z")
        // Stopped: the terminal is back to the shell's normal screen.
        _ = try KursusBinary.eventually { !(try session.tmux.capture()).contains("Enter åbn") }
        #expect(!(try session.tmux.capture()).contains("Enter åbn"))
        kill(pid, SIGCONT)
        try session.tmux.send("Down")
        let screen = try session.tmux.waitFor("Enter åbn")
        #expect(screen.contains("Kursus · Bliv digitalt kompetent"))
        try session.tmux.send("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test("NO_COLOR gives a monochrome UI that still shows focus with reverse video")
    func monochrome() throws {
        let session = try start(environment: ["NO_COLOR": "1"])
        try session.tmux.waitFor("Enter åbn")
        let screen = try session.tmux.capture(escapes: true)
        #expect(screen.contains("\u{1B}[7m") || screen.contains(";7m"), "no reverse video in: \(screen.debugDescription)")
        let colour = try Regex(#"\x1B\[(?:[0-9;]*;)?(?:3[0-7]|4[0-7]|38;5;[0-9]+)(?:;|m)"#)
        #expect(screen.firstMatch(of: colour) == nil, "colour codes in a monochrome UI")
        try session.tmux.send("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test("a large terminal uses the space and keeps the lesson readable")
    func largeTerminal() throws {
        let session = try start(width: 160, height: 50)
        try session.tmux.waitFor("Enter åbn")
        try session.tmux.send("Down", "Enter")
        let screen = try session.tmux.waitFor("Modul 2 › 2.1")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 49)
        #expect(lines.allSatisfy { $0.count <= 160 })
        try session.tmux.send("q")
        #expect(try session.exitStatus() == 0)
    }
}
