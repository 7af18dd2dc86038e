import Foundation

/// The catalogue's own state machine. With more than one course in the library, a
/// learner who signs in comes here instead of straight into a course: the catalogue lists
/// the courses with this learner's progress in each (read only after sign-in, and only
/// their own); choosing one loads it (`loadCourse`) and opens the learner in it. `c` on
/// the course menu closes the learner's course and returns here.
enum CatalogueReducer {
    /// Whether signing in leads to the catalogue rather than straight into the course.
    static func isActive(_ state: SessionState) -> Bool {
        state.configuration.catalogue.count > 1 && !state.configuration.preview
    }

    /// A learner has signed in (PIN accepted or none needed): the catalogue, or the one course.
    static func signedIn(_ state: SessionState, _ learner: LearnerSummary) -> [SessionEffect] {
        guard isActive(state) else { return [.openLearner(learner)] }
        return [.loadCatalogue(learner, state.configuration.catalogue)]
    }

    /// `c` on the course menu: the course is saved and closed, the catalogue shows again
    /// with the course just left selected.
    static func returnToCatalogue(_ state: inout SessionState, force: Bool = false) -> [SessionEffect] {
        guard isActive(state), case .playing(let learner, var player) = state.phase, player.screen == .menu, !player.helpVisible,
            player.messageBox == nil
        else { return [] }
        // While saving fails the learner is asked first (unless they chose to leave anyway).
        if !force, SessionReducer.warnBeforeLeaving(&state, .catalogue) { return [] }
        let events = player.endSession()
        let selection = state.configuration.catalogue.firstIndex { $0.id == player.course.id } ?? 0
        state.phase = .playing(learner, player)
        state.showCatalogue(learner, CatalogueScreen(selection: selection))
        return [.closeLearner(player.progress, events: events), .loadCatalogue(learner, state.configuration.catalogue)]
    }

    static func reduce(_ state: inout SessionState, _ event: SessionEvent) -> [SessionEffect] {
        switch state.phase {
        case .start:
            // The learner's progress arrives while the start screen says "opening".
            guard case .catalogueLoaded(let learnerID, let progress) = event, case .start(let screen) = state.phase,
                case .opening(let learner) = screen.mode, learner.id == learnerID
            else { return [] }
            let selection = state.configuration.catalogue.firstIndex { $0.id == state.content.course.id } ?? 0
            state.phase = .catalogue(learner, CatalogueScreen(selection: selection, progress: progress))
            return []
        case .catalogue(let learner, var screen):
            let effects = reduce(&state, learner, &screen, event)
            if case .catalogue(let current, _) = state.phase, current == learner { state.phase = .catalogue(learner, screen) }
            return effects
        case .playing:
            return []
        }
    }

    private static func reduce(_ state: inout SessionState, _ learner: LearnerSummary, _ screen: inout CatalogueScreen, _ event: SessionEvent)
        -> [SessionEffect]
    {
        let courses = state.configuration.catalogue
        switch event {
        case let .catalogueLoaded(learnerID, progress) where learnerID == learner.id:
            screen.progress = progress
        case .command(let command) where screen.opening == nil:
            return self.command(&state, learner, &screen, command, courses)
        case .switchLearner where screen.opening == nil:
            let name = state.configuration.hideLearnerList ? nil : learner.displayName
            state.showStart(StartScreen(mode: state.configuration.initialStartMode, notice: .signedOut(name: name)))
            return [.loadLearners]
        case .courseLoaded(let content) where screen.opening == content.course.id:
            state.replaceIdleContent(content)
            return [.openLearner(learner)]
        case let .courseLoadFailed(courseID, message) where screen.opening == courseID:
            screen.opening = nil
            screen.notice = .courseFailed(title: courses.first { $0.id == courseID }?.title ?? courseID, message: message)
        case .learnerOpened(let opened, let progress) where opened.id == learner.id && screen.opening != nil:
            return SessionReducer.begin(&state, opened, progress, unlockAll: false)
        case let .learnerOpenFailed(learnerID, failure) where learnerID == learner.id:
            screen.opening = nil
            switch failure {
            case .busy:
                // Playing elsewhere: back to the start screen, as when signing in.
                state.showStart(StartScreen(mode: state.configuration.initialStartMode, notice: .learnerBusy(name: learner.displayName)))
                return [.loadLearners]
            case .failed(let message):
                screen.notice = .openFailed(message: message)
            }
        default:
            break
        }
        return []
    }

    private static func command(
        _ state: inout SessionState, _ learner: LearnerSummary, _ screen: inout CatalogueScreen, _ command: PlayerCommand,
        _ courses: [CatalogueCourse]
    ) -> [SessionEffect] {
        let last = max(0, courses.count - 1)
        switch command {
        case .quit:
            state.isQuitting = true
            return [.quit]
        case .lineUp: screen.selection = max(0, screen.selection - 1)
        case .lineDown: screen.selection = min(last, screen.selection + 1)
        case .top, .pageUp: screen.selection = 0
        case .bottom, .pageDown: screen.selection = last
        case .open:
            guard courses.indices.contains(screen.selection) else { return [] }
            let course = courses[screen.selection]
            screen.opening = course.id
            screen.notice = nil
            // The course already loaded is opened as it is.
            if state.content.course.id == course.id { return [.openLearner(learner)] }
            return [.loadCourse(course.id)]
        default:
            break
        }
        return []
    }
}

extension SessionState {
    /// Whether learners choose among several library courses (and `c` returns to them).
    public var hasCatalogue: Bool { CatalogueReducer.isActive(self) }
}
