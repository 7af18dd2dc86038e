import Foundation
import Testing

/// The terminal layer in a real terminal: keys sent as raw bytes under a TERM that is not
/// the real terminal's, the mouse, the cursor on the focused item, a locale without UTF-8.
@Suite("The terminal layer in a real terminal", .serialized)
struct TerminalEndToEndTests {
    func start(
        width: Int = 80, height: Int = 24, term: String = "tmux-256color", lang: String = "C.UTF-8", arguments: String = "--learner anna --lang da",
        data: URL? = nil
    ) throws -> Tmux {
        let data = try data ?? KursusBinary.temporaryFolder("e2e-terminal")
        let command =
            "\(Tmux.quote(try KursusBinary.url.path)) play \(Tmux.quote(KursusBinary.bundledCourse.path)) --data-dir \(Tmux.quote(data.path)) \(arguments)"
        return try Tmux(width: width, height: height, command: command, environment: ["LANG": lang, "LC_ALL": lang, "TERM": term])
    }

    /// Sends bytes to the program as a terminal would, in one write.
    func sendBytes(_ tmux: Tmux, _ text: String) throws {
        let hex = text.utf8.map { String(format: "%02x", $0) }
        try tmux.tmux(["send-keys", "-t", tmux.session, "-H"] + hex)
        usleep(150_000)
    }

    func cursor(_ tmux: Tmux) throws -> String {
        try tmux.tmux(["display-message", "-p", "-t", tmux.session, "#{cursor_flag} #{cursor_x},#{cursor_y}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(
        "Home, End, PgUp and PgDn in their other forms scroll a lesson under TERM=vt100 and TERM=xterm-256color, and never leave it",
        arguments: ["vt100", "xterm-256color"])
    func editingKeysWithWrongTERM(term: String) throws {
        let tmux = try start(term: term)
        try tmux.waitFor("Videokonsultationer i praksis")
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Side 1/")
        let lesson = "2.1 Før konsultationen"
        let steps: [(String, String)] = [
            ("\u{1B}[6~", "Side 2/"), ("\u{1B}[5~", "Side 1/"), ("\u{1B}[4~", "100 %"), ("\u{1B}[1~", "Side 1/"),
            ("\u{1B}[F", "100 %"), ("\u{1B}[H", "Side 1/"), ("\u{1B}OF", "100 %"), ("\u{1B}OH", "Side 1/"),
            ("\u{1B}[8~", "100 %"), ("\u{1B}[7~", "Side 1/"), ("\u{1B}[1;5F", "100 %"), ("\u{1B}[1;5H", "Side 1/"),
            ("\u{1B}[B", "Side 1/"), ("\u{1B}OB", "Side 1/"),
        ]
        for (sequence, expected) in steps {
            try sendBytes(tmux, sequence)
            let screen = try tmux.waitFor(expected)
            #expect(screen.contains(lesson), "after \(sequence.debugDescription) the lesson is still open")
        }
        // Unknown sequences are swallowed whole: no Escape, no stray letters.
        for unknown in ["\u{1B}[99~", "\u{1B}[200~", "\u{1B}[Z", "\u{1B}Ox", "\u{1B}[?1;2c"] {
            try sendBytes(tmux, unknown)
            #expect(try tmux.capture().contains(lesson), "\(unknown.debugDescription) left the lesson")
        }
        // A lone Esc still goes back.
        try tmux.send("Escape")
        try tmux.waitFor("Enter åbn")
        try tmux.send("q")
        try tmux.waitFor("KURSUS-EXIT:0")
    }

    @Test(
        "a click selects a menu line and a second click opens it; the wheel scrolls the lesson",
        arguments: ["tmux-256color", "xterm-256color", "vt100"])
    func mouseOpensUnit(term: String) throws {
        let tmux = try start(term: term)
        let menu = try tmux.waitFor("Videokonsultationer i praksis")
        let lines = menu.components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.contains("2.1  Før konsultationen") })
        // SGR reports are 1-based: column 21, the row below.
        try sendBytes(tmux, "\u{1B}[<0;21;\(row + 1)M\u{1B}[<0;21;\(row + 1)m")
        let selected = try tmux.waitUntil("2.1 selected") { screen in
            screen.components(separatedBy: "\n").contains { $0.contains("▸") && $0.contains("2.1  Før konsultationen") }
        }
        #expect(selected.contains("Enter åbn"), "still on the menu after one click")
        try sendBytes(tmux, "\u{1B}[<0;21;\(row + 1)M\u{1B}[<0;21;\(row + 1)m")
        let top = try tmux.waitFor("Side 1/")
        #expect(top.contains("2.1 Før konsultationen"))
        let firstBodyLine = top.components(separatedBy: "\n")[5]
        try sendBytes(tmux, "\u{1B}[<65;20;10M")
        let scrolled = try tmux.waitUntil("three lines scrolled") { $0.components(separatedBy: "\n")[2] == firstBodyLine }
        #expect(scrolled.contains("2.1 Før konsultationen"))
        try tmux.send("q")
        try tmux.waitFor("KURSUS-EXIT:0")
    }

    @Test(
        "the cursor sits on the selected menu line and a quiz's focused option, and is hidden in a lesson",
        arguments: [(80, 24, "tmux-256color"), (200, 50, "xterm-256color"), (60, 16, "vt100")])
    func cursorFollowsFocus(size: (Int, Int, String)) throws {
        let tmux = try start(width: size.0, height: size.1, term: size.2)
        let menu = try tmux.waitFor("Videokonsultationer i pra")
        let lines = menu.components(separatedBy: "\n")
        let first = try #require(lines.firstIndex { $0.contains("▸") })
        #expect(try cursor(tmux) == "1 2,\(first)")
        try tmux.send("Down")
        let second = try #require(try tmux.waitFor("▸ ○ 2.1").components(separatedBy: "\n").firstIndex { $0.contains("▸") })
        #expect(try cursor(tmux) == "1 2,\(second)")
        try tmux.send("Enter")
        try tmux.waitFor("Side 1/")
        // vt100 has no way to hide the cursor (no civis in its terminfo).
        if size.2 != "vt100" { #expect(try cursor(tmux).hasPrefix("0 "), "no focus in a lesson: the cursor is hidden") }
        try tmux.send("Escape")
        try tmux.waitFor("Enter åbn")
        // The first unit is a survey: its first question's focused option has the cursor.
        try tmux.send("Home", "Enter")
        try tmux.waitFor("Enter")
        try tmux.send("Enter")
        let question = try tmux.waitFor("▸")
        let focused = try #require(question.components(separatedBy: "\n").enumerated().first { $0.element.contains("▸") && $0.element.contains("1") })
        let column = focused.element.distance(to: "▸")
        #expect(try cursor(tmux) == "1 \(column),\(focused.offset)")
        try tmux.send("q")
        try tmux.waitFor("KURSUS-EXIT:0")
    }

    @Test("LANG=C: Danish letters in names are spelled out in ASCII and nothing stale is left on a line", arguments: [(80, 24), (60, 16), (200, 50)])
    func asciiLocale(size: (Int, Int)) throws {
        let data = try KursusBinary.temporaryFolder("e2e-ascii")
        let added = try KursusBinary.run(["learners", "add", "mette", "--name", "Mette Sørensen", "--team", "Diætister", "--data-dir", data.path])
        #expect(added.status == 0, "\(added.stderr)")
        let tmux = try start(width: size.0, height: size.1, lang: "C", arguments: "--lang da", data: data)
        let start = try tmux.waitFor("Mette Soerensen")
        #expect(start.contains("Mette Soerensen - Diaetister"))
        #expect(start.contains("Hvem er du?"))
        try tmux.send("Enter")
        let menu = try tmux.waitFor("Modul 1")
        #expect(menu.contains("Mette Soerensen - Diaetister") || menu.contains("Mette Soerensen - Diae..."))
        #expect(menu.contains("Foer konsultationen"))
        #expect(!menu.unicodeScalars.contains { $0.value > 0x7E }, "only ASCII on screen:\n\(menu)")
        try tmux.send("q")
        try tmux.waitFor("KURSUS-EXIT:0")
    }

    @Test("menu lines cut to fit end in an ellipsis: at 60x16 under TERM=vt100, whole at 80x24", arguments: [(60, 16), (80, 24)])
    func ellipsis(size: (Int, Int)) throws {
        let tmux = try start(width: size.0, height: size.1, term: size.0 == 60 ? "vt100" : "tmux-256color")
        let menu = try tmux.waitFor("Modul 1")
        let lines = menu.components(separatedBy: "\n")
        let module = try #require(lines.first { $0.contains("Modul 2") })
        let unit = try #require(lines.first { $0.contains("2.1  Før konsultationen") })
        if size.0 == 60 {
            #expect(module.contains("Modul 2  Videokonsultationer i praks…  ["), "\(module)")
            #expect(unit.contains("Før konsultationen: teknik og forberede… 10 min"), "\(unit)")
        } else {
            #expect(module.contains("Modul 2  Videokonsultationer i praksis "))
            #expect(unit.contains("Før konsultationen: teknik og forberedelse "))
            #expect(!menu.contains("…"), "nothing is cut at 80 columns")
        }
        try tmux.send("q")
        try tmux.waitFor("KURSUS-EXIT:0")
    }
}

extension String {
    /// The column of `mark` in a screen line (the characters before it are one column each).
    fileprivate func distance(to mark: String) -> Int {
        guard let range = range(of: mark) else { return -1 }
        return self[..<range.lowerBound].count
    }
}
