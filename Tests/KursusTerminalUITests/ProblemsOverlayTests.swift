import KursusCourse
import KursusEngine
import Testing

@testable import KursusTerminalUI

@Suite("Preview --watch: the problems count and list on screen")
struct ProblemsOverlayTests {
    static let long =
        "'pass-mark' must be between 0 and 100, not 150; a learner passes the quiz with this share of the marks, so write for example 'pass-mark: 80'"
    static let problems: [Diagnostic] = [
        .error(SourceLocation(file: "quizzes/basics.yaml", line: 5, column: 12), long),
        .warning(SourceLocation(file: "lessons/intro.md", line: 3, column: 1), "the lesson has no heading"),
        .error(SourceLocation(file: "lessons/\u{1B}[31mbad.md", line: 1, column: 1), "the file is missing"),
    ]

    static func state() -> PlayerState {
        var state = ScreenFixtures.state()
        _ = PlayerReducer.reduce(&state, .courseReloadFailed(problems))
        return state
    }

    static func render(_ state: PlayerState, _ language: String = "da") throws -> Grid {
        var context = try ScreenFixtures.context(language)
        context.isPreview = true
        return ScreenRenderer.render(state, views: ScreenFixtures.views(), context: context, columns: 80, rows: 24)
    }

    @Test("the status line counts errors and warnings and the keys stay beside it")
    func statusLine() throws {
        let grid = try Self.render(Self.state())
        let last = grid.lines[23]
        #expect(last.contains("2 fejl, 1 advarsel · e: liste"), "\(last)")
        #expect(last.contains("? hjælp"), "the keys stay: \(last)")
        let english = try Self.render(Self.state(), "en").lines[23]
        #expect(english.contains("2 errors, 1 warning · e: list"), "\(english)")
        var one = ScreenFixtures.state()
        _ = PlayerReducer.reduce(&one, .courseReloadFailed([Self.problems[0]]))
        #expect(try Self.render(one, "en").lines[23].contains("1 error · e: list"))
    }

    @Test("e shows every problem with its file:line:col, wrapped not cut, terminal-safe")
    func list() throws {
        var state = Self.state()
        _ = PlayerReducer.reduce(&state, .command(.letter("e")))
        let grid = try Self.render(state)
        GoldenFile.check(grid, named: "problems-80x24-da.txt")
        let text = grid.lines.joined(separator: "\n")
        #expect(text.contains("fejl  quizzes/basics.yaml:5:12"))
        #expect(text.contains("advarsel  lessons/intro.md:3:1"))
        #expect(text.contains("lessons/␛[31mbad.md:1:1"))
        #expect(!text.contains("\u{1B}"))
        // The long message is all there, over several lines.
        let words = grid.lines.map { $0.replacingOccurrences(of: "│", with: " ") }.joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(words.contains(Self.long))
        #expect(text.contains("1–3 af 3"))
        #expect(grid.lines[23].contains("? hjælp"), "the key line stays below the list")
    }

    @Test("e reaches the engine on a navigation screen and in a choice screen, and is text in a text field")
    func key() {
        #expect(KeyMap.event(for: .character("e"), mode: .navigation) == .event(.command(.letter("e"))))
        #expect(KeyMap.event(for: .character("E"), mode: .navigation) == .event(.command(.letter("e"))))
        #expect(KeyMap.event(for: .character("e"), mode: .choices) == .event(.command(.letter("e"))))
        #expect(KeyMap.event(for: .character("e"), mode: .text) == .event(.text("e")))
    }

    @Test("scrolled to the last entry, the list starts there and says where it is")
    func scrolled() throws {
        var state = Self.state()
        _ = PlayerReducer.reduce(&state, .command(.letter("e")))
        _ = PlayerReducer.reduce(&state, .command(.bottom))
        let grid = try Self.render(state, "en")
        let text = grid.lines.joined(separator: "\n")
        #expect(!text.contains("quizzes/basics.yaml"))
        #expect(text.contains("error  lessons/␛[31mbad.md:1:1"))
        #expect(text.contains("3–3 of 3"))
    }

    @Test("the list fits every size from the minimum up and leaves the key line with the count", arguments: [(60, 16), (100, 30), (200, 60)])
    func sizes(columns: Int, rows: Int) throws {
        var state = ScreenFixtures.state(columns: columns, rows: rows)
        _ = PlayerReducer.reduce(&state, .courseReloadFailed(Self.problems))
        _ = PlayerReducer.reduce(&state, .command(.letter("e")))
        var context = try ScreenFixtures.context()
        context.isPreview = true
        let grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: context, columns: columns, rows: rows)
        #expect(grid.lines.count == rows)
        #expect(grid.lines.joined().contains("fejl  quizzes/basics.yaml:5:12"))
        let keys = grid.lines[rows - 1]
        #expect(keys.contains("↑↓ vælg  Enter åbn") && keys.contains("2 fejl, 1 advarsel · e: liste"), "\(keys)")
        // At the minimum width whole hints make room for the count from the end, as for any notice.
        #expect(keys.contains("? hjælp") == (columns >= 80), "\(keys)")
    }

    @Test("help in preview names the e key")
    func help() throws {
        var state = ScreenFixtures.state()
        state.helpVisible = true
        var context = try ScreenFixtures.context("en")
        context.isPreview = true
        let grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: context, columns: 80, rows: 24)
        #expect(grid.lines.contains { $0.contains("e              preview: the errors in a change that could not be loaded") })
    }
}
