/// Effects (`set`/`add`), transitions (`next`, `random`) and conditions (`if`) of nodes
/// and options.
extension ScenarioNodeParser {
    mutating func parseEffects(_ node: YAMLTree?) -> [VariableEffect] {
        guard let node else { return [] }
        guard case .sequence(let items) = node else {
            parser.error(node, "'effects' must be a list such as '- {add: score, value: 1}'")
            return []
        }
        guard items.count <= ScenarioNodeParser.maximumListItems else {
            parser.error(node, "at most \(ScenarioNodeParser.maximumListItems) effects in one place")
            return []
        }
        var effects: [VariableEffect] = []
        for item in items {
            guard var object = YAMLTreeObject(item, source: source, what: "an effect", problems: &parser.diagnostics) else { continue }
            object.rejectUnknownKeys(["set", "add", "value"])
            let set = object.string("set", required: false)
            let add = object.string("add", required: false)
            defer { parser.diagnostics += object.diagnostics }
            guard (set == nil) != (add == nil), let name = set ?? add else {
                parser.diagnostics.append(.error(object.location, "an effect has either 'set: variable' or 'add: variable', and 'value'"))
                continue
            }
            if !ScenarioParser.isVariableName(name) {
                parser.error(object.value(set == nil ? "add" : "set"), "'\(name)' is not a variable name")
                continue
            }
            guard let valueNode = object.value("value"), let value = parser.scalarValue(valueNode) else {
                let hint = object.value("value").map(ScenarioParser.yamlOneOneHint) ?? ""
                parser.diagnostics.append(
                    .error(
                        object.value("value").map { source.location(of: $0) } ?? object.location,
                        "'value' must be a whole number or true/false\(hint)"))
                continue
            }
            let place = source.location(of: object.value(set == nil ? "add" : "set"))
            if set != nil {
                effects.append(VariableEffect(variable: name, operation: .set(value), location: place))
            } else if let amount = value.number {
                effects.append(VariableEffect(variable: name, operation: .add(amount), location: place))
            } else {
                parser.error(valueNode, "'add' needs a number as 'value'; use 'set' for true/false")
            }
        }
        return effects
    }

    mutating func parseTransition(next: YAMLTree?, random: YAMLTree?, at location: SourceLocation) -> Transition? {
        if next != nil, random != nil {
            parser.diagnostics.append(.error(location, "a node has either 'next' or 'random', not both"))
            return nil
        }
        if let random { return parseRandom(random) }
        guard let next else {
            parser.diagnostics.append(.error(location, "this node needs 'next' (or 'random') to say where the scenario goes on"))
            return nil
        }
        if case .scalar(let scalar) = next { return .goto(scalar.string, source.location(of: next)) }
        guard case .sequence(let items) = next, !items.isEmpty, items.count <= ScenarioNodeParser.maximumListItems else {
            parser.error(next, "'next' must be a node id or a list of 1 to \(ScenarioNodeParser.maximumListItems) '{if: condition, goto: node}'")
            return nil
        }
        var targets: [ConditionalTarget] = []
        for item in items {
            guard var object = YAMLTreeObject(item, source: source, what: "an item of 'next'", problems: &parser.diagnostics) else { continue }
            object.rejectUnknownKeys(["if", "goto"])
            let target = object.string("goto", required: true)
            let condition = object.value("if").flatMap { parseCondition($0) }
            parser.diagnostics += object.diagnostics
            if let target {
                targets.append(ConditionalTarget(condition: condition, target: target, location: source.location(of: object.value("goto"))))
            }
        }
        return .conditional(targets)
    }

    mutating func parseRandom(_ node: YAMLTree) -> Transition? {
        guard case .sequence(let items) = node, !items.isEmpty, items.count <= ScenarioNodeParser.maximumListItems else {
            parser.error(node, "'random' must be a list of 1 to \(ScenarioNodeParser.maximumListItems) '{goto: node, weight: number}'")
            return nil
        }
        var targets: [WeightedTarget] = []
        for item in items {
            guard var object = YAMLTreeObject(item, source: source, what: "an item of 'random'", problems: &parser.diagnostics) else { continue }
            object.rejectUnknownKeys(["goto", "weight"])
            let target = object.string("goto", required: true)
            let weight = object.integer("weight", in: 1...1_000_000) ?? 1
            parser.diagnostics += object.diagnostics
            if let target { targets.append(WeightedTarget(target: target, weight: weight, location: source.location(of: object.value("goto")))) }
        }
        return targets.isEmpty ? nil : .random(targets)
    }

    /// Parses a condition; a problem is reported at its exact column in the file.
    mutating func parseCondition(_ node: YAMLTree) -> Condition? {
        let base = source.location(of: node)
        guard case .scalar(let scalar) = node else {
            parser.error(node, "'if' must be a condition written as text, such as 'tillid >= 2'")
            return nil
        }
        let text = scalar.string
        switch ExpressionParser.parse(text) {
        case .success(let expression):
            return Condition(source: text, expression: expression, location: base)
        case .failure(let failure):
            // Quoted scalars start one column after their mark; block scalars are reported at their start.
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            let singleLine = !text.contains("\n") && (scalar.style == .plain || quoted)
            let column = singleLine ? base.column + (quoted ? 1 : 0) + failure.column - 1 : base.column
            parser.diagnostics.append(
                .error(
                    SourceLocation(file: base.file, line: base.line, column: column),
                    "condition '\(text.prefix(60))\(text.count > 60 ? "…" : "")': \(failure.message)"))
            return nil
        }
    }
}
