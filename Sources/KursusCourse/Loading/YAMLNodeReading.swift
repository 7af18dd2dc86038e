import Yams

/// Reading a composed YAML tree while keeping every node's file, line and column, so
/// that each problem is reported exactly where the trainer typed it.
struct YAMLSource {
    /// The path shown in diagnostics.
    var file: String
    /// Added to every line Yams reports (front matter starts after the opening `---`).
    var lineOffset: Int = 0

    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1 + lineOffset, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    func location(of mark: Mark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Parses `text` into a node tree; a syntax error becomes a diagnostic at its place.
    func compose(_ text: String) -> Result<Node?, Diagnostic> {
        do {
            return .success(try Yams.compose(yaml: text))
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
        case let .reader(problem, _, _, _):
            return .error(SourceLocation(file: file, line: 1 + lineOffset), "YAML could not be read: \(problem)")
        default:
            return .error(SourceLocation(file: file, line: 1 + lineOffset), "YAML error: \(error)")
        }
    }
}

/// A YAML mapping being read key by key; keys that were never asked for are reported.
struct YAMLObject {
    let source: YAMLSource
    let node: Node
    let mapping: Node.Mapping
    private(set) var diagnostics: [Diagnostic] = []

    /// nil (with a diagnostic in `problems`) when `node` is not a mapping.
    init?(_ node: Node?, source: YAMLSource, what: String, problems: inout [Diagnostic]) {
        guard let node, let mapping = node.mapping else {
            problems.append(.error(source.location(of: node), "\(what) must be a mapping of 'key: value' lines"))
            return nil
        }
        self.source = source
        self.node = node
        self.mapping = mapping
    }

    var location: SourceLocation { source.location(of: node) }

    func value(_ key: String) -> Node? {
        for (k, v) in mapping where k.string == key { return v }
        return nil
    }

    func keyNode(_ key: String) -> Node? {
        for (k, _) in mapping where k.string == key { return k }
        return nil
    }

    /// A scalar string value. Missing and `required` → error at the mapping.
    mutating func string(_ key: String, required: Bool) -> String? {
        guard let node = value(key) else {
            if required { diagnostics.append(.error(location, "missing required key '\(key)'")) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be a text value"))
            return nil
        }
        let text = scalar.string
        if required && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must not be empty"))
            return nil
        }
        return text
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard let value = node.bool, case .scalar = node else {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be true or false"))
            return nil
        }
        return value
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let node = value(key) else { return nil }
        guard case .scalar = node, let value = node.int else {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be a whole number"))
            return nil
        }
        guard range.contains(value) else {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(value)"))
            return nil
        }
        return value
    }

    /// A list of text values.
    mutating func strings(_ key: String) -> [String] {
        guard let node = value(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            diagnostics.append(.error(source.location(of: node), "'\(key)' must be a list ('- item' lines)"))
            return []
        }
        var result: [String] = []
        for item in sequence {
            if case .scalar(let scalar) = item {
                result.append(scalar.string)
            } else {
                diagnostics.append(.error(source.location(of: item), "each item of '\(key)' must be a text value"))
            }
        }
        return result
    }

    /// Reports every key not in `known`, naming the closest known key as a likely fix.
    mutating func rejectUnknownKeys(_ known: [String], severity: Diagnostic.Severity = .error) {
        for (key, _) in mapping {
            guard let name = key.string else {
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
