import KursusCourse
import KursusEngine
import Testing

enum ScenarioEngineFixtures {
    static func scenario(_ nodes: String, variables: String = "score: 0\n  tillid: 0\n  plan_b: false", extra: String = "") throws -> Scenario {
        let text = """
            format: kursus-scenario/1
            id: test
            title: Test
            participants:
              - {id: inger, name: Inger, role: citizen}
              - {id: hanne, name: Hanne, role: relative}
            call: {device: tablet, connection: weak, camera: false}
            variables:
              \(variables)
            \(extra)
            nodes:
            \(nodes)
            """
        let (scenario, diagnostics) = ScenarioFile.parse(text, file: "t.yaml")
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
        return try #require(scenario)
    }

    /// Say, narration, events, a choice with once/condition/timer, a random branch, three endings.
    static func consultation() throws -> Scenario {
        try scenario(
            """
              - {id: start, narration: Du ringer op., next: hej}
              - {id: hej, say: inger, text: Hallo?, effects: [{add: tillid, value: 1}], next: frys}
              - {id: frys, event: video-freeze, next: v1}
              - id: v1
                choice: Hvad gør du?
                timer: {seconds: 30, default: 2}
                options:
                  - {text: Plan B, feedback: Godt, quality: good, once: true, goto: v1, effects: [{set: plan_b, value: true}, {add: score, value: 1}]}
                  - {text: Siger det højt, feedback: Fint, quality: good, goto: maal, effects: [{add: score, value: 2}]}
                  - {text: Venter, feedback: Nej, quality: poor, goto: drop}
                  - {text: Hemmelig, feedback: Kun med plan B, goto: maal, if: "plan_b and visits(v1) >= 2"}
              - {id: drop, event: call-drop-reconnect, next: [{if: plan_b, goto: maal}, {goto: slut-skidt}]}
              - {id: maal, event: measurement, participant: inger, label: Iltmætning, value: 91 %, next: hanne-ind}
              - {id: hanne-ind, event: relative-enters, participant: hanne, next: lod}
              - {id: lod, narration: Lod, random: [{goto: slut-godt, weight: 3}, {goto: slut-middel, weight: 1}]}
              - {id: slut-godt, ending: Godt, debrief: D, learning-points: [L1]}
              - {id: slut-middel, ending: Middel, debrief: D, score: 1}
              - {id: slut-skidt, ending: Skidt, debrief: D}
            """, extra: "pass: {min-score: 2}")
    }
}
