// Scenario runs: endings, choice points, time-outs, poor choices, score, pass rate and
// retries, checked against values worked out by hand.
import Foundation
import KursusCourse
import Testing

@testable import KursusReports

@Suite("Scenario analysis")
struct ScenarioAnalysisTests {
    typealias A = AnalysisPackage

    /// Scenario `scen` (v1: good +2 / poor / mixed +1 with a timer; v2: good +1 / poor;
    /// endings slut-god, slut-skidt; pass: min-score 2):
    ///   L1 run 1: v1 2 (timed out), v2 2 → slut-skidt, score 0, failed
    ///   L1 run 2: v1 1, v2 1 → slut-god, score 3, passed
    ///   L1 run 3: v1 3, never ended
    ///   L2 run 1: v1 1, v2 2 → slut-skidt, score 2, passed
    ///   L3 run 1: v1 3, a node since removed, v2 option 7 (no longer there), v2 1 → slut-god, score 2, passed
    ///   L4 run 1: v1 2 → an ending since removed, no score and no success (the pass rule
    ///             then decides: min-score 2 needs a score, so failed)
    static let learners: [LearnerRecord] = [
        A.runner(
            "L1",
            runs: [
                1: RunRecord(
                    choices: [A.choice("v1", 2, timedOut: true), A.choice("v2", 2)], ending: A.ending("slut-skidt", score: 0, success: false)),
                2: RunRecord(choices: [A.choice("v1", 1), A.choice("v2", 1)], ending: A.ending("slut-god", score: 3, success: true)),
                3: RunRecord(choices: [A.choice("v1", 3)]),
            ]),
        A.runner(
            "L2", runs: [1: RunRecord(choices: [A.choice("v1", 1), A.choice("v2", 2)], ending: A.ending("slut-skidt", score: 2, success: true))]),
        A.runner(
            "L3",
            runs: [
                1: RunRecord(
                    choices: [A.choice("v1", 3), A.choice("fjernet", 1), A.choice("v2", 7), A.choice("v2", 1)],
                    ending: A.ending("slut-god", score: 2, success: true))
            ]),
        A.runner("L4", runs: [1: RunRecord(choices: [A.choice("v1", 2)], ending: A.ending("slut-gammel", score: nil, success: nil))]),
    ]

    static func section(minimum: Int, learners: [LearnerRecord] = learners) throws -> ScenarioSection {
        let sections = ScenarioAnalysis.sections(package: try A.load(), learners: learners, policy: CellPolicy(minimum: minimum))
        #expect(sections.map(\.unitID) == ["scen"])
        return try #require(sections.first)
    }

    @Test("runs, learners, mean score, maximum, pass rate and retries")
    func summary() throws {
        let section = try Self.section(minimum: 1)
        #expect(section.title == "Videobesøg")
        // Finished: L1 ×2, L2, L3, L4 = 5 runs by 4 learners; L1's third run never ended.
        #expect(section.runs == .value(5) && section.learners == .value(4) && section.unfinishedRuns == 1)
        // Scores 0 3 2 2 (L4's run has none): 7/4.
        #expect(section.meanScore == .value(1.75))
        // Best path: v1 option 1 (+2), v2 option 1 (+1) = 3.
        #expect(section.maximumScore == 3)
        // Passed: L1 run 2, L2, L3 = 3 of 5.
        #expect(section.passRate == .value(60))
        // Runs beyond the first: L1 1, others 0 → 1/4; one learner retried.
        #expect(section.meanRetries == .value(0.25) && section.learnersWhoRetried == .value(1))
    }

    @Test("endings in the file's order with their share of finished runs; a removed ending is skipped")
    func endings() throws {
        let section = try Self.section(minimum: 1)
        #expect(section.endings.map(\.nodeID) == ["slut-god", "slut-skidt"])
        #expect(section.endings.map(\.text) == ["Godt klaret", "Skidt"])
        #expect(section.endings.map(\.rating) == ["good", "poor"])
        // 2 of 5 runs each (the fifth reached slut-gammel, which the file no longer has).
        #expect(section.endings.map(\.runs) == [.value(2), .value(2)])
        #expect(section.endings.map(\.share) == [.value(40), .value(40)])
    }

    @Test("choice points: each option's count and share, time-outs where there is a timer")
    func choicePoints() throws {
        let section = try Self.section(minimum: 1)
        #expect(section.choicePoints.map(\.nodeID) == ["v1", "v2"])
        let v1 = section.choicePoints[0]
        #expect(v1.prompt == "Hvad siger du?")
        // Finished runs only: options 2 (L1), 1 (L1), 1 (L2), 3 (L3), 2 (L4) → 2 2 1 of 5.
        #expect(v1.answers == .value(5))
        #expect(v1.options.map(\.number) == [1, 2, 3])
        #expect(v1.options.map(\.quality) == ["good", "poor", "mixed"])
        #expect(v1.options.map(\.chosen) == [.value(2), .value(2), .value(1)])
        #expect(v1.options.map(\.share) == [.value(40), .value(40), .value(20)])
        // One of five answers was the timer's: 20 %.
        #expect(v1.timedOut == .value(1) && v1.timedOutShare == .value(20))
        // v2: 2 (L1), 1 (L1), 2 (L2), 1 (L3); L3's option 7 is not in the file and not counted.
        let v2 = section.choicePoints[1]
        #expect(v2.answers == .value(4) && v2.options.map(\.chosen) == [.value(2), .value(2)])
        #expect(v2.options.map(\.share) == [.value(50), .value(50)])
        #expect(v2.timedOut == nil && v2.timedOutShare == nil)
    }

    @Test("the most common poor choices: most chosen first, equal counts in the file's order")
    func poorChoices() throws {
        let section = try Self.section(minimum: 1)
        #expect(section.commonPoorChoices.map(\.nodeID) == ["v1", "v2"])
        #expect(section.commonPoorChoices.map(\.number) == [2, 2])
        #expect(section.commonPoorChoices.map(\.text) == ["Dårlig start", "Dårlig slutning"])
        #expect(section.commonPoorChoices.map(\.chosen) == [.value(2), .value(2)])
        // One more run with v2's poor option puts it first.
        var learners = Self.learners
        learners.append(A.runner("L5", runs: [1: RunRecord(choices: [A.choice("v2", 2)], ending: A.ending("slut-skidt", score: 0, success: false))]))
        #expect(try Self.section(minimum: 1, learners: learners).commonPoorChoices.map(\.nodeID) == ["v2", "v1"])
    }

    @Test("below the minimum: 4 learners hide every share and mean; counts of 1 to 4 show as < 5")
    func suppressed() throws {
        let section = try Self.section(minimum: 5)
        #expect(section.runs == .value(5) && section.learners == .belowMinimum(5))
        #expect(section.meanScore == .belowMinimum(5) && section.passRate == .belowMinimum(5) && section.meanRetries == .belowMinimum(5))
        #expect(section.learnersWhoRetried == .belowMinimum(5))
        #expect(section.maximumScore == 3)
        #expect(section.endings.allSatisfy { $0.runs == .belowMinimum(5) && $0.share == .belowMinimum(5) })
        let v1 = section.choicePoints[0]
        #expect(v1.answers == .value(5) && v1.options.allSatisfy { $0.chosen == .belowMinimum(5) && $0.share == .belowMinimum(5) })
        #expect(v1.timedOut == .belowMinimum(5) && v1.timedOutShare == .belowMinimum(5))
    }

    @Test("no runs at all: zeros, no means, no pass rate")
    func noRuns() throws {
        let section = try Self.section(minimum: 1, learners: [A.runner("L9", runs: [1: RunRecord(choices: [A.choice("v1", 1)])])])
        #expect(section.runs == .value(0) && section.learners == .value(0) && section.unfinishedRuns == 1)
        #expect(section.meanScore == nil && section.passRate == nil && section.meanRetries == nil)
        #expect(section.endings.map(\.runs) == [.value(0), .value(0)])
        #expect(section.choicePoints.map(\.answers) == [.value(0), .value(0)])
        #expect(section.commonPoorChoices.isEmpty)
    }
    @Test("at most 5 poor choices; no pass rule and no score: no pass rate, mean or maximum")
    func poorChoiceLimit() throws {
        let options = (1...7).map { "      - {text: Svar \($0), feedback: Nej, quality: poor, goto: slut}" }.joined(separator: "\n")
        let text = """
            format: kursus-scenario/1
            id: mange
            title: Mange
            participants:
              - {id: inger, name: Inger, role: citizen}
            nodes:
              - id: v
                choice: Hvad nu?
                options:
            \(options)
              - id: slut
                ending: Slut
                debrief: Færdig.
            """
        let parsed = ScenarioFile.parse(text, file: "mange.yaml")
        #expect(!parsed.diagnostics.hasErrors, "\(parsed.diagnostics.map(\.description))")
        let scenario = try #require(parsed.scenario)
        // Option k chosen k times, each by a learner of its own: 1 + 2 + … + 7 = 28 runs.
        var learners: [LearnerRecord] = []
        for option in 1...7 {
            for copy in 1...option {
                learners.append(
                    A.runner(
                        "o\(option)-\(copy)",
                        runs: [1: RunRecord(choices: [A.choice("v", option)], ending: A.ending("slut", score: nil, success: nil))]))
            }
        }
        let section = ScenarioAnalysis.section(unitID: "scen", title: "Mange", scenario: scenario, learners: learners, policy: CellPolicy(minimum: 5))
        #expect(section.runs == .value(28) && section.learners == .value(28))
        #expect(section.commonPoorChoices.map(\.number) == [7, 6, 5, 4, 3])
        #expect(section.commonPoorChoices.map(\.chosen) == [.value(7), .value(6), .value(5), .belowMinimum(5), .belowMinimum(5)])
        #expect(section.passRate == nil && section.meanScore == nil && section.maximumScore == nil)
        // Shares of 28 answers, shown: 28 learners answered. 7/28 = 25 %.
        #expect(section.choicePoints.first?.options.last?.share == .value(25))
        #expect(section.endings.map(\.share) == [.value(100)])
    }
}
