import KursusCourse
import Testing

/// Small scenario files for the parser and validator tests.
enum ScenarioFixtures {
    static let header = """
        format: kursus-scenario/1
        id: test
        title: Test
        participants:
          - {id: inger, name: Inger, age: 81, role: citizen, description: KOL, portrait: "assets:aeldre-kvinde"}
          - {id: hanne, name: Hanne, role: relative}
        call: {device: tablet, connection: weak}
        variables:
          score: 0
          plan_b: false

        """

    /// `header` followed by `body` (which holds `nodes:` and anything else).
    static func text(_ body: String) -> String { header + body }

    static func parse(_ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (Scenario?, [Diagnostic]) {
        let result = ScenarioFile.parse(text(body), file: "s.yaml")
        return (result.scenario, result.diagnostics)
    }

    /// Parses and expects no errors.
    static func valid(_ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Scenario {
        let (scenario, diagnostics) = parse(body)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))", sourceLocation: sourceLocation)
        return try #require(scenario, sourceLocation: sourceLocation)
    }

    /// The header is 10 lines long, so the body's first line is line 11.
    static let bodyLine = 11

    static let simple = """
        nodes:
          - id: a
            narration: Start
            next: b
          - id: b
            choice: Hvad gør du?
            options:
              - {text: God, feedback: Fint, quality: good, effects: [{add: score, value: 2}, {set: plan_b, value: true}], goto: c}
              - {text: Dårlig, feedback: Nej, quality: poor, goto: d, if: "not plan_b"}
          - id: c
            ending: Godt
            debrief: Det gik godt.
            learning-points: [Punkt et, Punkt to]
          - id: d
            ending: Skidt
            debrief: Det gik skidt.
            score: 0
        """
}
