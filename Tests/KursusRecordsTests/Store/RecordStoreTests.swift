import Foundation
import Testing
@testable import KursusRecords

@Suite("RecordStore: imports all or nothing, idempotent by id, conflicts reported; streams its statements; a StatementQueue")
struct RecordStoreTests {
    typealias F = RecordsFixtures

    /// Writes a transfer file holding `statements` (JSON lines) per learner.
    static func transfer(_ url: URL, _ learners: [(String, [String])], limits: TransferLimits = .standard) throws -> TransferReader {
        let writer = try TransferWriter(output: url, overwrite: true, kursusVersion: "0.1.0", selection: "pending", createdAt: F.monday)
        for (learner, lines) in learners {
            writer.beginLearner(learner)
            for line in lines {
                guard case let .success(id) = StatementLine.id(of: Data(line.utf8)) else {
                    throw TransferError.cannotWrite(path: url.path, reason: "bad fixture")
                }
                try writer.add(PendingStatement(id: StatementLine.string(id), json: Data(line.utf8)))
            }
        }
        try writer.finish()
        return try TransferReader.open(url, limits: limits)
    }

    static func all(_ store: URL) throws -> [String] {
        var lines: [String] = []
        try RecordStore.forEachStatement(in: store) { lines.append(String(decoding: $0.json, as: UTF8.self)) }
        return lines
    }

    /// Every file under `folder` with its bytes, to prove a refused import changed nothing.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? FileManager.DirectoryEnumerator() {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test("import, import again (nothing added), then a file with one new statement and one conflicting one")
    func importTwiceAndConflict() throws {
        let folder = try F.folder("store-import")
        defer { F.remove(folder) }
        let storeURL = folder.appendingPathComponent("records")
        let first = try Self.transfer(
            folder.appendingPathComponent("a.kursus-records"), [("anna", [F.statement(1), F.statement(2)]), ("bo", [F.statement(3, learner: "bo")])])
        let store = try RecordStore.open(storeURL)
        let report = try store.importFile(first, source: "a.kursus-records", now: F.monday)
        #expect(report.added == 3 && report.alreadyPresent == 0 && report.conflictCount == 0 && report.statementsInStore == 3)
        #expect(try F.permissions(storeURL) == 0o700)
        #expect(try F.permissions(storeURL.appendingPathComponent("segments/segment-000001.jsonl")) == 0o600)
        #expect(
            try F.text(storeURL.appendingPathComponent("segments/segment-000001.index"))
                == [1, 2, 3].map { n in
                    let line = n == 3 ? F.statement(3, learner: "bo") : F.statement(n)
                    let fingerprint = String(StatementLine.fingerprint(Data(line.utf8)), radix: 16)
                    return F.id(n) + " " + String(repeating: "0", count: 16 - fingerprint.count) + fingerprint + "\n"
                }.joined())
        let catalog = try F.text(storeURL.appendingPathComponent("store.json"))
        #expect(catalog.contains("\"source\" : \"a.kursus-records\"") && catalog.contains("\"statements\" : 3"))

        let again = try store.importFile(
            try TransferReader.open(folder.appendingPathComponent("a.kursus-records")), source: "a.kursus-records", now: F.monday)
        #expect(again.added == 0 && again.alreadyPresent == 3 && again.statementsInStore == 3)
        #expect(!FileManager.default.fileExists(atPath: storeURL.appendingPathComponent("segments/segment-000002.jsonl").path))

        let other = try Self.transfer(
            folder.appendingPathComponent("b.kursus-records"), [("anna", [F.statement(2, verb: "failed"), F.statement(4)])])
        let mixed = try store.importFile(other, source: "b.kursus-records", now: F.monday)
        #expect(mixed.added == 1 && mixed.alreadyPresent == 0 && mixed.conflictCount == 1)
        #expect(mixed.conflicts == [ImportConflict(id: F.id(2), learner: "anna", line: 1)])
        #expect(try Self.all(storeURL) == [F.statement(1), F.statement(2), F.statement(3, learner: "bo"), F.statement(4)])
        store.close()
        // A new session knows every id from the index files.
        let reopened = try RecordStore.open(storeURL)
        #expect(reopened.statementCount == 4)
        #expect(
            try reopened.importFile(try TransferReader.open(folder.appendingPathComponent("b.kursus-records")), source: "b", now: F.monday)
                .alreadyPresent == 1)
    }

    @Test("a file refused part-way (a bad line after good ones) leaves the store byte for byte as it was")
    func allOrNothing() throws {
        let folder = try F.folder("store-atomic")
        defer { F.remove(folder) }
        let storeURL = folder.appendingPathComponent("records")
        let store = try RecordStore.open(storeURL)
        _ = try store.importFile(
            try Self.transfer(folder.appendingPathComponent("a.kursus-records"), [("anna", [F.statement(1)])]), source: "a", now: F.monday)
        let before = try Self.snapshot(storeURL)

        let long = "{\"id\":\"\(F.id(9))\",\"pad\":\"" + String(repeating: "x", count: 400) + "\"}"
        let tooLong = try Self.transfer(
            folder.appendingPathComponent("b.kursus-records"), [("anna", [F.statement(2), F.statement(3), long])],
            limits: TransferLimits(maximumStatementBytes: 300)
        )
        #expect(
            throws: RecordStoreError.transfer(.badStatement(path: tooLong.path, line: 3, reason: "longer than 300 bytes (\(long.utf8.count) bytes)"))
        ) {
            try store.importFile(tooLong, source: "b", now: F.monday)
        }
        #expect(try Self.snapshot(storeURL) == before)

        #expect(try Self.all(storeURL) == [F.statement(1)])
    }

    @Test("a store is used by one Kursus at a time; a folder with other files is not made a store; a linked store folder is refused")
    func lockingAndForeignFolders() throws {
        let folder = try F.folder("store-lock")
        defer { F.remove(folder) }
        let storeURL = folder.appendingPathComponent("records")
        let first = try RecordStore.open(storeURL)
        #expect(throws: RecordStoreError.busy(path: storeURL.path)) { try RecordStore.open(storeURL) }
        first.close()
        _ = try RecordStore.open(storeURL)
        let foreign = folder.appendingPathComponent("dokumenter")
        try F.write("vigtigt", to: foreign.appendingPathComponent("notat.txt"))
        #expect(throws: RecordStoreError.notAStore(path: foreign.path)) { try RecordStore.open(foreign) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign.path) == ["notat.txt"])
        let linked = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: storeURL)
        #expect(throws: RecordStoreError.file(.symbolicLink(path: linked.path))) { try RecordStore.open(linked) }
        #expect(throws: RecordStoreError.file(.symbolicLink(path: linked.path))) { try RecordStore.forEachStatement(in: linked) { _ in } }
    }

    @Test("as a StatementQueue: pending across segments in import order, marks durable and seen after reopening")
    func queue() throws {
        let folder = try F.folder("store-queue")
        defer { F.remove(folder) }
        let storeURL = folder.appendingPathComponent("records")
        let store = try RecordStore.open(storeURL)
        _ = try store.importFile(
            try Self.transfer(folder.appendingPathComponent("a.kursus-records"), [("anna", (1...3).map { F.statement($0) })]), source: "a",
            now: F.monday)
        _ = try store.importFile(
            try Self.transfer(folder.appendingPathComponent("b.kursus-records"), [("bo", (4...5).map { F.statement($0) })]), source: "b",
            now: F.monday)
        #expect(store.name == storeURL.path)
        #expect(try store.pending(limit: 2).map(\.id) == [F.id(1), F.id(2)])
        try store.markDelivered([F.id(1), F.id(2)], at: F.monday)
        #expect(try store.pending(limit: 2).map(\.id) == [F.id(3), F.id(4)])
        try store.markRejected(F.id(3), status: 400, reason: "invalid verb", at: F.monday)
        #expect(try store.pending(limit: 10).map(\.id) == [F.id(4), F.id(5)])
        #expect(try store.pending(limit: 10).first?.json == Data(F.statement(4).utf8))
        store.close()
        #expect(throws: RecordStoreError.closed(path: storeURL.path)) { try store.pending(limit: 1) }
        let again = try RecordStore.open(storeURL)
        #expect(try again.pending(limit: 10).map(\.id) == [F.id(4), F.id(5)])
        #expect(again.marks.sent == 2 && again.marks.rejected.map(\.reason) == ["invalid verb"])
        // A later import is found by a queue that had reached the end.
        try again.markDelivered([F.id(4), F.id(5)], at: F.monday)
        #expect(try again.pending(limit: 10).isEmpty)
        _ = try again.importFile(
            try Self.transfer(folder.appendingPathComponent("c.kursus-records"), [("carl", [F.statement(6)])]), source: "c", now: F.monday)
        #expect(try again.pending(limit: 10).map(\.id) == [F.id(6)])
    }

    @Test("leftovers of an import cut off before the catalog changed are removed; a damaged segment is reported, not trusted")
    func leftoversAndDamage() throws {
        let folder = try F.folder("store-leftovers")
        defer { F.remove(folder) }
        let storeURL = folder.appendingPathComponent("records")
        let store = try RecordStore.open(storeURL)
        _ = try store.importFile(
            try Self.transfer(folder.appendingPathComponent("a.kursus-records"), [("anna", [F.statement(1)])]), source: "a", now: F.monday)
        let segments = storeURL.appendingPathComponent("segments")
        try F.write(F.statement(7) + "\n", to: segments.appendingPathComponent("segment-000002.jsonl"))
        try F.write("half", to: segments.appendingPathComponent(".segment-000003.jsonl.99.1.tmp"))
        let report = try store.importFile(
            try Self.transfer(folder.appendingPathComponent("b.kursus-records"), [("anna", [F.statement(2)])]), source: "b", now: F.monday)
        #expect(report.added == 1)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: segments.path).sorted()
                == ["segment-000001.index", "segment-000001.jsonl", "segment-000002.index", "segment-000002.jsonl"])
        #expect(try Self.all(storeURL) == [F.statement(1), F.statement(2)])
        store.close()

        try F.write(F.id(1) + " 0000000000000000\n" + F.id(8) + " 0000000000000000\n", to: segments.appendingPathComponent("segment-000001.index"))
        #expect(throws: RecordStoreError.self) { try Self.all(storeURL) }
        let reopened = try RecordStore.open(storeURL)
        #expect(throws: RecordStoreError.self) {
            try reopened.importFile(try TransferReader.open(folder.appendingPathComponent("a.kursus-records")), source: "a", now: F.monday)
        }
    }

    @Test("streams 20,000 statements in order")
    func streamsMany() throws {
        let folder = try F.folder("store-many")
        defer { F.remove(folder) }
        let storeURL = folder.appendingPathComponent("records")
        let store = try RecordStore.open(storeURL)
        _ = try store.importFile(
            try Self.transfer(folder.appendingPathComponent("a.kursus-records"), [("anna", (1...20_000).map { "{\"id\":\"\(F.id($0))\"}" })]),
            source: "a", now: F.monday)
        var count = 0
        var inOrder = true
        try RecordStore.forEachStatement(in: storeURL) { statement in
            count += 1
            inOrder = inOrder && statement.id == F.id(count)
        }
        #expect(count == 20_000 && inOrder)
    }
}
