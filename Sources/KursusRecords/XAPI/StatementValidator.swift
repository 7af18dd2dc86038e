import Foundation
import KursusProgress

/// One thing wrong with a statement: where (a JSON path such as
/// `$.object.definition.choices[2].id`) and what.
public struct StatementProblem: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Checks a statement against the rules an LRS enforces (xAPI 1.0.3, Part Two, "Data"),
/// so Kursus finds a statement an LRS would refuse before it is queued, not when the LRS
/// answers 400: the required properties (actor, verb, object); the forms of Agents and
/// Groups (exactly one identifier for an Agent, `mbox` as `mailto:`, an account with an
/// absolute home page and a name, the rules for anonymous and identified Groups);
/// absolute IRIs for verb ids, activity ids and types, extension keys and home pages;
/// RFC 5646 tags as language map keys; UUIDs (`id`, `registration`, statement
/// references); ISO 8601 durations; timestamps with a time zone; scores (`scaled` in
/// -1…1, `raw` within `min`…`max`, `min` below `max`); interaction definitions (the
/// `interactionType` values, component lists only where the type has them, distinct
/// component ids, correct patterns that name existing components); `context.revision`
/// and `context.platform` only when the object is an Activity; no `null` outside
/// extensions; and no property the specification does not define, at every level.
public enum StatementValidator {
    /// Every problem in the statement's JSON bytes; empty when an LRS would accept it.
    public static func problems(in data: Data) -> [StatementProblem] {
        do {
            return problems(in: try JSONParser.parse(data))
        } catch {
            return [StatementProblem("$", "not valid JSON: \(error.description)")]
        }
    }

    public static func problems(in statement: JSONValue) -> [StatementProblem] {
        var check = StatementCheck()
        check.statement(statement, "$", sub: false)
        return check.problems
    }
}

/// The walk over one statement, collecting problems.
struct StatementCheck {
    var problems: [StatementProblem] = []

    static let statementKeys: Set<String> = [
        "id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments",
    ]
    static let subStatementKeys: Set<String> = ["objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"]
    static let identifiers = ["mbox", "mbox_sha1sum", "openid", "account"]

    mutating func add(_ path: String, _ message: String) {
        problems.append(StatementProblem(path, message))
    }

    /// The members of an object whose keys are all in `allowed`, reporting the others and
    /// the missing `required` ones; nil (reported) when the value is not an object.
    mutating func members(_ value: JSONValue, _ path: String, _ what: String, allowed: Set<String>, required: [String] = []) -> [String: JSONValue]? {
        guard case .object(let members) = value else {
            add(path, "\(what) must be an object, not \(value.kindName)")
            return nil
        }
        for key in JSONWriter.sortedKeys(members) where !allowed.contains(key) {
            add(Self.child(path, key), "'\(key)' is not a property of \(what) in xAPI 1.0.3")
        }
        for key in required where members[key] == nil { add(path, "\(what) needs '\(key)'") }
        for key in JSONWriter.sortedKeys(members) where allowed.contains(key) && members[key] == .null {
            add(Self.child(path, key), "must not be null (null is allowed only inside extensions)")
        }
        return members.filter { $0.value != .null }
    }

    static func child(_ path: String, _ key: String) -> String {
        let plain =
            !key.isEmpty && key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0)) }
            && !(key.first?.isNumber ?? true)
        return plain ? "\(path).\(key)" : "\(path)[\(JSONWriter.string(.string(key)))]"
    }

    // MARK: - Statements

    mutating func statement(_ value: JSONValue, _ path: String, sub: Bool) {
        let what = sub ? "a SubStatement" : "a Statement"
        guard let m = members(value, path, what, allowed: sub ? Self.subStatementKeys : Self.statementKeys, required: ["actor", "verb", "object"])
        else { return }
        if let id = m["id"] { uuid(id, Self.child(path, "id")) }
        if let actor = m["actor"] { self.actor(actor, Self.child(path, "actor")) }
        if let verb = m["verb"] { self.verb(verb, Self.child(path, "verb")) }
        if let object = m["object"] { self.object(object, Self.child(path, "object"), inSubStatement: sub) }
        if m["verb"]?["id"]?.stringValue == "http://adlnet.gov/expapi/verbs/voided", m["object"]?["objectType"]?.stringValue != "StatementRef" {
            add(Self.child(path, "object"), "a statement with the verb 'voided' must have a StatementRef as its object")
        }
        if let result = m["result"] { self.result(result, Self.child(path, "result")) }
        // An objectType already reported as unknown is not reported again through context.
        let objectType = m["object"]?["objectType"]?.stringValue
        let notActivity = ["Agent", "Group", "SubStatement", "StatementRef"].contains(objectType ?? "Activity")
        if let context = m["context"] { self.context(context, Self.child(path, "context"), objectIsActivity: !notActivity) }
        for key in ["timestamp", "stored"] {
            if let stamp = m[key] { timestamp(stamp, Self.child(path, key)) }
        }
        if let authority = m["authority"] { actor(authority, Self.child(path, "authority")) }
        if let version = m["version"] {
            let text = string(version, Self.child(path, "version"))
            if let text, !(text.hasPrefix("1.0.") && text.count > 4 && text.dropFirst(4).allSatisfy { $0.isASCII && $0.isNumber }) {
                add(Self.child(path, "version"), "'\(text)' is not a 1.0.x version (Learning Record Providers set it to 1.0.0, if at all)")
            }
        }
        if let attachments = m["attachments"] { self.attachments(attachments, Self.child(path, "attachments")) }
    }

    // MARK: - Actors

    mutating func actor(_ value: JSONValue, _ path: String) {
        if value["objectType"]?.stringValue == "Group" { group(value, path) } else { agent(value, path) }
    }

    mutating func agent(_ value: JSONValue, _ path: String) {
        guard let m = members(value, path, "an Agent", allowed: Set(["objectType", "name"] + Self.identifiers)) else { return }
        if let type = m["objectType"], string(type, Self.child(path, "objectType")) != "Agent" {
            add(Self.child(path, "objectType"), "must be \"Agent\" or \"Group\"")
        }
        if let name = m["name"] { _ = string(name, Self.child(path, "name")) }
        let found = identifiers(m, path)
        if found != 1 { add(path, "an Agent needs exactly one of mbox, mbox_sha1sum, openid or account; it has \(found)") }
    }

    mutating func group(_ value: JSONValue, _ path: String) {
        guard let m = members(value, path, "a Group", allowed: Set(["objectType", "name", "member"] + Self.identifiers)) else { return }
        if let name = m["name"] { _ = string(name, Self.child(path, "name")) }
        let found = identifiers(m, path)
        if found > 1 { add(path, "an identified Group has exactly one of mbox, mbox_sha1sum, openid or account; it has \(found)") }
        if found == 0, m["member"] == nil { add(path, "an anonymous Group (one without an identifier) needs 'member'") }
        if let member = m["member"] {
            let memberPath = Self.child(path, "member")
            guard case .array(let agents) = member else {
                add(memberPath, "must be an array of Agents, not \(member.kindName)")
                return
            }
            for (index, agent) in agents.enumerated() {
                if agent["objectType"]?.stringValue == "Group" {
                    add("\(memberPath)[\(index)]", "a Group's members are Agents, never Groups")
                } else {
                    self.agent(agent, "\(memberPath)[\(index)]")
                }
            }
        }
    }

    /// Checks the identifiers present and returns how many there are.
    mutating func identifiers(_ m: [String: JSONValue], _ path: String) -> Int {
        if let mbox = m["mbox"], let text = string(mbox, Self.child(path, "mbox")) {
            let address = text.dropFirst("mailto:".count)
            if !text.hasPrefix("mailto:") || !address.contains("@") || address.hasPrefix("@") || address.hasSuffix("@") || IRI.problem(text) != nil {
                add(Self.child(path, "mbox"), "must be a 'mailto:' address such as 'mailto:anna@example.dk'")
            }
        }
        if let sum = m["mbox_sha1sum"], let text = string(sum, Self.child(path, "mbox_sha1sum")),
            !(text.count == 40 && text.allSatisfy(\.isHexDigit))
        {
            add(Self.child(path, "mbox_sha1sum"), "must be 40 hex digits (the SHA-1 of a mailto address)")
        }
        if let openid = m["openid"] { iri(openid, Self.child(path, "openid")) }
        if let account = m["account"] {
            let accountPath = Self.child(path, "account")
            if let a = members(account, accountPath, "an account", allowed: ["homePage", "name"], required: ["homePage", "name"]) {
                if let home = a["homePage"] { iri(home, Self.child(accountPath, "homePage")) }
                if let name = a["name"] { _ = string(name, Self.child(accountPath, "name")) }
            }
        }
        return Self.identifiers.filter { m[$0] != nil }.count
    }

    // MARK: - Verb and object

    mutating func verb(_ value: JSONValue, _ path: String) {
        guard let m = members(value, path, "a Verb", allowed: ["id", "display"], required: ["id"]) else { return }
        if let id = m["id"] { iri(id, Self.child(path, "id")) }
        if let display = m["display"] { languageMap(display, Self.child(path, "display")) }
    }

    mutating func object(_ value: JSONValue, _ path: String, inSubStatement: Bool) {
        guard case .object = value else {
            add(path, "the object must be an object, not \(value.kindName)")
            return
        }
        let type = value["objectType"]
        switch type?.stringValue {
        case nil where type == nil, "Activity": activity(value, path)
        case "Agent": agent(value, path)
        case "Group": group(value, path)
        case "StatementRef": statementRef(value, path)
        case "SubStatement":
            if inSubStatement { add(path, "a SubStatement may not contain another SubStatement") } else { statement(value, path, sub: true) }
        default:
            add(Self.child(path, "objectType"), "must be one of \"Activity\", \"Agent\", \"Group\", \"SubStatement\", \"StatementRef\"")
        }
    }

    mutating func statementRef(_ value: JSONValue, _ path: String) {
        guard let m = members(value, path, "a StatementRef", allowed: ["objectType", "id"], required: ["objectType", "id"]) else { return }
        if m["objectType"]?.stringValue != "StatementRef" { add(Self.child(path, "objectType"), "must be \"StatementRef\"") }
        if let id = m["id"] { uuid(id, Self.child(path, "id")) }
    }

    // MARK: - Result and context

    mutating func result(_ value: JSONValue, _ path: String) {
        guard let m = members(value, path, "a Result", allowed: ["score", "success", "completion", "response", "duration", "extensions"]) else {
            return
        }
        if let score = m["score"] { self.score(score, Self.child(path, "score")) }
        for key in ["success", "completion"] {
            if let flag = m[key], flag.boolValue == nil { add(Self.child(path, key), "must be true or false, not \(flag.kindName)") }
        }
        if let response = m["response"] { _ = string(response, Self.child(path, "response")) }
        if let duration = m["duration"], let text = string(duration, Self.child(path, "duration")) {
            let weeks = text.contains("W")
            if ISO8601Duration.seconds(text) == nil || (weeks && !(text.hasSuffix("W") && text.filter(\.isLetter).count == 2)) {
                add(Self.child(path, "duration"), "'\(text)' is not an ISO 8601 duration such as 'PT1H2M3S'")
            }
        }
        if let extensions = m["extensions"] { self.extensions(extensions, Self.child(path, "extensions")) }
    }

    mutating func score(_ value: JSONValue, _ path: String) {
        guard let m = members(value, path, "a Score", allowed: ["scaled", "raw", "min", "max"]) else { return }
        var numbers: [String: Double] = [:]
        for key in ["scaled", "raw", "min", "max"] {
            guard let item = m[key] else { continue }
            if let number = item.numberValue { numbers[key] = number } else { add(Self.child(path, key), "must be a number, not \(item.kindName)") }
        }
        if let scaled = numbers["scaled"], !(-1...1).contains(scaled) {
            add(Self.child(path, "scaled"), "must be between -1 and 1, not \(JSONWriter.format(scaled))")
        }
        if let low = numbers["min"], let high = numbers["max"], !(low < high) {
            add(path, "min (\(JSONWriter.format(low))) must be less than max (\(JSONWriter.format(high)))")
        }
        if let raw = numbers["raw"] {
            if let low = numbers["min"], raw < low {
                add(Self.child(path, "raw"), "\(JSONWriter.format(raw)) is below min (\(JSONWriter.format(low)))")
            }
            if let high = numbers["max"], raw > high {
                add(Self.child(path, "raw"), "\(JSONWriter.format(raw)) is above max (\(JSONWriter.format(high)))")
            }
        }
    }

    mutating func context(_ value: JSONValue, _ path: String, objectIsActivity: Bool) {
        let keys: Set<String> = [
            "registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement", "extensions",
        ]
        guard let m = members(value, path, "a Context", allowed: keys) else { return }
        if let registration = m["registration"] { uuid(registration, Self.child(path, "registration")) }
        if let instructor = m["instructor"] { actor(instructor, Self.child(path, "instructor")) }
        if let team = m["team"] {
            if team["objectType"]?.stringValue == "Group" {
                group(team, Self.child(path, "team"))
            } else {
                add(Self.child(path, "team"), "must be a Group (objectType \"Group\")")
            }
        }
        if let activities = m["contextActivities"] { contextActivities(activities, Self.child(path, "contextActivities")) }
        for key in ["revision", "platform"] {
            guard let item = m[key] else { continue }
            _ = string(item, Self.child(path, key))
            if !objectIsActivity { add(Self.child(path, key), "'\(key)' may be used only when the statement's object is an Activity") }
        }
        if let language = m["language"], let tag = string(language, Self.child(path, "language")), !LanguageTag.isValid(tag) {
            add(Self.child(path, "language"), "'\(tag)' is not an RFC 5646 language tag")
        }
        if let reference = m["statement"] { statementRef(reference, Self.child(path, "statement")) }
        if let extensions = m["extensions"] { self.extensions(extensions, Self.child(path, "extensions")) }
    }

    mutating func contextActivities(_ value: JSONValue, _ path: String) {
        guard let m = members(value, path, "contextActivities", allowed: ["parent", "grouping", "category", "other"]) else { return }
        for key in JSONWriter.sortedKeys(m) {
            guard let item = m[key] else { continue }
            let itemPath = Self.child(path, key)
            if case .array(let activities) = item {
                for (index, activity) in activities.enumerated() { contextActivity(activity, "\(itemPath)[\(index)]") }
            } else {
                contextActivity(item, itemPath)
            }
        }
    }

    mutating func contextActivity(_ value: JSONValue, _ path: String) {
        if let type = value["objectType"]?.stringValue, type != "Activity" {
            add(Self.child(path, "objectType"), "context activities are Activities, not \(type)")
            return
        }
        activity(value, path)
    }
}
