import Foundation
import KursusCourse

/// The runs of one scenario counted once, for `ScenarioAnalysis` to turn into figures:
/// finished runs per learner, endings, and the choices made at each choice point.
///
/// Only finished runs (those that reached an ending) are counted, so that every share in
/// the section is of the same runs; runs begun and never ended are only counted. A choice
/// on a node the scenario file no longer has, or an option number the node no longer
/// has (the file changed since), is left out of the choice points: the run itself, its
/// ending and its score still count.
struct ScenarioRunTally {
    /// A finished run: who made it, and how it ended.
    struct FinishedRun {
        var learner: String
        var ending: EndingRecord
    }

    /// One choice point: answers per option (index 0 for option 1), time-outs, and the
    /// learners who answered it.
    struct PointTally {
        var chosen: [Int]
        var timedOut = 0
        var learners: Set<String> = []

        var answers: Int { chosen.reduce(0, +) }
    }

    var finished: [FinishedRun] = []
    var unfinished = 0
    /// Finished runs per learner (account).
    var runsPerLearner: [String: Int] = [:]
    /// Finished runs per ending node id.
    var endings: [String: Int] = [:]
    /// Choice points by node id (only nodes the file has as choices).
    var points: [String: PointTally] = [:]

    init(scenario: Scenario, learners: [LearnerRecord], unitID: String) {
        for learner in learners {
            guard let runs = learner.units[unitID]?.runs else { continue }
            for number in runs.keys.sorted() {
                guard let run = runs[number] else { continue }
                guard let ending = run.ending else {
                    unfinished += 1
                    continue
                }
                finished.append(FinishedRun(learner: learner.account, ending: ending))
                runsPerLearner[learner.account, default: 0] += 1
                endings[ending.nodeID, default: 0] += 1
                for choice in run.choices { count(choice, by: learner.account, in: scenario) }
            }
        }
    }

    private mutating func count(_ choice: ChoiceRecord, by learner: String, in scenario: Scenario) {
        guard let node = scenario.node(choice.nodeID), case .choice(let point) = node.kind,
            choice.option >= 1, choice.option <= point.options.count
        else { return }
        // Changed in place: a copy taken out and put back would copy the learner set each time.
        func count(_ tally: inout PointTally) {
            tally.chosen[choice.option - 1] += 1
            if choice.timedOut { tally.timedOut += 1 }
            tally.learners.insert(learner)
        }
        count(&points[choice.nodeID, default: PointTally(chosen: Array(repeating: 0, count: point.options.count))])
    }

    /// Learners with at least one finished run.
    var learnerCount: Int { runsPerLearner.count }

    /// Mean of the finished runs' scores (those that have one); nil without any.
    var meanScore: Double? {
        Descriptive.mean(finished.compactMap(\.ending.score).filter(\.isFinite))
    }

    /// Percent of finished runs that passed; nil without runs. A run's `success` comes
    /// from its ending statement; where that is missing, the file's pass rule decides.
    func passRate(_ scenario: Scenario) -> Double? {
        guard !finished.isEmpty else { return nil }
        let passed = finished.filter { run in
            if let success = run.ending.success { return success }
            let score = run.ending.score.flatMap { $0.isFinite ? Int(exactly: $0.rounded()) : nil }
            return scenario.passes(ending: run.ending.nodeID, score: score)
        }
        return Double(passed.count) / Double(finished.count) * 100
    }

    /// Mean finished runs beyond the first per learner who finished one; nil without any.
    var meanRetries: Double? {
        Descriptive.mean(runsPerLearner.values.map { Double($0 - 1) })
    }

    /// Learners who finished the scenario more than once.
    var learnersWhoRetried: Int { runsPerLearner.values.filter { $0 > 1 }.count }
}
