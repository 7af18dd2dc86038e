import KursusCourse
import KursusEngine
import Testing

@Suite("Scenario autoplay")
struct ScenarioAutoplayTests {
    @Test("deterministic for a seed; reports node, option and ending coverage")
    func deterministic() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        let first = ScenarioAutoplay.run(scenario, runs: 200, seed: 11)
        #expect(first == ScenarioAutoplay.run(scenario, runs: 200, seed: 11))
        #expect(first != ScenarioAutoplay.run(scenario, runs: 200, seed: 12))
        #expect(first.runs == 200 && !first.hasStuckRuns)
        #expect(first.nodeCount == 11 && first.visitedNodeCount == 11 && first.unvisitedNodes.isEmpty)
        #expect(first.optionCount == 4 && first.chosenOptionCount == 4)
        #expect(Set(first.endings.keys) == ["slut-godt", "slut-middel", "slut-skidt"])
        #expect(first.endings.values.reduce(0, +) == 200)
        #expect(first.text.contains("stuck runs: 0"))
    }

    @Test("stuck runs are reported with the node and reason")
    func stuck() throws {
        let scenario = try ScenarioEngineFixtures.scenario(
            """
              - id: v
                choice: "?"
                options:
                  - {text: loop, feedback: f, goto: l}
                  - {text: slut, feedback: f, goto: slut}
              - {id: l, narration: x, next: l}
              - {id: slut, ending: E, debrief: D}
              - {id: aldrig, ending: F, debrief: D}
            """, variables: "n: 0")
        let report = ScenarioAutoplay.run(scenario, runs: 50, seed: 1)
        #expect(report.hasStuckRuns)
        #expect(report.stuck.allSatisfy { $0.node == "l" && $0.reason.contains("without a choice") && $0.choices == [0] })
        #expect(report.endings["slut"] == 50 - report.stuck.count)
        #expect(report.unvisitedNodes == ["aldrig"])
    }

    @Test("a loop of choices is cut at the choice limit")
    func choiceLoop() throws {
        let scenario = try ScenarioEngineFixtures.scenario(
            """
              - {id: v, choice: "?", options: [{text: igen, feedback: f, goto: v}]}
              - {id: slut, ending: E, debrief: D}
            """, variables: "n: 0")
        let report = ScenarioAutoplay.run(scenario, runs: 2, seed: 1)
        #expect(report.stuck.count == 2)
        #expect(report.stuck.first?.reason.contains("made \(ScenarioAutoplay.choiceLimit) choices") == true)
    }
}
