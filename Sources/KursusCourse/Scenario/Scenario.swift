/// A simulated video consultation (`format: kursus-scenario/1`, docs/scenario-format.md)
/// as pure values: who takes part, how the call is set up, the variables, and the nodes
/// the learner moves through. The engine (`KursusEngine.ScenarioMachine`) plays it.
public struct Scenario: Hashable, Sendable {
    public static let formatVersion = "kursus-scenario/1"

    public var id: String
    public var title: String
    public var description: String?
    public var participants: [ScenarioParticipant]
    public var call: CallSetup
    public var variables: [ScenarioVariable]
    /// The variable that holds the score (`score-variable`, default `score` when declared).
    public var scoreVariable: String?
    public var pass: PassRule?
    /// The node play starts at (`start`, default the first node).
    public var start: String
    public var nodes: [ScenarioNode]
    public var location: SourceLocation
    /// Node id → index in `nodes` (the first node with that id).
    public let nodeIndex: [String: Int]

    public init(
        id: String, title: String, description: String? = nil, participants: [ScenarioParticipant],
        call: CallSetup = CallSetup(), variables: [ScenarioVariable] = [], scoreVariable: String? = nil,
        pass: PassRule? = nil, start: String? = nil, nodes: [ScenarioNode], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.participants = participants
        self.call = call
        self.variables = variables
        self.scoreVariable = scoreVariable
        self.pass = pass
        self.start = start ?? nodes.first?.id ?? ""
        self.nodes = nodes
        self.location = location
        var index: [String: Int] = [:]
        for (i, node) in nodes.enumerated() where index[node.id] == nil { index[node.id] = i }
        nodeIndex = index
    }

    public func node(_ id: String) -> ScenarioNode? {
        nodeIndex[id].map { nodes[$0] }
    }

    public func participant(_ id: String) -> ScenarioParticipant? {
        participants.first { $0.id == id }
    }

    /// The main participant shown in the video frame: the first citizen or patient, else the first participant.
    public var citizen: ScenarioParticipant? {
        participants.first { $0.role == .citizen || $0.role == .patient } ?? participants.first
    }

    public var initialValues: [String: ScenarioValue] {
        var values: [String: ScenarioValue] = [:]
        for variable in variables { values[variable.name] = variable.initial }
        return values
    }

    /// Whether a run that reached `ending` with `score` passes (see `PassRule`).
    public func passes(ending: String, score: Int?) -> Bool {
        guard let pass else { return true }
        if let endings = pass.endings, !endings.contains(ending) { return false }
        if let minimum = pass.minimumScore {
            guard let score, score >= minimum else { return false }
        }
        return true
    }
}

/// When a finished run passes the unit: every rule given must hold. Without a `pass`
/// block any ending passes (the scenario counts as completed when it is finished).
public struct PassRule: Hashable, Sendable {
    public var minimumScore: Int?
    public var endings: [String]?
    public var location: SourceLocation

    public init(minimumScore: Int? = nil, endings: [String]? = nil, location: SourceLocation) {
        self.minimumScore = minimumScore
        self.endings = endings
        self.location = location
    }
}

/// A number or a flag; variables hold one kind for their whole life.
public enum ScenarioValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case number(Int)
    case flag(Bool)

    public var description: String {
        switch self {
        case .number(let n): "\(n)"
        case .flag(let b): b ? "true" : "false"
        }
    }

    public var number: Int? { if case .number(let n) = self { n } else { nil } }
    public var flag: Bool? { if case .flag(let b) = self { b } else { nil } }
}

public struct ScenarioVariable: Hashable, Sendable {
    public var name: String
    public var initial: ScenarioValue
    public var location: SourceLocation

    public init(name: String, initial: ScenarioValue, location: SourceLocation) {
        self.name = name
        self.initial = initial
        self.location = location
    }
}

/// `set` gives a variable a value; `add` adds a number to a number variable.
public struct VariableEffect: Hashable, Sendable {
    public enum Operation: Hashable, Sendable {
        case set(ScenarioValue)
        case add(Int)
    }

    public var variable: String
    public var operation: Operation
    public var location: SourceLocation

    public init(variable: String, operation: Operation, location: SourceLocation) {
        self.variable = variable
        self.operation = operation
        self.location = location
    }

    /// Applies the effect. `add` on a flag or on a missing variable leaves it unchanged
    /// (the validator reports such files); numbers saturate instead of overflowing.
    public func apply(to values: inout [String: ScenarioValue]) {
        switch operation {
        case .set(let value):
            values[variable] = value
        case .add(let amount):
            let current = values[variable]?.number ?? 0
            if values[variable]?.flag != nil { return }
            let (sum, overflow) = current.addingReportingOverflow(amount)
            values[variable] = .number(overflow ? (amount > 0 ? Int.max : Int.min) : sum)
        }
    }
}
