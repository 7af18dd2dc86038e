import Foundation
import KursusCourse
import KursusText
import Yams

/// The user name and password Kursus logs in to the LRS with (HTTP basic
/// authentication), read from the file `records.lrs.credentials` names:
///
/// ```yaml
/// username: kursus-ward-4
/// password: "the password the LRS administrator gave you"
/// ```
///
/// The file must be readable by its owner only (`chmod 600`), at most 64 KiB, and hold
/// exactly these two keys with text values. The password is never shown in messages.
public struct LRSCredentials: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let username: String
    public let password: String

    static let maximumFileSize = 64 << 10

    /// Checks both values: not empty, no control characters, no ':' in the user name
    /// (basic authentication could not carry it).
    public init(username: String, password: String) throws(LRSError) {
        try self.init(username: username, password: password, source: "")
    }

    private init(username: String, password: String, source: String) throws(LRSError) {
        let problem: String? =
            if username.isEmpty { "'username' is empty" } else if password.isEmpty { "'password' is empty" } else if username.contains(":") {
                "'username' contains ':', which HTTP basic authentication cannot carry"
            } else if !TerminalSafe.isSafe(username) { "'username' contains control characters" } else if !TerminalSafe.isSafe(password) {
                "'password' contains control characters"
            } else { nil }
        if let problem { throw .credentialsFile(path: source, problem: problem) }
        self.username = username
        self.password = password
    }

    /// The `Authorization` header value.
    var authorizationHeader: String {
        "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }

    public var description: String { "LRSCredentials(username: \(TerminalSafe.clean(username)), password: hidden)" }
    public var debugDescription: String { description }

    /// Reads and checks the credentials file at `path`.
    public static func load(path: String) throws(LRSError) -> LRSCredentials {
        let shown = TerminalSafe.clean(path)
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw .credentialsFile(path: shown, problem: "it does not exist or cannot be read")
        }
        // Whether it is a regular file is checked on the open file, by RegularFileReader.
        if let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue, permissions & 0o077 != 0 {
            throw .credentialsFile(
                path: shown,
                problem: "other users can read it (mode \(String(permissions & 0o777, radix: 8))); run: chmod 600 \(shown)"
            )
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > maximumFileSize {
            throw .credentialsFile(path: shown, problem: "it is larger than 64 KiB")
        }
        let data: Data
        do {
            data = try RegularFileReader.read(url, limit: maximumFileSize)
        } catch .tooLarge {
            throw .credentialsFile(path: shown, problem: "it is larger than 64 KiB")
        } catch {
            throw .credentialsFile(path: shown, problem: "it \(error)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .credentialsFile(path: shown, problem: "it is not UTF-8 text")
        }
        return try parse(text, path: shown)
    }

    /// Reads the text of a credentials file; `path` is only used in errors.
    public static func parse(_ text: String, path: String) throws(LRSError) -> LRSCredentials {
        let root: Node?
        if let found = YAMLAliasGuard.firstAlias(in: text) {
            throw .credentialsFile(
                path: path, problem: "it uses a YAML alias ('*name') at line \(found.line), column \(found.column); write the value out")
        }
        do {
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch {
            let place = (error as? YamlError).flatMap(Self.place) ?? ""
            throw .credentialsFile(path: path, problem: "it is not valid YAML\(place)")
        }
        guard let root, let mapping = root.mapping else {
            throw .credentialsFile(path: path, problem: "it must be a mapping of 'username: ...' and 'password: ...' lines")
        }
        var values: [String: String] = [:]
        for (key, value) in mapping {
            let line = key.mark.map { " (line \($0.line))" } ?? ""
            guard case .scalar = key, let name = key.string, name == "username" || name == "password" else {
                let shownKey = LRSServerText.clean(key.string ?? "?", maximumLength: 40)
                throw .credentialsFile(path: path, problem: "unknown key '\(shownKey)'\(line); only 'username' and 'password' are allowed")
            }
            guard case .scalar = value, value.tag.rawValue == Tag.Name.str.rawValue, let string = value.string else {
                throw .credentialsFile(path: path, problem: "'\(name)'\(line) must be text; put the value in double quotes")
            }
            values[name] = string
        }
        guard let username = values["username"] else { throw .credentialsFile(path: path, problem: "'username' is missing") }
        guard let password = values["password"] else { throw .credentialsFile(path: path, problem: "'password' is missing") }
        return try LRSCredentials(username: username, password: password, source: path)
    }

    private static func place(_ error: YamlError) -> String? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            " (line \(mark.line))"
        case .duplicatedKeysInMapping:
            " (a key is given twice)"
        default:
            YAMLReaderProblem(error).map { " (line \($0.line), column \($0.column): \($0.problem))" }
        }
    }
}
