/// The score range without a state for every total: when no condition reads the score
/// variable, the score never changes where a run goes, so the runs are the paths through
/// `ScenarioStateSpace` (whose states leave the score out), and the lowest and highest
/// score at each state follow from its predecessors' (adding and setting a number are
/// both monotone). Exact, and linear in the states and moves, where the search over
/// every total (`ScenarioScoreSearch.run`) stops at its state limit on a long scored
/// chain. Used when it applies: the score is only added to or set to numbers, and the
/// run graph without it has no cycle (a cycle could add to the score without end).
enum ScenarioScorePaths {
    /// nil when this way does not apply (the caller searches instead); `.some(nil)` when
    /// no ending with a score can be reached.
    static func range(_ scenario: Scenario) -> ScoreRange?? {
        let variable = scenario.scoreVariable
        var initial = 0
        if let variable {
            guard !ScenarioStateSpace.readVariables(scenario).contains(variable),
                let start = scenario.initialValues[variable]?.number
            else { return nil }
            initial = start
            for effect in allEffects(scenario) where effect.variable == variable {
                if case .set(.flag) = effect.operation { return nil }
            }
        }
        let space = ScenarioStateSpace(scenario, keeping: ScenarioStateSpace.readVariables(scenario))
        guard space.complete, let order = topologicalOrder(space.successors) else { return nil }
        // The lowest and highest score a run can have on entering each state.
        var low = [Int?](repeating: nil, count: space.states.count)
        var high = [Int?](repeating: nil, count: space.states.count)
        if !space.states.isEmpty {
            let entered = apply(scenario.nodes[space.states[0].node].effects, variable, to: initial)
            low[0] = entered
            high[0] = entered
        }
        var found: (low: Int, high: Int)?
        for state in order {
            guard let lowest = low[state], let highest = high[state] else { continue }
            let node = scenario.nodes[space.states[state].node]
            if case .ending(let ending) = node.kind, let fixed = ending.score ?? (variable == nil ? nil : lowest) {
                let top = ending.score ?? highest
                found = (min(found?.low ?? fixed, fixed), max(found?.high ?? top, top))
            }
            for (next, option) in zip(space.successors[state], space.successorOptions[state]) {
                var effects: [VariableEffect] = []
                if let option, case .choice(let choice) = node.kind { effects = choice.options[option].effects }
                effects += scenario.nodes[space.states[next].node].effects
                let (a, b) = (apply(effects, variable, to: lowest), apply(effects, variable, to: highest))
                low[next] = min(low[next] ?? a, a)
                high[next] = max(high[next] ?? b, b)
            }
        }
        return .some(found.map { ScoreRange(minimum: $0.low, maximum: $0.high, complete: true) })
    }

    /// The value after `effects` on `variable` (the others are left out), as
    /// `VariableEffect.apply` computes it.
    static func apply(_ effects: [VariableEffect], _ variable: String?, to value: Int) -> Int {
        guard let variable else { return value }
        var values: [String: ScenarioValue] = [variable: .number(value)]
        for effect in effects where effect.variable == variable { effect.apply(to: &values) }
        return values[variable]?.number ?? value
    }

    static func allEffects(_ scenario: Scenario) -> [VariableEffect] {
        scenario.nodes.flatMap { node -> [VariableEffect] in
            guard case .choice(let choice) = node.kind else { return node.effects }
            return node.effects + choice.options.flatMap(\.effects)
        }
    }

    /// The states in an order where every move goes forward (Kahn's algorithm), or nil
    /// when the moves make a cycle.
    static func topologicalOrder(_ successors: [[Int]]) -> [Int]? {
        var incoming = [Int](repeating: 0, count: successors.count)
        for list in successors { for next in list { incoming[next] += 1 } }
        var ready = incoming.indices.filter { incoming[$0] == 0 }
        var order: [Int] = []
        order.reserveCapacity(successors.count)
        while let state = ready.popLast() {
            order.append(state)
            for next in successors[state] {
                incoming[next] -= 1
                if incoming[next] == 0 { ready.append(next) }
            }
        }
        return order.count == successors.count ? order : nil
    }
}
