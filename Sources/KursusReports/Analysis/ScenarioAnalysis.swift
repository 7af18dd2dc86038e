import Foundation
import KursusCourse
import KursusEngine

/// The scenario figures of a report (docs/reports.md, "Scenarios").
///
/// Every figure is of finished runs (see `ScenarioRunTally`). Privacy: counts of runs,
/// learners and choices from 1 to the minimum less one show as "< 5"; a share or a mean
/// is shown only when the learners behind it (who finished the scenario, or who answered
/// that choice point) are at least the minimum, since one learner can make many runs.
enum ScenarioAnalysis {
    /// How many poor choices the section lists.
    static let poorChoiceLimit = 5

    /// One section per scenario unit, in course order.
    static func sections(package: CoursePackage, learners: [LearnerRecord], policy: CellPolicy) -> [ScenarioSection] {
        package.course.allUnits.compactMap { unit in
            guard unit.kind == .scenario, let scenario = package.scenarios[unit.id] else { return nil }
            let title = PlainText.oneLine(unit.title).isEmpty ? PlainText.oneLine(scenario.title) : PlainText.oneLine(unit.title)
            return section(unitID: unit.id, title: title.isEmpty ? unit.id : title, scenario: scenario, learners: learners, policy: policy)
        }
    }

    /// One scenario's section.
    static func section(unitID: String, title: String, scenario: Scenario, learners: [LearnerRecord], policy: CellPolicy) -> ScenarioSection {
        let tally = ScenarioRunTally(scenario: scenario, learners: learners, unitID: unitID)
        let group = tally.learnerCount
        let runs = tally.finished.count
        let points = choicePoints(scenario, tally: tally, policy: policy)
        return ScenarioSection(
            unitID: unitID, title: title, runs: policy.count(runs), learners: policy.count(group), unfinishedRuns: tally.unfinished,
            meanScore: tally.meanScore.map { policy.figure($0, groupSize: group) }, maximumScore: maximumScore(scenario),
            passRate: scenario.pass == nil ? nil : tally.passRate(scenario).map { policy.figure($0, groupSize: group) },
            meanRetries: tally.meanRetries.map { policy.figure($0, groupSize: group) },
            learnersWhoRetried: policy.count(tally.learnersWhoRetried), endings: endings(scenario, tally: tally, policy: policy),
            choicePoints: points.rows, commonPoorChoices: points.poor)
    }

    /// The highest score a run can reach, by the search the debrief and the statements
    /// use (`ScenarioValidator.scoreRange`, for scenarios of up to
    /// `ScenarioState.scoreSearchLimit` nodes); nil when unknown or the search stopped early.
    static func maximumScore(_ scenario: Scenario) -> Double? {
        guard scenario.nodes.count <= ScenarioState.scoreSearchLimit, let range = ScenarioValidator.scoreRange(scenario), range.complete
        else { return nil }
        return Double(range.maximum)
    }

    /// Every ending of the file in its order, with the finished runs that reached it.
    static func endings(_ scenario: Scenario, tally: ScenarioRunTally, policy: CellPolicy) -> [EndingRow] {
        let total = tally.finished.count
        return scenario.nodes.compactMap { node in
            guard case .ending(let ending) = node.kind else { return nil }
            let count = tally.endings[node.id] ?? 0
            let title = PlainText.oneLine(ending.title)
            return EndingRow(
                nodeID: node.id, text: title.isEmpty ? PlainText.firstLine(ofMarkdown: ending.debrief) : title, rating: ending.rating?.rawValue,
                runs: policy.count(count), share: policy.figure(percent(count, of: total), groupSize: tally.learnerCount))
        }
    }

    /// Every choice point of the file in its order, and the poor choices taken most often.
    static func choicePoints(_ scenario: Scenario, tally: ScenarioRunTally, policy: CellPolicy) -> (rows: [ChoicePointRow], poor: [PoorChoice]) {
        var rows: [ChoicePointRow] = []
        var poor: [(choice: PoorChoice, count: Int)] = []
        for node in scenario.nodes {
            guard case .choice(let point) = node.kind else { continue }
            let counted = tally.points[node.id] ?? ScenarioRunTally.PointTally(chosen: Array(repeating: 0, count: point.options.count))
            let answers = counted.answers
            let group = counted.learners.count
            let prompt = PlainText.oneLine(point.prompt)
            var options: [ChoiceOptionRow] = []
            for (index, option) in point.options.enumerated() {
                let chosen = index < counted.chosen.count ? counted.chosen[index] : 0
                let text = PlainText.oneLine(option.text)
                options.append(
                    ChoiceOptionRow(
                        number: index + 1, text: text, quality: option.quality?.rawValue, chosen: policy.count(chosen),
                        share: policy.figure(percent(chosen, of: answers), groupSize: group)))
                if option.quality == .poor, chosen > 0 {
                    poor.append(
                        (PoorChoice(nodeID: node.id, prompt: prompt, number: index + 1, text: text, chosen: policy.count(chosen)), chosen))
                }
            }
            let timed = point.timer != nil
            rows.append(
                ChoicePointRow(
                    nodeID: node.id, prompt: prompt, answers: policy.count(answers), options: options,
                    timedOut: timed ? policy.count(counted.timedOut) : nil,
                    timedOutShare: timed ? policy.figure(percent(counted.timedOut, of: answers), groupSize: group) : nil))
        }
        // Most chosen first; equal counts in the file's order.
        let common = poor.enumerated().sorted { ($0.element.count, $1.offset) > ($1.element.count, $0.offset) }
        return (rows, common.prefix(poorChoiceLimit).map(\.element.choice))
    }

    /// `part` of `whole` in percent; 0 when `whole` is 0.
    static func percent(_ part: Int, of whole: Int) -> Double {
        whole > 0 ? Double(part) / Double(whole) * 100 : 0
    }
}
