import Foundation
import KursusProgress
import Testing
@testable import KursusRecords

@Suite("Outboxes of a data directory: listing, symbolic links refused, compaction under the learner lock")
struct OutboxDirectoryTests {
    typealias F = RecordsFixtures

    @Test("every learner with an outbox is listed; names that are not learner ids and learners without one are not")
    func listsLearners() throws {
        let data = try F.folder("outbox-list")
        defer { F.remove(data) }
        try F.writeJournal(data, "bo", [F.statement(1)])
        try F.writeJournal(data, "anna", [F.statement(2)])
        try FileManager.default.createDirectory(at: data.appendingPathComponent("learners/carl/progress"), withIntermediateDirectories: true)
        try F.write("x", to: data.appendingPathComponent("learners/.anna.123.tmp"))
        try FileManager.default.createDirectory(at: data.appendingPathComponent("learners/.skjult/outbox"), withIntermediateDirectories: true)
        #expect(try OutboxDirectory.learners(dataDirectory: data).map(\.learner) == ["anna", "bo"])
        #expect(try OutboxDirectory.learners(dataDirectory: data.appendingPathComponent("none")).isEmpty)
    }

    @Test("a symbolic link for a learner folder, an outbox or a journal is refused with a message naming it, and nothing is written through it")
    func symbolicLinks() throws {
        let data = try F.folder("outbox-links")
        let elsewhere = try F.folder("outbox-elsewhere")
        defer {
            F.remove(data)
            F.remove(elsewhere)
        }
        try F.writeJournal(elsewhere, "eve", [F.statement(1)])
        let learners = data.appendingPathComponent("learners")
        try FileManager.default.createDirectory(at: learners, withIntermediateDirectories: true)
        // A learner folder that is a link.
        try FileManager.default.createSymbolicLink(
            at: learners.appendingPathComponent("eve"), withDestinationURL: elsewhere.appendingPathComponent("learners/eve"))
        // An outbox that is a link.
        try FileManager.default.createDirectory(at: learners.appendingPathComponent("finn"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: learners.appendingPathComponent("finn/outbox"), withDestinationURL: F.outboxFolder(elsewhere, "eve"))
        // A journal that is a link.
        try FileManager.default.createDirectory(at: F.outboxFolder(data, "gry"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: F.journal(data, "gry"), withDestinationURL: F.journal(elsewhere, "eve"))

        let listed = try OutboxDirectory.learners(dataDirectory: data)
        #expect(listed.map(\.learner) == ["eve", "finn", "gry"])
        #expect(listed[0].problem == .file(.symbolicLink(path: learners.appendingPathComponent("eve").path)))
        #expect(listed[1].problem == .file(.symbolicLink(path: learners.appendingPathComponent("finn/outbox").path)))
        #expect(listed[2].problem == nil)
        #expect(listed[0].problem?.description.contains("is a symbolic link; Kursus does not follow links here") == true)

        #expect(throws: OutboxError.file(.symbolicLink(path: learners.appendingPathComponent("eve").path))) {
            try OutboxStore.open(dataDirectory: data, learner: "eve")
        }
        #expect(throws: OutboxError.file(.symbolicLink(path: learners.appendingPathComponent("finn/outbox").path))) {
            try OutboxStore.open(dataDirectory: data, learner: "finn")
        }
        let gry = try OutboxStore.open(dataDirectory: data, learner: "gry")
        #expect(throws: OutboxError.file(.symbolicLink(path: F.journal(data, "gry").path))) { try gry.pending(limit: 10) }
        #expect(throws: OutboxError.file(.symbolicLink(path: F.journal(data, "gry").path))) { try gry.counts() }
        // Nothing was written next to the linked-to journal.
        #expect(try FileManager.default.contentsOfDirectory(atPath: F.outboxFolder(elsewhere, "eve").path) == ["statements.jsonl"])

        // A linked sent.jsonl is not appended through.
        try FileManager.default.createSymbolicLink(
            at: F.outboxFolder(data, "gry").appendingPathComponent("sent.jsonl"), withDestinationURL: elsewhere.appendingPathComponent("stolen")
        )
        #expect(throws: OutboxError.self) { try OutboxStore.open(dataDirectory: data, learner: "gry") }
        #expect(!FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("stolen").path))
    }

    @Test("compaction rotates a fully delivered journal, waits while statements are pending, and is skipped while a player holds the learner")
    func compaction() throws {
        let data = try F.folder("outbox-compact")
        defer { F.remove(data) }
        try F.writeJournal(data, "anna", [F.statement(1), F.statement(2), F.statement(2)])
        let store = try OutboxStore.open(dataDirectory: data, learner: "anna")
        #expect(try store.compact() == .pending(2))
        try store.markDelivered([F.id(1)], at: F.monday)
        try store.markRejected(F.id(2), status: 400, reason: "bad", at: F.monday)

        let player = try LearnerLock.acquire(dataDirectory: data, learner: "anna")
        #expect(try store.compact() == .learnerBusy)
        #expect(FileManager.default.fileExists(atPath: F.journal(data, "anna").path))
        player.release()

        let original = try F.text(F.journal(data, "anna"))
        #expect(try store.compact() == .rotated(archive: "statements.1.jsonl.done", statements: 2))
        let archive = F.outboxFolder(data, "anna").appendingPathComponent("statements.1.jsonl.done")
        #expect(try F.text(archive) == original)
        #expect(!FileManager.default.fileExists(atPath: F.journal(data, "anna").path))
        #expect(try store.compact() == .empty)
        var counts = try store.counts()
        #expect(counts.pending == 0 && counts.sent == 1 && counts.rejected.count == 1 && counts.archivedJournals == 1)

        // The player starts a new journal; a statement replayed after a crash is still known as sent.
        try F.writeJournal(data, "anna", [F.statement(1), F.statement(3)])
        #expect(try store.pending(limit: 10).map(\.id) == [F.id(3)])
        try store.markDelivered([F.id(3)], at: F.monday)
        #expect(try store.compact() == .rotated(archive: "statements.2.jsonl.done", statements: 2))
        counts = try store.counts()
        #expect(counts.archivedJournals == 2 && counts.sent == 2)
    }

    @Test("streaming for an export: pending only, or every statement of every journal with each id once")
    func statementsForExport() throws {
        let data = try F.folder("outbox-stream")
        defer { F.remove(data) }
        try F.write(F.statement(1) + "\n", to: F.outboxFolder(data, "anna").appendingPathComponent("statements.1.jsonl.done"))
        try F.writeJournal(data, "anna", [F.statement(1), F.statement(2), "garbage", F.statement(3)], torn: "{\"id")
        try F.write(
            "{\"at\":\"2026-03-16T09:00:00Z\",\"id\":\"\(F.id(2))\"}\n", to: F.outboxFolder(data, "anna").appendingPathComponent("sent.jsonl"))
        var pending: [String] = []
        let result = try OutboxDirectory.statements(dataDirectory: data, learner: "anna", includeHandled: false) {
            pending.append($0.id); return true
        }
        #expect(pending == [F.id(1), F.id(3)])
        #expect(result.damagedCount == 1 && result.damaged.first?.line == 3)
        var all: [String] = []
        try OutboxDirectory.statements(dataDirectory: data, learner: "anna", includeHandled: true) {
            all.append($0.id); return true
        }
        #expect(all == [F.id(1), F.id(2), F.id(3)])
        var first: [String] = []
        try OutboxDirectory.statements(dataDirectory: data, learner: "anna", includeHandled: true) {
            first.append($0.id); return false
        }
        #expect(first == [F.id(1)])
    }
}
