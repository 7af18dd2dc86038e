import Foundation

/// Everything that can happen to the session.
public enum SessionEvent: Hashable, Sendable {
    case started(Viewport, now: Date)
    case tick(Date)
    case resized(Viewport)
    case command(PlayerCommand)
    /// A printable character while a text field is focused.
    case text(Character)
    case deleteBackward
    /// Cursor moves and forward delete in a text field with a cursor (quiz answers).
    case edit(TextEdit)
    /// Tab: the next field of a form.
    case nextField
    /// The learner asked to hand the workstation over (the `s` key).
    case switchLearner
    case learnersLoaded([LearnerSummary])
    case learnersFailed(message: String)
    case pinChecked(learnerID: String, PINResult)
    case learnerCreated(LearnerSummary)
    case learnerCreateFailed(message: String)
    case learnerOpened(LearnerSummary, LearnerProgress)
    case learnerOpenFailed(learnerID: String, OpenFailure)
    /// `c` on the course menu: back to the course catalogue.
    case showCatalogue
    /// The signed-in learner's progress in each catalogue course (by course id).
    case catalogueLoaded(learnerID: String, [String: CatalogueProgress])
    /// The course chosen in the catalogue, loaded from the library.
    case courseLoaded(CourseContent)
    case courseLoadFailed(courseID: String, message: String)
    /// An event for the course player of the open learner.
    case player(PlayerEvent)
    /// `o` on the course menu or in the catalogue: the learner's settings screen.
    case openSettings
    /// The learner's settings could not be saved in their profile.
    case settingsSaveFailed(message: String)
}

public enum PINResult: Hashable, Sendable {
    case accepted
    case rejected(attemptsLeft: Int)
    case lockedOut(until: Date)
    /// Accepted, with the learner as their profile reads once the PIN's key has opened it
    /// (name, team and settings are encrypted at rest; docs/learners.md).
    case unlocked(LearnerSummary)
}

public enum OpenFailure: Error, Hashable, Sendable {
    /// Another `kursus play` has this learner open.
    case busy
    case failed(message: String)
}

/// Work the session reducer asks the runtime to do.
public enum SessionEffect: Hashable, Sendable {
    case loadLearners
    case verifyPIN(learnerID: String, pin: String)
    case createLearner(NewLearner)
    /// Lock the learner, load their progress, answer with `learnerOpened` or `learnerOpenFailed`.
    case openLearner(LearnerSummary)
    /// Save this final progress and the last learning events, wait for them to reach
    /// the disk, release the learner.
    case closeLearner(LearnerProgress, events: [LearningEvent])
    /// Read this learner's progress in each of these courses, answer with `catalogueLoaded`.
    /// Read only: nothing is locked, repaired or written.
    case loadCatalogue(LearnerSummary, [CatalogueCourse])
    /// Load this library course, answer with `courseLoaded` or `courseLoadFailed`.
    case loadCourse(String)
    case player(PlayerEffect)
    case quit
    /// Write these settings into the learner's profile; answer `settingsSaveFailed` on failure.
    case saveSettings(learnerID: String, LearnerSettings)
    /// Ring the terminal bell (the idle lock's countdown has appeared and the learner asked for it).
    case ringBell
}
