import KursusCourse
import KursusEngine
import Testing

@Suite("Preview --watch: the problems of a change that could not be loaded")
struct PreviewProblemsTests {
    static let problems: [Diagnostic] = [
        .error(SourceLocation(file: "quizzes/basics.yaml", line: 5, column: 12), "'pass-mark' must be between 0 and 100, not 150"),
        .error(SourceLocation(file: "course.yaml", line: 2, column: 1), "unknown key 'titel'; did you mean 'title'?"),
        .warning(SourceLocation(file: "lessons/intro.md", line: 1, column: 1), "the lesson has no heading"),
        .error(SourceLocation(file: "course.yaml", line: 9, column: 5), "unit 'x' has no file"),
        .error(SourceLocation(file: "course.yaml", line: 12, column: 5), "unit 'y' has no file"),
    ]

    @Test("a failed reload keeps every error and warning, drops notes, and leaves the course and keys alone")
    func failedReload() {
        var store = TestStore(Fixtures.state())
        let note = Diagnostic.note(SourceLocation(file: "s.yaml"), "reachable scores 0 to 6")
        store.send(.courseReloadFailed(Self.problems + [note])) { $0.problems = Self.problems }
        // Keys still work on the menu underneath.
        store.send(.command(.lineDown)) { $0.menuSelection = 1 }
        #expect(store.state.inputMode == .navigation)
    }

    @Test("e opens the list; the movement keys scroll it within its entries; any other key closes it")
    func scrollAndClose() {
        var store = TestStore(Fixtures.state())
        store.send(.command(.letter("e")))  // nothing to show yet
        store.send(.courseReloadFailed(Self.problems)) { $0.problems = Self.problems }
        store.send(.command(.letter("e"))) { $0.problemsTop = 0 }
        store.send(.command(.lineUp))
        store.send(.command(.lineDown)) { $0.problemsTop = 1 }
        store.send(.command(.pageDown)) { $0.problemsTop = 4 }
        store.send(.command(.lineDown))
        store.send(.command(.pageUp)) { $0.problemsTop = 1 }
        store.send(.command(.bottom)) { $0.problemsTop = 4 }
        store.send(.command(.top)) { $0.problemsTop = 0 }
        // The menu under the list does not move while it is open.
        store.send(.command(.open)) { $0.problemsTop = nil }
        #expect(store.state.screen == .menu)
        store.send(.command(.letter("E"))) { $0.problemsTop = 0 }
        store.send(.command(.back)) { $0.problemsTop = nil }
    }

    @Test("a later failure with fewer problems keeps the list within them; a successful reload clears them")
    func laterReloads() {
        var store = TestStore(Fixtures.state())
        store.send(.courseReloadFailed(Self.problems)) { $0.problems = Self.problems }
        store.send(.command(.letter("e"))) { $0.problemsTop = 0 }
        store.send(.command(.bottom)) { $0.problemsTop = 4 }
        let fewer = Array(Self.problems.prefix(2))
        store.send(.courseReloadFailed(fewer)) {
            $0.problems = fewer
            $0.problemsTop = 1
        }
        store.send(.courseReloaded(CourseContent(course: Fixtures.course))) {
            $0.problems = []
            $0.problemsTop = nil
            $0.notice = .reloaded
        }
        store.send(.command(.letter("e"))) { $0.notice = nil }
    }

    @Test("while the list is open keys are commands, and an edit goes nowhere")
    func editsIgnored() {
        var state = Fixtures.state()
        _ = PlayerReducer.reduce(&state, .courseReloadFailed(Self.problems))
        _ = PlayerReducer.reduce(&state, .command(.letter("e")))
        #expect(state.problemsTop == 0)
        #expect(state.inputMode == .navigation)
        let before = state
        #expect(PlayerReducer.reduce(&state, .edit(.insert("x"))) == [])
        #expect(state == before)
    }
}
