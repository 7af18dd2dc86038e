import Foundation
import KursusRecords
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A real Ralph LRS on loopback for a test suite, run by scripts/ralph-lrs.sh (which
/// installs Ralph into .build-ralph/venv on first use). Each server has its own folder
/// with its statements, so suites never see each other's data.
///
/// A suite gets one with the `.ralph` trait: the server starts before the suite's first
/// test, is `RalphScope.server` inside it, and is stopped and its folder removed after
/// the last test, whether the tests passed, failed or threw. Should the test process die,
/// the server notices (KURSUS_RALPH_WATCH_PID) and exits by itself.
public final class RalphServer: Sendable {
    public let directory: URL
    public let url: String
    public let username: String
    public let password: String
    public let port: Int

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = repository.appendingPathComponent("scripts/ralph-lrs.sh")

    private init(directory: URL, environment: [String: String]) throws {
        guard let url = environment["KURSUS_RALPH_URL"], let username = environment["KURSUS_RALPH_USER"],
            let password = environment["KURSUS_RALPH_PASSWORD"], let port = environment["KURSUS_RALPH_PORT"].flatMap(Int.init)
        else { throw RalphServerError("ralph.env in \(directory.path) lacks a value") }
        self.directory = directory
        self.url = url
        self.username = username
        self.password = password
        self.port = port
    }

    /// Starts a server in a new temporary folder.
    public static func start() throws -> RalphServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-ralph-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            try run(["start", directory.path])
            return try RalphServer(directory: directory, environment: readEnvironment(directory))
        } catch {
            try? run(["stop", directory.path])
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// The file with the username and password, as `LRSCredentials.load` reads it.
    public var credentialsFile: String { directory.appendingPathComponent("credentials.yaml").path }

    /// Where Ralph's file-system backend keeps the statements.
    public var dataDirectory: URL { directory.appendingPathComponent("data") }

    /// Stops the server; its statements stay in the folder.
    public func stop() throws {
        try Self.run(["stop", directory.path])
    }

    /// Starts it again on the same port with the same statements and credentials.
    public func restart() throws {
        try Self.run(["start", directory.path, String(port)])
    }

    /// Stops the server and removes its folder.
    public func stopAndRemove() {
        try? stop()
        try? FileManager.default.removeItem(at: directory)
    }

    public func client(password: String? = nil, timeout: TimeInterval = 30, limits: LRSClient.Limits = .init()) throws -> LRSClient {
        let credentials = try LRSCredentials(username: username, password: password ?? self.password)
        return LRSClient(address: try LRSAddress(url), credentials: credentials, timeout: timeout, limits: limits)
    }

    /// Every statement the LRS holds, read page by page.
    public func allStatements() throws -> [LRSFetchedStatement] {
        try client().statements(LRSStatementQuery(limit: 500))
    }

    private static func readEnvironment(_ directory: URL) throws -> [String: String] {
        let text = try String(contentsOf: directory.appendingPathComponent("ralph.env"), encoding: .utf8)
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }

    /// Runs the script with posix_spawn and waitpid. Foundation's Process is not used: it
    /// waits for a descriptor that the server (a daemon child of the script) inherits, so
    /// it would never see the script exit.
    private static func run(_ arguments: [String]) throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-ralph-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        var environment = ProcessInfo.processInfo.environment
        environment["KURSUS_RALPH_WATCH_PID"] = String(getpid())

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = (["/bin/bash", script.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/bash", &actions, nil, argv, envp)
        guard spawned == 0 else { throw RalphServerError("cannot start /bin/bash: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw RalphServerError("waitpid failed for scripts/ralph-lrs.sh") }
        }
        guard status == 0 else {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw RalphServerError("scripts/ralph-lrs.sh \(arguments.joined(separator: " ")) failed (wait status \(status)):\n\(output.suffix(3000))")
        }
    }
}

public struct RalphServerError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// `@Suite(.ralph)`: one Ralph server for the whole suite, as `RalphScope.server`.
public struct RalphScope: SuiteTrait, TestScoping {
    @TaskLocal public static var server: RalphServer?

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        // Starting (and on a new machine installing) takes seconds to minutes of waiting:
        // on a thread of its own, not one of the few that run every suite's tests.
        let server = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<RalphServer, Error>) in
            Thread { continuation.resume(with: Result { try RalphServer.start() }) }.start()
        }
        defer { server.stopAndRemove() }
        try await RalphScope.$server.withValue(server) { try await function() }
    }

    /// The suite's server; fails the test when there is none.
    public static func current(sourceLocation: SourceLocation = #_sourceLocation) throws -> RalphServer {
        try #require(server, "the suite needs the .ralph trait", sourceLocation: sourceLocation)
    }
}

extension Trait where Self == RalphScope {
    public static var ralph: Self { RalphScope() }
}
