import Yams

/// What `YAMLObject` needs from a node: Yams' `Node` (the quiz and front matter
/// readers, and the fallback way) and `YAMLTree` (the scenario and course.yaml readers)
/// both give it, so one mapping reader, with one set of messages, serves both.
protocol YAMLReadableNode {
    associatedtype Mapping: Collection where Mapping.Element == (key: Self, value: Self)

    /// Line and column (from 1) where the node starts; nil when it has no place.
    var yamlMark: (line: Int, column: Int)? { get }
    /// The node's pairs when it is a mapping.
    var yamlMapping: Mapping? { get }
    /// The node's items when it is a list.
    var yamlItems: [Self]? { get }
    /// A scalar's text and whether it is plain (not quoted, not a block scalar); nil
    /// for anything else.
    var yamlScalar: (text: String, plain: Bool)? { get }
    /// The node's text when it is a mapping key (Yams' `string`).
    var yamlKeyText: String? { get }
    /// A whole number as Yams' `int` reads it.
    var yamlInt: Int? { get }
    /// A plain scalar's number (see `YAMLObject.number(in:)`).
    var yamlNumber: Double? { get }
    /// A short phrase for what the node is, for "must be X, not Y" messages.
    var yamlDescription: String { get }
}

extension YAMLReadableNode {
    /// The phrase for a scalar of `text`: the text itself when it is short.
    static func describe(scalarText text: String) -> String {
        if text.isEmpty { return "an empty value" }
        if text.utf8.count > 40 || text.contains("\n") { return "a text" }
        return "'\(text)'"
    }
}

extension Node: YAMLReadableNode {
    var yamlMark: (line: Int, column: Int)? { mark.map { ($0.line, $0.column) } }
    var yamlMapping: Node.Mapping? { mapping }
    var yamlItems: [Node]? {
        guard case .sequence(let sequence) = self else { return nil }
        return Array(sequence)
    }
    var yamlScalar: (text: String, plain: Bool)? {
        guard case .scalar(let scalar) = self else { return nil }
        return (scalar.string, scalar.style == .plain || scalar.style == .any)
    }
    var yamlKeyText: String? { string }
    var yamlInt: Int? { int }
    var yamlNumber: Double? { scalar.flatMap(YAMLObject.number(in:)) }
    var yamlDescription: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar): return Self.describe(scalarText: scalar.string)
        }
    }
}

extension YAMLTree: YAMLReadableNode {
    var yamlMark: (line: Int, column: Int)? { (mark.line, mark.column) }
    var yamlMapping: Mapping? { mapping }
    var yamlItems: [YAMLTree]? {
        guard case .sequence(let sequence) = self else { return nil }
        return sequence.nodes
    }
    var yamlScalar: (text: String, plain: Bool)? {
        guard case .scalar(let scalar) = self else { return nil }
        return (scalar.string, scalar.style == .plain || scalar.style == .any)
    }
    var yamlKeyText: String? { string }
    var yamlInt: Int? { int }
    var yamlNumber: Double? { number }
    var yamlDescription: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar): return Self.describe(scalarText: scalar.string)
        }
    }
}
