import KursusCourse

/// A unit's place in its lifecycle, as the menu shows it:
/// locked → available → in progress → completed, and for assessed units passed or failed.
public enum UnitStatus: Hashable, Sendable {
    case locked(PrerequisiteGraph.Reason)
    case available
    case inProgress
    case completed
    case passed
    case failed

    public var isLocked: Bool {
        if case .locked = self { return true }
        return false
    }
}

extension PlayerState {
    /// The unit's status from the learner's records and the course's prerequisites.
    public func status(of unit: CourseUnit) -> UnitStatus {
        switch progress.record(unit.id)?.outcome {
        case .completed?: return .completed
        case .passed?: return .passed
        case .failed?: return .failed
        case .inProgress?, nil: break
        }
        if !unlockAll, let unmet = prerequisites.firstUnmet(for: unit.id, isDone: { progress.record($0)?.outcome.isDone == true }) {
            return .locked(unmet.reason)
        }
        return progress.record(unit.id) != nil ? .inProgress : .available
    }

    /// Done units over required units: all required units completed (or passed) completes
    /// a module, and all of the course's completes the course.
    public func completion(of units: [CourseUnit]) -> (done: Int, total: Int) {
        let required = units.filter { !$0.optional }
        return (required.filter { progress.record($0.id)?.outcome.isDone == true }.count, required.count)
    }

    public var isCourseComplete: Bool {
        let (done, total) = completion(of: units)
        return total > 0 && done == total
    }
}
