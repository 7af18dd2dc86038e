import Foundation
import KursusEngine
import Testing

/// Issue 16: with the learner list hidden, typing an id must not tell whether it exists.
/// An unknown id and a PIN-protected one get the same PIN prompt, which shows no name,
/// and the same failure; the name is known only once the PIN is right.
@Suite("Session reducer: the hidden list tells nothing before the PIN is right")
struct HiddenListSignInTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let bo = LearnerSummary(id: "bo", displayName: "Bo Ærø", team: "Team B", hasPIN: true)
    static let carl = LearnerSummary(id: "carl", displayName: "Carl", team: nil, hasPIN: false)
    static let idField = TextField(maximumLength: 64)
    static let pinField = TextField(maximumLength: 8, isSecret: true)

    func hiddenStore() -> SessionTestStore {
        var state = SessionState(
            content: CourseContent(course: Fixtures.course), configuration: SessionConfiguration(hideLearnerList: true),
            viewport: Fixtures.viewport)
        state.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .typeID(Self.idField)))
        return SessionTestStore(state)
    }

    /// Types `text` into the focused field, checking each character lands there.
    func type(_ text: String, _ store: inout SessionTestStore, notice: StartScreen.Notice?, pin: String? = nil) {
        var field = pin == nil ? Self.idField : Self.pinField
        for character in text {
            store.send(.text(character)) {
                field.insert(character)
                let mode: StartScreen.Mode = pin.map { .pin(StartScreen.unnamed($0), field) } ?? .typeID(field)
                $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: mode, notice: notice))
            }
        }
    }

    /// The screen after a failed sign-in, whatever failed: back to typing an id.
    func failed(_ state: inout SessionState) {
        state.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .typeID(Self.idField), notice: .wrongIDOrPIN))
    }

    @Test("an unknown id and a known one get the same PIN prompt without a name, and the same failure")
    func unknownAndKnownAlike() {
        var store = hiddenStore()
        // An id nobody has: asked for a PIN like anybody else.
        type("xo", &store, notice: nil)
        store.send(.command(.open)) {
            $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .pin(StartScreen.unnamed("xo"), Self.pinField)))
        }
        type("1234", &store, notice: nil, pin: "xo")
        store.send(.command(.open), effects: [.verifyPIN(learnerID: "xo", pin: "1234")]) {
            $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .pin(StartScreen.unnamed("xo"), Self.pinField)))
        }
        store.send(.pinChecked(learnerID: "xo", .rejected(attemptsLeft: 2)), failed)
        // Bo exists and has a PIN: the same prompt, naming only the id typed.
        type("bo", &store, notice: .wrongIDOrPIN)
        store.send(.command(.open)) {
            $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .pin(StartScreen.unnamed("bo"), Self.pinField)))
        }
        if case .start(let screen) = store.state.phase, case .pin(let shown, _) = screen.mode {
            #expect(shown.displayName == "bo" && shown.team == nil)
        } else {
            Issue.record("no PIN prompt for bo")
        }
        type("9999", &store, notice: nil, pin: "bo")
        store.send(.command(.open), effects: [.verifyPIN(learnerID: "bo", pin: "9999")]) {
            $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .pin(StartScreen.unnamed("bo"), Self.pinField)))
        }
        // A wrong PIN and a lockout read as the unknown id did: no count, no time.
        store.send(.pinChecked(learnerID: "bo", .rejected(attemptsLeft: 2)), failed)
        type("bo", &store, notice: .wrongIDOrPIN)
        store.send(.command(.open)) {
            $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .pin(StartScreen.unnamed("bo"), Self.pinField)))
        }
        type("1111", &store, notice: nil, pin: "bo")
        store.send(.command(.open), effects: [.verifyPIN(learnerID: "bo", pin: "1111")]) {
            $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .pin(StartScreen.unnamed("bo"), Self.pinField)))
        }
        store.send(.pinChecked(learnerID: "bo", .lockedOut(until: Self.t0.addingTimeInterval(30))), failed)
    }

    @Test("the right PIN signs in as the learner the services unlocked: name, team and settings come only then")
    func rightPIN() {
        var store = hiddenStore()
        type("bo", &store, notice: nil)
        store.send(.command(.open)) {
            $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .pin(StartScreen.unnamed("bo"), Self.pinField)))
        }
        type("2468", &store, notice: nil, pin: "bo")
        store.send(.command(.open), effects: [.verifyPIN(learnerID: "bo", pin: "2468")]) {
            $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .pin(StartScreen.unnamed("bo"), Self.pinField)))
        }
        var unlocked = Self.bo
        unlocked.settings.highContrast = true
        store.send(.pinChecked(learnerID: "bo", .unlocked(unlocked)), effects: [.openLearner(unlocked)]) {
            $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .opening(unlocked)))
        }
    }

    @Test("a plain .accepted signs in as the listed learner, not as the nameless prompt")
    func acceptedUsesList() {
        var store = hiddenStore()
        type("bo", &store, notice: nil)
        store.send(.command(.open)) {
            $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .pin(StartScreen.unnamed("bo"), Self.pinField)))
        }
        store.send(.pinChecked(learnerID: "bo", .accepted), effects: [.openLearner(Self.bo)]) {
            $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .opening(Self.bo)))
        }
    }

    @Test("a learner without a PIN signs in by id alone (they have no secret); Esc on the PIN prompt goes back")
    func noPIN() {
        var store = hiddenStore()
        type("carl", &store, notice: nil)
        store.send(.command(.open), effects: [.openLearner(Self.carl)]) {
            $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .opening(Self.carl)))
        }
        var other = hiddenStore()
        type("zz", &other, notice: nil)
        other.send(.command(.open)) {
            $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .pin(StartScreen.unnamed("zz"), Self.pinField)))
        }
        other.send(.command(.back)) {
            $0.phase = .start(StartScreen(learners: [Self.bo, Self.carl], mode: .typeID(Self.idField)))
        }
    }

    @Test("with the list shown, a wrong PIN still says how many tries are left (the name is on the list anyway)")
    func listShown() {
        var state = SessionState(content: CourseContent(course: Fixtures.course), configuration: SessionConfiguration(), viewport: Fixtures.viewport)
        state.phase = .start(StartScreen(learners: [Self.bo], mode: .pin(Self.bo, Self.pinField)))
        var store = SessionTestStore(state)
        store.send(.pinChecked(learnerID: "bo", .rejected(attemptsLeft: 1))) {
            $0.phase = .start(StartScreen(learners: [Self.bo], mode: .pin(Self.bo, Self.pinField), notice: .pinRejected(attemptsLeft: 1)))
        }
    }
}
