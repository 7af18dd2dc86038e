/// The checks that follow runs, not just arrows: which nodes a run can reach under the
/// values its variables can really take, where a run gets stuck, whether the pass rule
/// can be met, and whether an ending rated `good` can follow an option rated `poor`.
/// All of them read a `ScenarioStateSpace`; when its search stopped at the state limit
/// only what was found is reported (nothing is called unreachable).
enum ScenarioRunChecks {
    /// Stuck runs (errors), runs that can no longer reach an ending (errors), and nodes
    /// the arrows reach but no run does (warnings). `leadsToEnding` and `reachable` are
    /// the graph's answers, so what the graph check already reported is not repeated.
    static func checkRuns(
        _ space: ScenarioStateSpace, reachable: [Bool], leadsToEnding: [Bool], _ diagnostics: inout [Diagnostic]
    ) {
        let scenario = space.scenario
        var reported: Set<Int> = []
        for (state, reason) in space.stuck where reported.insert(space.states[state].node).inserted {
            let node = scenario.nodes[space.states[state].node]
            let values = readValues(of: node, in: space.states[state])
            let why =
                switch reason {
                case .noOptionOffered:
                    "a run can reach the choice '\(node.id)' when none of its options is offered\(values), so the learner is stuck. Give one option neither 'if' nor 'once'"
                case .noConditionHolds:
                    "a run can reach '\(node.id)' when none of its conditions holds\(values), so it goes no further. Add a last item with only 'goto'"
                }
            diagnostics.append(.error(node.location, "\(why). The way there: \(space.path(to: state))"))
        }
        var visited = [Bool](repeating: false, count: scenario.nodes.count)
        for state in space.states { visited[state.node] = true }
        if space.complete {
            let endingReachable = space.canReachEnding()
            var trapped: Set<Int> = []
            for (index, state) in space.states.enumerated() where !endingReachable[index] && !space.isEnding(index) {
                let node = state.node
                guard leadsToEnding[node], !reported.contains(node), !space.stuck.contains(where: { $0.state == index }),
                    trapped.insert(node).inserted
                else { continue }
                let id = scenario.nodes[node].id
                diagnostics.append(
                    .error(
                        scenario.nodes[node].location,
                        "a run can reach '\(id)' with values from which no ending can be reached: it would go round for ever. The way there: \(space.path(to: index))"
                    ))
            }
            for (index, node) in scenario.nodes.enumerated() where reachable[index] && !visited[index] {
                let what: String = if case .ending = node.kind { "the ending '\(node.id)'" } else { "'\(node.id)'" }
                diagnostics.append(
                    .warning(node.location, "no run can reach \(what): the conditions on the way to it never let a run through"))
            }
        }
    }

    /// The pass rule against every way a run can end: an error when no run can pass, a
    /// warning when only a run with the highest score passes, and a warning for each
    /// ending rated `poor` at which a run can pass.
    static func checkPassRule(_ space: ScenarioStateSpace, _ diagnostics: inout [Diagnostic]) {
        let scenario = space.scenario
        guard let pass = scenario.pass, space.complete else { return }
        var outcomes: [(state: Int, ending: ScenarioNode, score: Int?)] = []
        for (index, state) in space.states.enumerated() {
            let node = scenario.nodes[state.node]
            guard case .ending(let ending) = node.kind else { continue }
            outcomes.append((index, node, ScenarioRules.score(scenario, ending: ending, values: state.values)))
        }
        guard !outcomes.isEmpty else { return }
        let passing = outcomes.filter { scenario.passes(ending: $0.ending.id, score: $0.score) }
        let highest = outcomes.compactMap(\.score).max()
        if passing.isEmpty {
            let allowed = outcomes.filter { pass.endings?.contains($0.ending.id) ?? true }
            if let minimum = pass.minimumScore, let best = allowed.compactMap(\.score).max(), best < minimum {
                let atEndings = pass.endings == nil ? "" : " at the endings 'pass' names"
                diagnostics.append(
                    .error(
                        pass.location,
                        "'min-score: \(minimum)' is more than the highest score a run can reach\(atEndings) (\(best)), so no learner can pass. Lower 'min-score' to \(best) or less, or give more points for good choices"
                    ))
            } else {
                diagnostics.append(.error(pass.location, "no run can reach an ending that 'pass: endings' names, so no learner can pass"))
            }
            return
        }
        if let minimum = pass.minimumScore, let highest, passing.allSatisfy({ $0.score == highest }),
            outcomes.contains(where: { ($0.score ?? highest) < highest })
        {
            diagnostics.append(
                .warning(
                    pass.location,
                    "only a run with the highest score a run can reach (\(highest)) passes 'min-score: \(minimum)': one choice short of the best fails the unit. Lower 'min-score', or pass by 'endings'"
                ))
        }
        var warned: Set<Int> = []
        for outcome in passing {
            guard case .ending(let ending) = outcome.ending.kind, ending.rating == .poor,
                warned.insert(space.states[outcome.state].node).inserted
            else { continue }
            diagnostics.append(
                .warning(
                    outcome.ending.location,
                    "a run can pass at the ending '\(outcome.ending.id)', which is rated poor: \(space.path(to: outcome.state)). Tighten 'pass' or change the rating"
                ))
        }
    }

    /// For each option rated `poor`, the shortest run that chose it and still reached an
    /// ending rated `good` (unless that ending says `allow-poor: true`): the debrief would
    /// praise what the learner did not do.
    static func checkPoorBeforeGood(_ scenario: Scenario, severity: Diagnostic.Severity, _ diagnostics: inout [Diagnostic]) {
        let hasGood = scenario.nodes.contains { if case .ending(let e) = $0.kind { e.rating == .good && !e.allowPoor } else { false } }
        guard hasGood else { return }
        let space = ScenarioStateSpace(scenario, trackPoor: true)
        guard !space.poorOptions.isEmpty else { return }
        var reported: Set<Int> = []
        for (index, state) in space.states.enumerated() where state.firstPoor >= 0 {
            let node = scenario.nodes[state.node]
            guard case .ending(let ending) = node.kind, ending.rating == .good, !ending.allowPoor,
                reported.insert(state.firstPoor).inserted
            else { continue }
            let (choiceNode, option) = space.poorOptions[state.firstPoor]
            let choice = scenario.nodes[choiceNode]
            guard case .choice(let content) = choice.kind else { continue }
            diagnostics.append(
                Diagnostic(
                    severity, content.options[option].location,
                    "option \(option + 1) of '\(choice.id)' is rated poor, yet a run that chose it can reach '\(node.id)', which is rated good, so its debrief would praise what the learner did not do: \(space.path(to: index)). Lead such runs to another ending (set a flag here and test it on the way), or add 'allow-poor: true' to '\(node.id)'"
                ))
        }
    }

    /// " (plan_b = false, tillid = 0)": the values the node's conditions read, in the
    /// stuck state, so the trainer sees why nothing held.
    static func readValues(of node: ScenarioNode, in state: ScenarioStateSpace.State) -> String {
        var names: Set<String> = []
        var references: Set<String> = []
        for condition in ScenarioScoreSearch.conditions(of: node) {
            names.formUnion(condition.expression.variables)
            references.formUnion(condition.expression.nodeReferences)
        }
        let parts =
            names.sorted().map { "\($0) = \(state.values[$0]?.description ?? "0")" }
            + references.sorted().map { "visits(\($0)) = \(state.visits[$0] ?? 0)" }
        return parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
    }
}
