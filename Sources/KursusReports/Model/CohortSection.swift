import Foundation

/// Who took part, how far they got, how long it took (docs/reports.md, "Cohort").
public struct CohortSection: Codable, Sendable, Equatable {
    /// Learners with at least one record in the course (after filtering).
    public var learners: ReportCell<Int>
    /// Learners per team, sorted by team; `team` nil for learners without one.
    public var teams: [TeamRow]
    /// The completion funnel per module, with its units, in course order.
    public var modules: [ModuleFunnel]
    /// Per team: started, completed and passed per module (each team's own funnel).
    public var teamModules: [TeamFunnel]
    /// Where learners who have not finished the course stand: per unit, how many have
    /// it as their first unfinished unit.
    public var stuckCounts: [StuckCount]
    /// Only with `--names`: each unfinished learner, by name, with where they stand.
    public var stuckLearners: [StuckLearner]?
    /// Only with `--names`: every learner's last activity.
    public var learnerActivity: [LearnerActivity]?

    public init(
        learners: ReportCell<Int>, teams: [TeamRow], modules: [ModuleFunnel], teamModules: [TeamFunnel], stuckCounts: [StuckCount],
        stuckLearners: [StuckLearner]?, learnerActivity: [LearnerActivity]?
    ) {
        self.learners = learners
        self.teams = teams
        self.modules = modules
        self.teamModules = teamModules
        self.stuckCounts = stuckCounts
        self.stuckLearners = stuckLearners
        self.learnerActivity = learnerActivity
    }
}

public struct TeamRow: Codable, Sendable, Equatable {
    /// Nil: learners without a team (or whose records carry none).
    public var team: String?
    public var learners: ReportCell<Int>
    public var lastActivity: Date?

    public init(team: String?, learners: ReportCell<Int>, lastActivity: Date?) {
        self.team = team
        self.learners = learners
        self.lastActivity = lastActivity
    }
}

/// Started ≥ completed ≥ passed, counted in learners.
public struct FunnelCounts: Codable, Sendable, Equatable {
    public var started: ReportCell<Int>
    public var completed: ReportCell<Int>
    /// Nil where nothing can be passed (a lesson, a survey, a scenario without a pass rule,
    /// a module with none of those).
    public var passed: ReportCell<Int>?

    public init(started: ReportCell<Int>, completed: ReportCell<Int>, passed: ReportCell<Int>?) {
        self.started = started
        self.completed = completed
        self.passed = passed
    }
}

public struct ModuleFunnel: Codable, Sendable, Equatable {
    public var moduleID: String
    public var title: String
    /// Started: any unit opened. Completed: every non-optional unit completed. Passed:
    /// every quiz, and every scenario with a pass rule, passed.
    public var counts: FunnelCounts
    public var units: [UnitFunnel]

    public init(moduleID: String, title: String, counts: FunnelCounts, units: [UnitFunnel]) {
        self.moduleID = moduleID
        self.title = title
        self.counts = counts
        self.units = units
    }
}

public struct UnitFunnel: Codable, Sendable, Equatable {
    public var unitID: String
    public var title: String
    /// `lesson`, `quiz`, `survey` or `scenario` (course.yaml's kinds).
    public var kind: String
    public var optional: Bool
    public var counts: FunnelCounts
    /// Time on task per learner (docs/reports.md says what counts), in seconds.
    public var timeOnTask: ReportCell<TimeSummary>?

    public init(unitID: String, title: String, kind: String, optional: Bool, counts: FunnelCounts, timeOnTask: ReportCell<TimeSummary>?) {
        self.unitID = unitID
        self.title = title
        self.kind = kind
        self.optional = optional
        self.counts = counts
        self.timeOnTask = timeOnTask
    }
}

/// Median and quartiles of per-learner times, in seconds.
public struct TimeSummary: Codable, Sendable, Equatable {
    public var learners: Int
    public var lowerQuartile: Double
    public var median: Double
    public var upperQuartile: Double

    public init(learners: Int, lowerQuartile: Double, median: Double, upperQuartile: Double) {
        self.learners = learners
        self.lowerQuartile = lowerQuartile
        self.median = median
        self.upperQuartile = upperQuartile
    }
}

public struct TeamFunnel: Codable, Sendable, Equatable {
    public var team: String?
    public var learners: ReportCell<Int>
    /// In course order, one per module.
    public var modules: [TeamModuleCounts]

    public init(team: String?, learners: ReportCell<Int>, modules: [TeamModuleCounts]) {
        self.team = team
        self.learners = learners
        self.modules = modules
    }
}

public struct TeamModuleCounts: Codable, Sendable, Equatable {
    public var moduleID: String
    public var counts: FunnelCounts

    public init(moduleID: String, counts: FunnelCounts) {
        self.moduleID = moduleID
        self.counts = counts
    }
}

public struct StuckCount: Codable, Sendable, Equatable {
    public var unitID: String
    public var title: String
    public var learners: ReportCell<Int>

    public init(unitID: String, title: String, learners: ReportCell<Int>) {
        self.unitID = unitID
        self.title = title
        self.learners = learners
    }
}

public struct StuckLearner: Codable, Sendable, Equatable {
    /// The learner's name where a data directory gives it, else the account name as the
    /// records carry it (the learner id, or the pseudonym).
    public var learner: String
    public var team: String?
    /// The first unit in course order the learner has not completed (passed, for a quiz).
    public var unitID: String
    public var title: String
    /// Failed attempts or runs at that unit.
    public var failedAttempts: Int
    public var lastActivity: Date

    public init(learner: String, team: String?, unitID: String, title: String, failedAttempts: Int, lastActivity: Date) {
        self.learner = learner
        self.team = team
        self.unitID = unitID
        self.title = title
        self.failedAttempts = failedAttempts
        self.lastActivity = lastActivity
    }
}

public struct LearnerActivity: Codable, Sendable, Equatable {
    public var learner: String
    public var team: String?
    public var lastActivity: Date
    /// Units completed, of the course's non-optional units.
    public var unitsCompleted: Int
    public var unitsRequired: Int

    public init(learner: String, team: String?, lastActivity: Date, unitsCompleted: Int, unitsRequired: Int) {
        self.learner = learner
        self.team = team
        self.lastActivity = lastActivity
        self.unitsCompleted = unitsCompleted
        self.unitsRequired = unitsRequired
    }
}
