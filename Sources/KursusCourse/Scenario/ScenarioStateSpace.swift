/// Every state a run of a scenario can be in: node, variables, the visit counts that
/// conditions read, the `once` options used, and (for the quality check) the first option
/// rated `poor` the run chose. Found breadth-first, so the way kept to each state is a
/// shortest one. The engine's own rules (`ScenarioRules`) decide which options are
/// offered and where a node goes, so what this finds is what learners can meet.
/// Bounded by `ScenarioScoreSearch.stateLimit`; nothing recurses over nodes.
///
/// A state holds only the variables that can change where a run goes (those a condition
/// reads), and the score when a pass rule needs it: a variable nobody reads, such as a
/// score added to at every choice, would otherwise make every total a state of its own
/// (a chain of 10,000 scored choices has 50 million), while it changes neither which
/// options are offered nor where any node leads.
struct ScenarioStateSpace {
    struct State: Hashable {
        var node: Int
        var values: [String: ScenarioValue]
        var visits: [String: Int]
        var used: Set<String>
        /// Index into `poorOptions` of the first poor option chosen, or -1.
        var firstPoor: Int = -1
    }

    /// How a state was entered: from `parent` by option `option` of a choice (nil for a
    /// node that passed on by itself).
    struct Entry {
        var parent: Int
        var option: Int?
    }

    /// Why a run cannot go on from a node that is not an ending.
    enum Stuck: Hashable {
        case noOptionOffered
        case noConditionHolds
    }

    let scenario: Scenario
    private(set) var states: [State] = []
    private(set) var entries: [Entry] = []
    /// Successor state indices, for the "can an ending still be reached" search, with the
    /// option of the choice that leads there (nil: the node passed on by itself).
    private(set) var successors: [[Int]] = []
    private(set) var successorOptions: [[Int?]] = []
    /// The variables the states hold (see the type's comment).
    let kept: Set<String>
    /// States at which the run cannot go on, with the reason.
    private(set) var stuck: [(state: Int, reason: Stuck)] = []
    /// false when the search stopped at the state limit.
    private(set) var complete = true
    /// (node, option) of every option rated poor, when the search tracks them.
    let poorOptions: [(node: Int, option: Int)]

    /// Explores from the start. With `trackPoor`, states also remember the first poor
    /// option chosen, so a path from each poor option to each ending can be found.
    /// `keeping`: the variables states hold; by default `variablesThatMatter`.
    init(_ scenario: Scenario, trackPoor: Bool = false, limit: Int = ScenarioScoreSearch.stateLimit, keeping: Set<String>? = nil) {
        self.scenario = scenario
        let kept = keeping ?? Self.variablesThatMatter(scenario)
        self.kept = kept
        // States that carry the score make one state per total where a choice adds to it
        // again and again: those get the score search's smaller bound.
        let limit = scenario.scoreVariable.map { kept.contains($0) } == true ? min(limit, ScenarioScoreSearch.searchLimit) : limit
        var poor: [(node: Int, option: Int)] = []
        var poorIndex: [String: Int] = [:]
        if trackPoor {
            for (n, node) in scenario.nodes.enumerated() {
                guard case .choice(let choice) = node.kind else { continue }
                for (o, option) in choice.options.enumerated() where option.quality == .poor {
                    poorIndex[ScenarioRules.optionKey(node: node.id, option: o)] = poor.count
                    poor.append((n, o))
                }
            }
        }
        poorOptions = poor
        guard let start = scenario.nodeIndex[scenario.start] else { return }
        var watched: Set<String> = []
        for node in scenario.nodes {
            for condition in ScenarioScoreSearch.conditions(of: node) { watched.formUnion(condition.expression.nodeReferences) }
        }
        var known: [State: Int] = [:]
        func enter(_ index: Int, from state: State, entry: Entry) -> Int? {
            var next = state
            next.node = index
            let node = scenario.nodes[index]
            if watched.contains(node.id) { next.visits[node.id, default: 0] += 1 }
            for effect in node.effects where kept.contains(effect.variable) { effect.apply(to: &next.values) }
            if let existing = known[next] { return existing }
            guard states.count < limit else {
                complete = false
                return nil
            }
            known[next] = states.count
            states.append(next)
            entries.append(entry)
            successors.append([])
            successorOptions.append([])
            return states.count - 1
        }
        let initial = scenario.initialValues.filter { kept.contains($0.key) }
        _ = enter(start, from: State(node: start, values: initial, visits: [:], used: []), entry: Entry(parent: -1))
        var cursor = 0
        while cursor < states.count {
            let current = cursor
            let state = states[current]
            cursor += 1
            let node = scenario.nodes[state.node]
            var moves: [(target: Int, after: State, option: Int?)] = []
            switch node.kind {
            case .ending: continue
            case .choice(let choice):
                let offered = ScenarioRules.availableOptions(choice, node: node.id, values: state.values, visits: state.visits, used: state.used)
                if offered.isEmpty { stuck.append((current, .noOptionOffered)) }
                for index in offered {
                    let option = choice.options[index]
                    guard let target = scenario.nodeIndex[option.target] else { continue }
                    var after = state
                    for effect in option.effects where kept.contains(effect.variable) { effect.apply(to: &after.values) }
                    let key = ScenarioRules.optionKey(node: node.id, option: index)
                    if option.once { after.used.insert(key) }
                    if after.firstPoor < 0, let poor = poorIndex[key] { after.firstPoor = poor }
                    moves.append((target, after, index))
                }
            default:
                switch node.next {
                case .goto(let id, _)?:
                    if let target = scenario.nodeIndex[id] { moves.append((target, state, nil)) }
                case .conditional(let items)?:
                    if let id = ScenarioRules.conditionalTarget(items, values: state.values, visits: state.visits) {
                        if let target = scenario.nodeIndex[id] { moves.append((target, state, nil)) }
                    } else {
                        stuck.append((current, .noConditionHolds))
                    }
                case .random(let items)?:
                    for item in items { if let target = scenario.nodeIndex[item.target] { moves.append((target, state, nil)) } }
                case nil: break
                }
            }
            for move in moves {
                if let next = enter(move.target, from: move.after, entry: Entry(parent: current, option: move.option)) {
                    successors[current].append(next)
                    successorOptions[current].append(move.option)
                }
            }
        }
    }

    /// The variables a condition reads, and the score variable when a pass rule judges
    /// the score a run ends with.
    static func variablesThatMatter(_ scenario: Scenario) -> Set<String> {
        var names = readVariables(scenario)
        if scenario.pass != nil, let score = scenario.scoreVariable { names.insert(score) }
        return names
    }

    /// The variables some condition reads.
    static func readVariables(_ scenario: Scenario) -> Set<String> {
        var names: Set<String> = []
        for node in scenario.nodes {
            for condition in ScenarioScoreSearch.conditions(of: node) { names.formUnion(condition.expression.variables) }
        }
        return names
    }

    /// Whether a state is at an ending node.
    func isEnding(_ state: Int) -> Bool {
        if case .ending = scenario.nodes[states[state].node].kind { true } else { false }
    }

    /// States from which some ending state can be reached (reverse search).
    func canReachEnding() -> [Bool] {
        var predecessors = [[Int]](repeating: [], count: states.count)
        for (state, list) in successors.enumerated() {
            for next in list { predecessors[next].append(state) }
        }
        var seen = [Bool](repeating: false, count: states.count)
        var stack = states.indices.filter(isEnding)
        for state in stack { seen[state] = true }
        while let state = stack.popLast() {
            for previous in predecessors[state] where !seen[previous] {
                seen[previous] = true
                stack.append(previous)
            }
        }
        return seen
    }

    /// The way to a state as the trainer reads it: each choice made, numbered from 1 in
    /// the order made, with its node and the option (from 1), then the node reached:
    /// "choice 1 (v-kamera) option 2 → choice 2 (v-frys) option 1 → slut-god".
    func path(to state: Int) -> String {
        var choices: [(node: String, option: Int)] = []
        var current = state
        while current >= 0 {
            let entry = entries[current]
            if let option = entry.option, entry.parent >= 0 {
                choices.append((scenario.nodes[states[entry.parent].node].id, option))
            }
            current = entry.parent
        }
        let steps = choices.reversed().enumerated().map { "choice \($0.offset + 1) (\($0.element.node)) option \($0.element.option + 1)" }
        let reached = scenario.nodes[states[state].node].id
        return (steps + [reached]).joined(separator: " → ")
    }
}
