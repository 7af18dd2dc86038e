import KursusCourse
import Testing

@Suite("Scenario file parser")
struct ScenarioParserTests {
    @Test("a complete file: participants, call, variables, pass and every node kind")
    func everyKind() throws {
        let scenario = try ScenarioFixtures.valid(
            """
            pass: {min-score: 2, endings: [slut]}
            start: a
            nodes:
              - id: a
                say: inger
                text: Hallo?
                effects: [{add: score, value: 1}]
                next: b
              - id: b
                narration: Hun smiler.
                random: [{goto: c, weight: 3}, {goto: c2}]
              - id: c
                event: measurement
                participant: inger
                label: Iltmætning
                value: 91 %
                next: [{if: "score >= 1 and not plan_b", goto: c2}, {goto: slut}]
              - id: c2
                event: relative-enters
                participant: hanne
                next: v
              - id: v
                choice: Hvad gør du?
                timer: {seconds: 20, default: 2}
                options:
                  - {text: A, feedback: FA, quality: mixed, goto: slut, once: true, if: visited(c)}
                  - {text: B, feedback: FB, goto: slut}
              - id: slut
                ending: Slut
                debrief: Godt.
                rating: good
                score: 5
            """)
        #expect(scenario.id == "test")
        #expect(scenario.participants.map(\.id) == ["inger", "hanne"])
        #expect(scenario.participants[0].age == 81)
        #expect(
            scenario.participants[0].portrait
                == .generic("aeldre-kvinde", scenario.participants[0].portrait?.location ?? KursusCourse.SourceLocation(file: "")))
        #expect(scenario.participants[1].role == .relative)
        #expect(scenario.call.device == .tablet)
        #expect(scenario.call.connection == .weak)
        #expect(scenario.initialValues == ["score": .number(0), "plan_b": .flag(false)])
        #expect(scenario.scoreVariable == "score")
        #expect(scenario.pass?.minimumScore == 2)
        #expect(scenario.pass?.endings == ["slut"])
        #expect(scenario.nodes.map(\.kindName) == ["say", "narration", "event", "event", "choice", "ending"])
        guard case .say(let speaker, let text) = scenario.nodes[0].kind else { Issue.record("not say"); return }
        #expect(speaker == "inger" && text == "Hallo?")
        #expect(scenario.nodes[0].effects.first?.operation == .add(1))
        guard case .random(let weighted)? = scenario.nodes[1].next else { Issue.record("not random"); return }
        #expect(weighted.map(\.weight) == [3, 1])
        guard case .event(let event) = scenario.nodes[2].kind, case .conditional(let items)? = scenario.nodes[2].next else {
            Issue.record("not event"); return
        }
        #expect(event.kind == .measurement && event.label == "Iltmætning" && event.value == "91 %")
        #expect(items.count == 2 && items[0].condition?.source == "score >= 1 and not plan_b" && items[1].condition == nil)
        guard case .choice(let choice) = scenario.nodes[4].kind else { Issue.record("not choice"); return }
        #expect(choice.timer == ResponseTimer(seconds: 20, defaultOption: 1))
        #expect(choice.options[0].once && choice.options[0].quality == .mixed)
        #expect(choice.options[0].condition?.expression == .visited("c"))
        guard case .ending(let ending) = scenario.nodes[5].kind else { Issue.record("not ending"); return }
        #expect(ending.score == 5 && ending.rating == .good)
    }

    @Test("effects: set and add, with their places")
    func effects() throws {
        let scenario = try ScenarioFixtures.valid(ScenarioFixtures.simple)
        guard case .choice(let choice) = scenario.nodes[1].kind else { Issue.record("not a choice"); return }
        #expect(choice.options[0].effects.map(\.operation) == [.add(2), .set(.flag(true))])
        #expect(choice.options[0].effects[0].location.line == ScenarioFixtures.bodyLine + 7)
    }

    @Test("unknown keys are errors with line, column and a suggestion")
    func unknownKeys() {
        let (_, diagnostics) = ScenarioFixtures.parse(
            """
            nodes:
              - id: a
                narration: x
                nxt: b
              - id: b
                ending: E
                debrief: D
            """)
        let error = diagnostics.errors.first { $0.message.contains("unknown key 'nxt'") }
        #expect(error?.message.contains("did you mean 'next'?") == true)
        #expect(error?.location.line == ScenarioFixtures.bodyLine + 3)
        #expect(error?.location.column == 5)
        #expect(error?.location.file == "s.yaml")
    }

    @Test(
        "bad values are reported where they are written",
        arguments: [
            ("nodes:\n  - {id: a, event: video-frezee, next: b}\n  - {id: b, ending: E, debrief: D}", "did you mean 'video-freeze'?", 1, 20),
            ("nodes:\n  - {id: a, say: ingr, text: x, next: b}\n  - {id: b, ending: E, debrief: D}", "did you mean 'inger'?", 1, 18),
            ("nodes:\n  - {id: a, narration: x}\n  - {id: b, ending: E, debrief: D}", "needs 'next'", 1, 5),
            ("nodes:\n  - {id: a, narration: x, next: b, say: inger}\n  - {id: b, ending: E, debrief: D}", "exactly one kind", 1, 5),
            ("nodes:\n  - {id: a, narration: x, next: b}\n  - {id: a, ending: E, debrief: D}", "already used", 2, 5),
            (
                "nodes:\n  - {id: a, narration: x, next: [{if: 'score = 1', goto: b}]}\n  - {id: b, ending: E, debrief: D}", "to compare, write '=='",
                1, 46
            ),
            (
                "nodes:\n  - {id: a, narration: x, next: b, effects: [{add: plan_b, value: true}]}\n  - {id: b, ending: E, debrief: D}",
                "'add' needs a number", 1, 67
            ),
            (
                "nodes:\n  - id: v\n    choice: x\n    timer: {seconds: 10, default: 4}\n    options: [{text: a, feedback: f, goto: b}]\n  - {id: b, ending: E, debrief: D}",
                "between 1 and 1", 3, 35
            ),
            ("start: nope\nnodes:\n  - {id: b, ending: E, debrief: D}", "'start' names the node 'nope'", 0, 8),
            ("score-variable: points\nnodes:\n  - {id: b, ending: E, debrief: D}", "not declared", 0, 17),
            (
                "nodes:\n  - {id: a, narration: x, next: b, effects: ["
                    + Array(repeating: "{add: score, value: 1}", count: 101).joined(separator: ", ") + "]}\n  - {id: b, ending: E, debrief: D}",
                "at most 100 effects", 1, 45
            ),
        ])
    func badValues(body: String, message: String, lineOffset: Int, column: Int) {
        let (_, diagnostics) = ScenarioFixtures.parse(body)
        let error = diagnostics.errors.first { $0.message.contains(message) }
        #expect(error != nil, "expected '\(message)' in \(diagnostics.map(\.description))")
        #expect(error?.location.line == ScenarioFixtures.bodyLine + lineOffset)
        #expect(error?.location.column == column)
    }

    @Test("wrong format, missing keys and YAML syntax errors")
    func structural() {
        let wrongFormat = ScenarioFile.parse(
            "format: kursus/1\nid: x\ntitle: T\nparticipants: [{id: p, name: P, role: citizen}]\nnodes: [{id: e, ending: E, debrief: D}]",
            file: "f.yaml")
        #expect(wrongFormat.diagnostics.errors.first?.message.contains("unsupported format 'kursus/1'") == true)
        #expect(wrongFormat.diagnostics.errors.first?.location.line == 1)
        let missing = ScenarioFile.parse("format: kursus-scenario/1\nid: x\ntitle: T\n", file: "f.yaml")
        #expect(missing.scenario == nil)
        #expect(missing.diagnostics.contains { $0.message.contains("'participants'") })
        #expect(missing.diagnostics.contains { $0.message.contains("'nodes'") })
        let syntax = ScenarioFile.parse("format: kursus-scenario/1\nid: [x\n", file: "f.yaml")
        #expect(syntax.scenario == nil)
        #expect(syntax.diagnostics.first?.message.contains("YAML syntax error") == true)
        #expect(syntax.diagnostics.first?.location.line ?? 0 >= 2)
    }

    @Test("20,000 nodes are accepted; 20,001 are refused with a clear error")
    func nodeCap() {
        func body(_ count: Int) -> String {
            var lines = ["nodes:"]
            for i in 0..<(count - 1) { lines.append("  - {id: n\(i), narration: x, next: n\(i + 1)}") }
            lines.append("  - {id: n\(count - 1), ending: E, debrief: D}")
            return lines.joined(separator: "\n")
        }
        let (ok, okDiagnostics) = ScenarioFixtures.parse(body(ScenarioFile.maximumNodes))
        #expect(!okDiagnostics.hasErrors)
        #expect(ok?.nodes.count == 20_000)
        let (tooMany, diagnostics) = ScenarioFixtures.parse(body(ScenarioFile.maximumNodes + 1))
        #expect(tooMany == nil)
        #expect(diagnostics.errors.first?.message.contains("at most 20000 nodes; this one has 20001") == true)
        #expect(diagnostics.errors.first?.location.line == ScenarioFixtures.bodyLine + 1)
    }

    @Test("a condition nested 10,000 deep is a clear error at its column, not a crash")
    func deepCondition() {
        let deep = String(repeating: "(", count: 10_000) + "score" + String(repeating: ")", count: 10_000)
        let (_, diagnostics) = ScenarioFixtures.parse(
            """
            nodes:
              - id: a
                narration: x
                next: [{if: "\(deep)", goto: b}, {goto: b}]
              - {id: b, ending: E, debrief: D}
            """)
        let error = diagnostics.errors.first { $0.message.contains("nested more than") }
        #expect(error != nil)
        #expect(error?.location.line == ScenarioFixtures.bodyLine + 3)
        // The column of the first '(' too deep: the quoted scalar starts after `{if: "`.
        #expect(error?.location.column == 18 + ExpressionParser.maximumDepth)
    }
}
