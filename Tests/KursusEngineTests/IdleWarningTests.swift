import Foundation
import KursusCourse
import KursusEngine
import Testing

@Suite("The idle lock warns first: a countdown any key cancels")
struct IdleWarningTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func at(_ seconds: TimeInterval) -> Date { Self.t0.addingTimeInterval(seconds) }

    func onMenu(lock: Int?, _ settings: LearnerSettings = .defaults) -> SessionState {
        var state = SessionState(
            content: CourseContent(course: Fixtures.course), configuration: SessionConfiguration(idleLockSeconds: lock), viewport: Fixtures.viewport)
        state.now = Self.t0
        state.lastActivity = Self.t0
        var learner = LearnerSummary(id: "bo", displayName: "Bo")
        learner.settings = settings
        state.phase = .playing(learner, player(now: Self.t0))
        return state
    }

    func player(now: Date, selection: Int = 0) -> PlayerState {
        var player = PlayerState(course: Fixtures.course, progress: .empty, viewport: Fixtures.viewport)
        player.now = now
        player.menuSelection = selection
        return player
    }

    func learner(_ settings: LearnerSettings = .defaults) -> LearnerSummary {
        var learner = LearnerSummary(id: "bo", displayName: "Bo")
        learner.settings = settings
        return learner
    }

    @Test("a 10-minute lock: the countdown from 9:00 idle; a key only cancels it; the lock comes 10 minutes after the last key")
    func tenMinutes() {
        var store = SessionTestStore(onMenu(lock: 600))
        store.send(.tick(at(539))) {
            $0.now = at(539)
            $0.phase = .playing(learner(), player(now: at(539)))
        }
        store.send(.tick(at(540))) {
            $0.now = at(540)
            $0.idleLockAt = at(600)
            $0.phase = .playing(learner(), player(now: at(540)))
        }
        #expect(store.state.idleWarningSeconds == 60)
        // ↓ cancels the countdown and does not move the menu cursor.
        store.send(.command(.lineDown)) {
            $0.idleLockAt = nil
            $0.lastActivity = at(540)
        }
        store.send(.tick(at(600))) {
            $0.now = at(600)
            $0.phase = .playing(learner(), player(now: at(600)))
        }
        // Now the same key moves the cursor.
        store.send(.command(.lineDown)) {
            $0.lastActivity = at(600)
            $0.phase = .playing(learner(), player(now: at(600), selection: 1))
        }
        store.send(.tick(at(1140))) {
            $0.now = at(1140)
            $0.idleLockAt = at(1200)
            $0.phase = .playing(learner(), player(now: at(1140), selection: 1))
        }
        store.send(
            .tick(at(1200)),
            effects: [.closeLearner(.empty, events: [LearningEvent(at: at(1200), .sessionEnded(session: 1, seconds: 0))]), .loadLearners]
        ) {
            $0.now = at(1200)
            $0.lastActivity = at(1200)
            $0.idleLockAt = nil
            $0.phase = .start(StartScreen(mode: .list(selection: 0), notice: .idleLocked(minutes: 10)))
        }
        #expect(store.state.idleLockAt == nil)
    }

    @Test("two minutes' warning with the bell: the bell rings once, when the countdown appears; Enter only cancels")
    func twoMinutesWithBell() {
        let settings = LearnerSettings(idleWarning: .twoMinutes, idleBell: true)
        var store = SessionTestStore(onMenu(lock: 600, settings))
        store.send(.tick(at(480)), effects: [.ringBell]) {
            $0.now = at(480)
            $0.idleLockAt = at(600)
            $0.phase = .playing(learner(settings), player(now: at(480)))
        }
        store.send(.tick(at(481))) {
            $0.now = at(481)
            $0.phase = .playing(learner(settings), player(now: at(481)))
        }
        // Enter would open the first unit; here it only cancels.
        store.send(.command(.open)) {
            $0.idleLockAt = nil
            $0.lastActivity = at(481)
        }
        #expect(store.state.player?.screen == .menu)
    }

    @Test("a short lock (tests): the warning is at most half the lock")
    func shortLock() {
        #expect(IdleWarningLength.oneMinute.seconds(forLock: 600) == 60)
        #expect(IdleWarningLength.twoMinutes.seconds(forLock: 600) == 120)
        #expect(IdleWarningLength.oneMinute.seconds(forLock: 70) == 35)
        #expect(IdleWarningLength.twoMinutes.seconds(forLock: 180) == 90)
        #expect(IdleWarningLength.oneMinute.seconds(forLock: 10) == 5)
        #expect(IdleWarningLength.oneMinute.seconds(forLock: 1) == 1)
        var store = SessionTestStore(onMenu(lock: 10))
        store.send(.tick(at(4.8))) {
            $0.now = at(4.8)
            $0.phase = .playing(learner(), player(now: at(4.8)))
        }
        store.send(.tick(at(5))) {
            $0.now = at(5)
            $0.idleLockAt = at(10)
            $0.phase = .playing(learner(), player(now: at(5)))
        }
    }

    @Test("in the catalogue it warns too; with no lock, or in preview, never")
    func elsewhere() {
        var state = onMenu(lock: nil)
        var store = SessionTestStore(state)
        store.send(.tick(at(100_000))) {
            $0.now = at(100_000)
            $0.phase = .playing(learner(), player(now: at(100_000)))
        }
        state = onMenu(lock: 60)
        state.phase = .catalogue(learner(), CatalogueScreen())
        store = SessionTestStore(state)
        store.send(.tick(at(30))) {
            $0.now = at(30)
            $0.idleLockAt = at(60)
        }
        store.send(.text("x")) {
            $0.idleLockAt = nil
            $0.lastActivity = at(30)
        }
        let configuration = SessionConfiguration(idleLockSeconds: 60, preview: true)
        state = SessionState(content: CourseContent(course: Fixtures.course), configuration: configuration, viewport: Fixtures.viewport)
        state.now = Self.t0
        state.lastActivity = Self.t0
        state.phase = .playing(LearnerSummary(id: "preview", displayName: ""), player(now: Self.t0))
        store = SessionTestStore(state)
        store.send(.tick(at(59))) {
            $0.now = at(59)
            $0.phase = .playing(LearnerSummary(id: "preview", displayName: ""), player(now: at(59)))
        }
    }
}

@Suite("A new learner's PIN is typed twice")
struct PINRepeatTests {
    @Test("the PIN and its repetition must match: a mismatch says so, clears both and keeps name, team and id")
    func mismatch() {
        var state = SessionState(
            content: CourseContent(course: Fixtures.course), configuration: SessionConfiguration(idleLockSeconds: 600), viewport: Fixtures.viewport)
        var form = NewLearnerForm()
        form.name.text = "Anna"
        form.id.text = "anna"
        form.team.text = "Team A"
        form.focus = .pin
        state.phase = .start(StartScreen(learners: [], mode: .newLearner(form)))
        var store = SessionTestStore(state)
        for digit in "1234" {
            store.send(.text(digit)) {
                form.pin.insert(digit)
                $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form)))
            }
        }
        store.send(.command(.open)) {
            form.focus = .pinRepeat
            $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form)))
        }
        for digit in "1243" {
            store.send(.text(digit)) {
                form.pinRepeat.insert(digit)
                $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form)))
            }
        }
        store.send(.command(.open)) {
            form.pin = TextField.pin
            form.pinRepeat = TextField.pin
            form.focus = .pin
            $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form), notice: .pinMismatch))
        }
        #expect(form.name.text == "Anna" && form.team.text == "Team A" && form.id.text == "anna")
        for digit in "1234" {
            store.send(.text(digit)) {
                form.pin.insert(digit); $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form), notice: .pinMismatch))
            }
        }
        store.send(.nextField) {
            form.focus = .pinRepeat
            $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form), notice: .pinMismatch))
        }
        for digit in "1234" {
            store.send(.text(digit)) {
                form.pinRepeat.insert(digit); $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form), notice: .pinMismatch))
            }
        }
        let request = NewLearner(id: "anna", displayName: "Anna", team: "Team A", pin: "1234")
        store.send(.command(.open), effects: [.createLearner(request)]) {
            $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form)))
        }
    }

    @Test("no PIN: Enter on the empty PIN creates the learner; a PIN typed only in the repeat field is a mismatch")
    func noPIN() {
        var form = NewLearnerForm()
        form.name.text = "Bo"
        form.id.text = "bo"
        form.focus = .pin
        #expect(form.isLastField)
        #expect(form.request == .success(NewLearner(id: "bo", displayName: "Bo", team: nil, pin: nil)))
        form.pinRepeat.text = "1234"
        #expect(!form.isLastField)
        #expect(form.request == .failure(.pinRepeat))
        form.pin.text = "12"
        form.pinRepeat.text = "12"
        #expect(form.request == .failure(.pin))
    }
}
