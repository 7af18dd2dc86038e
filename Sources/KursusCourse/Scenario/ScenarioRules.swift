/// The rules shared by the engine and the validator's exhaustive search, so both agree
/// on which options are offered and where a node goes next.
public enum ScenarioRules {
    /// The key under which a `once` option is remembered as used.
    public static func optionKey(node: String, option: Int) -> String { "\(node)#\(option)" }

    public static func environment(values: [String: ScenarioValue], visits: [String: Int]) -> ScenarioExpression.Environment {
        ScenarioExpression.Environment(value: { values[$0] }, visits: { visits[$0] ?? 0 })
    }

    /// Indices of the options offered now: the condition holds and a `once` option has not been used.
    public static func availableOptions(
        _ choice: ScenarioChoice, node: String, values: [String: ScenarioValue], visits: [String: Int], used: Set<String>
    ) -> [Int] {
        let environment = environment(values: values, visits: visits)
        return choice.options.indices.filter { index in
            let option = choice.options[index]
            if option.once, used.contains(optionKey(node: node, option: index)) { return false }
            return option.condition?.expression.holds(environment) ?? true
        }
    }

    /// The first conditional target whose condition holds (an item without `if` always holds).
    public static func conditionalTarget(_ items: [ConditionalTarget], values: [String: ScenarioValue], visits: [String: Int]) -> String? {
        let environment = environment(values: values, visits: visits)
        return items.first { $0.condition?.expression.holds(environment) ?? true }?.target
    }

    /// Picks a weighted target with a number drawn uniformly from `0..<total weight`.
    public static func randomTarget(_ items: [WeightedTarget], draw: UInt64) -> String? {
        var remaining = draw
        for item in items {
            let weight = UInt64(max(1, item.weight))
            if remaining < weight { return item.target }
            remaining -= weight
        }
        return items.last?.target
    }

    public static func totalWeight(_ items: [WeightedTarget]) -> UInt64 {
        items.reduce(0) { $0 + UInt64(max(1, $1.weight)) }
    }

    /// The score of a run that ends at `ending` with `values`.
    public static func score(_ scenario: Scenario, ending: ScenarioEnding, values: [String: ScenarioValue]) -> Int? {
        ending.score ?? scenario.scoreVariable.flatMap { values[$0]?.number }
    }
}
