import CYaml

/// Builds a `YAMLTree` straight from libyaml's events (the parser Yams composes with),
/// without composing a Yams `Node`: for a 20,000-node scenario that halves the time
/// spent turning the file into a tree.
///
/// It takes the common shape of a course file only: one document (or none), scalar
/// keys, no key twice in a mapping, no tags, anchors or aliases, nothing nested deeper
/// than `maximumDepth`. Anything else, and any syntax error, gives nil, and the file is
/// read the full way (`YAMLSource.compose`), which reports every problem at its place.
/// So the reader never has to say what is wrong, and where it does answer, the tree is
/// the one the full way gives (tested side by side on every course file in the
/// repository and on odd and hostile ones).
enum YAMLTreeReader {
    /// Deeper files are left to Yams (libyaml itself stops at 1,000 levels). Real course
    /// files nest five or six levels; the limit keeps the tree's own recursion
    /// (comparing, freeing) shallow.
    static let maximumDepth = 100

    /// What the reader made of a text: its tree (nil for a text with no document).
    struct Read {
        var root: YAMLTree?
    }

    /// The tree of `text`, or nil: read it the full way.
    static func read(_ text: String) -> Read? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        var copy = text
        return copy.withUTF8 { bytes -> Read? in
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            var builder = Builder(parser: parser)
            return builder.stream()
        }
    }

    /// A list or mapping whose end has not been read yet.
    private struct Frame {
        var mark: YAMLTree.Mark
        var isMapping: Bool
        /// A list's items, or a mapping's values.
        var nodes: [YAMLTree] = []
        /// A mapping's keys, and their texts to find a key written twice (a set once
        /// there are many, so a mapping of thousands of keys stays linear).
        var keys: [YAMLTree] = []
        var keyTexts: [String] = []
        var keySet: Set<String>?

        /// Adds a key; false when it is not a scalar or is already there.
        mutating func addKey(_ key: YAMLTree) -> Bool {
            guard case .scalar(let scalar) = key else { return false }
            if keySet == nil, keyTexts.count < 16 {
                if keyTexts.contains(scalar.string) { return false }
                keyTexts.append(scalar.string)
            } else {
                var set = keySet ?? Set(keyTexts)
                guard set.insert(scalar.string).inserted else { return false }
                keySet = set
            }
            keys.append(key)
            return true
        }

        /// Adds a key or its value, whichever is due.
        mutating func add(_ node: YAMLTree) -> Bool {
            guard isMapping else {
                nodes.append(node)
                return true
            }
            if keys.count == nodes.count { return addKey(node) }
            nodes.append(node)
            return true
        }

        var node: YAMLTree {
            guard isMapping else { return .sequence(YAMLTree.Sequence(nodes: nodes, mark: mark)) }
            let pairs = zip(keys, nodes).map { (key: $0, value: $1) }
            return .mapping(YAMLTree.Mapping(pairs: pairs, mark: mark))
        }
    }

    /// The events of one parse, turned into nodes without recursion.
    private struct Builder {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        var stack: [Frame] = []

        /// The whole stream: nothing at all, or one document holding one node.
        mutating func stream() -> Read? {
            guard nextType() == YAML_STREAM_START_EVENT, let type = nextType() else { return nil }
            if type == YAML_STREAM_END_EVENT { return Read(root: nil) }
            guard type == YAML_DOCUMENT_START_EVENT, let root = document(), nextType() == YAML_DOCUMENT_END_EVENT,
                nextType() == YAML_STREAM_END_EVENT
            else { return nil }
            return Read(root: root)
        }

        /// The type of the next event, which carries nothing else; nil at a syntax error.
        mutating func nextType() -> yaml_event_type_t? {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            return event.type
        }

        /// The document's root node; nil when anything is outside the reader's shape.
        mutating func document() -> YAMLTree? {
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let mark = YAMLTree.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                let finished: YAMLTree
                switch event.type {
                case YAML_SCALAR_EVENT:
                    guard let scalar = Self.scalar(of: event, mark: mark) else { return nil }
                    finished = .scalar(scalar)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let plain =
                        isMapping
                        ? event.data.mapping_start.tag == nil && event.data.mapping_start.anchor == nil
                        : event.data.sequence_start.tag == nil && event.data.sequence_start.anchor == nil
                    guard plain, stack.count < YAMLTreeReader.maximumDepth else { return nil }
                    stack.append(Frame(mark: mark, isMapping: isMapping))
                    continue
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast(), frame.isMapping == (event.type == YAML_MAPPING_END_EVENT),
                        frame.keys.count == frame.nodes.count || !frame.isMapping
                    else { return nil }
                    finished = frame.node
                default:
                    // An alias, or an event that cannot come here in a well-formed stream.
                    return nil
                }
                guard !stack.isEmpty else { return finished }
                guard stack[stack.count - 1].add(finished) else { return nil }
            }
        }

        /// A scalar without tag or anchor. A value starting with a byte order mark is
        /// left to Yams, whose text conversion may treat it apart.
        static func scalar(of event: yaml_event_t, mark: YAMLTree.Mark) -> YAMLTree.Scalar? {
            let data = event.data.scalar
            guard data.tag == nil, data.anchor == nil, let style = YAMLTree.Style(rawValue: data.style.rawValue) else { return nil }
            let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
            return YAMLTree.Scalar(string: String(decoding: bytes, as: UTF8.self), style: style, mark: mark)
        }
    }
}

extension YAMLSource {
    /// The tree of `text`: from libyaml's events when `YAMLTreeReader` takes the text
    /// (and `fast` is true), else from the node Yams composes, which reports syntax
    /// errors, duplicate keys and aliases at their place.
    func composeTree(_ text: String, fast: Bool = true) -> Result<YAMLTree?, Diagnostic> {
        if fast, let read = YAMLTreeReader.read(text) { return .success(read.root) }
        return compose(text).map { $0.map(YAMLTree.init) }
    }
}
