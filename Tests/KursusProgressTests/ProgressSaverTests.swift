import Foundation
import KursusEngine
import Testing
@testable import KursusProgress

@Suite("Background saver")
struct ProgressSaverTests {
    let folder = ProgressTestSupport.temporaryFolder("saver")
    var store: ProgressStore { ProgressStore(dataDirectory: folder) }

    func state(_ scroll: Int) -> LearnerProgress {
        LearnerProgress(
            units: ["a": UnitRecord(outcome: .inProgress, activeSeconds: scroll)], bookmark: Bookmark(unitID: "a", scroll: scroll, inUnit: true))
    }

    /// Blocks saving: the progress folder is moved away and a plain file put in its place.
    /// Returns where the folder went and a function that puts it back.
    func block() throws -> (moved: URL, unblock: () throws -> Void) {
        let progressFolder = try store.progressFile(learner: "anna", course: "k").deletingLastPathComponent()
        let moved = progressFolder.deletingLastPathComponent().appendingPathComponent("progress-away")
        try FileManager.default.moveItem(at: progressFolder, to: moved)
        try Data("obstacle".utf8).write(to: progressFolder)
        return (
            moved,
            {
                try FileManager.default.removeItem(at: progressFolder)
                try FileManager.default.moveItem(at: moved, to: progressFolder)
            }
        )
    }

    @Test("the saver writes the newest progress off the caller's thread and reports the outcome")
    func newestWins() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let saver = ProgressSaver(store: store, learner: "anna", course: "k", courseVersion: nil)
        for scroll in 0..<50 { saver.submit(state(scroll)) }
        #expect(saver.flush())
        #expect(!saver.hasUnsavedProgress)
        #expect(try store.load(learner: "anna", course: "k").bookmark?.scroll == 49)
        let outcomes = saver.takeOutcomes()
        #expect(!outcomes.isEmpty && outcomes.allSatisfy { $0 == .saved })
        #expect(saver.takeOutcomes().isEmpty)
    }

    @Test("the saver passes the fingerprint and course version into the file")
    func fingerprint() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let saver = ProgressSaver(store: store, learner: "anna", course: "k", courseVersion: "2.1", fingerprint: "sha256:12")
        saver.submit(state(1))
        #expect(saver.flush())
        let text = ProgressTestSupport.text(try store.progressFile(learner: "anna", course: "k"))
        #expect(text?.contains("\"courseFingerprint\" : \"sha256:12\"") == true)
        #expect(text?.contains("\"courseVersion\" : \"2.1\"") == true)
    }

    @Test("a failed save is retried with backoff until it succeeds; the saved file is intact throughout")
    func retries() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.save(state(1), learner: "anna", course: "k", courseVersion: nil)
        let saved = try Data(contentsOf: try store.progressFile(learner: "anna", course: "k"))
        let (moved, unblock) = try block()

        let saver = ProgressSaver(store: store, learner: "anna", course: "k", courseVersion: nil, retryDelays: [0.02, 0.05, 0.1])
        saver.submit(state(2))
        var outcomes: [SaveOutcome] = []
        #expect(
            ProgressTestSupport.wait(seconds: 10) {
                outcomes += saver.takeOutcomes()
                return outcomes.count >= 4
            }, "retried without new submits")
        #expect(outcomes.allSatisfy { if case .failed = $0 { true } else { false } })
        if case .failed(let message) = outcomes.first {
            #expect(message.contains(moved.deletingLastPathComponent().path + "/progress"))
        }
        #expect(saver.hasUnsavedProgress)
        #expect(try Data(contentsOf: moved.appendingPathComponent("k.json")) == saved)
        #expect(!saver.flush())
        #expect(try Data(contentsOf: moved.appendingPathComponent("k.json")) == saved)

        try unblock()
        #expect(
            ProgressTestSupport.wait(seconds: 10) {
                outcomes += saver.takeOutcomes()
                return outcomes.last == .saved
            }, "the retry saved once the obstacle was gone")
        #expect(!saver.hasUnsavedProgress)
        #expect(try store.load(learner: "anna", course: "k") == state(2))
        #expect(try Data(contentsOf: try store.backupFile(learner: "anna", course: "k")) == saved)
    }

    @Test("a newer submit and flush try at once, not after the backoff")
    func noWaitForBackoff() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.save(state(1), learner: "anna", course: "k", courseVersion: nil)
        let (_, unblock) = try block()
        let saver = ProgressSaver(store: store, learner: "anna", course: "k", courseVersion: nil, retryDelays: [60])
        saver.submit(state(2))
        #expect(!saver.flush())
        saver.submit(state(3))
        #expect(!saver.flush())
        let outcomes = saver.takeOutcomes()
        // Each submit's own attempt and each flush's extra attempt failed.
        #expect(outcomes.count == 4 && outcomes.allSatisfy { $0 != .saved })
        try unblock()
        let start = Date()
        #expect(saver.flush())
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(saver.takeOutcomes() == [.saved])
        #expect(try store.load(learner: "anna", course: "k") == state(3))
    }
}
