import Foundation

/// What the learning records of one course say, per learner: the form between the
/// statements (`StatementFacts` reads them) and the figures (`ReportBuilder`). Compact on
/// purpose: a report over two million statements holds this, not the statements.
///
/// Learners are keyed by the actor's account name (the learner id, or the pseudonym);
/// anonymous survey submissions are kept apart, keyed by their own actor, and are never
/// joined to a learner.
public struct CourseRecords: Sendable, Equatable {
    public var learners: [String: LearnerRecord]
    /// Anonymous survey submissions, by their actor's account name.
    public var anonymousSubmissions: [String: AnonymousSubmission]
    /// `course-version` values seen.
    public var versionsSeen: Set<String>

    public init(learners: [String: LearnerRecord] = [:], anonymousSubmissions: [String: AnonymousSubmission] = [:], versionsSeen: Set<String> = []) {
        self.learners = learners
        self.anonymousSubmissions = anonymousSubmissions
        self.versionsSeen = versionsSeen
    }
}

public struct LearnerRecord: Sendable, Equatable {
    /// The account name in the statements.
    public var account: String
    /// From the statements' `context.team`, or a data directory's profile.
    public var team: String?
    /// From a data directory's profile only (names never leave the workstation).
    public var name: String?
    public var firstActivity: Date?
    public var lastActivity: Date?
    /// Seconds of finished sessions (`terminated` durations).
    public var sessionSeconds: Double
    public var units: [String: UnitRecord]
    /// Statements read into this record (so a `--team` filter can count what it leaves out).
    public var statements: Int

    public init(account: String, team: String? = nil, name: String? = nil) {
        self.account = account
        self.team = team
        self.name = name
        sessionSeconds = 0
        units = [:]
        statements = 0
    }

    /// Notes a moment of activity.
    public mutating func touch(_ time: Date) {
        if firstActivity.map({ time < $0 }) ?? true { firstActivity = time }
        if lastActivity.map({ time > $0 }) ?? true { lastActivity = time }
    }
}

/// One learner in one unit.
public struct UnitRecord: Sendable, Equatable {
    /// When the unit was opened from the menu (`launched`), in any order.
    public var openings: [Date]
    /// A lesson read to its end: the first time.
    public var completedAt: Date?
    /// Quiz and survey attempts by attempt number.
    public var attempts: [Int: AttemptRecord]
    /// Scenario runs by run number.
    public var runs: [Int: RunRecord]

    public init() {
        openings = []
        completedAt = nil
        attempts = [:]
        runs = [:]
    }
}

/// One quiz or survey attempt.
public struct AttemptRecord: Sendable, Equatable {
    /// Answers by question id (the latest statement for a question wins).
    public var answers: [String: AnswerRecord]
    /// Set once the attempt was submitted (`passed`, `failed`, or `completed` for a survey).
    public var finished: FinishedAttempt?

    public init(answers: [String: AnswerRecord] = [:], finished: FinishedAttempt? = nil) {
        self.answers = answers
        self.finished = finished
    }
}

public struct FinishedAttempt: Sendable, Equatable {
    public var at: Date
    /// Nil for a survey.
    public var success: Bool?
    /// 0–1, nil for a survey.
    public var scaled: Double?
    public var seconds: Double?

    public init(at: Date, success: Bool?, scaled: Double?, seconds: Double?) {
        self.at = at
        self.success = success
        self.scaled = scaled
        self.seconds = seconds
    }
}

/// One answer to a question.
public struct AnswerRecord: Sendable, Equatable {
    /// `result.response` as sent: option ids joined by `[,]`, the text typed, a number, a
    /// Likert point's id.
    public var response: String
    /// Share of the question's credit earned, 0–1; nil for unscored questions.
    public var scaled: Double?
    /// Points earned and the question's maximum.
    public var raw: Double?
    public var maximum: Double?
    public var at: Date
    public var seconds: Double?

    public init(response: String, scaled: Double?, raw: Double?, maximum: Double?, at: Date, seconds: Double?) {
        self.response = response
        self.scaled = scaled
        self.raw = raw
        self.maximum = maximum
        self.at = at
        self.seconds = seconds
    }
}

/// One scenario run.
public struct RunRecord: Sendable, Equatable {
    /// Choices in the order they were made (by timestamp, then arrival).
    public var choices: [ChoiceRecord]
    public var ending: EndingRecord?

    public init(choices: [ChoiceRecord] = [], ending: EndingRecord? = nil) {
        self.choices = choices
        self.ending = ending
    }
}

public struct ChoiceRecord: Sendable, Equatable {
    public var nodeID: String
    /// The option's number, 1 for the first.
    public var option: Int
    public var quality: String?
    public var timedOut: Bool
    public var at: Date

    public init(nodeID: String, option: Int, quality: String?, timedOut: Bool, at: Date) {
        self.nodeID = nodeID
        self.option = option
        self.quality = quality
        self.timedOut = timedOut
        self.at = at
    }
}

public struct EndingRecord: Sendable, Equatable {
    public var nodeID: String
    public var rating: String?
    public var score: Double?
    /// Nil for a scenario without a pass rule.
    public var success: Bool?
    public var seconds: Double?
    public var at: Date

    public init(nodeID: String, rating: String?, score: Double?, success: Bool?, seconds: Double?, at: Date) {
        self.nodeID = nodeID
        self.rating = rating
        self.score = score
        self.success = success
        self.seconds = seconds
        self.at = at
    }
}

/// One anonymous survey submission: its answers and whether it was submitted. The week
/// is all its timestamps say.
public struct AnonymousSubmission: Sendable, Equatable {
    public var unitID: String
    public var week: Date
    public var answers: [String: AnswerRecord]
    public var submitted: Bool

    public init(unitID: String, week: Date, answers: [String: AnswerRecord] = [:], submitted: Bool = false) {
        self.unitID = unitID
        self.week = week
        self.answers = answers
        self.submitted = submitted
    }
}
