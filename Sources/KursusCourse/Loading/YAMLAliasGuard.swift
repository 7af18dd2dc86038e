import CYaml

/// Finds YAML aliases (`*name`) before a text is composed. Course
/// files and Kursus's own YAML files may not use them: an alias is a full copy of the node
/// it names, so a few lines of nested aliases ("billion laughs") expand to gigabytes and
/// hours of work. Without aliases a composed tree is never larger than its text.
///
/// It reads the text with libyaml's parser (the one Yams composes with) event by event,
/// so an alias is found wherever YAML sees one: in flow collections, after quoted
/// strings, as keys. Nothing is built, so a stream of aliases costs no memory. A text
/// with a syntax error before any alias is left to the parser that reports it.
public enum YAMLAliasGuard {
    /// An alias, at its line and column (counted in characters, from 1).
    public struct Finding: Equatable, Sendable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// The error for an alias in a course file.
    public static let message =
        "aliases ('*name') are not allowed in course files; write the content out. If this is text that starts with '*', put it in quotes"
    /// The first alias in `text`; nil when it has none, or has a syntax error before the
    /// first alias. An anchor alone is harmless (nothing repeats it) and allowed.
    /// Every alias starts with `*`, so a text without one is done in a byte search.
    public static func firstAlias(in text: String) -> Finding? {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        return firstAliasByEvents(in: text)
    }

    /// `firstAlias(in:)` without the byte search: libyaml's events, one by one.
    static func firstAliasByEvents(in text: String) -> Finding? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var copy = text
        return copy.withUTF8 { bytes -> Finding? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_ALIAS_EVENT:
                    return Finding(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    break
                }
            }
            // A syntax error: the composer reports it, at its place.
            return nil
        }
    }
}
