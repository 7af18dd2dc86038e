/// One step of a scenario. `say`, `narration` and `event` nodes pass on by themselves
/// (`next` or `random`); a `choice` waits for the learner; an `ending` finishes the run.
public struct ScenarioNode: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case say(speaker: String, text: String)
        case narration(String)
        case event(ScenarioEvent)
        case choice(ScenarioChoice)
        case ending(ScenarioEnding)
    }

    public var id: String
    public var kind: Kind
    /// Applied when the node is entered (not allowed on choices and endings).
    public var effects: [VariableEffect]
    /// Where a passing node goes next; nil for choices and endings.
    public var next: Transition?
    public var location: SourceLocation

    public init(id: String, kind: Kind, effects: [VariableEffect] = [], next: Transition? = nil, location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.effects = effects
        self.next = next
        self.location = location
    }

    public var kindName: String {
        switch kind {
        case .say: "say"
        case .narration: "narration"
        case .event: "event"
        case .choice: "choice"
        case .ending: "ending"
        }
    }

    /// Every node id this node can lead to, with the place the target is written.
    public var targets: [(id: String, location: SourceLocation)] {
        switch kind {
        case .choice(let choice): return choice.options.map { ($0.target, $0.targetLocation) }
        case .ending: return []
        default: return next?.targets ?? []
        }
    }
}

/// How a passing node moves on.
public enum Transition: Hashable, Sendable {
    /// `next: id`
    case goto(String, SourceLocation)
    /// `next:` as a list of `{if, goto}`; the first whose condition holds is taken, an
    /// item without `if` always holds.
    case conditional([ConditionalTarget])
    /// `random:` weighted targets, drawn with the run's seed.
    case random([WeightedTarget])

    public var targets: [(id: String, location: SourceLocation)] {
        switch self {
        case .goto(let id, let location): [(id, location)]
        case .conditional(let items): items.map { ($0.target, $0.location) }
        case .random(let items): items.map { ($0.target, $0.location) }
        }
    }
}

public struct ConditionalTarget: Hashable, Sendable {
    public var condition: Condition?
    public var target: String
    public var location: SourceLocation

    public init(condition: Condition?, target: String, location: SourceLocation) {
        self.condition = condition
        self.target = target
        self.location = location
    }
}

public struct WeightedTarget: Hashable, Sendable {
    public var target: String
    public var weight: Int
    public var location: SourceLocation

    public init(target: String, weight: Int = 1, location: SourceLocation) {
        self.target = target
        self.weight = weight
        self.location = location
    }
}

/// A parsed condition together with its source text and place.
public struct Condition: Hashable, Sendable {
    public var source: String
    public var expression: ScenarioExpression
    public var location: SourceLocation

    public init(source: String, expression: ScenarioExpression, location: SourceLocation) {
        self.source = source
        self.expression = expression
        self.location = location
    }
}
