import Foundation
import KursusCourse
import Yams

/// Settings of one workstation's data directory, from the optional `<data-dir>/config.yaml`:
///
/// ```yaml
/// idle-lock-minutes: 10      # 0 to 1440; 0 turns the idle lock off
/// hide-learner-list: false   # true: learners type their id instead of picking a name
/// records:                   # learning records (xAPI statements), docs/records.md
///   activity-base: https://kursus.example.dk/xapi
///   account-homepage: https://login.example.dk
///   pseudonymous: true
///   lrs:
///     endpoint: http://lrs.example.dk:8100/xAPI/
///     credentials: lrs-credentials.yaml
/// packages:                  # signed course packages, docs/packages.md (PackagesConfig)
///   require-signature: true
///   trusted-keys: [keys/region.pub]
/// admin-passphrase: {algorithm: pbkdf2-sha256, iterations: 400000, salt: "…", hash: "…"}
/// ```
///
/// A missing file means the defaults. Unknown keys and bad values are errors that name
/// the file, line and column, so a typo is never silently ignored.
public struct WorkstationConfig: Hashable, Sendable {
    public static let fileName = "config.yaml"
    public static let idleLockMinutesRange = 0...1440
    public static let keys = ["idle-lock-minutes", "hide-learner-list", "records", "packages", AdminPassphrase.configKey]
    static let maximumFileSize = 64 << 10

    /// Minutes without a key press before the player locks; 0 turns the lock off.
    public var idleLockMinutes: Int
    /// Whether the start screen hides the list of learners' names.
    public var hideLearnerList: Bool
    /// Where learning records go and how learners appear in them (`records:`).
    public var records: RecordsConfig
    /// Which course packages this workstation accepts (`packages:`); nil when the file has no such section.
    public var packages: PackagesConfig?
    /// The admin passphrase's hash (`admin-passphrase:`, written by `kursus admin
    /// set-passphrase`); nil when none is set.
    public var adminPassphrase: PINRecord?

    public init(
        idleLockMinutes: Int = 10, hideLearnerList: Bool = false, records: RecordsConfig = RecordsConfig(), packages: PackagesConfig? = nil
    ) {
        self.idleLockMinutes = idleLockMinutes
        self.hideLearnerList = hideLearnerList
        self.records = records
        self.packages = packages
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
            data = try RegularFileReader.read(url, limit: maximumFileSize)
        } catch .tooLarge {
            throw .unreadable(path: url.path, reason: "larger than 64 KiB")
        } catch {
            throw .unreadable(path: url.path, reason: "it \(error)")
        }
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

/// The `records:` section of `config.yaml`, as written (checked, without defaults filled
/// in): `KursusRecords.RecordSettings` turns it into the values statements are made with.
public struct RecordsConfig: Hashable, Sendable {
    public static let keys = ["activity-base", "account-homepage", "pseudonymous", "lrs"]

    /// The start of every activity id (an `https://` or `http://` address).
    public var activityBase: String?
    /// The learners' account home page: the system whose user names are the learner ids.
    public var accountHomePage: String?
    /// Whether learners appear in statements under a keyed hash of their id instead of the id.
    public var pseudonymous: Bool
    /// Where `kursus sync` sends statements; nil when this workstation sends none itself.
    public var lrs: LRSConfig?

    public init(activityBase: String? = nil, accountHomePage: String? = nil, pseudonymous: Bool = false, lrs: LRSConfig? = nil) {
        self.activityBase = activityBase
        self.accountHomePage = accountHomePage
        self.pseudonymous = pseudonymous
        self.lrs = lrs
    }
}

/// `records: lrs:` in `config.yaml`.
public struct LRSConfig: Hashable, Sendable {
    public static let keys = ["endpoint", "credentials"]

    /// The xAPI base address (the one `statements` is added to), e.g. Ralph's `http://host:8100/xAPI/`.
    public var endpoint: String
    /// The path of a YAML file (mode 0600) with `username` and `password`, as written;
    /// a relative path is relative to the data directory.
    public var credentials: String

    public init(endpoint: String, credentials: String) {
        self.endpoint = endpoint
        self.credentials = credentials
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
struct ConfigReader {
    let path: String
    var problems: [WorkstationConfigError.Problem] = []

    init(path: String) {
        self.path = path
    }

    mutating func read(_ text: String) -> WorkstationConfig {
        var config = WorkstationConfig()
        let root: Node?
        if let found = YAMLAliasGuard.firstAlias(in: text) {
            problems.append(
                .init(line: found.line, column: found.column, message: "aliases ('*name') are not allowed in config.yaml; write the value out"))
            return config
        }
        do {
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
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
            case "records"?:
                config.records = readRecords(value)
            case "packages"?:
                config.packages = readPackages(value)
            case AdminPassphrase.configKey?:
                config.adminPassphrase = readPassphrase(value)
            case let name?:
                let known = WorkstationConfig.keys.map { "'\($0)'" }.joined(separator: ", ")
                add(key, "unknown key '\(LearnerError.printable(name))'; known keys are \(known)")
            case nil:
                add(key, "keys must be text")
            }
        }
        return config
    }

    /// The `records:` section; what it leaves out keeps its default.
    private mutating func readRecords(_ node: Node) -> RecordsConfig {
        var records = RecordsConfig()
        guard let mapping = node.mapping else {
            add(node, "'records' must be a mapping of 'key: value' lines (\(quoted(RecordsConfig.keys)))")
            return records
        }
        for (key, value) in mapping {
            switch key.string {
            case "activity-base"?:
                records.activityBase = webAddress(value, "activity-base", example: "https://kursus.example.dk/xapi")
            case "account-homepage"?:
                records.accountHomePage = webAddress(value, "account-homepage", example: "https://login.example.dk")
            case "pseudonymous"?:
                guard case .scalar = value, let flag = value.bool else {
                    add(value, "'pseudonymous' must be true or false")
                    continue
                }
                records.pseudonymous = flag
            case "lrs"?:
                records.lrs = readLRS(value)
            case let name?:
                add(key, "unknown key '\(LearnerError.printable(name))' in 'records'; known keys are \(quoted(RecordsConfig.keys))")
            case nil:
                add(key, "keys must be text")
            }
        }
        return records
    }

    private mutating func readLRS(_ node: Node) -> LRSConfig? {
        guard let mapping = node.mapping else {
            add(node, "'lrs' must be a mapping with 'endpoint' and 'credentials'")
            return nil
        }
        var endpoint: String?
        var credentials: String?
        var seen: Set<String> = []
        for (key, value) in mapping {
            if let name = key.string { seen.insert(name) }
            switch key.string {
            case "endpoint"?:
                endpoint = webAddress(value, "endpoint", example: "http://lrs.example.dk:8100/xAPI/")
            case "credentials"?:
                guard case .scalar(let scalar) = value, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty,
                    !scalar.string.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
                else {
                    add(value, "'credentials' must be the path of a file with the LRS user name and password (such as 'lrs-credentials.yaml')")
                    continue
                }
                credentials = scalar.string
            case let name?:
                add(key, "unknown key '\(LearnerError.printable(name))' in 'lrs'; known keys are \(quoted(LRSConfig.keys))")
            case nil:
                add(key, "keys must be text")
            }
        }
        for name in LRSConfig.keys where !seen.contains(name) {
            add(node, "'lrs' needs '\(name)'")
        }
        guard let endpoint, let credentials else { return nil }
        return LRSConfig(endpoint: endpoint, credentials: credentials)
    }

    /// An `https://` or `http://` address, or nil with a problem saying what is wrong.
    private mutating func webAddress(_ node: Node, _ key: String, example: String) -> String? {
        guard case .scalar(let scalar) = node else {
            add(node, "'\(key)' must be an address such as '\(example)'")
            return nil
        }
        if let problem = IRI.webAddressProblem(scalar.string) {
            add(node, "'\(key)' must be an address such as '\(example)'; '\(LearnerError.printable(scalar.string))' \(problem)")
            return nil
        }
        return scalar.string
    }

    func quoted(_ keys: [String]) -> String {
        keys.map { "'\($0)'" }.joined(separator: ", ")
    }

    mutating func add(_ node: Node, _ message: String) {
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
            if let place = YAMLReaderProblem(error) {
                problems.append(.init(line: place.line, column: place.column, message: place.message))
            } else {
                problems.append(.init(line: 1, column: 1, message: "YAML error: \(error)"))
            }
        }
    }
}
