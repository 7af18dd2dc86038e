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

    @Test("opening a lesson asks for layout and saves a bookmark")
    func openLesson() {
        var store = TestStore(Fixtures.state())
        let bookmark = Bookmark(unitID: "a", scroll: 0, inUnit: true)
        let progress = LearnerProgress(started: ["a"], bookmark: bookmark)
        store.send(.command(.open), effects: [.layoutLesson(unitID: "a", width: 80), .saveProgress(progress)]) {
            $0.screen = .lesson(LessonPosition(unitID: "a", scroll: 0))
            $0.progress = progress
            $0.saveStatus = .pending
        }
    }

    @Test("reading a lesson to its end completes it, once")
    func readToEnd() {
        var store = TestStore(Fixtures.state())
        store.send(.command(.open), effects: [.layoutLesson(unitID: "a", width: 80), .saveProgress(LearnerProgress(started: ["a"], bookmark: Bookmark(unitID: "a", scroll: 0, inUnit: true)))]) {
            $0.screen = .lesson(LessonPosition(unitID: "a", scroll: 0))
            $0.progress = LearnerProgress(started: ["a"], bookmark: Bookmark(unitID: "a", scroll: 0, inUnit: true))
            $0.saveStatus = .pending
        }
        store.send(.saveFinished(.saved)) { $0.saveStatus = .saved }
        // 50 lines, 20 visible: not yet at the end.
        store.send(.lessonLaidOut(unitID: "a", width: 80, lineCount: 50)) {
            $0.screen = .lesson(LessonPosition(unitID: "a", scroll: 0, lineCount: 50, width: 80))
        }
        store.send(.command(.lineUp))
        let scrolled = LearnerProgress(started: ["a"], bookmark: Bookmark(unitID: "a", scroll: 1, inUnit: true))
        store.send(.command(.lineDown), effects: [.saveProgress(scrolled)]) {
            $0.screen = .lesson(LessonPosition(unitID: "a", scroll: 1, lineCount: 50, width: 80))
            $0.progress = scrolled
            $0.saveStatus = .pending
        }
        let paged = LearnerProgress(started: ["a"], bookmark: Bookmark(unitID: "a", scroll: 20, inUnit: true))
        store.send(.command(.pageDown), effects: [.saveProgress(paged)]) {
            $0.screen = .lesson(LessonPosition(unitID: "a", scroll: 20, lineCount: 50, width: 80))
            $0.progress = paged
        }
        let done = LearnerProgress(completed: ["a"], bookmark: Bookmark(unitID: "a", scroll: 30, inUnit: true))
        store.send(.command(.bottom), effects: [.saveProgress(done)]) {
            $0.screen = .lesson(LessonPosition(unitID: "a", scroll: 30, lineCount: 50, width: 80))
            $0.progress = done
        }
        store.send(.command(.lineDown))
        let back = LearnerProgress(completed: ["a"], bookmark: Bookmark(unitID: "a", scroll: 30, inUnit: false))
        store.send(.command(.back), effects: [.saveProgress(back)]) {
            $0.screen = .menu
            $0.progress = back
        }
    }

    @Test("a lesson shorter than the screen is completed as soon as it is laid out")
    func shortLesson() {
        var state = Fixtures.state()
        state.screen = .lesson(LessonPosition(unitID: "b", scroll: 0))
        var store = TestStore(state)
        let done = LearnerProgress(completed: ["b"], bookmark: Bookmark(unitID: "b", scroll: 0, inUnit: true))
        store.send(.lessonLaidOut(unitID: "b", width: 80, lineCount: 12), effects: [.saveProgress(done)]) {
            $0.screen = .lesson(LessonPosition(unitID: "b", scroll: 0, lineCount: 12, width: 80))
            $0.progress = done
            $0.saveStatus = .pending
        }
    }

    @Test("a layout for a lesson no longer on screen is ignored")
    func staleLayout() {
        var store = TestStore(Fixtures.state())
        store.send(.lessonLaidOut(unitID: "a", width: 80, lineCount: 12))
    }

    @Test("launching with a bookmark inside a lesson resumes there")
    func resumeInLesson() {
        let progress = LearnerProgress(started: ["b"], bookmark: Bookmark(unitID: "b", scroll: 17, inUnit: true))
        var store = TestStore(Fixtures.state(progress: progress))
        store.send(.started(Fixtures.viewport), effects: [.layoutLesson(unitID: "b", width: 80)]) {
            $0.menuSelection = 1
            $0.screen = .lesson(LessonPosition(unitID: "b", scroll: 17))
        }
        // The bookmarked scroll survives layout.
        store.send(.lessonLaidOut(unitID: "b", width: 80, lineCount: 100)) {
            $0.screen = .lesson(LessonPosition(unitID: "b", scroll: 17, lineCount: 100, width: 80))
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
        store.send(.command(.quit), effects: [.saveProgress(.empty), .quit]) {
            $0.helpVisible = false
            $0.isQuitting = true
            $0.saveStatus = .pending
        }
        store.send(.command(.lineDown))
    }

    @Test("resizing the width relays out the lesson and keeps the same part in view")
    func resizeWidth() {
        var state = Fixtures.state(progress: LearnerProgress(started: ["a"], bookmark: Bookmark(unitID: "a", scroll: 40, inUnit: true)))
        state.screen = .lesson(LessonPosition(unitID: "a", scroll: 40, lineCount: 100, width: 80))
        var store = TestStore(state)
        let narrow = Viewport(columns: 60, rows: 24, bodyRows: 20)
        store.send(.resized(narrow), effects: [.layoutLesson(unitID: "a", width: 60)]) { $0.viewport = narrow }
        let moved = LearnerProgress(started: ["a"], bookmark: Bookmark(unitID: "a", scroll: 60, inUnit: true))
        store.send(.lessonLaidOut(unitID: "a", width: 60, lineCount: 150), effects: [.saveProgress(moved)]) {
            $0.screen = .lesson(LessonPosition(unitID: "a", scroll: 60, lineCount: 150, width: 60))
            $0.progress = moved
            $0.saveStatus = .pending
        }
    }

    @Test("a taller terminal can reveal the end and complete the lesson")
    func resizeHeight() {
        var state = Fixtures.state(progress: LearnerProgress(started: ["a"], bookmark: Bookmark(unitID: "a", scroll: 10, inUnit: true)))
        state.screen = .lesson(LessonPosition(unitID: "a", scroll: 10, lineCount: 40, width: 80))
        var store = TestStore(state)
        let tall = Viewport(columns: 80, rows: 50, bodyRows: 46)
        let done = LearnerProgress(completed: ["a"], bookmark: Bookmark(unitID: "a", scroll: 0, inUnit: true))
        store.send(.resized(tall), effects: [.saveProgress(done)]) {
            $0.viewport = tall
            $0.screen = .lesson(LessonPosition(unitID: "a", scroll: 0, lineCount: 40, width: 80))
            $0.progress = done
            $0.saveStatus = .pending
        }
    }

    @Test("a lesson that fails to load returns to the menu with a notice, cleared by the next command")
    func lessonFailure() {
        var state = Fixtures.state()
        state.screen = .lesson(LessonPosition(unitID: "a", scroll: 0))
        var store = TestStore(state)
        store.send(.lessonFailed(unitID: "a", message: "gone")) {
            $0.screen = .menu
            $0.notice = .lessonFailed(message: "gone")
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
        let reopened = LearnerProgress(completed: ["a"], bookmark: Bookmark(unitID: "a", scroll: 0, inUnit: true))
        store.send(.command(.open), effects: [.layoutLesson(unitID: "a", width: 80), .saveProgress(reopened)]) {
            $0.screen = .lesson(LessonPosition(unitID: "a", scroll: 0))
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
