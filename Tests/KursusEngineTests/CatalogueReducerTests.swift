import Foundation
import KursusCourse
import KursusEngine
import Testing

@Suite("Catalogue: choosing a library course after sign-in, and back with c")
struct CatalogueReducerTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let bo = LearnerSummary(id: "bo", displayName: "Bo", team: nil, hasPIN: false)
    static let second = Course(
        id: "hygiejne", title: "Hygiejne", language: "da", version: "2.1",
        modules: [CourseModule(id: "h1", title: "Hænder", units: [Fixtures.unit("vask")], location: Fixtures.here)],
        location: Fixtures.here)
    static let catalogue = [
        CatalogueCourse(id: "kursus", title: "Kursus", description: "Det første", language: "da", version: "1", requiredUnits: ["a", "b", "d"]),
        CatalogueCourse(id: "hygiejne", title: "Hygiejne", description: nil, language: "da", version: "2.1", requiredUnits: ["vask"]),
    ]
    static let figures: [String: CatalogueProgress] = ["kursus": .done(1, of: 3), "hygiejne": .notStarted]

    /// A session with the two-course catalogue, Bo chosen on the start screen.
    func signingIn() -> SessionState {
        var configuration = SessionConfiguration(idleLockSeconds: 600)
        configuration.catalogue = Self.catalogue
        var state = SessionState(content: CourseContent(course: Fixtures.course), configuration: configuration, viewport: Fixtures.viewport)
        state.now = Self.t0
        state.lastActivity = Self.t0
        state.phase = .start(StartScreen(learners: [Self.bo], mode: .list(selection: 0)))
        return state
    }

    /// Bo on the catalogue with his figures read.
    func onCatalogue(selection: Int = 0) -> SessionState {
        var state = signingIn()
        state.phase = .catalogue(Self.bo, CatalogueScreen(selection: selection, progress: Self.figures))
        return state
    }

    @Test("signing in reads the learner's progress, then shows the catalogue on the course already loaded")
    func signIn() {
        var store = SessionTestStore(signingIn())
        store.send(.command(.open), effects: [.loadCatalogue(Self.bo, Self.catalogue)]) {
            $0.phase = .start(StartScreen(learners: [Self.bo], mode: .opening(Self.bo)))
        }
        // Another learner's figures arriving late are not shown.
        store.send(.catalogueLoaded(learnerID: "anna", ["kursus": .done(3, of: 3)]))
        store.send(.catalogueLoaded(learnerID: "bo", Self.figures)) {
            $0.phase = .catalogue(Self.bo, CatalogueScreen(selection: 0, progress: Self.figures))
        }
        #expect(store.state.inputMode == .navigation)
        #expect(store.state.hasCatalogue)
    }

    @Test("choosing another course loads it, then opens the learner in it")
    func chooseOther() {
        var store = SessionTestStore(onCatalogue())
        store.send(.command(.lineDown)) { $0.phase = .catalogue(Self.bo, CatalogueScreen(selection: 1, progress: Self.figures)) }
        store.send(.command(.lineDown))
        store.send(.command(.open), effects: [.loadCourse("hygiejne")]) {
            $0.phase = .catalogue(Self.bo, CatalogueScreen(selection: 1, progress: Self.figures, opening: "hygiejne"))
        }
        // Keys wait while the course loads.
        store.send(.command(.lineUp))
        var state = store.state
        // The course from the library replaces the one waiting to be played.
        #expect(SessionReducer.reduce(&state, .courseLoaded(CourseContent(course: Self.second))) == [.openLearner(Self.bo)])
        #expect(state.course.id == "hygiejne")
        #expect(state.phase == .catalogue(Self.bo, CatalogueScreen(selection: 1, progress: Self.figures, opening: "hygiejne")))
        let effects = SessionReducer.reduce(&state, .learnerOpened(Self.bo, .empty))
        guard case .playing(let learner, let player) = state.phase else {
            Issue.record("not playing after the learner opened: \(state.phase)")
            return
        }
        #expect(learner == Self.bo)
        #expect(player.course.id == "hygiejne")
        #expect(player.progress.sessions == 1)
        #expect(effects.count == 1)
    }

    @Test("choosing the course already loaded opens the learner at once")
    func chooseLoaded() {
        var store = SessionTestStore(onCatalogue())
        store.send(.command(.open), effects: [.openLearner(Self.bo)]) {
            $0.phase = .catalogue(Self.bo, CatalogueScreen(selection: 0, progress: Self.figures, opening: "kursus"))
        }
    }

    @Test("a course that fails to load stays on the catalogue with the reason")
    func loadFails() {
        var store = SessionTestStore(onCatalogue(selection: 1))
        store.send(.command(.open), effects: [.loadCourse("hygiejne")]) {
            $0.phase = .catalogue(Self.bo, CatalogueScreen(selection: 1, progress: Self.figures, opening: "hygiejne"))
        }
        store.send(.courseLoadFailed(courseID: "hygiejne", message: "unknown signer")) {
            $0.phase = .catalogue(
                Self.bo,
                CatalogueScreen(selection: 1, progress: Self.figures, notice: .courseFailed(title: "Hygiejne", message: "unknown signer")))
        }
    }

    @Test("c while a save is failing asks first; quit anyway closes the course and shows the catalogue")
    func backToCatalogueWhileFailing() {
        var state = onCatalogue()
        _ = SessionReducer.reduce(&state, .command(.open))
        _ = SessionReducer.reduce(&state, .learnerOpened(Self.bo, .empty))
        _ = SessionReducer.reduce(&state, .player(.saveFinished(.failed(message: "full"))))
        _ = SessionReducer.reduce(&state, .showCatalogue)
        #expect(state.player?.quitWarning == QuitWarning(leaving: .catalogue))
        #expect(state.player?.isQuitting == false)
        let effects = SessionReducer.reduce(&state, .command(.number(3)))
        #expect(effects.count == 2)
        #expect(effects.last == .loadCatalogue(Self.bo, Self.catalogue))
        #expect(state.phase == .catalogue(Self.bo, CatalogueScreen(selection: 0)))
        #expect(!state.isQuitting)
    }

    @Test("c on the course menu saves and closes the course and shows the catalogue again; elsewhere it does nothing")
    func backToCatalogue() {
        var state = onCatalogue()
        _ = SessionReducer.reduce(&state, .command(.open))
        _ = SessionReducer.reduce(&state, .learnerOpened(Self.bo, .empty))
        guard case .playing(_, var player) = state.phase else {
            Issue.record("not playing")
            return
        }
        // In a lesson, c is just a key.
        _ = SessionReducer.reduce(&state, .command(.open))
        #expect(state.player?.screen != .menu)
        #expect(SessionReducer.reduce(&state, .showCatalogue) == [])
        #expect(state.player != nil)
        _ = SessionReducer.reduce(&state, .command(.back))
        #expect(state.player?.screen == .menu)
        player = state.player ?? player
        let events = player.endSession()
        let effects = SessionReducer.reduce(&state, .showCatalogue)
        #expect(effects == [.closeLearner(player.progress, events: events), .loadCatalogue(Self.bo, Self.catalogue)])
        #expect(state.phase == .catalogue(Self.bo, CatalogueScreen(selection: 0)))
        // The figures are read again, after the save.
        _ = SessionReducer.reduce(&state, .catalogueLoaded(learnerID: "bo", ["kursus": .done(2, of: 3), "hygiejne": .notStarted]))
        #expect(state.phase == .catalogue(Self.bo, CatalogueScreen(selection: 0, progress: ["kursus": .done(2, of: 3), "hygiejne": .notStarted])))
    }

    @Test("s on the catalogue signs out; the idle lock returns to the start screen; q quits")
    func leave() {
        var store = SessionTestStore(onCatalogue())
        store.send(.switchLearner, effects: [.loadLearners]) {
            $0.phase = .start(StartScreen(learners: nil, mode: .list(selection: 0), notice: .signedOut(name: "Bo")))
        }
        store = SessionTestStore(onCatalogue())
        store.send(.tick(Self.t0.addingTimeInterval(539))) { $0.now = Self.t0.addingTimeInterval(539) }
        // A minute before the lock, its countdown shows (here too: the learner is signed in).
        store.send(.tick(Self.t0.addingTimeInterval(540))) {
            $0.now = Self.t0.addingTimeInterval(540)
            $0.idleLockAt = Self.t0.addingTimeInterval(600)
        }
        store.send(.tick(Self.t0.addingTimeInterval(600)), effects: [.loadLearners]) {
            $0.now = Self.t0.addingTimeInterval(600)
            $0.lastActivity = Self.t0.addingTimeInterval(600)
            $0.idleLockAt = nil
            $0.phase = .start(StartScreen(mode: .list(selection: 0), notice: .idleLocked(minutes: 10)))
        }
        store = SessionTestStore(onCatalogue())
        store.send(.command(.quit), effects: [.quit]) { $0.isQuitting = true }
    }

    @Test("a learner busy elsewhere goes back to the start screen; another failure stays with its reason")
    func openFails() {
        var store = SessionTestStore(onCatalogue())
        store.send(.command(.open), effects: [.openLearner(Self.bo)]) {
            $0.phase = .catalogue(Self.bo, CatalogueScreen(selection: 0, progress: Self.figures, opening: "kursus"))
        }
        store.send(.learnerOpenFailed(learnerID: "bo", .failed(message: "disk full"))) {
            $0.phase = .catalogue(Self.bo, CatalogueScreen(selection: 0, progress: Self.figures, notice: .openFailed(message: "disk full")))
        }
        store.send(.command(.open), effects: [.openLearner(Self.bo)]) {
            $0.phase = .catalogue(Self.bo, CatalogueScreen(selection: 0, progress: Self.figures, opening: "kursus"))
        }
        store.send(.learnerOpenFailed(learnerID: "bo", .busy), effects: [.loadLearners]) {
            $0.phase = .start(StartScreen(mode: .list(selection: 0), notice: .learnerBusy(name: "Bo")))
        }
    }

    @Test("one course, or trainer preview: no catalogue")
    func noCatalogue() {
        var state = signingIn()
        state.configuration.catalogue = [Self.catalogue[0]]
        var store = SessionTestStore(state)
        store.send(.command(.open), effects: [.openLearner(Self.bo)]) {
            $0.phase = .start(StartScreen(learners: [Self.bo], mode: .opening(Self.bo)))
        }
        var preview = signingIn()
        preview.configuration.preview = true
        #expect(!preview.hasCatalogue)
    }
}
