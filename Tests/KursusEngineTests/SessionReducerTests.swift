import Foundation
import KursusEngine
import Testing

@Suite("Session reducer: learners on a shared workstation, idle lock, preview")
struct SessionReducerTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let anna = LearnerSummary(id: "anna", displayName: "Anna Hansen", team: "Team A", hasPIN: true)
    static let bo = LearnerSummary(id: "bo", displayName: "Bo", team: nil, hasPIN: false)

    func session(_ configuration: SessionConfiguration = SessionConfiguration(idleLockSeconds: 600)) -> SessionState {
        SessionState(content: CourseContent(course: Fixtures.course), configuration: configuration, viewport: Fixtures.viewport)
    }

    /// A learner's player just after signing in at `now`: their next session begun and
    /// its start on the way to the disk (the effect that carries it is `began`).
    func begun(_ learner: LearnerSummary, _ progress: LearnerProgress = .empty, now: Date?) -> PlayerState {
        var player = playing(learner, progress, now: now)
        player.progress.sessions = (progress.sessions ?? 0) + 1
        player.sessionStartedAt = now
        player.saveStatus = .pending
        return player
    }

    /// The save that records a session's start.
    func began(_ progress: LearnerProgress = .empty, now: Date?) -> SessionEffect {
        var saved = progress
        saved.sessions = (progress.sessions ?? 0) + 1
        return .player(.saveProgress(saved, events: [LearningEvent(at: now ?? beforeFirstTick, .sessionLaunched(session: saved.sessions ?? 1))]))
    }

    /// Closing a learner with the end of their session at `now` (`seconds` long).
    func closed(_ progress: LearnerProgress, session: Int = 1, now: Date, seconds: Int = 0) -> SessionEffect {
        .closeLearner(progress, events: [LearningEvent(at: now, .sessionEnded(session: session, seconds: seconds))])
    }

    func playing(_ learner: LearnerSummary, _ progress: LearnerProgress = .empty, now: Date? = t0) -> PlayerState {
        var player = PlayerState(course: Fixtures.course, progress: progress, viewport: Fixtures.viewport)
        player.now = now
        return player
    }

    @Test("start: load the learners, pick one without a PIN, play")
    func pickLearner() {
        var store = SessionTestStore(session())
        store.send(.started(Fixtures.viewport, now: Self.t0), effects: [.loadLearners]) {
            $0.now = Self.t0
            $0.lastActivity = Self.t0
        }
        store.send(.learnersLoaded([Self.anna, Self.bo])) {
            $0.phase = .start(StartScreen(learners: [Self.anna, Self.bo], mode: .list(selection: 0)))
        }
        store.send(.command(.lineDown)) {
            $0.phase = .start(StartScreen(learners: [Self.anna, Self.bo], mode: .list(selection: 1)))
        }
        store.send(.command(.open), effects: [.openLearner(Self.bo)]) {
            $0.phase = .start(StartScreen(learners: [Self.anna, Self.bo], mode: .opening(Self.bo)))
        }
        store.send(.learnerOpened(Self.bo, .empty), effects: [began(now: Self.t0)]) {
            $0.phase = .playing(Self.bo, begun(Self.bo, now: Self.t0))
        }
    }

    @Test("a learner with a PIN is asked for it; the typed PIN leaves the state when sent")
    func pin() {
        var state = session()
        state.phase = .start(StartScreen(learners: [Self.anna], mode: .list(selection: 0)))
        var store = SessionTestStore(state)
        let empty = TextField(maximumLength: 8, isSecret: true)
        store.send(.command(.open)) { $0.phase = .start(StartScreen(learners: [Self.anna], mode: .pin(Self.anna, empty))) }
        var typed = empty
        for digit in "12a3" {
            store.send(.text(digit)) {
                if digit.isNumber { typed.insert(digit) }
                $0.phase = .start(StartScreen(learners: [Self.anna], mode: .pin(Self.anna, typed)))
            }
        }
        #expect(typed.text == "123")
        store.send(.command(.open), effects: [.verifyPIN(learnerID: "anna", pin: "123")]) {
            $0.phase = .start(StartScreen(learners: [Self.anna], mode: .pin(Self.anna, empty)))
        }
        store.send(.pinChecked(learnerID: "anna", .rejected(attemptsLeft: 2))) {
            $0.phase = .start(StartScreen(learners: [Self.anna], mode: .pin(Self.anna, empty), notice: .pinRejected(attemptsLeft: 2)))
        }
        let until = Self.t0.addingTimeInterval(30)
        store.send(.pinChecked(learnerID: "anna", .lockedOut(until: until))) {
            $0.phase = .start(StartScreen(learners: [Self.anna], mode: .pin(Self.anna, empty), notice: .pinLockedOut(until: until)))
        }
        store.send(.pinChecked(learnerID: "anna", .accepted), effects: [.openLearner(Self.anna)]) {
            $0.phase = .start(StartScreen(learners: [Self.anna], mode: .opening(Self.anna)))
        }
        store.send(.learnerOpenFailed(learnerID: "anna", .busy)) {
            $0.phase = .start(StartScreen(learners: [Self.anna], mode: .list(selection: 0), notice: .learnerBusy(name: "Anna Hansen")))
        }
    }

    @Test("--learner opens that learner at start, once; a new id is opened as a new learner")
    func initialLearner() {
        var store = SessionTestStore(session(SessionConfiguration(initialLearner: "carl")))
        store.send(.started(Fixtures.viewport, now: Self.t0), effects: [.loadLearners]) {
            $0.now = Self.t0
            $0.lastActivity = Self.t0
        }
        let carl = LearnerSummary(id: "carl", displayName: "carl")
        store.send(.learnersLoaded([Self.bo]), effects: [.openLearner(carl)]) {
            $0.configuration.initialLearner = nil
            $0.phase = .start(StartScreen(learners: [Self.bo], mode: .opening(carl)))
        }
    }

    @Test("an empty workstation goes straight to the new-learner form; the id follows the name")
    func newLearner() {
        var store = SessionTestStore(session())
        store.send(.learnersLoaded([])) { $0.phase = .start(StartScreen(learners: [], mode: .newLearner(NewLearnerForm()))) }
        var form = NewLearnerForm()
        for character in "Søren Ø" {
            store.send(.text(character)) {
                form.name.insert(character)
                form.id.text = NewLearner.suggestedID(for: form.name.text)
                $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form)))
            }
        }
        #expect(form.id.text == "soeren-oe")
        store.send(.nextField) {
            form.focus = .team
            $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form)))
        }
        store.send(.command(.lineDown)) {
            form.focus = .id
            $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form)))
        }
        store.send(.deleteBackward) {
            form.id.text = "soeren-o"
            form.idEdited = true
            $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form)))
        }
        store.send(.command(.open)) {
            form.focus = .pin
            $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form)))
        }
        store.send(.text("1")) {
            form.pin.insert("1")
            $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form)))
        }
        store.send(.command(.open)) {
            $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form), notice: .formIncomplete(.pin)))
        }
        store.send(.deleteBackward) {
            form.pin.deleteBackward()
            $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form), notice: .formIncomplete(.pin)))
        }
        let request = NewLearner(id: "soeren-o", displayName: "Søren Ø", team: nil, pin: nil)
        store.send(.command(.open), effects: [.createLearner(request)]) {
            $0.phase = .start(StartScreen(learners: [], mode: .newLearner(form)))
        }
        let created = LearnerSummary(id: "soeren-o", displayName: "Søren Ø")
        store.send(.learnerCreated(created), effects: [.openLearner(created)]) {
            $0.phase = .start(StartScreen(learners: [created], mode: .opening(created)))
        }
    }

    @Test("hidden list: the learner types an id; an unknown id gets the PIN prompt; a learner without a PIN signs in by id")
    func hiddenList() {
        var store = SessionTestStore(session(SessionConfiguration(hideLearnerList: true)))
        let empty = TextField(maximumLength: 64)
        store.send(.learnersLoaded([Self.anna, Self.bo])) {
            $0.phase = .start(StartScreen(learners: [Self.anna, Self.bo], mode: .typeID(empty)))
        }
        var field = empty
        for character in "xo" {
            store.send(.text(character)) {
                field.insert(character)
                $0.phase = .start(StartScreen(learners: [Self.anna, Self.bo], mode: .typeID(field)))
            }
        }
        // An unknown id is asked for a PIN like any protected one (HiddenListSignInTests).
        store.send(.command(.open)) {
            $0.phase = .start(
                StartScreen(learners: [Self.anna, Self.bo], mode: .pin(StartScreen.unnamed("xo"), TextField(maximumLength: 8, isSecret: true))))
        }
        store.send(.command(.back)) {
            $0.phase = .start(StartScreen(learners: [Self.anna, Self.bo], mode: .typeID(empty)))
        }
        for character in "bo" {
            store.send(.text(character)) {
                if character == "b" { field = empty }
                field.insert(character)
                $0.phase = .start(StartScreen(learners: [Self.anna, Self.bo], mode: .typeID(field)))
            }
        }
        store.send(.command(.open), effects: [.openLearner(Self.bo)]) {
            $0.phase = .start(StartScreen(learners: [Self.anna, Self.bo], mode: .opening(Self.bo)))
        }
        store.send(.learnerOpened(Self.bo, .empty), effects: [began(now: nil)]) {
            $0.phase = .playing(Self.bo, begun(Self.bo, now: nil))
        }
        // Signing out shows no name when the list is hidden.
        var signedIn = LearnerProgress.empty
        signedIn.sessions = 1
        store.send(
            .switchLearner,
            effects: [.closeLearner(signedIn, events: [LearningEvent(at: beforeFirstTick, .sessionEnded(session: 1, seconds: 0))]), .loadLearners]
        ) {
            $0.phase = .start(StartScreen(mode: .typeID(empty), notice: .signedOut(name: nil)))
        }
    }

    @Test("the idle lock saves, releases the learner and shows the start screen; activity postpones it (ticks skip its warning)")
    func idleLock() {
        var state = session(SessionConfiguration(idleLockSeconds: 60))
        state.now = Self.t0
        state.lastActivity = Self.t0
        state.phase = .playing(Self.bo, playing(Self.bo))
        var store = SessionTestStore(state)
        let t20 = Self.t0.addingTimeInterval(20)
        store.send(.tick(t20)) {
            $0.now = t20
            $0.phase = .playing(Self.bo, playing(Self.bo, now: t20))
        }
        store.send(.command(.lineDown)) {
            $0.lastActivity = t20
            var player = playing(Self.bo, now: t20)
            player.menuSelection = 1
            $0.phase = .playing(Self.bo, player)
        }
        let t49 = Self.t0.addingTimeInterval(49)
        store.send(.tick(t49)) {
            $0.now = t49
            var player = playing(Self.bo, now: t49)
            player.menuSelection = 1
            $0.phase = .playing(Self.bo, player)
        }
        let t80 = Self.t0.addingTimeInterval(80)
        store.send(.tick(t80), effects: [closed(.empty, now: t80), .loadLearners]) {
            $0.now = t80
            $0.lastActivity = t80
            $0.phase = .start(StartScreen(mode: .list(selection: 0), notice: .idleLocked(minutes: 1)))
        }
    }

    @Test("s switches learner: save, release, start screen; the next learner sees no one's progress")
    func switchLearner() {
        var state = session()
        state.now = Self.t0
        let progress = LearnerProgress(completed: ["a"])
        state.phase = .playing(Self.bo, playing(Self.bo, progress))
        var store = SessionTestStore(state)
        store.send(.switchLearner, effects: [closed(progress, now: Self.t0), .loadLearners]) {
            $0.lastActivity = Self.t0
            $0.phase = .start(StartScreen(mode: .list(selection: 0), notice: .signedOut(name: "Bo")))
        }
        store.send(.learnersLoaded([Self.anna, Self.bo])) {
            $0.phase = .start(StartScreen(learners: [Self.anna, Self.bo], mode: .list(selection: 0), notice: .signedOut(name: "Bo")))
        }
        #expect(store.state.player == nil)
    }

    @Test("quit while playing: one final save through closeLearner, then quit")
    func quit() {
        var state = session()
        let progress = LearnerProgress(started: ["a"])
        state.phase = .playing(Self.bo, playing(Self.bo, progress))
        var store = SessionTestStore(state)
        store.send(.command(.quit), effects: [closed(progress, now: Self.t0), .quit]) {
            $0.isQuitting = true
            var player = playing(Self.bo, progress)
            player.isQuitting = true
            player.saveStatus = .pending
            $0.phase = .playing(Self.bo, player)
        }
    }

    @Test("preview: every unit open, no start screen, nothing saved, --unit opens a unit")
    func preview() {
        var store = SessionTestStore(session(SessionConfiguration(preview: true, initialUnit: "d")))
        store.send(.started(Fixtures.viewport, now: Self.t0)) {
            $0.now = Self.t0
            $0.lastActivity = Self.t0
            var player = PlayerState(course: Fixtures.course, progress: .empty, viewport: Fixtures.viewport, unlockAll: true)
            player.now = Self.t0
            player.sessionStartedAt = Self.t0
            player.menuSelection = 3
            player.screen = .lesson("d")
            player.progress = LearnerProgress(started: ["d"], bookmark: Bookmark(unitID: "d", scroll: 0, inUnit: true)).opened(["d": 1])
            player.progress.units["d"]?.firstOpenedAt = Self.t0
            player.progress.sessions = 1
            player.saveStatus = .pending
            $0.phase = .playing(LearnerSummary(id: "preview", displayName: ""), player)
        }
        // No sign-out and no idle lock in preview.
        store.send(.switchLearner) { $0.lastActivity = Self.t0 }
    }

    @Test("active time counts while the learner is active in a unit, not while idle")
    func activeTime() {
        var state = session(SessionConfiguration(idleLockSeconds: nil))
        state.now = Self.t0
        state.lastActivity = Self.t0
        var player = playing(Self.bo)
        player.screen = .lesson("a", lines: 100)
        state.phase = .playing(Self.bo, player)
        var store = SessionTestStore(state)
        var seconds = 0.0
        for step in 1...10 {
            let now = Self.t0.addingTimeInterval(Double(step) * 0.5)
            seconds += 0.5
            store.send(.tick(now)) {
                $0.now = now
                var p = player
                p.now = now
                p.activeCarry = seconds - seconds.rounded(.down)
                if seconds >= 1 { p.progress.units["a"] = UnitRecord(outcome: .inProgress, activeSeconds: Int(seconds)) }
                $0.phase = .playing(Self.bo, p)
            }
        }
        // After 180 s without a key the time stops counting.
        let late = Self.t0.addingTimeInterval(181)
        store.send(.tick(late)) {
            $0.now = late
            var p = player
            p.now = late
            p.progress.units["a"] = UnitRecord(outcome: .inProgress, activeSeconds: 5)
            $0.phase = .playing(Self.bo, p)
        }
    }

    @Test("suggested ids from names")
    func suggestedIDs() {
        #expect(NewLearner.suggestedID(for: "Anna Hansen") == "anna-hansen")
        #expect(NewLearner.suggestedID(for: "  Ægir Åberg-Ørsted ") == "aegir-aaberg-oersted")
        #expect(NewLearner.suggestedID(for: "José Núñez") == "jose-nunez")
        #expect(NewLearner.suggestedID(for: "日本") == "")
    }
}
