import Foundation
import Yams

/// Settings of one workstation's data directory, from the optional `<data-dir>/config.yaml`:
///
/// ```yaml
/// idle-lock-minutes: 10      # 0 to 1440; 0 turns the idle lock off
/// hide-learner-list: false   # true: learners type their id instead of picking a name
/// ```
///
/// A missing file means the defaults. Unknown keys and bad values are errors that name
/// the file, line and column, so a typo is never silently ignored.
public struct WorkstationConfig: Hashable, Sendable {
    public static let fileName = "config.yaml"
    public static let idleLockMinutesRange = 0...1440
    public static let keys = ["idle-lock-minutes", "hide-learner-list"]
    static let maximumFileSize = 64 << 10

    /// Minutes without a key press before the player locks; 0 turns the lock off.
    public var idleLockMinutes: Int
    /// Whether the start screen hides the list of learners' names.
    public var hideLearnerList: Bool

    public init(idleLockMinutes: Int = 10, hideLearnerList: Bool = false) {
        self.idleLockMinutes = idleLockMinutes
        self.hideLearnerList = hideLearnerList
    }

    public static let `default` = WorkstationConfig()

    /// The idle time after which the player locks, or nil when the idle lock is off.
    public var idleLockInterval: TimeInterval? {
        idleLockMinutes == 0 ? nil : TimeInterval(idleLockMinutes * 60)
    }

    /// Reads `<dataDirectory>/config.yaml`; the defaults when there is no such file.
    public static func load(dataDirectory: URL) throws(WorkstationConfigError) -> WorkstationConfig {
        let url = dataDirectory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return .default }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
        } catch {
            throw .unreadable(path: url.path, reason: "check that it is a file and its permissions")
        }
        guard data.count <= maximumFileSize else { throw .unreadable(path: url.path, reason: "larger than 64 KiB") }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(path: url.path, reason: "not UTF-8 text") }
        return try parse(text, path: url.path)
    }

    /// Reads the text of a config file; `path` is only used in errors.
    public static func parse(_ text: String, path: String) throws(WorkstationConfigError) -> WorkstationConfig {
        var reader = ConfigReader(path: path)
        let config = reader.read(text)
        if !reader.problems.isEmpty { throw .invalid(path: path, problems: reader.problems) }
        return config
    }
}

/// Why `config.yaml` could not be used.
public enum WorkstationConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// Every problem found, in file order.
    case invalid(path: String, problems: [Problem])

    public struct Problem: Hashable, Sendable {
        public var line: Int
        public var column: Int
        public var message: String

        public init(line: Int, column: Int, message: String) {
            self.line = line
            self.column = column
            self.message = message
        }
    }

    /// One line per problem: `path:line:column: error: message`.
    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            "\(path): error: cannot read the workstation settings: \(reason)"
        case let .invalid(path, problems):
            problems.map { "\(path):\($0.line):\($0.column): error: \($0.message)" }.joined(separator: "\n")
        }
    }
}

/// Reads the composed YAML tree of `config.yaml`, keeping each node's line and column.
private struct ConfigReader {
    let path: String
    var problems: [WorkstationConfigError.Problem] = []

    init(path: String) {
        self.path = path
    }

    mutating func read(_ text: String) -> WorkstationConfig {
        var config = WorkstationConfig()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            report(error)
            return config
        } catch {
            problems.append(.init(line: 1, column: 1, message: "could not read YAML"))
            return config
        }
        // An empty file, or one with only comments, means the defaults.
        guard let root else { return config }
        if case .scalar(let scalar) = root, scalar.string.isEmpty { return config }
        guard let mapping = root.mapping else {
            add(root, "the file must be a mapping of 'key: value' lines")
            return config
        }
        for (key, value) in mapping {
            switch key.string {
            case "idle-lock-minutes"?:
                let range = WorkstationConfig.idleLockMinutesRange
                guard case .scalar = value, let minutes = value.int else {
                    add(value, "'idle-lock-minutes' must be a whole number of minutes (0 turns the idle lock off)")
                    continue
                }
                guard range.contains(minutes) else {
                    add(value, "'idle-lock-minutes' must be between \(range.lowerBound) and \(range.upperBound), not \(minutes)")
                    continue
                }
                config.idleLockMinutes = minutes
            case "hide-learner-list"?:
                guard case .scalar = value, let hide = value.bool else {
                    add(value, "'hide-learner-list' must be true or false")
                    continue
                }
                config.hideLearnerList = hide
            case let name?:
                let known = WorkstationConfig.keys.map { "'\($0)'" }.joined(separator: ", ")
                add(key, "unknown key '\(LearnerError.printable(name))'; known keys are \(known)")
            case nil:
                add(key, "keys must be text")
            }
        }
        return config
    }

    private mutating func add(_ node: Node, _ message: String) {
        problems.append(.init(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message))
    }

    private mutating func report(_ error: YamlError) {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            problems.append(.init(line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)"))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            problems.append(.init(line: context.mark.line, column: context.mark.column, message: "duplicate key \(keys)"))
        default:
            problems.append(.init(line: 1, column: 1, message: "YAML error: \(error)"))
        }
    }
}
