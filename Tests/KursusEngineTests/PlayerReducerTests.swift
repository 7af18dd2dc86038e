import KursusEngine
import Testing

@Suite("Player reducer, event by event")
struct PlayerReducerTests {
    @Test("a new learner starts on the menu with nothing to do")
    func startFresh() {
        var store = TestStore(Fixtures.state())
        store.send(.started(Fixtures.viewport))
    }

    @Test("menu navigation stays within the units")
    func menuNavigation() {
        var store = TestStore(Fixtures.state())
        store.send(.command(.lineUp))
        store.send(.command(.lineDown)) { $0.menuSelection = 1 }
        store.send(.command(.bottom)) { $0.menuSelection = 3 }
        store.send(.command(.lineDown))
        store.send(.command(.top)) { $0.menuSelection = 0 }
        store.send(.command(.pageDown)) { $0.menuSelection = 3 }
        store.send(.command(.pageUp)) { $0.menuSelection = 0 }
    }

    @Test("opening a lesson shows it, notes the opening and saves a bookmark")
    func openLesson() {
        var store = TestStore(Fixtures.state())
        let bookmark = Bookmark(unitID: "a", scroll: 0, inUnit: true)
        let progress = LearnerProgress(started: ["a"], bookmark: bookmark).opened(["a": 1])
        store.send(.command(.open), effects: [.save(progress, .unitOpened(unitID: "a", opening: 1))]) {
            $0.screen = .lesson("a", offset: 0)
            $0.progress = progress
            $0.saveStatus = .pending
        }
    }

    @Test("reading a lesson to its end completes it, once")
    func readToEnd() {
        var store = TestStore(Fixtures.state())
        let opened = LearnerProgress(started: ["a"], bookmark: Bookmark(unitID: "a", scroll: 0, inUnit: true)).opened(["a": 1])
        store.send(.command(.open), effects: [.save(opened, .unitOpened(unitID: "a", opening: 1))]) {
            $0.screen = .lesson("a", offset: 0)
            $0.progress = opened
            $0.saveStatus = .pending
        }
        store.send(.saveFinished(.saved)) { $0.saveStatus = .saved }
        // 50 lines, 20 visible: not yet at the end.
        store.send(.contentMeasured(unitID: "a", lines: 50)) {
            $0.screen = .lesson("a", offset: 0, lines: 50)
        }
        store.send(.command(.lineUp))
        let scrolled = LearnerProgress(started: ["a"], bookmark: Bookmark(unitID: "a", scroll: 1, inUnit: true)).opened(["a": 1])
        store.send(.command(.lineDown), effects: [.save(scrolled)]) {
            $0.screen = .lesson("a", offset: 1, lines: 50)
            $0.progress = scrolled
            $0.saveStatus = .pending
        }
        let paged = LearnerProgress(started: ["a"], bookmark: Bookmark(unitID: "a", scroll: 20, inUnit: true)).opened(["a": 1])
        store.send(.command(.pageDown), effects: [.save(paged)]) {
            $0.screen = .lesson("a", offset: 20, lines: 50)
            $0.progress = paged
        }
        let done = LearnerProgress(completed: ["a"], bookmark: Bookmark(unitID: "a", scroll: 30, inUnit: true)).opened(["a": 1])
        store.send(.command(.bottom), effects: [.save(done, .lessonCompleted(unitID: "a"))]) {
            $0.screen = .lesson("a", offset: 30, lines: 50)
            $0.progress = done
        }
        store.send(.command(.lineDown))
        let back = LearnerProgress(completed: ["a"], bookmark: Bookmark(unitID: "a", scroll: 30, inUnit: false)).opened(["a": 1])
        store.send(.command(.back), effects: [.save(back)]) {
            $0.screen = .menu
            $0.progress = back
        }
    }

    @Test("a lesson shorter than the screen is completed as soon as it is laid out")
    func shortLesson() {
        var state = Fixtures.state()
        state.screen = .lesson("b", offset: 0)
        var store = TestStore(state)
        let done = LearnerProgress(completed: ["b"], bookmark: Bookmark(unitID: "b", scroll: 0, inUnit: true))
        store.send(.contentMeasured(unitID: "b", lines: 12), effects: [.save(done, .lessonCompleted(unitID: "b"))]) {
            $0.screen = .lesson("b", offset: 0, lines: 12)
            $0.progress = done
            $0.saveStatus = .pending
        }
    }

    @Test("a measurement for a lesson no longer on screen is ignored")
    func staleLayout() {
        var store = TestStore(Fixtures.state())
        store.send(.contentMeasured(unitID: "a", lines: 12))
    }

    @Test("launching with a bookmark inside a lesson resumes there")
    func resumeInLesson() {
        let progress = LearnerProgress(started: ["b"], bookmark: Bookmark(unitID: "b", scroll: 17, inUnit: true))
        var store = TestStore(Fixtures.state(progress: progress))
        let resumed = progress.opened(["b": 1])
        store.send(.started(Fixtures.viewport), effects: [.save(resumed, .unitOpened(unitID: "b", opening: 1))]) {
            $0.menuSelection = 1
            $0.screen = .lesson("b", offset: 17)
            $0.progress = resumed
            $0.saveStatus = .pending
        }
        // The bookmarked scroll survives layout.
        store.send(.contentMeasured(unitID: "b", lines: 100)) {
            $0.screen = .lesson("b", offset: 17, lines: 100)
        }
    }

    @Test("launching with a bookmark on the menu puts the cursor on that unit")
    func resumeOnMenu() {
        let progress = LearnerProgress(completed: ["a"], bookmark: Bookmark(unitID: "d", scroll: 3, inUnit: false))
        var store = TestStore(Fixtures.state(progress: progress))
        store.send(.started(Fixtures.viewport)) { $0.menuSelection = 3 }
    }

    @Test("a bookmark to a unit that no longer exists is ignored")
    func resumeMissingUnit() {
        let progress = LearnerProgress(bookmark: Bookmark(unitID: "gone", scroll: 3, inUnit: true))
        var store = TestStore(Fixtures.state(progress: progress))
        store.send(.started(Fixtures.viewport))
    }

    @Test("help opens with ? and any command closes it without acting")
    func help() {
        var store = TestStore(Fixtures.state())
        store.send(.command(.toggleHelp)) { $0.helpVisible = true }
        store.send(.command(.lineDown)) { $0.helpVisible = false }
        store.send(.command(.toggleHelp)) { $0.helpVisible = true }
        store.send(.command(.toggleHelp)) { $0.helpVisible = false }
        store.send(.command(.toggleHelp)) { $0.helpVisible = true }
        store.send(.command(.other)) { $0.helpVisible = false }
        store.send(.command(.other))
    }

    @Test("quit saves and ends, from anywhere, even with help open; later events are ignored")
    func quit() {
        var store = TestStore(Fixtures.state())
        store.send(.command(.toggleHelp)) { $0.helpVisible = true }
        store.send(.command(.quit), effects: [.save(.empty), .quit]) {
            $0.helpVisible = false
            $0.isQuitting = true
            $0.saveStatus = .pending
        }
        store.send(.command(.lineDown))
    }

    @Test("at a new width the lesson is measured again and the same part stays in view")
    func resizeWidth() {
        var state = Fixtures.state(progress: LearnerProgress(started: ["a"], bookmark: Bookmark(unitID: "a", scroll: 40, inUnit: true)))
        state.screen = .lesson("a", offset: 40, lines: 100)
        var store = TestStore(state)
        let narrow = Viewport(columns: 60, rows: 24, bodyRows: 20)
        store.send(.resized(narrow), effects: []) { $0.viewport = narrow }
        let moved = LearnerProgress(started: ["a"], bookmark: Bookmark(unitID: "a", scroll: 60, inUnit: true))
        store.send(.contentMeasured(unitID: "a", lines: 150), effects: [.save(moved)]) {
            $0.screen = .lesson("a", offset: 60, lines: 150)
            $0.progress = moved
            $0.saveStatus = .pending
        }
    }

    @Test("a taller terminal can reveal the end and complete the lesson")
    func resizeHeight() {
        var state = Fixtures.state(progress: LearnerProgress(started: ["a"], bookmark: Bookmark(unitID: "a", scroll: 10, inUnit: true)))
        state.screen = .lesson("a", offset: 10, lines: 40)
        var store = TestStore(state)
        let tall = Viewport(columns: 80, rows: 50, bodyRows: 46)
        let done = LearnerProgress(completed: ["a"], bookmark: Bookmark(unitID: "a", scroll: 0, inUnit: true))
        store.send(.resized(tall), effects: [.save(done, .lessonCompleted(unitID: "a"))]) {
            $0.viewport = tall
            $0.screen = .lesson("a", offset: 0, lines: 40)
            $0.progress = done
            $0.saveStatus = .pending
        }
    }

    @Test("a lesson whose text cannot be read returns to the menu with a notice, cleared by the next command")
    func lessonFailure() {
        var state = Fixtures.state()
        state.screen = .lesson("a", offset: 0)
        var store = TestStore(state)
        store.send(.contentUnavailable(unitID: "a", message: "gone")) {
            $0.screen = .menu
            $0.notice = .unitFailed(kind: .lesson, message: "gone")
        }
        store.send(.command(.lineDown)) {
            $0.notice = nil
            $0.menuSelection = 1
        }
    }

    @Test("a failed save is shown until a save succeeds")
    func saveFailure() {
        var store = TestStore(Fixtures.state())
        store.send(.saveFinished(.failed(message: "disk full"))) { $0.saveStatus = .failed(message: "disk full") }
        store.send(.command(.lineDown)) { $0.menuSelection = 1 }
        store.send(.saveFinished(.saved)) { $0.saveStatus = .saved }
    }

    @Test("reopening a completed lesson starts at the top")
    func reopenCompleted() {
        let progress = LearnerProgress(completed: ["a"], bookmark: Bookmark(unitID: "a", scroll: 30, inUnit: false))
        var store = TestStore(Fixtures.state(progress: progress))
        let reopened = LearnerProgress(completed: ["a"], bookmark: Bookmark(unitID: "a", scroll: 0, inUnit: true)).opened(["a": 1])
        store.send(.command(.open), effects: [.save(reopened, .unitOpened(unitID: "a", opening: 1))]) {
            $0.screen = .lesson("a", offset: 0)
            $0.progress = reopened
            $0.saveStatus = .pending
        }
    }

    @Test("completion counts required units only")
    func completion() {
        let state = Fixtures.state(progress: LearnerProgress(completed: ["a", "c"]))
        #expect(state.completion(of: state.units) == (done: 1, total: 3))
        #expect(state.status(of: Fixtures.unit("a")) == .completed)
        #expect(state.status(of: Fixtures.unit("b")) == .available)
    }
}
