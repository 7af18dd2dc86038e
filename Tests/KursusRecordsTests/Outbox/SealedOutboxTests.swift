import Foundation
import KursusProgress
import Testing
@testable import KursusRecords

/// A PIN-protected learner's outbox journal at rest (docs/learners.md, "Encrypted at
/// rest"): lines sealed with the learner's key, opened by a sync that holds the key, and
/// skipped with a note by every reader without it.
@Suite("The sealed outbox journal")
struct SealedOutboxTests {
    static let key = LearnerKey(rawKey: Data(repeating: 7, count: 32))
    static let otherKey = LearnerKey(rawKey: Data(repeating: 9, count: 32))

    static func statements(_ numbers: [Int]) -> [OutboxStatement] {
        numbers.map { OutboxStatement(id: RecordsFixtures.id($0), json: RecordsFixtures.statement($0, verb: "answered")) }
    }

    /// A data directory with anna's journal holding statements 1 and 2, sealed.
    static func sealedJournal(_ name: String) throws -> URL {
        let data = try RecordsFixtures.folder(name)
        try OutboxJournal(dataDirectory: data, learner: "anna", key: key).append(statements([1, 2]))
        return data
    }

    @Test("the journal on disk holds no statement text: no verb, no actor, no object")
    func noPlaintext() throws {
        let data = try Self.sealedJournal("sealed-bytes")
        defer { RecordsFixtures.remove(data) }
        let text = try RecordsFixtures.text(RecordsFixtures.journal(data, "anna"))
        #expect(!text.contains("answered"))
        #expect(!text.contains("adlnet"))
        #expect(!text.contains("kursus.example"))
        #expect(text.split(separator: "\n").count == 2)
        #expect(text.hasSuffix("\n"))
    }

    @Test("a sync holding the key gets the statements back, byte for byte")
    func keyedReader() throws {
        let data = try Self.sealedJournal("sealed-keyed")
        defer { RecordsFixtures.remove(data) }
        let outbox = try OutboxStore.open(dataDirectory: data, learner: "anna", key: Self.key)
        defer { outbox.close() }
        let pending = try outbox.pending(limit: 10)
        #expect(pending.map(\.id) == [RecordsFixtures.id(1), RecordsFixtures.id(2)])
        #expect(
            pending.map { String(decoding: $0.json, as: UTF8.self) } == [
                RecordsFixtures.statement(1, verb: "answered"), RecordsFixtures.statement(2, verb: "answered"),
            ])
    }

    @Test("a reader without the key (or with another learner's) skips the lines and says why")
    func keylessReader() throws {
        let data = try Self.sealedJournal("sealed-keyless")
        defer { RecordsFixtures.remove(data) }
        for key in [nil, Self.otherKey] {
            let outbox = try OutboxStore.open(dataDirectory: data, learner: "anna", key: key)
            #expect(try outbox.pending(limit: 10).isEmpty)
            outbox.close()
        }
        let counts = try OutboxCounts.read(dataDirectory: data, learner: "anna")
        #expect(counts.sealed == 2)
        #expect(counts.damagedCount == 0)
        #expect(counts.sealedNote == "2 records of learner 'anna' are encrypted with their PIN; they are sent while anna is signed in")
        var seen: [UUID] = []
        let reading = try ReadOnlyDataDirectory.journalStatements(dataDirectory: data, learner: "anna") { id, _ in
            seen.append(id)
            return true
        }
        #expect(seen.isEmpty)
        #expect(reading.sealed == 2)
        #expect(reading.damagedCount == 0)
    }

    @Test("a sealed line moved into another learner's journal does not open there")
    func movedLine() throws {
        let data = try Self.sealedJournal("sealed-moved")
        defer { RecordsFixtures.remove(data) }
        let line = try RecordsFixtures.text(RecordsFixtures.journal(data, "anna"))
        try RecordsFixtures.write(line, to: RecordsFixtures.journal(data, "bo"))
        let outbox = try OutboxStore.open(dataDirectory: data, learner: "bo", key: Self.key)
        defer { outbox.close() }
        #expect(try outbox.pending(limit: 10).isEmpty)
    }

    @Test("a torn sealed last line is not read, and the next append cuts it off")
    func tornSealedLine() throws {
        let data = try Self.sealedJournal("sealed-torn")
        defer { RecordsFixtures.remove(data) }
        let file = RecordsFixtures.journal(data, "anna")
        let whole = try RecordsFixtures.text(file)
        try RecordsFixtures.write(whole + String(whole.prefix(40)), to: file)
        let outbox = try OutboxStore.open(dataDirectory: data, learner: "anna", key: Self.key)
        #expect(try outbox.pending(limit: 10).map(\.id) == [RecordsFixtures.id(1), RecordsFixtures.id(2)])
        #expect(try outbox.counts().tornLastLine)
        outbox.close()
        try OutboxJournal(dataDirectory: data, learner: "anna", key: Self.key).append(Self.statements([2, 3]))
        let reopened = try OutboxStore.open(dataDirectory: data, learner: "anna", key: Self.key)
        defer { reopened.close() }
        #expect(try reopened.pending(limit: 10).map(\.id) == [1, 2, 3].map { RecordsFixtures.id($0) })
        #expect(try reopened.counts().tornLastLine == false)
    }
}
