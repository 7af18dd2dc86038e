import Foundation

/// What became of one statement given to `StatementFacts`.
public enum StatementOutcome: Sendable, Equatable, Hashable {
    /// Read into the course's records.
    case used
    /// A statement id read before (from another source, say): left out.
    case duplicate
    /// A statement of another course.
    case otherCourse
    /// Outside `--since`/`--until`.
    case filteredOut
    /// Not a Kursus statement of a form the report knows; the reason in words (never
    /// text from the statement).
    case unreadable(String)
    /// About a unit, or a question of a unit, the course package does not have (a later
    /// course version removed it): counted, left out of the figures.
    case notInCourse(unitID: String, questionID: String?)
}

/// The outcomes of the statements read so far, counted the way `ReadingSummary` reports them.
public struct StatementCounts: Sendable, Equatable {
    public var read = 0
    public var used = 0
    public var duplicates = 0
    public var otherCourses = 0
    public var filteredOut = 0
    public var unreadable = 0
    /// Unreadable statements per reason.
    public var unreadableReasons: [String: Int] = [:]
    /// Statements per missing unit (question nil) or missing question.
    public var notInCourse: [MissingKey: Int] = [:]

    public struct MissingKey: Hashable, Sendable {
        public var unitID: String
        public var questionID: String?
    }

    public init() {}

    public mutating func note(_ outcome: StatementOutcome) {
        read += 1
        switch outcome {
        case .used: used += 1
        case .duplicate: duplicates += 1
        case .otherCourse: otherCourses += 1
        case .filteredOut: filteredOut += 1
        case .unreadable(let reason):
            unreadable += 1
            unreadableReasons[reason, default: 0] += 1
        case .notInCourse(let unitID, let questionID):
            notInCourse[MissingKey(unitID: unitID, questionID: questionID), default: 0] += 1
        }
    }

    /// Adds these counts to `summary`: the totals, the missing units and questions (sorted
    /// by unit, then question, a whole unit first), and one problem per unreadable reason
    /// ("12 statements could not be used: …"), most frequent first.
    public func add(to summary: inout ReadingSummary) {
        summary.statementsRead += read
        summary.duplicates += duplicates
        summary.otherCourses += otherCourses
        summary.filteredOut += filteredOut
        summary.unreadable += unreadable
        var missing: [StatementCounts.MissingKey: Int] = notInCourse
        for activity in summary.notInCourse {
            missing[MissingKey(unitID: activity.unitID, questionID: activity.questionID), default: 0] += activity.statements
        }
        summary.notInCourse = missing.map { MissingActivity(unitID: $0.key.unitID, questionID: $0.key.questionID, statements: $0.value) }
            .sorted { ($0.unitID, $0.questionID ?? "") < ($1.unitID, $1.questionID ?? "") }
        let reasons = unreadableReasons.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        for (reason, count) in reasons {
            summary.problems.append("\(count) \(count == 1 ? "statement" : "statements") could not be used: \(reason)")
        }
    }
}
