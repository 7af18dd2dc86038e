import Yams

/// Reading a composed YAML tree while keeping every node's file, line and column, so
/// that each problem is reported exactly where the trainer typed it.
struct YAMLSource {
    /// The path shown in diagnostics.
    var file: String
    /// Added to every line Yams reports (front matter starts after the opening `---`).
    var lineOffset: Int = 0

    func location<N: YAMLReadableNode>(of node: N?) -> SourceLocation {
        guard let mark = node?.yamlMark else { return SourceLocation(file: file, line: 1 + lineOffset, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    func location(of mark: Mark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// The resolver for course files: Yams' `basic`, without rules for implicit types.
    /// The default one runs up to seven regular expressions over every mapping key, to
    /// hash it by its resolved tag when Yams looks for duplicate keys: that was most of
    /// the time spent reading a large package (2,000 lessons' front matter and their
    /// manifest). Nothing in Kursus reads a resolved tag: readers ask a node for the type
    /// they want (`string`, `int`, `bool`), and Yams' typed accessors look at the tag as
    /// written, which stays as it was. The one difference: keys are compared as written
    /// text, so `1:` and `"1":` are the same key (every key of a course file is text).
    static let resolver = Resolver.basic

    /// Parses `text` into a node tree; a syntax error becomes a diagnostic at its place.
    func compose(_ text: String) -> Result<Node?, Diagnostic> {
        if let found = YAMLAliasGuard.firstAlias(in: text) {
            return .failure(.error(SourceLocation(file: file, line: found.line + lineOffset, column: found.column), YAMLAliasGuard.message))
        }
        do {
            // The encoding is named: Yams' default reads the whole environment on every
            // parse (a tenth of a large package's load) and prints to standard output
            // when YAMS_DEFAULT_ENCODING is set.
            return .success(try Yams.compose(yaml: text, Self.resolver, .default, .utf8))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
        } catch {
            return .failure(.error(SourceLocation(file: file, line: 1 + lineOffset), "could not read YAML: \(error)"))
        }
    }

    func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .error(location(of: mark), "YAML syntax error: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(location(of: context.mark), "duplicate key \(keys) in the same mapping")
        case .reader:
            let place = YAMLReaderProblem(error)
            return .error(
                SourceLocation(file: file, line: (place?.line ?? 1) + lineOffset, column: place?.column ?? 1),
                place?.message ?? "YAML could not be read")
        default:
            return .error(SourceLocation(file: file, line: 1 + lineOffset), "YAML error: \(error)")
        }
    }
}

/// A Yams mapping being read key by key (quiz files, front matter).
typealias YAMLObject = YAMLMappingReader<Node>
/// A `YAMLTree` mapping being read key by key (scenario files, course.yaml).
typealias YAMLTreeObject = YAMLMappingReader<YAMLTree>

/// A YAML mapping being read key by key; keys that were never asked for are reported.
struct YAMLMappingReader<N: YAMLReadableNode> {
    let source: YAMLSource
    let node: N
    let mapping: N.Mapping
    /// The mapping's keys as text (nil: not a scalar) and its values, in order, taken out
    /// once: looking a key up in a `Node.Mapping` copies every pair it passes.
    private let keys: [String?]
    private let keyNodes: [N]
    private let values: [N]
    private(set) var diagnostics: [Diagnostic] = []

    /// nil (with a diagnostic in `problems`) when `node` is not a mapping.
    init?(_ node: N?, source: YAMLSource, what: String, problems: inout [Diagnostic]) {
        guard let node, let mapping = node.yamlMapping else {
            problems.append(.error(source.location(of: node), "\(what) must be a mapping of 'key: value' lines"))
            return nil
        }
        self.source = source
        self.node = node
        self.mapping = mapping
        var keys: [String?] = []
        var keyNodes: [N] = []
        var values: [N] = []
        keys.reserveCapacity(mapping.count)
        keyNodes.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            keys.append(key.yamlKeyText)
            keyNodes.append(key)
            values.append(value)
        }
        self.keys = keys
        self.keyNodes = keyNodes
        self.values = values
    }

    var location: SourceLocation { source.location(of: node) }

    func value(_ key: String) -> N? {
        keys.firstIndex(of: key).map { values[$0] }
    }

    func keyNode(_ key: String) -> N? {
        keys.firstIndex(of: key).map { keyNodes[$0] }
    }

    /// A scalar string value. Missing and `required` → error at the mapping.
    mutating func string(_ key: String, required: Bool) -> String? {
        guard let node = value(key) else {
            if required { diagnostics.append(.error(location, "missing required key '\(key)'")) }
            return nil
        }
        guard let text = node.yamlScalar?.text else {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be a text value"))
            return nil
        }
        if required && text.isBlankText {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must not be empty"))
            return nil
        }
        return text
    }

    /// A boolean. Only `true` and `false` (any case) are accepted: YAML 1.1's `yes`, `no`,
    /// `on`, `off`, `y` and `n` are reported with the word to write instead, because the
    /// schema (and YAML 1.2) read them as text.
    mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard let scalar = node.yamlScalar, scalar.plain else {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be true or false"))
            return nil
        }
        switch scalar.text.lowercased() {
        case "true": return true
        case "false": return false
        case "yes", "on", "y":
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be true or false, not '\(scalar.text)'; write true"))
        case "no", "off", "n":
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be true or false, not '\(scalar.text)'; write false"))
        default:
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be true or false"))
        }
        return nil
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let node = value(key) else { return nil }
        guard node.yamlScalar != nil, let value = node.yamlInt else {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be a whole number"))
            return nil
        }
        guard range.contains(value) else {
            diagnostics.append(
                .error(source.location(of: node), "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(value)"))
            return nil
        }
        return value
    }

    /// A list of text values.
    mutating func strings(_ key: String) -> [String] {
        guard let node = value(key) else { return [] }
        guard let sequence = node.yamlItems else {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be a list ('- item' lines)"))
            return []
        }
        var result: [String] = []
        for item in sequence {
            if let text = item.yamlScalar?.text {
                result.append(text)
            } else {
                diagnostics.append(.error(source.location(of: item), "each item of '\(key)' must be a text value"))
            }
        }
        return result
    }

    /// Reports every key not in `known`, naming the closest known key as a likely fix.
    mutating func rejectUnknownKeys(_ known: [String], severity: Diagnostic.Severity = .error) {
        for (key, _) in mapping {
            guard let name = key.yamlKeyText else {
                diagnostics.append(Diagnostic(severity, source.location(of: key), "keys must be text"))
                continue
            }
            if known.contains(name) { continue }
            var message = "unknown key '\(name)'"
            if let suggestion = Spelling.closest(to: name, among: known) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; known keys are " + known.map { "'\($0)'" }.joined(separator: ", ")
            }
            diagnostics.append(Diagnostic(severity, source.location(of: key), message))
        }
    }
}

extension YAMLMappingReader {
    /// An error at `node`, or at the mapping when `node` is nil.
    mutating func report(_ node: N?, _ message: String, severity: Diagnostic.Severity = .error) {
        let place = node.map { source.location(of: $0) } ?? location
        diagnostics.append(Diagnostic(severity, place, message))
    }

    /// Problems found while reading parts of this mapping elsewhere.
    mutating func append(_ problems: [Diagnostic]) {
        diagnostics += problems
    }

    /// A number: a YAML integer or float, not quoted. Text, NaN and infinity are errors at the value.
    mutating func number(_ key: String) -> Double? {
        guard let node = value(key) else { return nil }
        guard let scalar = node.yamlScalar, let number = node.yamlNumber else {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be a number, not \(node.yamlDescription)"))
            return nil
        }
        guard number.isFinite else {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be a finite number, not '\(scalar.text)'"))
            return nil
        }
        return number
    }

    /// The number a plain scalar spells (possibly NaN or infinite), or nil when it is not a number.
    static func number(in scalar: Node.Scalar) -> Double? {
        guard scalar.style == .plain || scalar.style == .any, scalar.string.utf8.count <= 64 else { return nil }
        if let int = Int.construct(from: scalar) { return Double(int) }
        return Double.construct(from: scalar)
    }

    /// A text value of at most `limit` UTF-8 bytes. Missing and `required` → error at the
    /// mapping; empty (or only spaces) and not `allowEmpty` → error at the value.
    mutating func text(_ key: String, required: Bool, allowEmpty: Bool = true, limit: Int) -> String? {
        guard let node = value(key) else {
            if required { diagnostics.append(.error(location, "missing required key '\(key)'")) }
            return nil
        }
        guard let text = Self.text(of: node, limit: limit, what: "'\(key)'", source: source, problems: &diagnostics) else { return nil }
        if !allowEmpty && text.isBlankText {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must not be empty"))
            return nil
        }
        return text
    }

    /// The text of a scalar node of at most `limit` UTF-8 bytes; anything else is an error naming `what`.
    static func text(of node: N, limit: Int, what: String, source: YAMLSource, problems: inout [Diagnostic]) -> String? {
        guard let text = node.yamlScalar?.text else {
            problems.append(.error(source.location(of: node), "\(what) must be a text value, not \(node.yamlDescription)"))
            return nil
        }
        if text.utf8.count > limit {
            problems.append(.error(source.location(of: node), "\(what) is \(text.utf8.count) bytes long; the limit is \(limit) bytes. Shorten it"))
            return nil
        }
        return text
    }

    /// One of `choices`; anything else is an error with the closest choice as a suggestion.
    mutating func choice(_ key: String, among choices: [String]) -> String? {
        guard let node = value(key) else { return nil }
        guard let text = node.yamlScalar?.text, text.utf8.count <= 64 else {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be one of \(Self.list(choices))"))
            return nil
        }
        if choices.contains(text) { return text }
        var message = "'\(key)' must be one of \(Self.list(choices)), not '\(text)'"
        if let suggestion = Spelling.closest(to: text, among: choices) { message += "; did you mean '\(suggestion)'?" }
        diagnostics.append(.error(source.location(of: node), message))
        return nil
    }

    /// `'a', 'b' or 'c'`.
    static func list(_ words: [String]) -> String {
        let quoted = words.map { "'\($0)'" }
        guard quoted.count > 1, let last = quoted.last else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + last
    }

    /// A short phrase for what a node is, for "must be X, not Y" messages.
    static func describe(_ node: N) -> String { node.yamlDescription }
}
