import Foundation
import KursusText

/// Text that came from the LRS (error bodies, headers), made fit for a terminal and a
/// record: control characters and bidi overrides become inert stand-ins
/// (`TerminalSafe`), runs of white space become one space, and it is cut to
/// `maximumLength` characters. Nothing a server sends reaches a terminal any other way.
public enum LRSServerText {
    public static let maximumLength = 300

    /// `text` cleaned and shortened.
    public static func clean(_ text: String, maximumLength: Int = maximumLength) -> String {
        var flat = ""
        var lastWasSpace = false
        for character in text.prefix(maximumLength * 4) {
            if character.isWhitespace || character.isNewline {
                if !lastWasSpace, !flat.isEmpty { flat.append(" ") }
                lastWasSpace = true
            } else {
                flat.append(character)
                lastWasSpace = false
            }
        }
        if flat.last == " " { flat.removeLast() }
        let safe = TerminalSafe.clean(flat)
        guard safe.count > maximumLength else { return safe }
        return String(safe.prefix(maximumLength - 1)) + "…"
    }

    /// The reason an LRS gives in an error body, cleaned: the `detail`, `message` or
    /// `error` member of a JSON object (for a list of validation errors such as
    /// FastAPI's, "where: what" for the first three), else the body as text.
    public static func reason(fromBody body: Data) -> String {
        let head = body.prefix(64 << 10)
        if let object = try? JSONSerialization.jsonObject(with: head, options: [.fragmentsAllowed]) {
            if let text = reason(fromJSON: object) { return clean(text) }
        }
        return clean(String(decoding: head.prefix(maximumLength * 4), as: UTF8.self))
    }

    private static func reason(fromJSON object: Any) -> String? {
        if let text = object as? String { return text }
        guard let dictionary = object as? [String: Any] else { return nil }
        for key in ["detail", "message", "error", "error_description"] {
            guard let value = dictionary[key] else { continue }
            if let text = value as? String { return text }
            if let list = value as? [Any] {
                let parts = list.prefix(3).compactMap(validationProblem)
                if !parts.isEmpty {
                    let more = list.count > 3 ? " (and \(list.count - 3) more)" : ""
                    return parts.joined(separator: "; ") + more
                }
            }
            if let inner = value as? [String: Any], let text = reason(fromJSON: inner) { return text }
        }
        return nil
    }

    /// One FastAPI/pydantic validation problem: `{"loc": ["body", 0, "actor"], "msg": "Field required"}`.
    private static func validationProblem(_ item: Any) -> String? {
        if let text = item as? String { return text }
        guard let problem = item as? [String: Any], let message = problem["msg"] as? String else { return nil }
        let location = (problem["loc"] as? [Any] ?? [])
            .filter { ($0 as? String) != "body" }
            .map { "\($0)" }
            .joined(separator: ".")
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
