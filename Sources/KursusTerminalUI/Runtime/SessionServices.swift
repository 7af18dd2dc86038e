import KursusCourse
import KursusEngine

/// Everything the session asks of the outside world: learners, PINs, progress. The
/// runtime calls these to carry out the reducer's effects; the workstation and the
/// trainer preview each have their own implementation, and tests can bring theirs.
public protocol SessionServices: AnyObject {
    func loadLearners() -> Result<[LearnerSummary], ServiceFailure>
    func verifyPIN(learnerID: String, pin: String) -> Result<PINResult, ServiceFailure>
    func createLearner(_ request: NewLearner) -> Result<LearnerSummary, ServiceFailure>
    /// Locks the learner for this process and loads their progress.
    func openLearner(_ learner: LearnerSummary) -> Result<LearnerProgress, OpenFailure>
    /// Saves the progress and the learning events that go with it in the background;
    /// never blocks on the disk.
    func save(_ progress: LearnerProgress, events: [LearningEvent])
    /// Saves, waits until it is on disk (or has failed), and releases the learner.
    func closeLearner(_ progress: LearnerProgress, events: [LearningEvent])
    /// Results of background saves since the last call.
    func takeSaveOutcomes() -> [SaveOutcome]
    /// Waits (a few seconds at most) until the saves handed over so far have been tried:
    /// the runtime calls it before drawing the screen that follows a save, so what the
    /// screen shows as recorded is on disk.
    func settleSaves()
    /// When the learner last closed had work that could not be saved: what was lost and
    /// how far the saved progress goes, for standard error as the program ends; else nil.
    func takeCloseFailure() -> String?
    /// The process is about to exit: background work that must not be cut (a signed-out
    /// learner's last sync) ends first, within a bound.
    func finishBackgroundWork()
    /// Messages about the learner just opened (progress recovered, migrated, course changed).
    func takeNotices() -> [String]
    /// The open learner's learning records on their way to the LRS; nil when no LRS is set up.
    func recordsStatus() -> RecordsStatus?
    /// The catalogue: this learner's progress in each course, read without changing anything.
    func catalogueProgress(learner: String, courses: [CatalogueCourse]) -> [String: CatalogueProgress]
    /// The catalogue: loads a library course; learners opened from now on open in it.
    func openCourse(_ id: String) -> Result<CoursePackage, ServiceFailure>
    /// Saves the learner's settings in their profile (the settings screen's every change).
    func saveSettings(learnerID: String, _ settings: LearnerSettings) -> Result<Void, ServiceFailure>
    /// The course is now played in another of its languages: learning records from now on
    /// carry it (`context.language`). Services without records ignore it.
    func switchContentLanguage(_ content: CourseContent)
}

public struct ServiceFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Trainer preview: nobody signs in and nothing is recorded anywhere.
public final class PreviewServices: SessionServices {
    public init() {}
    public func loadLearners() -> Result<[LearnerSummary], ServiceFailure> { .success([]) }
    public func verifyPIN(learnerID: String, pin: String) -> Result<PINResult, ServiceFailure> { .failure(ServiceFailure("preview")) }
    public func createLearner(_ request: NewLearner) -> Result<LearnerSummary, ServiceFailure> { .failure(ServiceFailure("preview")) }
    public func openLearner(_ learner: LearnerSummary) -> Result<LearnerProgress, OpenFailure> { .success(.empty) }
    public func save(_ progress: LearnerProgress, events: [LearningEvent]) {}
    public func closeLearner(_ progress: LearnerProgress, events: [LearningEvent]) {}
    public func takeSaveOutcomes() -> [SaveOutcome] { [] }
}

extension SessionServices {
    /// Messages about the opened learner's saved progress (recovered, migrated, course changed).
    public func takeNotices() -> [String] { [] }
    public func recordsStatus() -> RecordsStatus? { nil }
    public func catalogueProgress(learner: String, courses: [CatalogueCourse]) -> [String: CatalogueProgress] { [:] }
    public func openCourse(_ id: String) -> Result<CoursePackage, ServiceFailure> { .failure(ServiceFailure("no course library")) }
    /// Services without learner profiles keep settings for the session only.
    public func saveSettings(learnerID: String, _ settings: LearnerSettings) -> Result<Void, ServiceFailure> { .success(()) }
}

extension SessionServices {
    public func switchContentLanguage(_ content: CourseContent) {}
    /// Services that save nothing, or save at once, have nothing to wait for.
    public func settleSaves() {}
    public func takeCloseFailure() -> String? { nil }
    public func finishBackgroundWork() {}
}
