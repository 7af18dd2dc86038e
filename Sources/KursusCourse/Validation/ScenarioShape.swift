/// A scenario's structure for the language parity check: participants (ids, roles, ages,
/// portraits), the call setup, variables, score and pass rule, and every node's id, kind,
/// speaker, effects, ways on (targets, conditions, weights), options (count, targets,
/// qualities, effects, conditions), timers and endings (scores, ratings), not texts.
extension ContentShape {
    init(scenario: Scenario) {
        let place = scenario.location
        add("the start node", scenario.start, at: place)
        add("the score variable", scenario.scoreVariable ?? "none", at: place)
        add(
            "the pass rule",
            scenario.pass.map { "min-score \($0.minimumScore.map(String.init) ?? "none"), endings \($0.endings?.joined(separator: ", ") ?? "any")" }
                ?? "none", at: scenario.pass?.location ?? place)
        add("the call setup", "\(scenario.call)", at: place)
        add(
            "the variables", scenario.variables.map { "\($0.name) = \($0.initial)" }.joined(separator: ", "),
            at: scenario.variables.first?.location ?? place)
        add("the number of participants", "\(scenario.participants.count)", at: place)
        for (index, person) in scenario.participants.enumerated() {
            let name = "participant \(index + 1)"
            add("the id of \(name)", person.id, at: person.location, owner: name)
            add("the role of \(name)", person.role.rawValue, at: person.location)
            add("the age of \(name)", person.age.map(String.init) ?? "none", at: person.location)
            add("the portrait of \(name)", person.portrait.map { "\($0)" } ?? "none", at: person.location)
        }
        add("the number of nodes", "\(scenario.nodes.count)", at: place)
        for (index, node) in scenario.nodes.enumerated() {
            addNode(node, name: "node \(index + 1)")
        }
    }

    private mutating func addNode(_ node: ScenarioNode, name: String) {
        let at = node.location
        add("the id of \(name)", node.id, at: at, owner: name)
        add("the kind of \(name) ('\(node.id)')", node.kindName, at: at)
        add("the effects of \(name) ('\(node.id)')", Self.effects(node.effects), at: at)
        add("the way on from \(name) ('\(node.id)')", node.next.map(Self.transition) ?? "none", at: at)
        switch node.kind {
        case .say(let speaker, _):
            add("the speaker of \(name) ('\(node.id)')", speaker, at: at)
        case .narration:
            break
        case .event(let event):
            add("the event of \(name) ('\(node.id)')", "\(event.kind.rawValue) \(event.participant ?? "")", at: at)
        case .choice(let choice):
            add("the timer of \(name) ('\(node.id)')", choice.timer.map { "\($0.seconds) s, option \($0.defaultOption)" } ?? "none", at: at)
            add("the number of options of \(name) ('\(node.id)')", "\(choice.options.count)", at: at)
            for (index, option) in choice.options.enumerated() {
                let value = [
                    "to \(option.target)", "rated \(option.quality?.rawValue ?? "none")", "effects \(Self.effects(option.effects))",
                    "if \(option.condition?.source ?? "always")", option.once ? "once" : "",
                ].filter { !$0.isEmpty }.joined(separator: ", ")
                add("\(name) ('\(node.id)') option \(index + 1)", value, at: option.location, owner: name)
            }
        case .ending(let ending):
            let value = [
                "score \(ending.score.map(String.init) ?? "none")", "rated \(ending.rating?.rawValue ?? "none")",
                ending.allowPoor ? "allow-poor" : "",
            ].filter { !$0.isEmpty }.joined(separator: ", ")
            add("the ending \(name) ('\(node.id)')", value, at: at)
        }
    }

    static func effects(_ effects: [VariableEffect]) -> String {
        guard !effects.isEmpty else { return "none" }
        return effects.map { effect in
            switch effect.operation {
            case .set(let value): "\(effect.variable) = \(value)"
            case .add(let amount): "\(effect.variable) += \(amount)"
            }
        }.joined(separator: ", ")
    }

    static func transition(_ transition: Transition) -> String {
        switch transition {
        case .goto(let target, _): return "goto \(target)"
        case .conditional(let items): return items.map { "if \($0.condition?.source ?? "always") goto \($0.target)" }.joined(separator: "; ")
        case .random(let items): return items.map { "\($0.target) × \($0.weight)" }.joined(separator: "; ")
        }
    }
}
