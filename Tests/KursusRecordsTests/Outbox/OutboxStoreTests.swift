import Foundation
import KursusProgress
import Testing
@testable import KursusRecords

@Suite("OutboxStore: pending statements from the journal, durable marks, one sync at a time")
struct OutboxStoreTests {
    typealias F = RecordsFixtures

    @Test("pending gives the journal's statements oldest first, exact bytes, at most limit, and moves on after marks")
    func pendingInOrder() throws {
        let data = try F.folder("outbox-pending")
        defer { F.remove(data) }
        let lines = (1...5).map { F.statement($0) }
        try F.writeJournal(data, "anna", lines)
        let store = try OutboxStore.open(dataDirectory: data, learner: "anna")
        let first = try store.pending(limit: 2)
        #expect(first.map(\.id) == [F.id(1), F.id(2)])
        #expect(first.map { String(decoding: $0.json, as: UTF8.self) } == Array(lines[0..<2]))
        // Not marked: the same two come again.
        #expect(try store.pending(limit: 2).map(\.id) == [F.id(1), F.id(2)])
        try store.markDelivered([F.id(1), F.id(2)], at: F.monday)
        #expect(try store.pending(limit: 2).map(\.id) == [F.id(3), F.id(4)])
        try store.markRejected(F.id(3), status: 400, reason: "missing verb", at: F.monday)
        #expect(try store.pending(limit: 10).map(\.id) == [F.id(4), F.id(5)])
        #expect(try store.pending(limit: 0).isEmpty)
        // Statements the player appends later are found from where the last scan stopped.
        try store.markDelivered([F.id(4), F.id(5)], at: F.monday)
        #expect(try store.pending(limit: 10).isEmpty)
        try F.appendJournal(data, "anna", [F.statement(6)])
        #expect(try store.pending(limit: 10).map(\.id) == [F.id(6)])
    }

    @Test("identical duplicate lines count once; a torn last line and damaged lines are skipped and reported")
    func duplicatesTornAndDamaged() throws {
        let data = try F.folder("outbox-damaged")
        defer { F.remove(data) }
        try F.writeJournal(
            data, "anna",
            [
                F.statement(1), F.statement(1), "not json", "[1,2]", "{\"id\":\"00000000-0000-4000-8000-00000000000A\"}",
                "{\"verb\":1}", F.statement(2),
            ], torn: String(F.statement(3).prefix(40)))
        let store = try OutboxStore.open(dataDirectory: data, learner: "anna")
        #expect(try store.pending(limit: 10).map(\.id) == [F.id(1), F.id(2)])
        let counts = try store.counts()
        #expect(counts.pending == 2)
        #expect(counts.tornLastLine)
        #expect(counts.damagedCount == 4)
        #expect(counts.damaged.map(\.line) == [3, 4, 5, 6])
        #expect(counts.damaged[0].reason == "not valid JSON (or not UTF-8)")
        #expect(counts.damaged[1].reason == "not a JSON object")
        #expect(counts.damaged[2].reason.contains("is not a lowercase UUID"))
        #expect(counts.damaged[3].reason == "the statement has no \"id\" string")
        #expect(counts.damaged[0].file == F.journal(data, "anna").path)
        // The crashed write is finished later: the line becomes whole and counts.
        try F.writeJournal(data, "anna", [F.statement(1), F.statement(2), F.statement(3)])
        #expect(try store.pending(limit: 10).map(\.id) == [F.id(1), F.id(2), F.id(3)])
    }

    @Test("a line over 1 MiB is reported, not loaded, and the statements after it are still sent")
    func overlongLine() throws {
        let data = try F.folder("outbox-long")
        defer { F.remove(data) }
        let long = "{\"id\":\"\(F.id(9))\",\"pad\":\"" + String(repeating: "x", count: (1 << 20) + 10) + "\"}"
        try F.writeJournal(data, "anna", [F.statement(1), long, F.statement(2)])
        let store = try OutboxStore.open(dataDirectory: data, learner: "anna")
        #expect(try store.pending(limit: 10).map(\.id) == [F.id(1), F.id(2)])
        let counts = try store.counts()
        #expect(counts.damaged.map(\.line) == [2])
        #expect(counts.damaged.first?.reason.hasPrefix("longer than 1 MiB") == true)
    }

    @Test("marks are durable, 0600, in the documented format, and seen by the next sync")
    func marksPersist() throws {
        let data = try F.folder("outbox-marks")
        defer { F.remove(data) }
        try F.writeJournal(data, "anna", (1...4).map { F.statement($0) })
        do {
            let store = try OutboxStore.open(dataDirectory: data, learner: "anna")
            try store.markDelivered([F.id(1), F.id(2)], at: F.monday)
            try store.markRejected(F.id(3), status: 409, reason: "conflict: held with other content", at: F.monday)
            store.close()
            #expect(throws: OutboxError.closed(learner: "anna")) { try store.markDelivered([F.id(4)], at: F.monday) }
        }
        let folder = F.outboxFolder(data, "anna")
        #expect(
            try F.text(folder.appendingPathComponent("sent.jsonl")) == """
                {"at":"2026-03-16T09:00:00Z","id":"\(F.id(1))"}
                {"at":"2026-03-16T09:00:00Z","id":"\(F.id(2))"}

                """)
        #expect(
            try F.text(folder.appendingPathComponent("rejected.jsonl"))
                == "{\"at\":\"2026-03-16T09:00:00Z\",\"id\":\"\(F.id(3))\",\"reason\":\"conflict: held with other content\",\"status\":409}\n")
        #expect(try F.permissions(folder.appendingPathComponent("sent.jsonl")) == 0o600)
        #expect(try F.permissions(folder.appendingPathComponent("rejected.jsonl")) == 0o600)
        let again = try OutboxStore.open(dataDirectory: data, learner: "anna")
        #expect(try again.pending(limit: 10).map(\.id) == [F.id(4)])
        let counts = try OutboxCounts.read(dataDirectory: data, learner: "anna")
        #expect(counts.pending == 1 && counts.sent == 2)
        #expect(counts.rejected == [Rejection(id: F.id(3), status: 409, reason: "conflict: held with other content", at: F.monday)])
    }

    @Test("a torn mark (crash during an append) is ignored, and cut off before the next mark")
    func tornMark() throws {
        let data = try F.folder("outbox-torn-mark")
        defer { F.remove(data) }
        try F.writeJournal(data, "anna", (1...3).map { F.statement($0) })
        let sent = F.outboxFolder(data, "anna").appendingPathComponent("sent.jsonl")
        try F.write("{\"at\":\"2026-03-16T09:00:00Z\",\"id\":\"\(F.id(1))\"}\n{\"at\":\"2026-03-16T09:00:00Z\",\"id\":\"000", to: sent)
        let store = try OutboxStore.open(dataDirectory: data, learner: "anna")
        #expect(try store.pending(limit: 10).map(\.id) == [F.id(2), F.id(3)])
        #expect(try store.counts().damagedCount == 0)
        try store.markDelivered([F.id(2)], at: F.monday)
        #expect(
            try F.text(sent) == """
                {"at":"2026-03-16T09:00:00Z","id":"\(F.id(1))"}
                {"at":"2026-03-16T09:00:00Z","id":"\(F.id(2))"}

                """)
    }

    @Test("a second sync of the same learner is refused until the first closes; other learners are free")
    func oneSyncAtATime() throws {
        let data = try F.folder("outbox-busy")
        defer { F.remove(data) }
        try F.writeJournal(data, "anna", [F.statement(1)])
        try F.writeJournal(data, "bo", [F.statement(2)])
        let first = try OutboxStore.open(dataDirectory: data, learner: "anna")
        #expect(throws: OutboxError.busy(learner: "anna", path: F.outboxFolder(data, "anna").path)) {
            try OutboxStore.open(dataDirectory: data, learner: "anna")
        }
        _ = try OutboxStore.open(dataDirectory: data, learner: "bo")
        first.close()
        _ = try OutboxStore.open(dataDirectory: data, learner: "anna")
    }

    @Test("bad learner ids and missing learners are refused before anything is written")
    func badLearners() throws {
        let data = try F.folder("outbox-ids")
        defer { F.remove(data) }
        for id in ["../x", "a/b", ".skjult", ""] {
            #expect(throws: OutboxError.self) { try OutboxStore.open(dataDirectory: data, learner: id) }
        }
        #expect(throws: OutboxError.noSuchLearner(learner: "bo", path: data.appendingPathComponent("learners/bo").path)) {
            try OutboxStore.open(dataDirectory: data, learner: "bo")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).isEmpty)
    }

    @Test("past 100,000 pending statements the counts warn; nothing is dropped")
    func warningPastTheLimit() throws {
        let data = try F.folder("outbox-limit")
        defer { F.remove(data) }
        let count = OutboxLayout.pendingWarningLimit + 1
        try F.writeJournal(data, "anna", (1...count).map { "{\"id\":\"\(F.id($0))\"}" })
        let counts = try OutboxCounts.read(dataDirectory: data, learner: "anna")
        #expect(counts.pending == count)
        #expect(counts.isOverLimit)
        #expect(counts.warning?.contains("100001 statements waiting") == true)
        let store = try OutboxStore.open(dataDirectory: data, learner: "anna")
        try store.markDelivered([F.id(1)], at: F.monday)
        let after = try store.counts()
        #expect(after.pending == count - 1 && after.warning == nil)
        #expect(try store.pending(limit: 3).map(\.id) == [F.id(2), F.id(3), F.id(4)])
    }
}
