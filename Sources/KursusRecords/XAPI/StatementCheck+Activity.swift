import Foundation
import KursusProgress

/// The validator's checks of activities (with interaction definitions), attachments and
/// the typed values every part uses: strings, UUIDs, IRIs, timestamps, language maps
/// and extensions.
extension StatementCheck {
    static let interactionTypes = [
        "true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric", "other",
    ]
    static let componentLists = ["choices", "scale", "source", "target", "steps"]
    /// xAPI 1.0.3 §2.4.4.1, "supported interaction component list(s)".
    static let listsByType: [String: Set<String>] = [
        "choice": ["choices"], "sequencing": ["choices"], "likert": ["scale"], "matching": ["source", "target"], "performance": ["steps"],
    ]

    mutating func activity(_ value: JSONValue, _ path: String) {
        guard let m = members(value, path, "an Activity", allowed: ["objectType", "id", "definition"], required: ["id"]) else { return }
        if let type = m["objectType"], string(type, Self.child(path, "objectType")) != "Activity" {
            add(Self.child(path, "objectType"), "must be \"Activity\"")
        }
        if let id = m["id"] { iri(id, Self.child(path, "id")) }
        if let definition = m["definition"] { self.definition(definition, Self.child(path, "definition")) }
    }

    mutating func definition(_ value: JSONValue, _ path: String) {
        let keys = Set(["name", "description", "type", "moreInfo", "extensions", "interactionType", "correctResponsesPattern"] + Self.componentLists)
        guard let m = members(value, path, "an Activity Definition", allowed: keys) else { return }
        for key in ["name", "description"] {
            if let map = m[key] { languageMap(map, Self.child(path, key)) }
        }
        for key in ["type", "moreInfo"] {
            if let item = m[key] { iri(item, Self.child(path, key)) }
        }
        if let extensions = m["extensions"] { self.extensions(extensions, Self.child(path, "extensions")) }
        var interactionType: String?
        if let type = m["interactionType"], let text = string(type, Self.child(path, "interactionType")) {
            if Self.interactionTypes.contains(text) {
                interactionType = text
            } else {
                add(
                    Self.child(path, "interactionType"),
                    "'\(text)' is not an interaction type; xAPI has \(Self.interactionTypes.joined(separator: ", "))")
            }
        }
        var componentIDs: [String: Set<String>] = [:]
        for list in Self.componentLists {
            guard let item = m[list] else { continue }
            let listPath = Self.child(path, list)
            if m["interactionType"] == nil {
                add(listPath, "'\(list)' belongs to an interaction, but the definition has no interactionType")
            } else if let type = interactionType, !(Self.listsByType[type] ?? []).contains(list) {
                let allowed = (Self.listsByType[type] ?? []).sorted()
                add(
                    listPath,
                    "an interaction of type '\(type)' has " + (allowed.isEmpty ? "no component lists" : "only \(allowed.joined(separator: " and "))"))
            }
            componentIDs[list] = components(item, listPath)
        }
        if let patterns = m["correctResponsesPattern"] {
            let patternPath = Self.child(path, "correctResponsesPattern")
            if m["interactionType"] == nil {
                add(patternPath, "correctResponsesPattern belongs to an interaction, but the definition has no interactionType")
            }
            guard case .array(let items) = patterns else {
                add(patternPath, "must be an array of strings, not \(patterns.kindName)")
                return
            }
            for (index, item) in items.enumerated() {
                guard let text = string(item, "\(patternPath)[\(index)]"), let interactionType else { continue }
                pattern(text, type: interactionType, components: componentIDs, "\(patternPath)[\(index)]")
            }
        }
    }

    /// The ids of an interaction component list, checked.
    mutating func components(_ value: JSONValue, _ path: String) -> Set<String> {
        guard case .array(let items) = value else {
            add(path, "must be an array of interaction components, not \(value.kindName)")
            return []
        }
        var ids: Set<String> = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let m = members(item, itemPath, "an interaction component", allowed: ["id", "description"], required: ["id"]) else { continue }
            if let id = m["id"], let text = string(id, Self.child(itemPath, "id")), !ids.insert(text).inserted {
                add(Self.child(itemPath, "id"), "the id '\(text)' is used twice in one list")
            }
            if let description = m["description"] { languageMap(description, Self.child(itemPath, "description")) }
        }
        return ids
    }

    /// A correct response pattern: `true`/`false` for true-false, and ids that exist in
    /// the component lists given for choice, sequencing, likert and matching.
    mutating func pattern(_ text: String, type: String, components: [String: Set<String>], _ path: String) {
        func known(_ id: String, _ list: String) -> Bool { components[list].map { $0.contains(id) } ?? true }
        switch type {
        case "true-false":
            if text != "true", text != "false" { add(path, "a true-false pattern is 'true' or 'false', not '\(text)'") }
        case "choice", "sequencing":
            for id in text.components(separatedBy: "[,]") where !known(id, "choices") { add(path, "'\(id)' is not the id of one of the choices") }
        case "likert":
            if !known(text, "scale") { add(path, "'\(text)' is not the id of a point on the scale") }
        case "matching":
            for pair in text.components(separatedBy: "[,]") {
                let parts = pair.components(separatedBy: "[.]")
                guard parts.count == 2 else {
                    add(path, "a matching pattern is 'source[.]target' pairs separated by '[,]'; '\(pair)' is not one")
                    continue
                }
                if !known(parts[0], "source") { add(path, "'\(parts[0])' is not the id of a source") }
                if !known(parts[1], "target") { add(path, "'\(parts[1])' is not the id of a target") }
            }
        default:
            break
        }
    }

    mutating func attachments(_ value: JSONValue, _ path: String) {
        guard case .array(let items) = value else {
            add(path, "must be an array of Attachments, not \(value.kindName)")
            return
        }
        let keys: Set<String> = ["usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"]
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard
                let m = members(item, itemPath, "an Attachment", allowed: keys, required: ["usageType", "display", "contentType", "length", "sha2"])
            else { continue }
            for key in ["usageType", "fileUrl"] {
                if let iri = m[key] { self.iri(iri, Self.child(itemPath, key)) }
            }
            for key in ["display", "description"] {
                if let map = m[key] { languageMap(map, Self.child(itemPath, key)) }
            }
            if let type = m["contentType"] { _ = string(type, Self.child(itemPath, "contentType")) }
            if let length = m["length"], !(length.numberValue.map { $0 >= 0 && $0 == $0.rounded() } ?? false) {
                add(Self.child(itemPath, "length"), "must be a whole number of bytes")
            }
            if let sha2 = m["sha2"], let text = string(sha2, Self.child(itemPath, "sha2")), text.isEmpty || !text.allSatisfy(\.isHexDigit) {
                add(Self.child(itemPath, "sha2"), "must be the hex SHA-2 hash of the attachment")
            }
        }
    }

    // MARK: - Typed values

    /// The string, or nil after reporting that it is not one.
    mutating func string(_ value: JSONValue, _ path: String) -> String? {
        guard case .string(let text) = value else {
            add(path, "must be a string, not \(value.kindName)")
            return nil
        }
        return text
    }

    mutating func uuid(_ value: JSONValue, _ path: String) {
        guard let text = string(value, path) else { return }
        let bytes = Array(text.utf8)
        let hyphens: Set<Int> = [8, 13, 18, 23]
        let valid =
            bytes.count == 36
            && bytes.indices.allSatisfy { index in
                hyphens.contains(index) ? bytes[index] == UInt8(ascii: "-") : Character(Unicode.Scalar(bytes[index])).isHexDigit
            }
        if !valid { add(path, "'\(text)' is not a UUID in the standard form (8-4-4-4-12 hex digits)") }
    }

    mutating func iri(_ value: JSONValue, _ path: String) {
        guard let text = string(value, path) else { return }
        if let problem = IRI.problem(text) { add(path, "must be an absolute IRI; '\(text)' \(problem)") }
    }

    mutating func timestamp(_ value: JSONValue, _ path: String) {
        guard let text = string(value, path) else { return }
        if !XAPITimestamp.isValid(text) {
            add(path, "'\(text)' is not an ISO 8601 timestamp with a time zone, such as '2025-03-04T09:15:02.250Z'")
        }
    }

    mutating func languageMap(_ value: JSONValue, _ path: String) {
        guard case .object(let entries) = value else {
            add(path, "must be a language map (an object), not \(value.kindName)")
            return
        }
        for key in JSONWriter.sortedKeys(entries) {
            if !LanguageTag.isValid(key) { add(Self.child(path, key), "'\(key)' is not an RFC 5646 language tag") }
            if let text = entries[key] { _ = string(text, Self.child(path, key)) }
        }
    }

    mutating func extensions(_ value: JSONValue, _ path: String) {
        guard case .object(let entries) = value else {
            add(path, "extensions must be an object, not \(value.kindName)")
            return
        }
        for key in JSONWriter.sortedKeys(entries) {
            if let problem = IRI.problem(key) { add(Self.child(path, key), "an extension key must be an absolute IRI; '\(key)' \(problem)") }
        }
    }
}
