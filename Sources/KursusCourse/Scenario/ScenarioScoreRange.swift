/// The lowest and highest score any path can end with, found by an exhaustive search
/// over (node, variables, visits, used options) states, bounded by `stateLimit`.
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
            + (complete ? "" : " (search stopped at \(ScenarioScoreSearch.stateLimit) states; the true range may be wider)")
    }
}

enum ScenarioScoreSearch {
    static let stateLimit = 200_000

    /// nil when the scenario has no score or no ending can be reached.
    static func run(_ scenario: Scenario) -> ScoreRange? {
        run(ScenarioStateSpace(scenario))
    }

    /// The range over the ending states of an explored scenario.
    static func run(_ space: ScenarioStateSpace) -> ScoreRange? {
        let scenario = space.scenario
        let hasScore =
            scenario.scoreVariable != nil
            || scenario.nodes.contains {
                if case .ending(let ending) = $0.kind { ending.score != nil } else { false }
            }
        guard hasScore else { return nil }
        var low: Int?, high: Int?
        for state in space.states {
            guard case .ending(let ending) = scenario.nodes[state.node].kind,
                let score = ScenarioRules.score(scenario, ending: ending, values: state.values)
            else { continue }
            low = min(low ?? score, score)
            high = max(high ?? score, score)
        }
        guard let low, let high else { return nil }
        return ScoreRange(minimum: low, maximum: high, complete: space.complete)
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
