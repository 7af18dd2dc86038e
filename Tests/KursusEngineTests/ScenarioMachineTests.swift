import Foundation
import KursusCourse
import KursusEngine
import Testing

@Suite("Scenario machine")
struct ScenarioMachineTests {
    @Test("start follows narration, say and event nodes to the first choice")
    func start() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        let run = ScenarioMachine.start(scenario, seed: 1)
        #expect(run.current == "v1")
        #expect(run.isWaiting)
        #expect(run.transcript.map(\.kind) == [.narration, .say, .event])
        #expect(run.transcript[1].speaker == "inger" && run.transcript[1].text == "Hallo?")
        #expect(run.transcript[2].event == .videoFreeze)
        #expect(run.call.frozen && !run.call.camera && run.call.connection == .weak)
        #expect(run.variables["tillid"] == .number(1))
        #expect(run.visits == ["start": 1, "hej": 1, "frys": 1, "v1": 1])
        #expect(ScenarioMachine.availableOptions(run, scenario) == [0, 1, 2])
    }

    @Test("a once option disappears after use; a condition opens an option; effects apply")
    func onceAndConditions() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var run = ScenarioMachine.start(scenario, seed: 1)
        #expect(ScenarioMachine.choose(&run, scenario, optionIndex: 0))
        #expect(run.current == "v1")
        #expect(run.variables["plan_b"] == .flag(true) && run.variables["score"] == .number(1))
        #expect(run.usedOptions == ["v1#0"])
        #expect(ScenarioMachine.availableOptions(run, scenario) == [1, 2, 3])
        #expect(!ScenarioMachine.choose(&run, scenario, optionIndex: 0), "a used once option cannot be chosen again")
        #expect(run.path.count == 1 && run.path[0].text == "Plan B" && run.path[0].feedback == "Godt" && run.path[0].quality == .good)
        #expect(run.transcript.last == TranscriptEntry(kind: .learner, text: "Plan B"))
    }

    @Test("an option that is not offered changes nothing")
    func notOffered() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var run = ScenarioMachine.start(scenario, seed: 1)
        let before = run
        #expect(!ScenarioMachine.choose(&run, scenario, optionIndex: 3))
        #expect(!ScenarioMachine.choose(&run, scenario, optionIndex: 99))
        #expect(!ScenarioMachine.choose(&run, scenario, optionIndex: -1))
        #expect(run == before)
    }

    @Test("conditional next: the first holding condition wins, else the fallback")
    func conditionalNext() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var without = ScenarioMachine.start(scenario, seed: 1)
        ScenarioMachine.choose(&without, scenario, optionIndex: 2)
        #expect(without.outcome?.ending == "slut-skidt")
        #expect(without.outcome?.passed == false)
        var with = ScenarioMachine.start(scenario, seed: 1)
        ScenarioMachine.choose(&with, scenario, optionIndex: 0)
        ScenarioMachine.choose(&with, scenario, optionIndex: 2)
        #expect(with.visits["maal"] == 1)
        #expect(with.call.measurement == ["Iltmætning", "91 %"])
        #expect(with.call.present == ["hanne"])
        #expect(!with.call.frozen, "a reconnect clears the frozen picture")
        #expect(with.transcript.contains { $0.event == .measurement && $0.text == "Iltmætning: 91 %" })
    }

    @Test("the timer takes its default option and marks the step timed out")
    func timer() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var run = ScenarioMachine.start(scenario, seed: 1)
        #expect(ScenarioMachine.timer(run, scenario) == ResponseTimer(seconds: 30, defaultOption: 1))
        #expect(ScenarioMachine.timeout(&run, scenario))
        #expect(run.path.first?.option == 1 && run.path.first?.timedOut == true)
        #expect(run.isFinished)
        #expect(!ScenarioMachine.timeout(&run, scenario), "no timer once the run is over")
    }

    @Test("random branches are seeded: the same seed, the same branch; both branches occur")
    func seededRandom() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        func ending(_ seed: UInt64) -> String? {
            var run = ScenarioMachine.start(scenario, seed: seed)
            ScenarioMachine.choose(&run, scenario, optionIndex: 1)
            return run.outcome?.ending
        }
        var counts: [String: Int] = [:]
        for seed in UInt64(0)..<200 {
            let first = ending(seed)
            #expect(first == ending(seed))
            counts[first ?? "none", default: 0] += 1
        }
        #expect(Set(counts.keys) == ["slut-godt", "slut-middel"])
        #expect((counts["slut-godt"] ?? 0) > (counts["slut-middel"] ?? 0), "weight 3 against 1: \(counts)")
    }

    @Test("score: an ending's own score overrides the variable; pass needs min-score")
    func scoreAndPass() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        for seed in UInt64(0)..<40 {
            var run = ScenarioMachine.start(scenario, seed: seed)
            ScenarioMachine.choose(&run, scenario, optionIndex: 1)
            let outcome = try #require(run.outcome)
            if outcome.ending == "slut-godt" {
                #expect(outcome.score == 2 && outcome.passed)
            } else {
                #expect(outcome.score == 1 && !outcome.passed)
            }
        }
    }

    @Test("restart from a choice point replays the earlier choices with the same seed")
    func restart() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var run = ScenarioMachine.start(scenario, seed: 9)
        ScenarioMachine.choose(&run, scenario, optionIndex: 0)
        ScenarioMachine.choose(&run, scenario, optionIndex: 2)
        ScenarioMachine.tick(&run, seconds: 50)
        #expect(run.isFinished)
        let again = try #require(ScenarioMachine.restart(run, scenario, from: 1))
        #expect(again.current == "v1" && again.path.count == 1 && again.isWaiting)
        #expect(again.variables["plan_b"] == .flag(true))
        #expect(again.elapsedSeconds == 0)
        let fromStart = try #require(ScenarioMachine.restart(run, scenario, from: 0))
        #expect(fromStart == ScenarioMachine.start(scenario, seed: 9))
        #expect(ScenarioMachine.restart(run, scenario, from: 3) == nil)
        #expect(ScenarioMachine.restart(run, scenario, from: -1) == nil)
    }

    @Test("a self-loop without a choice stops at the step limit as stuck, not a hang")
    func selfLoop() throws {
        let scenario = try ScenarioEngineFixtures.scenario(
            """
              - {id: a, narration: x, next: a}
              - {id: slut, ending: E, debrief: D}
            """, variables: "n: 0")
        let run = ScenarioMachine.start(scenario, seed: 1)
        #expect(run.stuck?.contains("passed \(ScenarioMachine.stepLimit) nodes without a choice") == true)
        #expect(run.visits["a"] == ScenarioMachine.stepLimit + 1)
        #expect(!run.isWaiting && !run.isFinished)
    }

    @Test("a dead end and a choice with nothing to offer mark the run stuck")
    func deadEnds() throws {
        let dead = try ScenarioEngineFixtures.scenario(
            """
              - {id: a, narration: x, next: [{if: plan_b, goto: slut}]}
              - {id: slut, ending: E, debrief: D}
            """)
        #expect(ScenarioMachine.start(dead, seed: 1).stuck == "dead end at 'a': none of its conditions holds")
        let empty = try ScenarioEngineFixtures.scenario(
            """
              - {id: v, choice: "?", options: [{text: t, feedback: f, goto: slut, if: plan_b}]}
              - {id: slut, ending: E, debrief: D}
            """)
        #expect(ScenarioMachine.start(empty, seed: 1).stuck?.contains("no option of the choice 'v'") == true)
    }

    @Test("a run survives a JSON round trip unchanged (for the progress file)")
    func codable() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var run = ScenarioMachine.start(scenario, seed: UInt64.max)
        ScenarioMachine.choose(&run, scenario, optionIndex: 0)
        let data = try JSONEncoder().encode(run)
        #expect(try JSONDecoder().decode(ScenarioRun.self, from: data) == run)
    }

    @Test("a dropped call shows as reconnecting at the choice after the drop, and is restored once the learner chooses")
    func reconnectIsRestored() throws {
        let scenario = try ScenarioEngineFixtures.scenario(
            """
              - {id: drop, event: call-drop-reconnect, next: v1}
              - id: v1
                choice: Hvad gør du?
                options:
                  - {text: Venter, feedback: F, goto: v2}
              - id: v2
                choice: Og så?
                options:
                  - {text: Videre, feedback: F, goto: slut}
              - {id: slut, ending: Slut, debrief: D}
            """)
        var run = ScenarioMachine.start(scenario, seed: 1)
        #expect(run.current == "v1")
        #expect(run.call.reconnecting, "the drop shows at the choice after it")
        #expect(ScenarioMachine.choose(&run, scenario, optionIndex: 0))
        #expect(run.current == "v2")
        #expect(!run.call.reconnecting, "restored after the choice")
    }
}
