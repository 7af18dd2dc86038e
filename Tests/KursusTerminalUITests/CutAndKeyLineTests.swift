import Foundation
import KursusCourse
import KursusEngine
import Testing

@testable import KursusTerminalUI

/// Text cut to fit ends in an ellipsis; the start screen's focus; the key line of a text
/// field never offers `s`.
@Suite("Cut lines, start screen focus and text-field key lines")
struct CutAndKeyLineTests {
    func session(_ screen: StartScreen, columns: Int = 80, rows: Int = 24) -> SessionState {
        var session = SessionState(
            content: CourseContent(course: ScreenFixtures.course), configuration: SessionConfiguration(),
            viewport: ScreenRenderer.viewport(columns: columns, rows: rows))
        session.phase = .start(screen)
        return session
    }

    @Test("at 60 columns a module heading and a unit title that do not fit end in …, in ASCII in ...", arguments: [Symbols.unicode, Symbols.ascii])
    func menuAt60(symbols: Symbols) throws {
        let grid = ScreenRenderer.render(
            ScreenFixtures.state(columns: 60, rows: 16), views: ScreenFixtures.views(), context: try ScreenFixtures.context(symbols: symbols),
            columns: 60, rows: 16)
        let heading = try #require(grid.lines.first { $0.contains("Modul 2") })
        let label = heading.components(separatedBy: "[")[0].trimmingCharacters(in: .whitespaces)
        #expect(label.hasPrefix("Modul 2  Vejledning af borgere i d"))
        #expect(label.hasSuffix(symbols.ellipsis), "\(heading)")
        let unit = try #require(grid.lines.first { $0.contains("2.1") })
        #expect(unit.hasSuffix(symbols.ellipsis), "\(unit)")
        #expect(heading.hasSuffix("0/1"), "the bar and count stay whole")
    }

    @Test("a failed save's reason is never cut at 60x16: it wraps onto a second line (issue 16)")
    func statusLine() throws {
        var state = ScreenFixtures.state(columns: 60, rows: 16)
        state.saveStatus = .failed(
            message: "/var/lib/kursus/learners/anna/progress/digital-kompetence.json: cannot save progress: No space left on device")
        let grid = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: try ScreenFixtures.context("en"), columns: 60, rows: 16)
        let lines = [grid.line(14), grid.line(15)].map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.joined(separator: " ") == "NOT SAVED – will retry: digital-kompetence.json: cannot save progress: No space left on device")
        #expect(!lines.joined().contains("…"))
    }

    @Test("a notice wrapped to two lines ends in … when more was left out")
    func wrappedNotice() {
        let lines = Chrome.wrapped("one two three four five six seven eight nine ten", width: 14, lines: 2, .unicode)
        #expect(lines == ["one two three", "four five …"])
        #expect(Chrome.wrapped("one two", width: 14, lines: 2, .ascii) == ["one two"])
        #expect(Chrome.wrapped("abcdefghijklm abcdefghijklm abcdefghijklm", width: 14, lines: 2, .ascii) == ["abcdefghijklm", "abcdefghij ..."])
    }

    @Test("start screen: the cursor on the selected learner, each line a click target")
    func startList() throws {
        let screen = StartScreen(
            learners: [LearnerSummary(id: "anna", displayName: "Anna Hansen"), LearnerSummary(id: "bo", displayName: "Bo Larsen")],
            mode: .list(selection: 1))
        let grid = ScreenRenderer.render(session(screen), views: ScreenFixtures.views(), context: try ScreenFixtures.context(), columns: 80, rows: 24)
        let row = try #require(grid.lines.firstIndex { $0.contains("Bo Larsen") })
        #expect(grid.cursor == GridPoint(x: 2, y: row))
        #expect(grid.target(atX: 10, y: row - 1)?.action == .listRow(index: 0, selected: 1))
        #expect(grid.target(atX: 10, y: row + 1)?.action == .listRow(index: 2, selected: 1), "+ New learner")
    }

    @Test("start screen: the cursor at the insertion point of the field being typed in")
    func startField() throws {
        var form = NewLearnerForm()
        form.name.text = "Søren"
        form.focus = .name
        let grid = ScreenRenderer.render(
            session(StartScreen(learners: [], mode: .newLearner(form))), views: ScreenFixtures.views(), context: try ScreenFixtures.context(),
            columns: 80, rows: 24)
        let cursor = try #require(grid.cursor)
        #expect(grid[cursor.x, cursor.y].text == "▏")
        #expect(grid[cursor.x - 1, cursor.y].text == "n")
    }

    @Test("no key line of a text field offers s to switch learner, in either language", arguments: ["da", "en"])
    func noSwitchWhileTyping(language: String) throws {
        let context = try ScreenFixtures.context(language)
        let switchWord = context.strings(.menuHints).components(separatedBy: "  ").first { $0.hasPrefix("s ") } ?? "s "
        // A typed answer.
        var state = QuizScreenTests.opened(QuizScreenTests.quiz([QuizScreenTests.short]))
        QuizScreenTests.send(&state, [.open])
        #expect(state.inputMode == .text)
        let quiz = ScreenRenderer.render(state, views: ScreenFixtures.views(), context: context, columns: 80, rows: 24)
        #expect(!quiz.line(23).contains(switchWord), "\(quiz.line(23))")
        #expect(!quiz.line(23).contains("  s "))
        // The start screen's fields.
        let modes: [StartScreen.Mode] = [
            .typeID(TextField()), .newLearner(NewLearnerForm()),
            .pin(LearnerSummary(id: "a", displayName: "A", hasPIN: true), TextField(isSecret: true)),
        ]
        for mode in modes {
            let grid = ScreenRenderer.render(
                session(StartScreen(learners: [], mode: mode)), views: ScreenFixtures.views(), context: context, columns: 80, rows: 24)
            #expect(!grid.line(23).contains(switchWord), "\(grid.line(23))")
            #expect(!grid.line(23).contains("  s "))
        }
        // And `s` typed there is text.
        #expect(KeyMap.event(for: .character("s"), mode: .text) == .event(.text("s")))
    }
}
