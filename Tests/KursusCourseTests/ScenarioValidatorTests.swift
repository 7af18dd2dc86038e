import KursusCourse
import Testing

@Suite("Scenario validator")
struct ScenarioValidatorTests {
    static func check(_ body: String) throws -> [Diagnostic] {
        ScenarioValidator.check(try ScenarioFixtures.valid(body))
    }

    @Test("a sound scenario has no findings and a score range")
    func sound() throws {
        let scenario = try ScenarioFixtures.valid(ScenarioFixtures.simple)
        #expect(ScenarioValidator.check(scenario).isEmpty)
        #expect(ScenarioValidator.scoreRange(scenario) == ScoreRange(minimum: 0, maximum: 2, complete: true))
    }

    @Test("a target that does not exist, with a suggestion, at the place it is written")
    func missingTarget() throws {
        let diagnostics = try Self.check("nodes:\n  - {id: a, narration: x, next: slutt}\n  - {id: slut, ending: E, debrief: D}")
        let error = diagnostics.errors.first { $0.message.contains("'slutt' is not a node") }
        #expect(error?.message.contains("did you mean 'slut'?") == true)
        #expect(error?.location.line == ScenarioFixtures.bodyLine + 1)
        #expect(error?.location.column == 33)
        #expect(diagnostics.contains { $0.message.contains("dead end: 'a'") })
    }

    @Test("unreachable nodes and endings no path reaches are warnings")
    func unreachable() throws {
        let diagnostics = try Self.check(
            """
            nodes:
              - {id: a, narration: x, next: slut}
              - {id: ensom, narration: y, next: slut}
              - {id: slut, ending: E, debrief: D}
              - {id: glemt, ending: F, debrief: G}
            """)
        #expect(diagnostics.errors.isEmpty)
        #expect(diagnostics.warnings.map(\.message).contains("the node 'ensom' cannot be reached from the start 'a'"))
        #expect(diagnostics.warnings.map(\.message).contains("no path reaches the ending 'glemt'"))
        #expect(diagnostics.warnings.first { $0.message.contains("glemt") }?.location.line == ScenarioFixtures.bodyLine + 4)
    }

    @Test("a self-loop with no exit is an error, not a hang")
    func selfLoop() throws {
        let diagnostics = try Self.check("nodes:\n  - {id: a, narration: x, next: a}\n  - {id: slut, ending: E, debrief: D}")
        let error = diagnostics.errors.first
        #expect(error?.message.contains("from 'a' no ending can be reached") == true)
        #expect(error?.location.line == ScenarioFixtures.bodyLine + 1)
    }

    @Test("a cycle of choices with no way to an ending is an error for each node in it")
    func cycle() throws {
        let diagnostics = try Self.check(
            """
            nodes:
              - {id: a, narration: x, next: [{if: plan_b, goto: b}, {goto: slut}]}
              - {id: b, choice: "?", options: [{text: t, feedback: f, goto: c, effects: [{set: plan_b, value: true}]}]}
              - {id: c, say: inger, text: hej, next: b}
              - {id: slut, ending: E, debrief: D}
            """)
        #expect(Set(diagnostics.errors.map(\.location.line)) == [ScenarioFixtures.bodyLine + 2, ScenarioFixtures.bodyLine + 3])
        #expect(diagnostics.errors.allSatisfy { $0.message.contains("no ending can be reached") })
    }

    @Test("no ending at all is an error")
    func noEnding() throws {
        let diagnostics = try Self.check("nodes:\n  - {id: a, narration: x, next: a}")
        #expect(diagnostics.errors.contains { $0.message.contains("has no 'ending' node") })
    }

    @Test("conditions that do all fail are an error with the values read; a 'once' option used up on a loop is one too")
    func possibleDeadEnds() throws {
        let diagnostics = try Self.check(
            """
            nodes:
              - {id: a, narration: x, next: [{if: plan_b, goto: b}]}
              - {id: b, choice: "?", options: [{text: t, feedback: f, goto: slut, once: true}]}
              - {id: slut, ending: E, debrief: D, score: 1}
            """)
        #expect(
            diagnostics.errors.map(\.message).contains {
                $0.hasPrefix("a run can reach 'a' when none of its conditions holds (plan_b = false), so it goes no further")
            }, "\(diagnostics)")
        #expect(diagnostics.warnings.map(\.message).contains("no run can reach 'b': the conditions on the way to it never let a run through"))
        // Once a condition can hold, the node is not a dead end, so neither is reported.
        let sound = try Self.check(
            """
            nodes:
              - id: v
                choice: "?"
                options:
                  - {text: t, feedback: f, effects: [{set: plan_b, value: true}], goto: a}
                  - {text: u, feedback: f, effects: [{add: score, value: 1}], goto: slut}
              - {id: a, narration: x, next: [{if: plan_b, goto: b}]}
              - {id: b, choice: "?", options: [{text: t, feedback: f, goto: slut, once: true}]}
              - {id: slut, ending: E, debrief: D, score: 1}
            """)
        #expect(sound.isEmpty, "\(sound)")
        let looped = try Self.check(
            """
            nodes:
              - {id: b, choice: "?", options: [{text: t, feedback: f, goto: c, once: true}]}
              - {id: c, narration: x, next: [{if: "visits(c) < 2", goto: b}, {goto: slut}]}
              - {id: slut, ending: E, debrief: D, score: 1}
            """)
        #expect(
            looped.errors.map(\.message).contains {
                $0.hasPrefix("a run can reach the choice 'b' when none of its options is offered, so the learner is stuck")
                    && $0.hasSuffix("The way there: choice 1 (b) option 1 → b")
            }, "\(looped)")
    }

    @Test("variables: undeclared, read but never set, set but never read, wrong kind")
    func variables() throws {
        let header = ScenarioFixtures.header.replacingOccurrences(of: "  plan_b: false\n", with: "  plan_b: false\n  laest: 0\n  skrevet: 0\n")
        let (scenario, parsed) = ScenarioFile.parse(
            header + """
                nodes:
                  - id: a
                    narration: x
                    effects: [{add: skrevet, value: 1}, {add: plan_b, value: 1}, {set: ukendt, value: 2}, {set: score, value: true}]
                    next: [{if: "laest > 0 or mangler", goto: slut}, {goto: slut}]
                  - {id: slut, ending: E, debrief: D}
                """, file: "v.yaml")
        #expect(!parsed.hasErrors)
        let diagnostics = ScenarioValidator.check(try #require(scenario))
        let messages = diagnostics.map(\.message)
        #expect(messages.contains("the variable 'ukendt' is not declared; add it under 'variables' with its initial value"))
        #expect(messages.contains("the condition reads 'mangler', which is not a declared variable"))
        #expect(messages.contains("'plan_b' is true/false; 'add' works on numbers only"))
        #expect(messages.contains { $0.hasPrefix("'score' starts as 0; it cannot be set") })
        #expect(diagnostics.warnings.map(\.message).contains("the variable 'laest' is read but never set or added to, so it is always 0"))
        #expect(diagnostics.warnings.map(\.message).contains("the variable 'skrevet' is never read by a condition or used as the score"))
        #expect(diagnostics.allSatisfy { $0.location.file == "v.yaml" && $0.location.line > 1 })
    }

    @Test("the pass rule must name endings and have a score to compare")
    func passRule() throws {
        let diagnostics = try Self.check(
            "pass: {endings: [a, nope]}\nnodes:\n  - {id: a, narration: x, next: slut}\n  - {id: slut, ending: E, debrief: D}")
        #expect(diagnostics.errors.contains { $0.message.contains("'a', which is a narration node, not an ending") })
        #expect(diagnostics.errors.contains { $0.message.contains("names 'nope', which is not a node") })
        #expect(diagnostics.errors.allSatisfy { $0.location.line == ScenarioFixtures.bodyLine })
    }

    @Test("a condition naming a node that does not exist")
    func missingNodeReference() throws {
        let diagnostics = try Self.check(
            "nodes:\n  - {id: a, narration: x, next: [{if: visited(nix), goto: slut}, {goto: slut}]}\n  - {id: slut, ending: E, debrief: D}")
        #expect(diagnostics.errors.first?.message == "the condition names the node 'nix', which does not exist")
    }

    @Test("score range explores conditions, once options and random branches")
    func scoreRange() throws {
        let scenario = try ScenarioFixtures.valid(
            """
            nodes:
              - {id: a, narration: x, random: [{goto: b}, {goto: c}], effects: [{add: score, value: 1}]}
              - {id: b, narration: y, effects: [{add: score, value: 5}], next: v}
              - {id: c, narration: z, next: v}
              - id: v
                choice: "?"
                options:
                  - {text: igen, feedback: f, goto: v, once: true, effects: [{add: score, value: 10}]}
                  - {text: slut, feedback: f, goto: slut, if: "score < 100"}
              - {id: slut, ending: E, debrief: D}
            """)
        #expect(ScenarioValidator.scoreRange(scenario) == ScoreRange(minimum: 1, maximum: 16, complete: true))
    }

    @Test("a generated 20,000-node scenario validates with iterative searches")
    func large() throws {
        let here = SourceLocation(file: "big.yaml")
        var nodes: [ScenarioNode] = []
        let chain = ScenarioFile.maximumNodes - 2
        for i in 0..<chain {
            let next = i + 1 < chain ? "n\(i + 1)" : "godt"
            if i % 2 == 0 {
                nodes.append(
                    ScenarioNode(id: "n\(i)", kind: .narration("x"), next: .goto(next, here), location: SourceLocation(file: "big.yaml", line: i + 1))
                )
            } else {
                nodes.append(
                    ScenarioNode(
                        id: "n\(i)",
                        kind: .choice(
                            ScenarioChoice(
                                prompt: "?",
                                options: [
                                    ScenarioOption(text: "a", feedback: "f", target: next, targetLocation: here, location: here),
                                    ScenarioOption(text: "b", feedback: "f", target: "skidt", targetLocation: here, location: here),
                                ])), location: SourceLocation(file: "big.yaml", line: i + 1)))
            }
        }
        nodes.append(ScenarioNode(id: "godt", kind: .ending(ScenarioEnding(title: "G", debrief: "d", score: 2)), location: here))
        nodes.append(ScenarioNode(id: "skidt", kind: .ending(ScenarioEnding(title: "S", debrief: "d", score: 0)), location: here))
        var scenario = Scenario(id: "big", title: "Big", participants: [], nodes: nodes, location: here)
        #expect(scenario.nodes.count == 20_000)
        #expect(ScenarioValidator.check(scenario).isEmpty)
        #expect(ScenarioValidator.scoreRange(scenario) == ScoreRange(minimum: 0, maximum: 2, complete: true))
        // One broken link in the middle: one missing target, and the chain before it can no longer end well.
        nodes[10_000].next = .goto("borte", SourceLocation(file: "big.yaml", line: 10_001, column: 7))
        scenario = Scenario(id: "big", title: "Big", participants: [], nodes: nodes, location: here)
        let diagnostics = ScenarioValidator.check(scenario)
        #expect(diagnostics.errors.count == 2)
        #expect(
            diagnostics.errors.contains { $0.message.hasPrefix("'borte' is not a node") && $0.location.line == 10_001 && $0.location.column == 7 })
        #expect(diagnostics.errors.contains { $0.message == "dead end: 'n10000' is not an ending and leads nowhere" })
        #expect(diagnostics.warnings.contains { $0.message == "the node 'n10001' cannot be reached from the start 'n0'" })
    }

    @Test("comparisons of different kinds are warnings")
    func comparisonKinds() throws {
        let diagnostics = try Self.check(
            """
            nodes:
              - id: a
                narration: x
                effects: [{add: score, value: 1}, {set: plan_b, value: true}]
                next: [{if: "plan_b == 1", goto: b}, {if: "plan_b > false", goto: b}, {if: "score >= 1 and plan_b", goto: b}, {goto: b}]
              - {id: b, ending: E, debrief: D}
            """)
        #expect(diagnostics.errors.isEmpty)
        let warnings = diagnostics.warnings.map(\.message)
        #expect(warnings.contains("condition 'plan_b == 1': it compares a number with true/false, which is never equal; compare like with like"))
        #expect(warnings.contains("condition 'plan_b > false': true/false can only be compared with '==' or '!='"))
        #expect(warnings.count == 2)
    }
}
