/// What the engine knows of one learner's progress in one course. Pure values; the
/// progress store turns this into a versioned JSON document.
public struct LearnerProgress: Hashable, Sendable, Codable {
    /// Units the learner has completed (a lesson: its end has been on screen).
    public var completed: Set<String>
    /// Units the learner has opened but not completed.
    public var started: Set<String>
    /// Where `play` resumes on the next launch.
    public var bookmark: Bookmark?

    public init(completed: Set<String> = [], started: Set<String> = [], bookmark: Bookmark? = nil) {
        self.completed = completed
        self.started = started
        self.bookmark = bookmark
    }

    public static let empty = LearnerProgress()
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

/// A unit's status as the menu shows it.
public enum UnitStatus: Hashable, Sendable {
    case available
    case inProgress
    case completed
}

extension LearnerProgress {
    public func status(of unitID: String) -> UnitStatus {
        if completed.contains(unitID) { return .completed }
        if started.contains(unitID) || bookmark?.unitID == unitID { return .inProgress }
        return .available
    }
}
