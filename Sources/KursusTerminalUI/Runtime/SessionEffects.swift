import KursusCourse
import KursusEngine

/// What both runtimes, the full screen (`SessionRuntime`) and the linear mode
/// (`LinearRuntime`), do alike for the session's effects: ask the services and send their
/// answer back as an event. What differs between them stays with each runtime: a course
/// chosen in the catalogue (which views draw it), the bell, and the end of the loop.
enum SessionEffects {
    /// What a runtime must do itself after `perform`.
    enum Remaining {
        /// Nothing: the effect is done.
        case done
        /// The catalogue's course `id` was opened as `package` (or could not be: the
        /// failure event was sent); the runtime shows it and sends `courseLoaded`.
        case courseOpened(CoursePackage)
        case ringBell
        case quit
    }

    /// Carries out `effect` through `services`, sending the events it answers with.
    static func perform(_ effect: SessionEffect, _ services: SessionServices, send: (SessionEvent) -> Void) -> Remaining {
        switch effect {
        case .loadLearners:
            switch services.loadLearners() {
            case .success(let learners): send(.learnersLoaded(learners))
            case .failure(let failure): send(.learnersFailed(message: failure.message))
            }
        case let .verifyPIN(learnerID, pin):
            switch services.verifyPIN(learnerID: learnerID, pin: pin) {
            case .success(let result): send(.pinChecked(learnerID: learnerID, result))
            case .failure(let failure): send(.learnerOpenFailed(learnerID: learnerID, .failed(message: failure.message)))
            }
        case .createLearner(let request):
            switch services.createLearner(request) {
            case .success(let learner): send(.learnerCreated(learner))
            case .failure(let failure): send(.learnerCreateFailed(message: failure.message))
            }
        case .openLearner(let learner):
            switch services.openLearner(learner) {
            case .success(let progress):
                send(.learnerOpened(learner, progress))
                for notice in services.takeNotices() { send(.player(.inform(notice))) }
            case .failure(let failure): send(.learnerOpenFailed(learnerID: learner.id, failure))
            }
        case let .closeLearner(progress, events):
            services.closeLearner(progress, events: events)
        case let .player(.saveProgress(progress, events)):
            services.save(progress, events: events)
            // What follows on screen (a "✓" for an answer, a completed lesson) is shown only
            // once it is on disk. Saves without learning events (a bookmark moved while
            // scrolling) are not waited for.
            if !events.isEmpty { services.settleSaves() }
        case let .loadCatalogue(learner, courses):
            send(.catalogueLoaded(learnerID: learner.id, services.catalogueProgress(learner: learner.id, courses: courses)))
        case .loadCourse(let id):
            switch services.openCourse(id) {
            case .success(let package): return .courseOpened(package)
            case .failure(let failure): send(.courseLoadFailed(courseID: id, message: failure.message))
            }
        case let .saveSettings(learnerID, settings):
            if case .failure(let failure) = services.saveSettings(learnerID: learnerID, settings) {
                send(.settingsSaveFailed(message: failure.message))
            }
        case .ringBell:
            return .ringBell
        case .player(.quit):
            break
        case .quit:
            return .quit
        }
        return .done
    }
}
