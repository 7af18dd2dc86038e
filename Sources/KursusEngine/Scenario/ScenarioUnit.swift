import Foundation
import KursusCourse

/// A scenario unit on screen: the loaded scenario and its session (the run plus the call
/// screen's cursor and scroll). The run itself is also written into the learner's
/// progress after every choice, so an interrupted run resumes.
public struct ScenarioPlay: Hashable, Sendable {
    public var unitID: String
    /// nil while the file is being read.
    public var scenario: Scenario?
    public var session: ScenarioSession?
    /// The saved run no longer fitted the edited file, so a new run began.
    public var restartedAfterEdit: Bool

    public init(unitID: String) {
        self.unitID = unitID
        scenario = nil
        session = nil
        restartedAfterEdit = false
    }
}

/// Every run a learner made of one scenario unit: the one on screen or last played
/// (`current`, finished or not) and every finished run, oldest first, with its path,
/// variables, ending, score and time.
public struct ScenarioRecord: Hashable, Sendable, Codable {
    public var current: ScenarioRun?
    public var finished: [ScenarioRun]

    public init(current: ScenarioRun? = nil, finished: [ScenarioRun] = []) {
        self.current = current
        self.finished = finished
    }

    /// The best score of the finished runs.
    public var bestScore: Int? { finished.compactMap(\.score).max() }
}

extension PlayerState {
    public var scenarioPlay: ScenarioPlay? {
        if case .scenario(let play) = screen { return play }
        return nil
    }

    public func scenarioRecord(_ unitID: String) -> ScenarioRecord {
        progress.record(unitID)?.scenario ?? ScenarioRecord()
    }
}
