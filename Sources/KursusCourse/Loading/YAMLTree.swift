import Yams

/// A YAML node as the scenario and course.yaml readers see it: text, lists and
/// mappings, each with the line and column it starts at. Nothing else.
///
/// It exists because composing a Yams `Node` costs more than reading the file: every
/// node gets a `Tag` object and its events a wrapper object, and every mapping's keys
/// are hashed through their tags to find duplicates. That was nearly half of validating
/// a 20,000-node scenario. `YAMLTreeReader` builds this tree straight from libyaml's
/// events; where a file uses anything it does not handle, the tree is made from the
/// Yams node instead (`init(_:)`), so both ways feed the same readers.
///
/// The shapes mirror Yams' (`scalar.string`, `scalar.style`, a sequence and a mapping
/// that are collections), so the readers read the same either way.
indirect enum YAMLTree: Equatable {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    /// Line and column (from 1, columns in Unicode scalars, as libyaml counts them).
    struct Mark: Equatable {
        var line: Int
        var column: Int
    }

    /// A scalar's style, as libyaml reports it (the raw values are libyaml's and Yams').
    enum Style: UInt32 {
        case any = 0, plain, singleQuoted, doubleQuoted, literal, folded
    }

    struct Scalar: Equatable {
        var string: String
        var style: Style
        var mark: Mark
    }

    struct Sequence: RandomAccessCollection, Equatable {
        var nodes: [YAMLTree]
        var mark: Mark

        var startIndex: Int { nodes.startIndex }
        var endIndex: Int { nodes.endIndex }
        subscript(position: Int) -> YAMLTree { nodes[position] }
    }

    struct Mapping: RandomAccessCollection, Equatable {
        var pairs: [(key: YAMLTree, value: YAMLTree)]
        var mark: Mark

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: YAMLTree, value: YAMLTree) { pairs[position] }

        static func == (lhs: Mapping, rhs: Mapping) -> Bool {
            lhs.mark == rhs.mark && lhs.pairs.elementsEqual(rhs.pairs) { $0.key == $1.key && $0.value == $1.value }
        }
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .sequence(let sequence): return sequence.mark
        case .mapping(let mapping): return mapping.mark
        }
    }

    /// A scalar's text; nil for a list or a mapping (as Yams' `string` for the nodes a
    /// course file can hold).
    var string: String? {
        guard case .scalar(let scalar) = self else { return nil }
        return scalar.string
    }

    var mapping: Mapping? {
        guard case .mapping(let mapping) = self else { return nil }
        return mapping
    }

    /// A whole number exactly as Yams' `Node.int` reads it (signs, `0x`, `0o`, `_`,
    /// `1:30`), by asking Yams: what counts as a number must not depend on the way the
    /// file was read.
    /// Plain decimal digits without a leading zero are read here (Yams reads them as
    /// `Int(text)` too, but through a Foundation text replacement that was a tenth of
    /// reading a large scenario); anything else is asked of Yams.
    var int: Int? {
        guard case .scalar(let scalar) = self, let style = Node.Scalar.Style(rawValue: scalar.style.rawValue) else { return nil }
        if style == .plain || style == .any, let value = Self.decimal(scalar.string) { return value }
        return Int.construct(from: Node.Scalar(scalar.string, .implicit, style))
    }

    /// The value of 1 to 18 decimal digits, not starting with 0 unless it is `0`; nil
    /// for any other text.
    static func decimal(_ text: String) -> Int? {
        let digits = text.utf8
        guard (1...18).contains(digits.count), digits.first != UInt8(ascii: "0") || digits.count == 1,
            digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return Int(text)
    }

    /// A plain scalar's number (integer or float, possibly NaN or infinite) as
    /// `YAMLObject.number(in:)` reads it; nil when it is not one.
    var number: Double? {
        guard case .scalar(let scalar) = self, let style = Node.Scalar.Style(rawValue: scalar.style.rawValue) else { return nil }
        return YAMLObject.number(in: Node.Scalar(scalar.string, .implicit, style))
    }
}

extension YAMLTree {
    /// The tree of a node Yams composed: the fallback way, for files the event reader
    /// leaves alone. A key that Yams reads as text although it is not a scalar (a
    /// mapping holding a `!!value` key) becomes that text, since keys are only ever
    /// read as text. Yams resolves every alias to its node, so none is left to convert.
    init(_ node: Node) {
        let mark = Mark(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            self = .scalar(Scalar(string: scalar.string, style: Style(rawValue: scalar.style.rawValue) ?? .any, mark: mark))
        case .sequence(let sequence):
            self = .sequence(Sequence(nodes: sequence.map(YAMLTree.init), mark: mark))
        case .mapping(let mapping):
            let pairs = mapping.map { pair -> (key: YAMLTree, value: YAMLTree) in
                let key: YAMLTree
                if case .scalar = pair.key {
                    key = YAMLTree(pair.key)
                } else if let text = pair.key.string {
                    let keyMark = Mark(line: pair.key.mark?.line ?? 1, column: pair.key.mark?.column ?? 1)
                    key = .scalar(Scalar(string: text, style: .plain, mark: keyMark))
                } else {
                    key = YAMLTree(pair.key)
                }
                return (key: key, value: YAMLTree(pair.value))
            }
            self = .mapping(Mapping(pairs: pairs, mark: mark))
        case .alias:
            self = .scalar(Scalar(string: "", style: .plain, mark: mark))
        }
    }
}
