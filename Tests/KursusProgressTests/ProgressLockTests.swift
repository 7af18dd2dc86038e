import Foundation
import Testing
@testable import KursusProgress

@Suite("One writer per learner (LearnerLock)")
struct ProgressLockTests {
    let folder = ProgressTestSupport.temporaryFolder("lock")
    static let flockTool = "/usr/bin/flock"

    func lockFile(_ learner: String) -> String {
        folder.appendingPathComponent("learners/\(learner)/.lock").path
    }

    @Test("the lock file is private, and a second lock for the same learner is refused; another learner plays")
    func inProcess() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let anna = try LearnerLock.acquire(dataDirectory: folder, learner: "anna")
        #expect(anna.path.path == lockFile("anna"))
        #expect(try FileManager.default.attributesOfItem(atPath: lockFile("anna"))[.posixPermissions] as? Int == 0o600)
        #expect(
            try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("learners/anna").path)[.posixPermissions] as? Int == 0o700)
        #expect(throws: ProgressError.learnerBusy(learner: "anna")) { try LearnerLock.acquire(dataDirectory: folder, learner: "anna") }
        let bo = try LearnerLock.acquire(dataDirectory: folder, learner: "bo")
        anna.release()
        anna.release()
        let again = try LearnerLock.acquire(dataDirectory: folder, learner: "anna")
        again.release()
        bo.release()
        #expect(FileManager.default.fileExists(atPath: lockFile("anna")), "the lock file stays for the next session")
    }

    @Test("the busy message says the learner is playing elsewhere")
    func message() {
        let text = ProgressError.learnerBusy(learner: "anna").description
        #expect(text.contains("'anna' is already playing in another window or session"))
    }

    @Test("another process cannot take a lock we hold", .enabled(if: FileManager.default.isExecutableFile(atPath: flockTool)))
    func otherProcessRefused() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = try LearnerLock.acquire(dataDirectory: folder, learner: "anna")
        #expect(try ProgressTestSupport.run(Self.flockTool, ["-n", lockFile("anna"), "true"]) == 1)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("learners/bo"), withIntermediateDirectories: true)
        #expect(try ProgressTestSupport.run(Self.flockTool, ["-n", lockFile("bo"), "true"]) == 0, "another learner is free")
        lock.release()
        #expect(try ProgressTestSupport.run(Self.flockTool, ["-n", lockFile("anna"), "true"]) == 0)
    }

    @Test("a lock another process holds is refused until that process ends", .enabled(if: FileManager.default.isExecutableFile(atPath: flockTool)))
    func heldByOtherProcess() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("learners/anna"), withIntermediateDirectories: true)
        let marker = folder.appendingPathComponent("locked").path
        let holder = try ProgressTestSupport.start(Self.flockTool, ["-n", lockFile("anna"), "/bin/sh", "-c", "echo > \(marker); exec sleep 30"])
        var ended = false
        defer { if !ended { kill(-holder, SIGKILL); _ = try? ProgressTestSupport.finish(holder) } }
        #expect(ProgressTestSupport.wait(seconds: 10) { FileManager.default.fileExists(atPath: marker) })
        #expect(throws: ProgressError.learnerBusy(learner: "anna")) { try LearnerLock.acquire(dataDirectory: folder, learner: "anna") }
        let other = try LearnerLock.acquire(dataDirectory: folder, learner: "bo")
        other.release()
        // flock(1) and its command both hold the lock file open: end the whole group.
        kill(-holder, SIGKILL)
        #expect(try ProgressTestSupport.finish(holder) == 128 + SIGKILL)
        ended = true
        // The kernel drops the lock once the killed command has exited too (we only
        // wait for flock itself, so allow its child a moment).
        var lock: LearnerLock?
        #expect(
            ProgressTestSupport.wait(seconds: 10) {
                lock = try? LearnerLock.acquire(dataDirectory: folder, learner: "anna")
                return lock != nil
            })
        lock?.release()
    }
}
