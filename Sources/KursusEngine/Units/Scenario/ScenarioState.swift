import Foundation
import KursusCourse

/// A scenario unit on screen: the scenario and its session (the run plus the call
/// screen's cursor and scroll). The run itself is also written into the unit's record
/// after every choice, so an interrupted run resumes.
public struct ScenarioState: Hashable, Sendable {
    public var unitID: String
    public var scenario: Scenario
    public var session: ScenarioSession
    /// The saved run no longer fitted the edited file, so a new run began.
    public var restartedAfterEdit: Bool
    /// The highest score the scenario can reach, for the debrief; searched once, when a
    /// debrief first shows, and only for scenarios of ordinary size (nil otherwise, or
    /// when the search could not finish).
    public var maximumScore: Int? { searchedMaximum ?? nil }
    /// The search's result once it ran (`.some(nil)` when it found none).
    var searchedMaximum: Int??

    public init(unitID: String, scenario: Scenario, session: ScenarioSession, restartedAfterEdit: Bool = false) {
        self.unitID = unitID
        self.scenario = scenario
        self.session = session
        self.restartedAfterEdit = restartedAfterEdit
        searchedMaximum = nil
    }

    /// Scenarios up to this many nodes have their highest score searched for the debrief.
    public static let scoreSearchLimit = 2000
}

/// Every run a learner made of one scenario unit: the one on screen or last played
/// (`current`, finished or not) and every finished run, oldest first, with its path,
/// variables, ending, score and time.
public struct ScenarioRecord: Hashable, Sendable, Codable {
    public var current: ScenarioRun?
    public var finished: [ScenarioRun]
    /// How many runs were begun (a start, a retry, a restart after an edit); numbers the
    /// current run's learning records. nil in files from before learning records.
    public var runsBegun: Int?

    public init(current: ScenarioRun? = nil, finished: [ScenarioRun] = [], runsBegun: Int? = nil) {
        self.current = current
        self.finished = finished
        self.runsBegun = runsBegun
    }

    /// The best score of the finished runs.
    public var bestScore: Int? { finished.compactMap(\.score).max() }

    /// Runs begun so far (for files from before the count was kept: the finished runs and
    /// the one in progress).
    public var runsSoFar: Int { runsBegun ?? finished.count + (current.map { $0.isFinished ? 0 : 1 } ?? 0) }

    /// The current run's number: 1 for the first run begun.
    public var runNumber: Int { max(1, runsSoFar) }

    /// Counts a new run as begun.
    public mutating func beginRun() {
        runsBegun = runsSoFar + 1
    }
}

extension UnitRecord {
    /// The unit's scenario record, empty when the learner has none.
    public var scenarioRecord: ScenarioRecord { scenario ?? ScenarioRecord() }
}

extension PlayerState {
    public func scenarioRecord(_ unitID: String) -> ScenarioRecord {
        progress.record(unitID)?.scenarioRecord ?? ScenarioRecord()
    }
}
