import Foundation

/// A JSON value as statements are made of: what the builder writes and what the
/// validator reads. Objects are dictionaries, so a key occurs once; `JSONWriter` writes
/// their keys sorted, so a value has exactly one compact form.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// Always finite when made by Kursus: `JSONWriter` writes a NaN or an infinity as
    /// `null`, which the validator then reports.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// An object without the keys whose value is nil, so optional parts can be written
    /// inline: `.compact(["success": success.map(JSONValue.bool)])`.
    public static func compact(_ members: [String: JSONValue?]) -> JSONValue {
        .object(members.compactMapValues { $0 })
    }

    /// A language map with one entry, or nil when the text is empty (an empty name says
    /// nothing and only makes a statement longer).
    public static func languageMap(_ language: String, _ text: String?) -> JSONValue? {
        guard let text, !text.isEmpty else { return nil }
        return .object([language: .string(text)])
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var numberValue: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The JSON type's name, for messages: "a string", "an object", …
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    /// A later duplicate key replaces an earlier one (a literal never has one on purpose).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var members: [String: JSONValue] = [:]
        for (key, value) in elements { members[key] = value }
        self = .object(members)
    }
}
