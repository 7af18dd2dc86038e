/// Reads a scenario file (`format: kursus-scenario/1`, docs/scenario-format.md). Every
/// problem becomes a diagnostic with file, line and column; unknown keys are errors.
public enum ScenarioFile {
    /// The most nodes a scenario may have.
    public static let maximumNodes = 20_000
    public static let maximumParticipants = 12
    public static let maximumVariables = 500
    /// A scenario file larger than this is refused before it is parsed.
    public static let maximumBytes = 8 << 20

    /// The scenario (nil when it is too broken to play) and every problem found.
    /// Errors in the diagnostics mean the scenario must not be played even when it is returned.
    public static func parse(_ text: String, file: String) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        parse(text, file: file, fast: true)
    }

    /// `parse(_:file:)`, with `fast` false reading the file the full Yams way only (to
    /// test that both ways agree).
    static func parse(_ text: String, file: String, fast: Bool) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        guard text.utf8.count <= maximumBytes else {
            return (nil, [.error(SourceLocation(file: file), "the scenario file is larger than \(ByteCount.describe(maximumBytes)); split it")])
        }
        var parser = ScenarioParser(source: YAMLSource(file: file))
        let scenario = parser.parse(text, fast: fast)
        return (scenario, parser.diagnostics)
    }
}

/// The state of one parse: the source and the diagnostics so far.
struct ScenarioParser {
    static let topKeys = ["format", "id", "title", "description", "participants", "call", "variables", "score-variable", "pass", "start", "nodes"]
    static let participantKeys = ["id", "name", "age", "role", "description", "portrait"]
    static let callKeys = ["device", "connection", "camera", "microphone"]
    static let passKeys = ["min-score", "endings"]

    let source: YAMLSource
    var diagnostics: [Diagnostic] = []

    init(source: YAMLSource) {
        self.source = source
    }

    func at(_ node: YAMLTree?) -> SourceLocation { source.location(of: node) }

    mutating func error(_ node: YAMLTree?, _ message: String) {
        diagnostics.append(.error(at(node), message))
    }

    mutating func parse(_ text: String, fast: Bool = true) -> Scenario? {
        let root: YAMLTree?
        switch source.composeTree(text, fast: fast) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let node): root = node
        }
        guard var object = YAMLTreeObject(root, source: source, what: "a scenario file", problems: &diagnostics) else { return nil }
        object.rejectUnknownKeys(Self.topKeys)
        if let format = object.string("format", required: true), format != Scenario.formatVersion {
            error(object.value("format"), "unsupported format '\(format)'; this player reads '\(Scenario.formatVersion)'")
        }
        let id = object.string("id", required: true)
        if let id, let problem = Identifier.problem(with: id) { error(object.value("id"), "scenario id '\(id)' \(problem)") }
        let title = object.string("title", required: true)
        let description = object.string("description", required: false)
        let participants = parseParticipants(object.value("participants"), parent: object.location)
        let call = parseCall(object.value("call"))
        let variables = parseVariables(object.value("variables"))
        var scoreVariable = object.string("score-variable", required: false)
        if let name = scoreVariable, !variables.contains(where: { $0.name == name }) {
            error(object.value("score-variable"), "'score-variable' names '\(name)', which is not declared under 'variables'")
            scoreVariable = nil
        } else if scoreVariable == nil, variables.contains(where: { $0.name == "score" }) {
            scoreVariable = "score"
        }
        let pass = parsePass(object.value("pass"))
        let start = object.string("start", required: false)
        var nodeParser = ScenarioNodeParser(parser: self, participants: Set(participants.map(\.id)))
        let nodes = nodeParser.parseNodes(object.value("nodes"), parent: object.location)
        diagnostics = nodeParser.parser.diagnostics
        if let start, !nodes.contains(where: { $0.id == start }) {
            error(object.value("start"), "'start' names the node '\(start)', which does not exist")
        }
        diagnostics += object.diagnostics
        guard let id, let title, !nodes.isEmpty else { return nil }
        return Scenario(
            id: id, title: title, description: description, participants: participants, call: call,
            variables: variables, scoreVariable: scoreVariable, pass: pass, start: start, nodes: nodes, location: object.location
        )
    }

    mutating func parseParticipants(_ node: YAMLTree?, parent: SourceLocation) -> [ScenarioParticipant] {
        guard let node else {
            diagnostics.append(.error(parent, "missing required key 'participants' (at least the citizen)"))
            return []
        }
        guard case .sequence(let items) = node, !items.isEmpty else {
            error(node, "'participants' must be a list with at least one participant")
            return []
        }
        if items.count > ScenarioFile.maximumParticipants {
            error(node, "a scenario may have at most \(ScenarioFile.maximumParticipants) participants")
            return []
        }
        var result: [ScenarioParticipant] = []
        for item in items {
            guard var object = YAMLTreeObject(item, source: source, what: "a participant", problems: &diagnostics) else { continue }
            object.rejectUnknownKeys(Self.participantKeys)
            let id = object.string("id", required: true)
            if let id, let problem = Identifier.problem(with: id) { error(object.value("id"), "participant id '\(id)' \(problem)") }
            if let id, result.contains(where: { $0.id == id }) { error(object.value("id"), "the participant id '\(id)' is used twice") }
            let name = object.string("name", required: true)
            let age = object.integer("age", in: 0...130)
            let role = enumValue(&object, "role", ScenarioParticipant.Role.self, required: true)
            let description = object.string("description", required: false)
            var portrait: PortraitReference?
            if let text = object.string("portrait", required: false) {
                let place = at(object.value("portrait"))
                if text.hasPrefix("assets:") {
                    let name = String(text.dropFirst("assets:".count))
                    if let problem = Identifier.problem(with: name) {
                        error(
                            object.value("portrait"), "generic portrait name '\(name)' \(problem); write 'assets:NAME' for Assets/portraits/NAME.txt")
                    } else {
                        portrait = .generic(name, place)
                    }
                } else {
                    portrait = .package(text, place)
                }
            }
            diagnostics += object.diagnostics
            if let id, let name, let role {
                result.append(
                    ScenarioParticipant(
                        id: id, name: name, age: age, role: role, description: description, portrait: portrait, location: object.location))
            }
        }
        return result
    }

    mutating func parseCall(_ node: YAMLTree?) -> CallSetup {
        guard let node else { return CallSetup() }
        guard var object = YAMLTreeObject(node, source: source, what: "'call'", problems: &diagnostics) else { return CallSetup() }
        object.rejectUnknownKeys(Self.callKeys)
        var call = CallSetup()
        if let device = enumValue(&object, "device", CallSetup.Device.self, required: false) { call.device = device }
        if let connection = enumValue(&object, "connection", CallSetup.Connection.self, required: false) { call.connection = connection }
        call.camera = object.bool("camera") ?? true
        call.microphone = object.bool("microphone") ?? true
        diagnostics += object.diagnostics
        return call
    }

    mutating func parseVariables(_ node: YAMLTree?) -> [ScenarioVariable] {
        guard let node else { return [] }
        guard let mapping = node.mapping else {
            error(node, "'variables' must be a mapping of 'name: initial value' lines, such as 'score: 0'")
            return []
        }
        if mapping.count > ScenarioFile.maximumVariables {
            error(node, "a scenario may have at most \(ScenarioFile.maximumVariables) variables")
            return []
        }
        var result: [ScenarioVariable] = []
        for (key, value) in mapping {
            guard let name = key.string, Self.isVariableName(name) else {
                error(key, "variable name '\(key.string ?? "")' must start with a letter or '_' and hold only letters a-z, digits and '_'")
                continue
            }
            guard let initial = scalarValue(value) else {
                error(value, "the initial value of '\(name)' must be a whole number or true/false\(Self.yamlOneOneHint(value))")
                continue
            }
            result.append(ScenarioVariable(name: name, initial: initial, location: at(key)))
        }
        return result
    }

    mutating func parsePass(_ node: YAMLTree?) -> PassRule? {
        guard let node else { return nil }
        guard var object = YAMLTreeObject(node, source: source, what: "'pass'", problems: &diagnostics) else { return nil }
        object.rejectUnknownKeys(Self.passKeys)
        let minimum = object.integer("min-score", in: -1_000_000...1_000_000)
        var endings: [String]? = nil
        if object.value("endings") != nil {
            endings = object.strings("endings")
            if endings?.isEmpty == true { error(object.value("endings"), "'endings' must list at least one ending node id") }
        }
        if minimum == nil, endings == nil {
            diagnostics.append(.error(object.location, "'pass' needs 'min-score', 'endings' or both"))
        }
        diagnostics += object.diagnostics
        return PassRule(minimumScore: minimum, endings: endings, location: object.location)
    }

    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 64 else { return false }
        func letter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) || s == "_" }
        guard letter(first) else { return false }
        guard !["true", "false", "and", "or", "not", "visited", "visits"].contains(name) else { return false }
        return name.unicodeScalars.allSatisfy { letter($0) || ("0"..."9").contains($0) }
    }

    /// A whole number or true/false (not YAML 1.1's yes/no/on/off: see `yamlOneOneBoolean`).
    func scalarValue(_ node: YAMLTree) -> ScenarioValue? {
        guard case .scalar(let scalar) = node else { return nil }
        if scalar.style == .plain, ["true", "false"].contains(scalar.string.lowercased()) { return .flag(scalar.string.lowercased() == "true") }
        if let number = node.int, !scalar.string.contains(".") { return .number(number) }
        return nil
    }

    /// "; write true" for YAML 1.1's `yes`/`on`/`y`, "; write false" for `no`/`off`/`n`.
    static func yamlOneOneHint(_ node: YAMLTree) -> String {
        guard case .scalar(let scalar) = node else { return "" }
        switch scalar.string.lowercased() {
        case "yes", "on", "y": return ", not '\(scalar.string)'; write true"
        case "no", "off", "n": return ", not '\(scalar.string)'; write false"
        default: return ""
        }
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ object: inout YAMLTreeObject, _ key: String, _ type: E.Type, required: Bool) -> E?
    where E.RawValue == String {
        guard let text = object.string(key, required: required) else { return nil }
        if let value = E(rawValue: text) { return value }
        let names = E.allCases.map(\.rawValue)
        let hint = Spelling.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? "; use one of: \(names.joined(separator: ", "))"
        error(object.value(key), "'\(text)' is not a known \(key)\(hint)")
        return nil
    }
}
