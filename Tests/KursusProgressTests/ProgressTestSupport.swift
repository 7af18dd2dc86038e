import Foundation
import KursusEngine
@testable import KursusProgress

/// Temporary data folders, raw file access and child processes for the progress tests.
enum ProgressTestSupport {
    static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kursus-\(name)-\(UUID().uuidString)")
    }

    static let fixedDate = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    /// A progress with every kind of unit record and a bookmark; dates are whole seconds
    /// so they survive ISO 8601 unchanged.
    static func richProgress(scroll: Int = 12) -> LearnerProgress {
        LearnerProgress(
            units: [
                "a": UnitRecord(outcome: .completed, activeSeconds: 95, firstOpenedAt: fixedDate, completedAt: fixedDate.addingTimeInterval(600)),
                "b": UnitRecord(outcome: .inProgress, activeSeconds: 7, firstOpenedAt: fixedDate.addingTimeInterval(700)),
                "quiz": UnitRecord(outcome: .failed, activeSeconds: 40),
                "exam": UnitRecord(outcome: .passed, activeSeconds: 300, firstOpenedAt: fixedDate, completedAt: fixedDate),
            ],
            bookmark: Bookmark(unitID: "b", scroll: scroll, inUnit: true)
        )
    }

    static func text(_ url: URL) -> String? {
        try? String(contentsOf: url, encoding: .utf8)
    }

    static func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a program with posix_spawn and waits; returns its exit status (128 + signal
    /// when killed). Output goes to /dev/null.
    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        try finish(try start(executable, arguments))
    }

    /// Starts a program with posix_spawn (output to /dev/null) in a process group of
    /// its own, whose id is the returned pid (so `kill(-pid, …)` reaches its children).
    static func start(_ executable: String, _ arguments: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw SpawnError(description: "cannot start \(executable): error \(spawned)") }
        return pid
    }

    /// Waits for a started program; its exit status, or 128 + the signal that ended it.
    static func finish(_ pid: pid_t) throws -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw SpawnError(description: "waitpid failed for \(pid)") }
        }
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Polls `condition` every 10 ms for up to `seconds`.
    static func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }
}
