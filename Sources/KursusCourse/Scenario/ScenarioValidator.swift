/// Checks a parsed scenario as a whole: targets, reachability, dead ends, endings no
/// path reaches, cycles that cannot reach an ending, and how variables are used.
/// Iterative graph searches only, so 20,000 nodes validate in well under a second.
public enum ScenarioValidator {
    /// Every problem in the scenario. `poorBeforeGood` is the severity of "an ending
    /// rated good can follow an option rated poor" (a warning unless a caller is strict).
    public static func check(_ scenario: Scenario, poorBeforeGood: Diagnostic.Severity = .warning) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let space = ScenarioStateSpace(scenario)
        checkTargets(scenario, exact: space.complete, &diagnostics)
        let (reachable, leadsToEnding) = checkGraph(scenario, &diagnostics)
        ScenarioRunChecks.checkRuns(space, reachable: reachable, leadsToEnding: leadsToEnding, &diagnostics)
        checkVariables(scenario, &diagnostics)
        checkPassRule(scenario, &diagnostics)
        ScenarioRunChecks.checkPassRule(space, &diagnostics)
        ScenarioRunChecks.checkPoorBeforeGood(scenario, severity: poorBeforeGood, &diagnostics)
        return diagnostics
    }

    /// The lowest and highest reachable score (nil without a score or a reachable ending).
    public static func scoreRange(_ scenario: Scenario) -> ScoreRange? {
        ScenarioScoreSearch.run(scenario)
    }

    /// Targets and conditions that name nothing. With `exact` (every run state was
    /// explored) a node where runs could get stuck is left to `ScenarioRunChecks`, which
    /// knows whether one really does; otherwise it is warned about here.
    static func checkTargets(_ scenario: Scenario, exact: Bool, _ diagnostics: inout [Diagnostic]) {
        let ids = scenario.nodes.map(\.id)
        for node in scenario.nodes {
            for target in node.targets where scenario.nodeIndex[target.id] == nil {
                let hint = Spelling.closest(to: target.id, among: ids).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.append(.error(target.location, "'\(target.id)' is not a node in this scenario\(hint)"))
            }
            for condition in ScenarioScoreSearch.conditions(of: node) {
                for reference in condition.expression.nodeReferences.sorted() where scenario.nodeIndex[reference] == nil {
                    diagnostics.append(.error(condition.location, "the condition names the node '\(reference)', which does not exist"))
                }
            }
            if !exact, case .choice(let choice) = node.kind, !choice.options.isEmpty,
                choice.options.allSatisfy({ $0.condition != nil || $0.once })
            {
                diagnostics.append(
                    .warning(
                        node.location,
                        "every option of '\(node.id)' has a condition or 'once'; if none is offered the learner is stuck here. Give one option neither"
                    ))
            }
            if !exact, case .conditional(let items)? = node.next, items.allSatisfy({ $0.condition != nil }) {
                diagnostics.append(
                    .warning(node.location, "'\(node.id)' has no way on when none of its conditions holds; add a last item with only 'goto'"))
            }
            if case .event(let event) = node.kind, event.kind == .relativeEnters || event.kind == .relativeLeaves,
                let id = event.participant, let participant = scenario.participant(id), participant.role != .relative, participant.role != .colleague
            {
                diagnostics.append(.warning(node.location, "'\(event.kind.rawValue)' names '\(id)', who is not a relative or a colleague"))
            }
        }
    }

    /// Arrows only: nodes the start cannot reach, dead ends, cycles with no way out.
    /// Returns which nodes the arrows reach and which can reach an ending.
    @discardableResult
    static func checkGraph(_ scenario: Scenario, _ diagnostics: inout [Diagnostic]) -> (reachable: [Bool], leadsToEnding: [Bool]) {
        let graph = ScenarioGraph(scenario)
        let reachable = graph.reachableFromStart()
        var endings: [Int] = []
        for (index, node) in scenario.nodes.enumerated() {
            if case .ending = node.kind { endings.append(index) }
        }
        if endings.isEmpty {
            diagnostics.append(.error(scenario.location, "the scenario has no 'ending' node; every path must end in one"))
        }
        let leadsToEnding = graph.canReach(endings)
        for (index, node) in scenario.nodes.enumerated() {
            let isEnding: Bool = if case .ending = node.kind { true } else { false }
            if !reachable[index] {
                let what =
                    isEnding
                    ? "no path reaches the ending '\(node.id)'" : "the node '\(node.id)' cannot be reached from the start '\(scenario.start)'"
                diagnostics.append(.warning(node.location, what))
                continue
            }
            if isEnding { continue }
            if graph.successors[index].isEmpty {
                diagnostics.append(.error(node.location, "dead end: '\(node.id)' is not an ending and leads nowhere"))
            } else if !leadsToEnding[index] {
                diagnostics.append(
                    .error(
                        node.location,
                        "from '\(node.id)' no ending can be reached: the learner would go round in a cycle for ever. Add a way to an ending"))
            }
        }
        return (reachable, leadsToEnding)
    }

    static func checkVariables(_ scenario: Scenario, _ diagnostics: inout [Diagnostic]) {
        var declared: [String: ScenarioVariable] = [:]
        for variable in scenario.variables { declared[variable.name] = variable }
        var setNames: Set<String> = []
        var readNames: Set<String> = []
        if let score = scenario.scoreVariable { readNames.insert(score) }
        func checkEffect(_ effect: VariableEffect) {
            setNames.insert(effect.variable)
            guard let variable = declared[effect.variable] else {
                diagnostics.append(
                    .error(effect.location, "the variable '\(effect.variable)' is not declared; add it under 'variables' with its initial value"))
                return
            }
            switch (effect.operation, variable.initial) {
            case (.add, .flag):
                diagnostics.append(.error(effect.location, "'\(effect.variable)' is true/false; 'add' works on numbers only"))
            case (.set(.number), .flag), (.set(.flag), .number):
                diagnostics.append(
                    .error(effect.location, "'\(effect.variable)' starts as \(variable.initial); it cannot be set to a value of the other kind"))
            default: break
            }
        }
        for node in scenario.nodes {
            node.effects.forEach(checkEffect)
            if case .choice(let choice) = node.kind {
                for option in choice.options { option.effects.forEach(checkEffect) }
            }
            for condition in ScenarioScoreSearch.conditions(of: node) {
                for name in condition.expression.variables.sorted() {
                    readNames.insert(name)
                    if declared[name] == nil {
                        diagnostics.append(.error(condition.location, "the condition reads '\(name)', which is not a declared variable"))
                    }
                }
                if let problem = comparisonProblem(condition.expression, declared) {
                    diagnostics.append(.warning(condition.location, "condition '\(condition.source.prefix(60))': \(problem)"))
                }
            }
        }
        for variable in scenario.variables {
            if readNames.contains(variable.name), !setNames.contains(variable.name) {
                diagnostics.append(
                    .warning(
                        variable.location, "the variable '\(variable.name)' is read but never set or added to, so it is always \(variable.initial)"))
            } else if !readNames.contains(variable.name) {
                diagnostics.append(.warning(variable.location, "the variable '\(variable.name)' is never read by a condition or used as the score"))
            }
        }
    }

    static func checkPassRule(_ scenario: Scenario, _ diagnostics: inout [Diagnostic]) {
        guard let pass = scenario.pass else { return }
        for id in pass.endings ?? [] {
            guard let node = scenario.node(id) else {
                diagnostics.append(.error(pass.location, "'pass: endings' names '\(id)', which is not a node"))
                continue
            }
            if case .ending = node.kind { continue }
            diagnostics.append(.error(pass.location, "'pass: endings' names '\(id)', which is a \(node.kindName) node, not an ending"))
        }
        if pass.minimumScore != nil, scenario.scoreVariable == nil,
            !scenario.nodes.contains(where: { if case .ending(let e) = $0.kind { e.score != nil } else { false } })
        {
            diagnostics.append(
                .error(pass.location, "'min-score' needs a score: declare a 'score' variable (or 'score-variable') or give endings a 'score'"))
        }
    }

    /// A comparison that is always false because its sides are of different kinds, or
    /// an ordering (`<`, `>`) of true/false. Walks the expression without recursion.
    static func comparisonProblem(_ expression: ScenarioExpression, _ declared: [String: ScenarioVariable]) -> String? {
        func kind(_ e: ScenarioExpression) -> Bool? {  // true: number, false: flag, nil: unknown
            switch e {
            case .number, .visits: return true
            case .variable(let name): return declared[name].map { $0.initial.number != nil }
            default: return false
            }
        }
        var stack = [expression]
        while let e = stack.popLast() {
            switch e {
            case .not(let a): stack.append(a)
            case .and(let a, let b), .or(let a, let b): stack += [a, b]
            case .compare(let a, let op, let b):
                stack += [a, b]
                guard let left = kind(a), let right = kind(b) else { continue }
                if left != right { return "it compares a number with true/false, which is never equal; compare like with like" }
                if !left, ![.equal, .notEqual].contains(op) { return "true/false can only be compared with '==' or '!='" }
            default: break
            }
        }
        return nil
    }
}
