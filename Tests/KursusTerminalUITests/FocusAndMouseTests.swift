import Foundation
import KursusCourse
import KursusEngine
import Testing

@testable import KursusTerminalUI

/// The cursor on the focused item, click targets and the wheel, on the grid screens draw;
/// and the runtime turning mouse reports into the engine's own events.
@Suite("Cursor focus and the mouse")
struct FocusAndMouseTests {
    func menu(_ state: PlayerState, columns: Int = 80, rows: Int = 24) throws -> Grid {
        ScreenRenderer.render(state, views: ScreenFixtures.views(), context: try ScreenFixtures.context(), columns: columns, rows: rows)
    }

    @Test("the menu puts the cursor on the selected line and a target on every unit line")
    func menuFocus() throws {
        var state = ScreenFixtures.state()
        _ = PlayerReducer.reduce(&state, .command(.lineDown))
        let grid = try menu(state)
        let row = try #require(grid.lines.firstIndex { $0.contains("1.2  At skabe kontakt") })
        #expect(grid.cursor == GridPoint(x: 2, y: row))
        #expect(grid.lines[row].hasPrefix("  ▸"))
        // Five units, five targets; the heading of a module is not one.
        #expect(grid.targets.count == 5)
        #expect(grid.target(atX: 40, y: row)?.action == .listRow(index: 1, selected: 1))
        #expect(grid.target(atX: 40, y: row + 1)?.action == .listRow(index: 2, selected: 1))
        let heading = try #require(grid.lines.firstIndex { $0.contains("Videokonsultationer i praksis") })
        #expect(grid.target(atX: 10, y: heading) == nil)
        #expect(grid.wheel == .lines)
    }

    @Test("help covers the menu: no cursor, nothing to click")
    func overlayCovers() throws {
        var state = ScreenFixtures.state()
        _ = PlayerReducer.reduce(&state, .command(.toggleHelp))
        let grid = try menu(state)
        #expect(grid.cursor == nil)
        #expect(grid.targets.isEmpty)
    }

    @Test("a click selects a menu line, a second click opens it (routing)")
    func routing() throws {
        var state = ScreenFixtures.state()
        let grid = try menu(state)
        let row = try #require(grid.lines.firstIndex { $0.contains("1.3  Når teknikken svigter") })
        let first = MouseRouting.events(for: MouseInput(.press, x: 30, y: row), in: grid)
        #expect(first == [.command(.lineDown), .command(.lineDown)])
        for case .command(let command) in first { _ = PlayerReducer.reduce(&state, .command(command)) }
        #expect(state.menuSelection == 2)
        let again = MouseRouting.events(for: MouseInput(.press, x: 30, y: row), in: try menu(state))
        #expect(again == [.command(.open)])
        // A click back up moves up; a release, a click on nothing and no grid do nothing.
        #expect(MouseRouting.events(for: MouseInput(.press, x: 30, y: row - 2), in: try menu(state)) == [.command(.lineUp), .command(.lineUp)])
        #expect(MouseRouting.events(for: MouseInput(.release, x: 30, y: row), in: grid).isEmpty)
        #expect(MouseRouting.events(for: MouseInput(.press, x: 30, y: 0), in: grid).isEmpty)
        #expect(MouseRouting.events(for: MouseInput(.press, x: 30, y: row), in: nil).isEmpty)
    }

    @Test("the wheel moves three lines a notch, a page where lines would change an answer, or nothing")
    func wheel() {
        var grid = Grid(width: 60, height: 16)
        #expect(MouseRouting.events(for: MouseInput(.wheelDown, x: 0, y: 5), in: grid) == Array(repeating: .command(.lineDown), count: 3))
        #expect(MouseRouting.events(for: MouseInput(.wheelUp, x: 0, y: 5), in: grid) == Array(repeating: .command(.lineUp), count: 3))
        grid.wheel = .pages
        #expect(MouseRouting.events(for: MouseInput(.wheelDown, x: 0, y: 5), in: grid) == [.command(.pageDown)])
        grid.wheel = .none
        #expect(MouseRouting.events(for: MouseInput(.wheelUp, x: 0, y: 5), in: grid).isEmpty)
    }

    @Test("targets are clipped to the grid and the later one lies on top")
    func targets() {
        var grid = Grid(width: 20, height: 5)
        grid.addTarget(x: 2, y: 1, width: 100, height: 2, .command(.open))
        grid.addTarget(x: 5, y: 2, width: 3, .command(.back))
        grid.addTarget(x: 30, y: 1, width: 3, .command(.pageUp))
        #expect(grid.targets.count == 2)
        #expect(grid.targets.first?.width == 18)
        #expect(grid.target(atX: 19, y: 1)?.action == .command(.open))
        #expect(grid.target(atX: 6, y: 2)?.action == .command(.back))
        #expect(grid.target(atX: 8, y: 2)?.action == .command(.open))
        #expect(grid.target(atX: 1, y: 1) == nil)
        #expect(grid.target(atX: 5, y: 3) == nil)
    }

    @Test("a quiz's options: the cursor on the focused one, a click chooses, a click on the chosen one answers")
    func quizOptions() throws {
        var state = QuizScreenTests.opened(QuizScreenTests.quiz([QuizScreenTests.single, QuizScreenTests.multiple]))
        QuizScreenTests.send(&state, [.open])
        var grid = try menu(state)
        let second = try #require(grid.lines.firstIndex { $0.contains("( ) 2") })
        let first = try #require(grid.lines.firstIndex { $0.contains("( ) 1") })
        #expect(grid.cursor == GridPoint(x: grid.lines[first].distance(to: "▸"), y: first))
        #expect(grid.wheel == .pages)
        let click = MouseRouting.events(for: MouseInput(.press, x: 20, y: second), in: grid)
        #expect(click == [.command(.number(2))])
        QuizScreenTests.send(&state, [.number(2)])
        grid = try menu(state)
        #expect(grid.cursor == GridPoint(x: grid.lines[second].distance(to: "▸"), y: second))
        #expect(MouseRouting.events(for: MouseInput(.press, x: 20, y: second), in: grid) == [.command(.open)])
        // The option's second, wrapped line answers a click too.
        #expect(grid.target(atX: 20, y: second)?.action == .option(number: 2, chosen: true))
    }

    @Test("multiple response: a click ticks; a typed answer has the cursor at the insertion point")
    func tickAndText() throws {
        var state = QuizScreenTests.opened(QuizScreenTests.quiz([QuizScreenTests.multiple, QuizScreenTests.short]))
        QuizScreenTests.send(&state, [.open])
        var grid = try menu(state)
        let light = try #require(grid.lines.firstIndex { $0.contains("Light") })
        #expect(MouseRouting.events(for: MouseInput(.press, x: 20, y: light), in: grid) == [.command(.number(2))])
        QuizScreenTests.send(&state, [.number(1), .open])
        // Feedback, then the typed question.
        QuizScreenTests.send(&state, [.open])
        for character in "teach" { _ = PlayerReducer.reduce(&state, .edit(.insert(character))) }
        _ = PlayerReducer.reduce(&state, .edit(.left))
        grid = try menu(state)
        let row = try #require(grid.lines.firstIndex { $0.contains("teach") })
        let reversed = try #require((0..<grid.width).first { grid[$0, row].style.attributes.contains(.reverse) })
        #expect(grid.cursor == GridPoint(x: reversed, y: row))
        #expect(grid[reversed, row].text == "h")
    }

    @Test("the catalogue: the cursor on the selected course, its three lines a target")
    func catalogue() throws {
        let tests = CatalogueScreenTests()
        let grid = ScreenRenderer.render(
            tests.session(CatalogueScreen(selection: 1, progress: ["dokumentation": .notStarted])), views: ScreenFixtures.views(),
            context: try ScreenFixtures.context(), columns: 80, rows: 24)
        let row = try #require(grid.lines.firstIndex { $0.contains("Håndhygiejne") })
        #expect(grid.cursor == GridPoint(x: 2, y: row))
        #expect(grid.target(atX: 10, y: row + 2)?.action == .listRow(index: 1, selected: 1))
        #expect(grid.target(atX: 10, y: row + 3) == nil, "the blank between courses")
        #expect(MouseRouting.events(for: MouseInput(.press, x: 10, y: row - 4), in: grid) == [.command(.lineUp)])
    }

    @Test("the runtime: a click on a menu line selects it, a second opens the lesson; the wheel scrolls it")
    func runtime() throws {
        let services = MemoryServices(learners: [LearnerSummary(id: "bo", displayName: "Bo")])
        // Sign in; the menu's third line is row 5 (title, rule, module heading, 1.1, 1.2).
        let backend = MemoryBackend(inputs: [
            .enter, .none, .mouse(MouseInput(.press, x: 20, y: 5)), .none, .mouse(MouseInput(.release, x: 20, y: 5)),
            .mouse(MouseInput(.press, x: 20, y: 5)), .none, .mouse(MouseInput(.wheelDown, x: 20, y: 10)), .none, .character("q"),
        ])
        let runtime = try RuntimeTests().makeRuntime(backend, services: services)
        #expect(runtime.run() == .quit)
        let texts = backend.frames.map(\.text)
        let selected = try #require(backend.frames.first { $0.lines.count > 5 && $0.lines[5].contains("▸") })
        #expect(selected.cursor == GridPoint(x: 2, y: 5))
        let lessons = backend.frames.filter { $0.text.contains("Side ") }
        #expect(lessons.count >= 2, "the lesson opened; frames:\n\(texts.joined(separator: "\n\n"))")
        let opened = try #require(lessons.first)
        #expect(opened.cursor == nil, "a lesson has no focus: the cursor is hidden")
        let scrolled = try #require(lessons.last)
        // Three lines down: the lesson's fourth line is at the top.
        #expect(scrolled.lines[2] == opened.lines[5])
    }
}

extension String {
    /// The column of the first occurrence of `mark` (every character here is one column wide).
    fileprivate func distance(to mark: String) -> Int {
        guard let range = range(of: mark) else { return -1 }
        return self[..<range.lowerBound].count
    }
}
