import Foundation

/// What the engine knows of one learner's progress in one course. Pure values; the
/// progress store turns this into a versioned JSON document.
///
/// Records are kept by unit id, and records for units the course no longer has are kept
/// too (never silently dropped): the engine simply ignores ids it does not know.
public struct LearnerProgress: Hashable, Sendable, Codable {
    public var units: [String: UnitRecord]
    /// Where `play` resumes on the next launch.
    public var bookmark: Bookmark?
    /// How many sessions the learner has begun in this course (nil in files from before
    /// learning records, meaning none counted yet). Numbers each session's records.
    public var sessions: Int?

    public init(units: [String: UnitRecord] = [:], bookmark: Bookmark? = nil) {
        self.units = units
        self.bookmark = bookmark
    }

    /// Progress with the given units completed and started (for tests and migrations).
    public init(completed: Set<String> = [], started: Set<String> = [], bookmark: Bookmark? = nil) {
        var units: [String: UnitRecord] = [:]
        for id in started { units[id] = UnitRecord(outcome: .inProgress) }
        for id in completed { units[id] = UnitRecord(outcome: .completed) }
        self.init(units: units, bookmark: bookmark)
    }

    public static let empty = LearnerProgress()

    /// Units whose requirement is met: completed, or passed for assessed units.
    public var completed: Set<String> { Set(units.filter { $0.value.outcome.isDone }.keys) }
    /// Units opened and not yet done.
    public var started: Set<String> { Set(units.filter { $0.value.outcome == .inProgress }.keys) }

    public func record(_ unitID: String) -> UnitRecord? { units[unitID] }

    /// Marks a unit opened, unless it already has an outcome.
    public mutating func markStarted(_ unitID: String, at time: Date?) {
        if units[unitID] == nil { units[unitID] = UnitRecord(outcome: .inProgress, firstOpenedAt: time) }
    }

    /// Changes a unit's record, creating it (opened at `time`) when the unit has none yet.
    public mutating func update(_ unitID: String, at time: Date?, _ change: (inout UnitRecord) -> Void) {
        var record = units[unitID] ?? UnitRecord(outcome: .inProgress, firstOpenedAt: time)
        change(&record)
        units[unitID] = record
    }

    /// Marks a unit completed; a unit already done keeps its outcome and first completion time.
    public mutating func markCompleted(_ unitID: String, at time: Date?) {
        update(unitID, at: time) { $0.markCompleted(at: time) }
    }

    /// Records an assessed unit's verdict (see `UnitRecord.setAssessed`).
    public mutating func setAssessed(_ unitID: String, passed: Bool, at time: Date?) {
        update(unitID, at: time) { $0.setAssessed(passed: passed, at: time) }
    }

    /// Adds active (not idle) time to a unit.
    public mutating func addActiveTime(_ seconds: Int, to unitID: String) {
        guard seconds > 0 else { return }
        update(unitID, at: nil) { $0.addActiveTime(seconds) }
    }
}

/// One unit's progress.
public struct UnitRecord: Hashable, Sendable, Codable {
    public enum Outcome: String, Hashable, Sendable, Codable {
        case inProgress = "in-progress"
        case completed
        case passed
        case failed

        /// Whether the unit counts as done for completion and prerequisites.
        public var isDone: Bool { self == .completed || self == .passed }
    }

    public var outcome: Outcome
    /// Seconds with the unit on screen and the learner active; idle time is excluded.
    public var activeSeconds: Int
    public var firstOpenedAt: Date?
    /// When the unit was first completed or passed.
    public var completedAt: Date?
    /// Quiz and survey units: every attempt.
    public var quiz: QuizRecord?
    /// Scenario units: the current run and every finished run.
    public var scenario: ScenarioRecord?
    /// How many times the unit was opened (nil in files from before learning records).
    /// Numbers each opening's record.
    public var opens: Int?

    public init(outcome: Outcome, activeSeconds: Int = 0, firstOpenedAt: Date? = nil, completedAt: Date? = nil, quiz: QuizRecord? = nil) {
        self.outcome = outcome
        self.activeSeconds = activeSeconds
        self.firstOpenedAt = firstOpenedAt
        self.completedAt = completedAt
        self.quiz = quiz
    }

    /// Completed now, unless already done (which keeps its outcome and first completion time).
    public mutating func markCompleted(at time: Date?) {
        guard !outcome.isDone else { return }
        outcome = .completed
        completedAt = time
    }

    /// An assessed unit's verdict. Passed keeps its first completion time; a later
    /// verdict replaces an earlier one (the unit's own counting rule has been applied).
    public mutating func setAssessed(passed: Bool, at time: Date?) {
        outcome = passed ? .passed : .failed
        if passed, completedAt == nil { completedAt = time }
    }

    /// Adds active (not idle) time.
    public mutating func addActiveTime(_ seconds: Int) {
        if seconds > 0 { activeSeconds += seconds }
    }
}

/// A place to resume: the unit, the first visible line, and whether the learner was
/// reading it (resume inside the lesson) or had gone back to the menu (resume there).
public struct Bookmark: Hashable, Sendable, Codable {
    public var unitID: String
    public var scroll: Int
    public var inUnit: Bool

    public init(unitID: String, scroll: Int, inUnit: Bool) {
        self.unitID = unitID
        self.scroll = max(0, scroll)
        self.inUnit = inUnit
    }
}
