/// The lowest and highest score any path can end with, found by an exhaustive search
/// over (node, variables, visits, used options) states, bounded by
/// `ScenarioScoreSearch.searchLimit`.
public struct ScoreRange: Hashable, Sendable, CustomStringConvertible {
    public var minimum: Int
    public var maximum: Int
    /// false when the search stopped at the state limit: the range is what was found so far.
    public var complete: Bool

    public init(minimum: Int, maximum: Int, complete: Bool) {
        self.minimum = minimum
        self.maximum = maximum
        self.complete = complete
    }

    public var description: String {
        "scores \(minimum) to \(maximum)"
            + (complete ? "" : " (search stopped at \(ScenarioScoreSearch.searchLimit) states; the true range may be wider)")
    }
}

/// Depth first, so that on a file too large to search completely the range found so far
/// already holds real endings. (`ScenarioStateSpace`, which the checks use, goes breadth
/// first for shortest paths and may reach no ending before the limit on such a file.)
enum ScenarioScoreSearch {
    /// The bound of `ScenarioStateSpace`, whose states leave the score out.
    static let stateLimit = 200_000
    /// The bound of this search, whose states carry every variable and the score: each
    /// costs far more, and a choice that adds to the score and can be taken again and
    /// again makes a new state per total (a fuzzed scenario ran 200,000 of them for
    /// 18 s in a debug build; the player computes the range as a scenario opens).
    /// Scenarios whose score the run graph determines (no cycle, no condition reading
    /// the score) get an exact range from `ScenarioScorePaths` without this search.
    static let searchLimit = 25_000

    struct State: Hashable {
        var node: Int
        var values: [String: ScenarioValue]
        var visits: [String: Int]
        var used: Set<String>
    }

    /// nil when the scenario has no score or no ending can be reached.
    static func run(_ scenario: Scenario) -> ScoreRange? {
        guard let start = scenario.nodeIndex[scenario.start] else { return nil }
        let hasScore =
            scenario.scoreVariable != nil
            || scenario.nodes.contains {
                if case .ending(let ending) = $0.kind { ending.score != nil } else { false }
            }
        guard hasScore else { return nil }
        // Most scenarios only add to their score: then the paths give the range exactly.
        if let exact = ScenarioScorePaths.range(scenario) { return exact }
        return search(scenario, from: start)
    }

    /// The range by visiting every state (node, variables, visits, used options).
    static func search(_ scenario: Scenario, from start: Int) -> ScoreRange? {
        // Only visit counts that conditions read are part of the state.
        var watched: Set<String> = []
        for node in scenario.nodes {
            for condition in conditions(of: node) { watched.formUnion(condition.expression.nodeReferences) }
        }
        var seen: Set<State> = []
        var stack: [State] = []
        var low: Int?, high: Int?
        func enter(_ index: Int, from state: State) {
            var next = state
            next.node = index
            let node = scenario.nodes[index]
            if watched.contains(node.id) { next.visits[node.id, default: 0] += 1 }
            for effect in node.effects { effect.apply(to: &next.values) }
            if seen.count < searchLimit, seen.insert(next).inserted { stack.append(next) }
        }
        enter(start, from: State(node: start, values: scenario.initialValues, visits: [:], used: []))
        while let state = stack.popLast() {
            let node = scenario.nodes[state.node]
            switch node.kind {
            case .ending(let ending):
                if let score = ScenarioRules.score(scenario, ending: ending, values: state.values) {
                    low = min(low ?? score, score)
                    high = max(high ?? score, score)
                }
            case .choice(let choice):
                for index in ScenarioRules.availableOptions(choice, node: node.id, values: state.values, visits: state.visits, used: state.used) {
                    let option = choice.options[index]
                    guard let target = scenario.nodeIndex[option.target] else { continue }
                    var after = state
                    for effect in option.effects { effect.apply(to: &after.values) }
                    if option.once { after.used.insert(ScenarioRules.optionKey(node: node.id, option: index)) }
                    enter(target, from: after)
                }
            default:
                switch node.next {
                case .goto(let id, _)?:
                    if let target = scenario.nodeIndex[id] { enter(target, from: state) }
                case .conditional(let items)?:
                    if let id = ScenarioRules.conditionalTarget(items, values: state.values, visits: state.visits),
                        let target = scenario.nodeIndex[id]
                    {
                        enter(target, from: state)
                    }
                case .random(let items)?:
                    for item in items { if let target = scenario.nodeIndex[item.target] { enter(target, from: state) } }
                case nil: break
                }
            }
        }
        guard let low, let high else { return nil }
        return ScoreRange(minimum: low, maximum: high, complete: seen.count < searchLimit)
    }

    static func conditions(of node: ScenarioNode) -> [Condition] {
        switch node.kind {
        case .choice(let choice): return choice.options.compactMap(\.condition)
        default:
            if case .conditional(let items)? = node.next { return items.compactMap(\.condition) }
            return []
        }
    }
}
