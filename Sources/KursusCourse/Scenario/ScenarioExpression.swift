/// A condition in the scenario expression language: comparisons, `and`/`or`/`not`,
/// parentheses, whole numbers, `true`/`false`, variable names, `visited(node)` and
/// `visits(node)`. Parsed by `ExpressionParser`; evaluated against a run's values.
public indirect enum ScenarioExpression: Hashable, Sendable {
    case number(Int)
    case flag(Bool)
    case variable(String)
    case visited(String)
    case visits(String)
    case not(ScenarioExpression)
    case and(ScenarioExpression, ScenarioExpression)
    case or(ScenarioExpression, ScenarioExpression)
    case compare(ScenarioExpression, ComparisonOperator, ScenarioExpression)

    public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    /// What an expression can read while it is evaluated.
    public struct Environment {
        public var value: (String) -> ScenarioValue?
        public var visits: (String) -> Int

        public init(value: @escaping (String) -> ScenarioValue?, visits: @escaping (String) -> Int) {
            self.value = value
            self.visits = visits
        }
    }

    /// The value: a number or a flag. A missing variable reads as 0 / false; comparing a
    /// number with a flag is false (the validator reports such conditions).
    public func evaluate(_ environment: Environment) -> ScenarioValue {
        switch self {
        case .number(let n): return .number(n)
        case .flag(let b): return .flag(b)
        case .variable(let name): return environment.value(name) ?? .number(0)
        case .visited(let node): return .flag(environment.visits(node) > 0)
        case .visits(let node): return .number(environment.visits(node))
        case .not(let inner): return .flag(!inner.evaluate(environment).truth)
        case .and(let a, let b): return .flag(a.evaluate(environment).truth && b.evaluate(environment).truth)
        case .or(let a, let b): return .flag(a.evaluate(environment).truth || b.evaluate(environment).truth)
        case .compare(let a, let op, let b):
            let left = a.evaluate(environment), right = b.evaluate(environment)
            switch (left, right) {
            case let (.number(x), .number(y)):
                switch op {
                case .equal: return .flag(x == y)
                case .notEqual: return .flag(x != y)
                case .less: return .flag(x < y)
                case .lessOrEqual: return .flag(x <= y)
                case .greater: return .flag(x > y)
                case .greaterOrEqual: return .flag(x >= y)
                }
            case let (.flag(x), .flag(y)):
                switch op {
                case .equal: return .flag(x == y)
                case .notEqual: return .flag(x != y)
                default: return .flag(false)
                }
            default:
                return .flag(op == .notEqual)
            }
        }
    }

    /// Whether the expression holds.
    public func holds(_ environment: Environment) -> Bool {
        evaluate(environment).truth
    }

    /// Variable names read by the expression.
    public var variables: Set<String> {
        var names: Set<String> = []
        var stack = [self]
        while let expression = stack.popLast() {
            switch expression {
            case .variable(let name): names.insert(name)
            case .not(let a): stack.append(a)
            case .and(let a, let b), .or(let a, let b), .compare(let a, _, let b): stack += [a, b]
            default: break
            }
        }
        return names
    }

    /// Node ids named in `visited(…)`/`visits(…)`.
    public var nodeReferences: Set<String> {
        var names: Set<String> = []
        var stack = [self]
        while let expression = stack.popLast() {
            switch expression {
            case .visited(let node), .visits(let node): names.insert(node)
            case .not(let a): stack.append(a)
            case .and(let a, let b), .or(let a, let b), .compare(let a, _, let b): stack += [a, b]
            default: break
            }
        }
        return names
    }
}

extension ScenarioValue {
    /// A flag is itself; a number holds when it is not 0.
    public var truth: Bool {
        switch self {
        case .flag(let b): b
        case .number(let n): n != 0
        }
    }
}
