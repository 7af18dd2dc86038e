// libyaml is the C library Yams is built on; its event parser is used here directly so a
// file can be looked at before Yams composes it into nodes.
import CYaml

/// Looks at a YAML text before it is composed, for the two shapes that would let a small
/// hostile file cost unbounded time or memory:
///
/// - a mapping key that is a list, a mapping or an alias: Yams checks each mapping for
///   duplicate keys by hashing them, and an alias is a full copy of the node it names, so
///   a key made of nested aliases ("billion laughs") costs time exponential in the file;
/// - aliases that repeat more than `maximumAliasedContent` of content in all: every later
///   step (checks, layout) would walk each copy.
///
/// Quiz files need neither; reusing a short list (a Likert scale) through an alias is fine.
enum YAMLShapeGuard {
    /// Text bytes plus one per node that all aliases together may repeat.
    static let maximumAliasedContent = 1 << 20

    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first such shape, with its 1-based place, or nil. A text that libyaml cannot
    /// read gives nil: composing it reports the syntax error.
    static func problem(in text: String) -> Problem? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        return bytes.withUnsafeMutableBufferPointer { buffer -> Problem? in
            guard let base = buffer.baseAddress else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var walk = Walk()
            return walk.run(&parser)
        }
    }

    /// The state of one pass over the events.
    private struct Walk {
        /// An open list or mapping: its anchor, its content so far, and for a mapping
        /// whether its next node is a key (nil for a list).
        struct Frame {
            var anchor: String?
            var size: Int
            var expectingKey: Bool?
        }

        var open: [Frame] = []
        var anchorSizes: [String: Int] = [:]
        var aliased = 0
        let cap = YAMLShapeGuard.maximumAliasedContent * 2

        mutating func run(_ parser: inout yaml_parser_t) -> Problem? {
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let type = event.type
                let line = Int(event.start_mark.line) + 1
                let column = Int(event.start_mark.column) + 1
                let isNode = type == YAML_SCALAR_EVENT || type == YAML_ALIAS_EVENT
                    || type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT
                if isNode, open.last?.expectingKey == true, type != YAML_SCALAR_EVENT {
                    return Problem(line: line, column: column, message: "a key must be plain text, not a list, a mapping or an alias ('*name')")
                }
                switch type {
                case YAML_SEQUENCE_START_EVENT:
                    open.append(Frame(anchor: name(event.data.sequence_start.anchor), size: 1, expectingKey: nil))
                case YAML_MAPPING_START_EVENT:
                    open.append(Frame(anchor: name(event.data.mapping_start.anchor), size: 1, expectingKey: true))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = open.popLast() else { return nil }
                    if let anchor = frame.anchor { anchorSizes[anchor] = frame.size }
                    nodeEnded(size: frame.size)
                case YAML_SCALAR_EVENT:
                    let size = min(cap, Int(event.data.scalar.length) + 1)
                    if let anchor = name(event.data.scalar.anchor) { anchorSizes[anchor] = size }
                    nodeEnded(size: size)
                case YAML_ALIAS_EVENT:
                    let size = name(event.data.alias.anchor).flatMap { anchorSizes[$0] } ?? 1
                    aliased = min(cap, aliased + size)
                    if aliased > YAMLShapeGuard.maximumAliasedContent {
                        return Problem(line: line, column: column, message: "aliases ('*name') repeat more than 1 MiB of content in all; write the content out instead")
                    }
                    nodeEnded(size: size)
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    break
                }
            }
        }

        /// A complete node was read: it adds to its parent, and in a mapping a key is
        /// followed by a value and a value by a key.
        mutating func nodeEnded(size: Int) {
            guard let last = open.indices.last else { return }
            open[last].size = min(cap, open[last].size + size)
            if let expectingKey = open[last].expectingKey { open[last].expectingKey = !expectingKey }
        }

        func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
