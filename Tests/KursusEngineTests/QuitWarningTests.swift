import Foundation
import KursusEngine
import Testing

/// Issue 16: quitting while saves fail must not lose answers silently. The warning's
/// state and answers, event by event.
@Suite("Quit warning while saving fails, event by event")
struct QuitWarningTests {
    let failed = PlayerState.SaveStatus.failed(message: "/data/k.json: cannot save progress: No space left on device")

    /// The player on the menu after a save has failed.
    func failing() -> TestStore {
        var store = TestStore(Fixtures.state())
        store.send(.saveFinished(.failed(message: "/data/k.json: cannot save progress: No space left on device"))) { $0.saveStatus = failed }
        return store
    }

    @Test("q while saves work quits at once, with the final save")
    func quitWhenSaved() {
        var store = TestStore(Fixtures.state())
        store.send(.saveFinished(.saved)) { $0.saveStatus = .saved }
        store.send(.command(.quit), effects: [.save(.empty), .quit]) {
            $0.isQuitting = true
            $0.saveStatus = .pending
        }
    }

    @Test("q while a save is failing opens the warning instead of quitting; its keys read as choices")
    func quitOpensWarning() {
        var store = failing()
        store.send(.command(.toggleHelp)) { $0.helpVisible = true }
        store.send(.command(.quit)) {
            $0.helpVisible = false
            $0.quitWarning = QuitWarning()
        }
        #expect(store.state.inputMode == .choices)
        // Keys that are no answer do nothing, text edits neither.
        store.send(.command(.lineDown))
        store.send(.command(.open))
        store.send(.edit(.insert("x")))
    }

    @Test("wait (w, 2, Esc) closes the warning and goes back; saving keeps trying")
    func wait() {
        for command in [PlayerCommand.letter("w"), .number(2), .back] {
            var store = failing()
            store.send(.command(.quit)) { $0.quitWarning = QuitWarning() }
            store.send(.command(command)) { $0.quitWarning = nil }
            #expect(store.state.saveStatus == failed)
            #expect(!store.state.isQuitting)
        }
    }

    @Test("quit anyway (q again, Ctrl-C again, 3) quits; the failure stays on record for the runtime")
    func quitAnyway() {
        for command in [PlayerCommand.quit, .number(3)] {
            var store = failing()
            store.send(.command(.quit)) { $0.quitWarning = QuitWarning() }
            store.send(.command(command), effects: [.save(.empty), .quit]) {
                $0.quitWarning = nil
                $0.isQuitting = true
            }
            // A failed save stays on show while the final save is tried.
            #expect(store.state.saveStatus == failed)
        }
    }

    @Test("retry (r, 1) saves now; a failure shows the warning again, a success goes on to quit")
    func retry() {
        var store = failing()
        store.send(.command(.quit)) { $0.quitWarning = QuitWarning() }
        store.send(.command(.letter("r")), effects: [.save(.empty)]) { $0.quitWarning = QuitWarning(retrying: true) }
        // While the retry runs, keys wait for its result.
        store.send(.command(.quit))
        store.send(.saveFinished(.failed(message: "still full"))) {
            $0.saveStatus = .failed(message: "still full")
            $0.quitWarning = QuitWarning()
        }
        store.send(.command(.number(1)), effects: [.save(.empty)]) { $0.quitWarning = QuitWarning(retrying: true) }
        store.send(.saveFinished(.saved), effects: [.save(.empty), .quit]) {
            $0.saveStatus = .pending
            $0.quitWarning = nil
            $0.isQuitting = true
        }
    }

    @Test("a save handed over while failing keeps the failure on show until one succeeds")
    func failureStaysUntilSaved() {
        var store = failing()
        let opened = LearnerProgress(started: ["a"], bookmark: Bookmark(unitID: "a", scroll: 0, inUnit: true)).opened(["a": 1])
        store.send(.command(.open), effects: [.save(opened, .unitOpened(unitID: "a", opening: 1))]) {
            $0.screen = .lesson("a", offset: 0)
            $0.progress = opened
        }
        store.send(.saveFinished(.saved)) { $0.saveStatus = .saved }
    }

    @Test("in the session: s does not switch learner while the warning shows; quit anyway closes the learner")
    func session() {
        var state = failingSession()
        #expect(SessionReducer.reduce(&state, .command(.quit)).isEmpty)
        #expect(state.player?.quitWarning == QuitWarning())
        #expect(SessionReducer.reduce(&state, .switchLearner).isEmpty)
        #expect(SessionReducer.reduce(&state, .openSettings).isEmpty)
        #expect(state.settingsScreen == nil)
        guard case .playing = state.phase else {
            Issue.record("the learner was signed out")
            return
        }
        let effects = SessionReducer.reduce(&state, .command(.quit))
        #expect(effects.last == .quit)
        #expect(effects.contains { if case .closeLearner = $0 { true } else { false } })
        #expect(state.isQuitting)
    }

    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// Bo playing, with the last save failed (`idleLock`: the idle lock's seconds).
    func failingSession(idleLock: Int? = nil) -> SessionState {
        var state = SessionState(
            content: CourseContent(course: Fixtures.course), configuration: SessionConfiguration(idleLockSeconds: idleLock),
            viewport: Fixtures.viewport)
        _ = SessionReducer.reduce(&state, .started(Fixtures.viewport, now: Self.t0))
        _ = SessionReducer.reduce(&state, .learnerOpened(LearnerSummary(id: "bo", displayName: "Bo", team: nil, hasPIN: false), .empty))
        _ = SessionReducer.reduce(&state, .player(.saveFinished(.failed(message: "full"))))
        return state
    }

    func isPlaying(_ state: SessionState) -> Bool {
        if case .playing = state.phase { return true }
        return false
    }

    func closes(_ effects: [SessionEffect]) -> Bool {
        effects.contains { if case .closeLearner = $0 { true } else { false } }
    }

    @Test("s while a save is failing asks first; w stays with the learner, q switches anyway")
    func switchLearnerAsks() {
        var state = failingSession()
        #expect(SessionReducer.reduce(&state, .switchLearner).isEmpty)
        #expect(state.player?.quitWarning == QuitWarning(leaving: .switchLearner))
        #expect(isPlaying(state))
        #expect(SessionReducer.reduce(&state, .command(.letter("w"))).isEmpty)
        #expect(state.player?.quitWarning == nil)
        #expect(isPlaying(state))
        _ = SessionReducer.reduce(&state, .switchLearner)
        let effects = SessionReducer.reduce(&state, .command(.quit))
        #expect(closes(effects))
        #expect(effects.last == .loadLearners)
        #expect(!isPlaying(state))
        #expect(!state.isQuitting)
        // The start screen does not say the work is saved.
        guard case .start(let screen) = state.phase else {
            Issue.record("not on the start screen")
            return
        }
        #expect(screen.notice == .signedOutUnsaved(name: "Bo"))
    }

    @Test("the idle lock while saves fail does not ask (no one is there), and does not say the work is saved")
    func idleLockWhileFailing() {
        var state = failingSession(idleLock: 600)
        let effects = SessionReducer.reduce(&state, .tick(Self.t0.addingTimeInterval(601)))
        #expect(closes(effects))
        guard case .start(let screen) = state.phase else {
            Issue.record("not locked")
            return
        }
        #expect(screen.notice == .idleLockedUnsaved(minutes: 10))
    }

    @Test("s, then a retry that saves, switches learner as asked; one that fails asks again")
    func switchAfterRetry() {
        var state = failingSession()
        _ = SessionReducer.reduce(&state, .switchLearner)
        let retry = SessionReducer.reduce(&state, .command(.letter("r")))
        #expect(retry.count == 1)
        #expect(state.player?.quitWarning == QuitWarning(retrying: true, leaving: .switchLearner))
        _ = SessionReducer.reduce(&state, .player(.saveFinished(.failed(message: "still full"))))
        #expect(state.player?.quitWarning == QuitWarning(leaving: .switchLearner))
        _ = SessionReducer.reduce(&state, .command(.number(1)))
        let saved = SessionReducer.reduce(&state, .player(.saveFinished(.saved)))
        #expect(closes(saved))
        #expect(!isPlaying(state))
        #expect(!state.isQuitting)
    }

    @Test("s while saves work switches at once")
    func switchWhenSaved() {
        var state = failingSession()
        _ = SessionReducer.reduce(&state, .player(.saveFinished(.saved)))
        let effects = SessionReducer.reduce(&state, .switchLearner)
        #expect(closes(effects))
        #expect(!isPlaying(state))
    }
}
