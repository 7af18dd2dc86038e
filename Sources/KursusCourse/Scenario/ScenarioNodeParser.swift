/// Reads the `nodes:` list of a scenario file: one kind key per node (`say`,
/// `narration`, `event`, `choice`, `ending`), its transitions, effects and options.
struct ScenarioNodeParser {
    static let kinds = ["say", "narration", "event", "choice", "ending"]
    static let kindKeys: [String: [String]] = [
        "say": ["text"],
        "narration": [],
        "event": ["text", "participant", "label", "value"],
        "choice": ["options", "timer"],
        "ending": ["debrief", "learning-points", "score", "rating", "allow-poor"],
    ]
    static let passingKeys = ["effects", "next", "random"]
    static let optionKeys = ["text", "feedback", "quality", "effects", "goto", "if", "once"]
    static let maximumOptions = 9
    /// Effects, `next` items, `random` items and learning points per place: keeps a file
    /// that reuses one huge list through YAML aliases from costing unbounded time.
    static let maximumListItems = 100

    var parser: ScenarioParser
    let participants: Set<String>
    var source: YAMLSource { parser.source }

    init(parser: ScenarioParser, participants: Set<String>) {
        self.parser = parser
        self.participants = participants
    }

    mutating func parseNodes(_ node: YAMLTree?, parent: SourceLocation) -> [ScenarioNode] {
        guard let node else {
            parser.diagnostics.append(.error(parent, "missing required key 'nodes'"))
            return []
        }
        guard case .sequence(let items) = node, !items.isEmpty else {
            parser.error(node, "'nodes' must be a list with at least one node")
            return []
        }
        guard items.count <= ScenarioFile.maximumNodes else {
            parser.error(
                node, "a scenario may have at most \(ScenarioFile.maximumNodes) nodes; this one has \(items.count). Split it into several scenarios")
            return []
        }
        var result: [ScenarioNode] = []
        var seen: [String: SourceLocation] = [:]
        result.reserveCapacity(items.count)
        for item in items {
            guard let parsed = parseNode(item) else { continue }
            if let first = seen[parsed.id] {
                parser.diagnostics.append(
                    .error(parsed.location, "the node id '\(parsed.id)' is already used at line \(first.line); node ids must be unique"))
                continue
            }
            seen[parsed.id] = parsed.location
            result.append(parsed)
        }
        return result
    }

    mutating func parseNode(_ item: YAMLTree) -> ScenarioNode? {
        guard var object = YAMLTreeObject(item, source: source, what: "a node", problems: &parser.diagnostics) else { return nil }
        defer { parser.diagnostics += object.diagnostics }
        let id = object.string("id", required: true)
        if let id, let problem = Identifier.problem(with: id) { parser.error(object.value("id"), "node id '\(id)' \(problem)") }
        let present = Self.kinds.filter { object.value($0) != nil }
        guard present.count == 1, let kind = present.first else {
            let message =
                present.isEmpty
                ? "a node needs one kind key: \(Self.kinds.map { "'\($0)'" }.joined(separator: ", "))"
                : "a node has exactly one kind; this one has \(present.map { "'\($0)'" }.joined(separator: " and "))"
            parser.diagnostics.append(.error(object.location, message))
            object.rejectUnknownKeys(["id"] + Self.kinds + Self.passingKeys + Self.kindKeys.values.flatMap { $0 })
            return nil
        }
        let passing = kind != "choice" && kind != "ending"
        object.rejectUnknownKeys(["id", kind] + (Self.kindKeys[kind] ?? []) + (passing ? Self.passingKeys : []))
        var effects: [VariableEffect] = []
        var next: Transition?
        if passing {
            effects = parseEffects(object.value("effects"))
            next = parseTransition(next: object.value("next"), random: object.value("random"), at: object.location)
        }
        let kindValue: ScenarioNode.Kind?
        switch kind {
        case "say":
            let speaker = object.string("say", required: true)
            if let speaker, !participants.contains(speaker) {
                parser.error(object.value("say"), "'say' names '\(speaker)', who is not among the participants\(suggest(speaker, participants))")
            }
            let text = object.string("text", required: true)
            kindValue = speaker.flatMap { s in text.map { .say(speaker: s, text: $0) } }
        case "narration":
            kindValue = object.string("narration", required: true).map { .narration($0) }
        case "event":
            kindValue = parseEvent(&object).map { .event($0) }
        case "choice":
            kindValue = parseChoice(&object).map { .choice($0) }
        default:
            kindValue = parseEnding(&object).map { .ending($0) }
        }
        guard let id, let kindValue else { return nil }
        return ScenarioNode(id: id, kind: kindValue, effects: effects, next: next, location: object.location)
    }

    func suggest(_ word: String, _ known: Set<String>) -> String {
        Spelling.closest(to: word, among: known.sorted()).map { "; did you mean '\($0)'?" } ?? ""
    }

    mutating func parseEvent(_ object: inout YAMLTreeObject) -> ScenarioEvent? {
        guard let name = object.string("event", required: true) else { return nil }
        guard let kind = ScenarioEvent.Kind(rawValue: name) else {
            let names = ScenarioEvent.Kind.allCases.map(\.rawValue)
            let hint =
                Spelling.closest(to: name, among: names).map { "; did you mean '\($0)'?" } ?? "; known events: \(names.joined(separator: ", "))"
            parser.error(object.value("event"), "unknown event '\(name)'\(hint)")
            return nil
        }
        let participant = object.string("participant", required: kind == .relativeEnters || kind == .relativeLeaves)
        if let participant, !participants.contains(participant) {
            parser.error(
                object.value("participant"),
                "'participant' names '\(participant)', who is not among the participants\(suggest(participant, participants))")
        }
        let label = object.string("label", required: kind == .measurement)
        let value = object.string("value", required: kind == .measurement)
        if kind != .measurement, object.value("value") != nil || object.value("label") != nil {
            parser.error(object.value("value") ?? object.value("label"), "'label' and 'value' belong to 'event: measurement' only")
        }
        return ScenarioEvent(kind: kind, text: object.string("text", required: false), participant: participant, label: label, value: value)
    }

    mutating func parseChoice(_ object: inout YAMLTreeObject) -> ScenarioChoice? {
        let prompt = object.string("choice", required: false) ?? ""
        guard let optionsNode = object.value("options") else {
            parser.diagnostics.append(.error(object.location, "a choice needs 'options'"))
            return nil
        }
        guard case .sequence(let items) = optionsNode, !items.isEmpty, items.count <= Self.maximumOptions else {
            parser.error(optionsNode, "'options' must be a list of 1 to \(Self.maximumOptions) options")
            return nil
        }
        var options: [ScenarioOption] = []
        for item in items {
            if let option = parseOption(item) { options.append(option) }
        }
        var timer: ResponseTimer?
        if let timerNode = object.value("timer"),
            var timerObject = YAMLTreeObject(timerNode, source: source, what: "'timer'", problems: &parser.diagnostics)
        {
            timerObject.rejectUnknownKeys(["seconds", "default"])
            let seconds = timerObject.integer("seconds", in: 3...3600)
            let defaultNumber = timerObject.integer("default", in: 1...max(1, items.count))
            if timerObject.value("seconds") == nil || timerObject.value("default") == nil {
                parser.diagnostics.append(
                    .error(timerObject.location, "'timer' needs 'seconds' and 'default' (the option number taken when time runs out)"))
            }
            parser.diagnostics += timerObject.diagnostics
            if let seconds, let defaultNumber { timer = ResponseTimer(seconds: seconds, defaultOption: defaultNumber - 1) }
        }
        guard options.count == items.count else { return nil }
        return ScenarioChoice(prompt: prompt, options: options, timer: timer)
    }

    mutating func parseOption(_ item: YAMLTree) -> ScenarioOption? {
        guard var object = YAMLTreeObject(item, source: source, what: "an option", problems: &parser.diagnostics) else { return nil }
        defer { parser.diagnostics += object.diagnostics }
        object.rejectUnknownKeys(Self.optionKeys)
        let text = object.string("text", required: true)
        let feedback = object.string("feedback", required: true)
        let quality = parser.enumValue(&object, "quality", ChoiceQuality.self, required: false)
        let effects = parseEffects(object.value("effects"))
        let target = object.string("goto", required: true)
        let condition = object.value("if").flatMap { parseCondition($0) }
        let once = object.bool("once") ?? false
        guard let text, let feedback, let target else { return nil }
        return ScenarioOption(
            text: text, feedback: feedback, quality: quality, effects: effects, target: target,
            targetLocation: source.location(of: object.value("goto")), condition: condition, once: once, location: object.location
        )
    }

    mutating func parseEnding(_ object: inout YAMLTreeObject) -> ScenarioEnding? {
        let title = object.string("ending", required: true)
        let debrief = object.string("debrief", required: true)
        var points = object.strings("learning-points")
        if points.count > Self.maximumListItems {
            parser.error(object.value("learning-points"), "at most \(Self.maximumListItems) learning points")
            points = []
        }
        let score = object.integer("score", in: -1_000_000...1_000_000)
        let rating = parser.enumValue(&object, "rating", ChoiceQuality.self, required: false)
        let allowPoor = object.bool("allow-poor") ?? false
        guard let title, let debrief else { return nil }
        return ScenarioEnding(title: title, debrief: debrief, learningPoints: points, score: score, rating: rating, allowPoor: allowPoor)
    }
}
