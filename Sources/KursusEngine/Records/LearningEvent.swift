import Foundation
import KursusCourse

/// Something a learner did that belongs in their learning record: the engine's own
/// account of what happened, made where it happened (the reducers) and never by the
/// screens. Each event names its place in the learner's record (session number, unit,
/// attempt number, question, run number, step), so the statement made from it has the
/// same id however often it is made again.
///
/// Events travel with the save that records the same change (`PlayerEffect.saveProgress`
/// and `SessionEffect.closeLearner`), so outbox and progress are written together.
public struct LearningEvent: Hashable, Sendable, Codable {
    /// When it happened (the engine's clock; never nil in a running player).
    public var at: Date
    public var kind: Kind

    public init(at: Date, _ kind: Kind) {
        self.at = at
        self.kind = kind
    }

    public enum Kind: Hashable, Sendable, Codable {
        /// A learner signed in to the course (the n-th session of this learner in this course).
        case sessionLaunched(session: Int)
        /// The learner signed out, quit or was locked out by the idle lock.
        case sessionEnded(session: Int, seconds: Int)
        /// A unit was opened (its n-th opening by this learner).
        case unitOpened(unitID: String, opening: Int)
        /// A lesson's last line was on screen for the first time.
        case lessonCompleted(unitID: String)
        /// An answer was submitted. `seconds` is the active time spent on the question.
        case questionAnswered(unitID: String, attempt: Int, questionID: String, answer: Answer, seconds: Int)
        /// A quiz or survey attempt was submitted: its score (nil for unscored) and verdict
        /// (nil for surveys and unscored quizzes). `seconds` is the attempt's active time.
        case attemptFinished(unitID: String, attempt: Int, scorePercent: Double?, passed: Bool?, seconds: Int)
        /// A choice in a scenario run: `run` is the run's number (1 for the first), `step`
        /// the choice's index in the run's path (0 for the first).
        case scenarioChoice(unitID: String, run: Int, step: Int, choice: ScenarioStep)
        /// A scenario run reached an ending.
        case scenarioEnded(unitID: String, run: Int, outcome: ScenarioOutcome, seconds: Int)
    }
}
