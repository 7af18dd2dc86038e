import Foundation
import KursusEngine
import Testing
@testable import KursusProgress

/// The learner's outbox journal and how the saver fills it: whole lines only, nothing
/// twice, and nothing lost between the progress file and the journal.
@Suite("The outbox journal")
struct OutboxJournalTests {
    static func statement(_ n: Int) -> OutboxStatement {
        let id = String(format: "00000000-0000-4000-8000-%012x", n)
        return OutboxStatement(id: id, json: "{\"id\":\"\(id)\",\"n\":\(n)}")
    }

    static func lines(_ journal: OutboxJournal) -> [String] {
        (ProgressTestSupport.text(journal.file) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test("appends whole lines in private files; appending again what the tail holds adds nothing")
    func appendTwice() throws {
        let folder = ProgressTestSupport.temporaryFolder("journal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = try OutboxJournal(dataDirectory: folder, learner: "anna")
        let end = try journal.append([Self.statement(1), Self.statement(2)])
        #expect(end == Self.lines(journal).joined(separator: "\n").utf8.count)
        try journal.append([Self.statement(2), Self.statement(3)])
        #expect(Self.lines(journal) == [Self.statement(1).json, Self.statement(2).json, Self.statement(3).json, ""])
        let mode = try FileManager.default.attributesOfItem(atPath: journal.file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: journal.file.deletingLastPathComponent().path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
    }

    @Test("a torn last line (a crash in the middle of an append) is cut before the next append")
    func tornLine() throws {
        let folder = ProgressTestSupport.temporaryFolder("journal-torn")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = try OutboxJournal(dataDirectory: folder, learner: "anna")
        try journal.append([Self.statement(1)])
        let handle = try FileHandle(forWritingTo: journal.file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(Self.statement(2).json.prefix(20).utf8))
        try handle.close()
        try journal.append([Self.statement(2)])
        #expect(Self.lines(journal) == [Self.statement(1).json, Self.statement(2).json, ""])
    }

    @Test("a known end skips reading the tail; an unknown or changed one checks it")
    func knownEnd() throws {
        let folder = ProgressTestSupport.temporaryFolder("journal-end")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = try OutboxJournal(dataDirectory: folder, learner: "anna")
        let end = try journal.append([Self.statement(1)], sync: false)
        let next = try journal.append([Self.statement(2)], knownEnd: end, sync: false)
        // A stale known end (the file changed since) falls back to the tail check.
        try journal.append([Self.statement(2)], knownEnd: end)
        #expect(Self.lines(journal).count == 3)
        #expect(next == (ProgressTestSupport.text(journal.file) ?? "").utf8.count)
    }

    @Test("the saver keeps statements in the progress file until the journal has them durably")
    func saverCarriesUntilSynced() throws {
        let folder = ProgressTestSupport.temporaryFolder("journal-saver")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ProgressStore(dataDirectory: folder)
        let journal = try OutboxJournal(dataDirectory: folder, learner: "anna")
        let saver = ProgressSaver(store: store, learner: "anna", course: "k", courseVersion: nil, retryDelays: [], journal: journal)
        for n in 0..<3 {
            saver.submit(ProgressTestSupport.richProgress(scroll: n), statements: [Self.statement(n)])
            #expect(saver.flush())
        }
        // Every flush makes the journal durable, so the next save no longer carries what it holds.
        saver.submit(ProgressTestSupport.richProgress(scroll: 3), statements: [Self.statement(3)])
        #expect(saver.flush())
        let loaded = try store.load(learner: "anna", courseID: "k")
        #expect(loaded.outbox.map(\.id) == [Self.statement(3).id])
        #expect(Self.lines(journal).dropLast() == (0...3).map { Self.statement($0).json })

        // A power cut loses the journal's unsynced tail: the progress file still has it,
        // and the next saver (as at the next start) appends it once.
        try Data((Self.lines(journal).prefix(3).joined(separator: "\n") + "\n").utf8).write(to: journal.file)
        let next = ProgressSaver(
            store: store, learner: "anna", course: "k", courseVersion: nil, retryDelays: [], journal: journal, recovered: loaded.outbox)
        next.submit(ProgressTestSupport.richProgress(scroll: 4), statements: [Self.statement(4)])
        #expect(next.flush())
        #expect(Self.lines(journal).dropLast() == (0...4).map { Self.statement($0).json })
    }

    @Test("whatever a damaged journal holds, an append never crashes and ends it with whole lines")
    func damagedJournals() throws {
        let folder = ProgressTestSupport.temporaryFolder("journal-damaged")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = try OutboxJournal(dataDirectory: folder, learner: "anna")
        var random = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let length = Int.random(in: 0...300, using: &random)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &random) && Bool.random(using: &random) ? UInt8(0x0A) : UInt8.random(in: 0...255, using: &random)
            }
            try FileManager.default.createDirectory(at: journal.file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: journal.file)
            let statement = Self.statement(round)
            try journal.append([statement], knownEnd: round % 3 == 0 ? length : nil)
            let text = try Data(contentsOf: journal.file)
            #expect(text.last == 0x0A)
            #expect(text.count >= statement.json.utf8.count + 1)
        }
    }
}
