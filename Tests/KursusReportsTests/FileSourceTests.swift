import Foundation
import KursusRecords
import KursusReports
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("RecordStoreSource and TransferFileSource: what import and export wrote, damage reported, the rest still read")
struct FileSourceTests {
    typealias F = SourceFixtures
    static let start = Date(timeIntervalSince1970: 1_773_651_600)  // 2026-03-16T09:00:00Z

    /// A data directory with two learners, exported to a transfer file.
    static func exported(_ root: URL) throws -> (statements: [PendingStatement], transfer: URL) {
        let data = root.appendingPathComponent("data")
        let anna = try F.learner("anna", team: "Afsnit 4", name: "Anna", in: data, start: start)
        let bo = try F.learner("bo", team: "Afsnit 5", name: "Bo", in: data, start: start.addingTimeInterval(3600))
        let transfer = root.appendingPathComponent("afsnit.kursus-records")
        try F.export(data, to: transfer)
        return (anna + bo, transfer)
    }

    @Test("a transfer file hands over every statement, bytes unchanged")
    func transferFile() throws {
        let root = try F.folder("transfer")
        defer { F.remove(root) }
        let (made, transfer) = try Self.exported(root)
        let (statements, log) = F.read(TransferFileSource(file: transfer))
        #expect(log.complete && log.problems.isEmpty)
        #expect(statements.map { $0.id.uuidString.lowercased() } == made.map(\.id))
        #expect(statements.map(\.json) == made.map(\.json))
    }

    @Test("a record store hands over every statement of every import, in import order")
    func recordStore() throws {
        let root = try F.folder("store")
        defer { F.remove(root) }
        let (made, transfer) = try Self.exported(root)
        let store = root.appendingPathComponent("records")
        try F.importFile(transfer, into: store)
        // A second import with one more learner adds a second segment.
        let data = root.appendingPathComponent("data")
        let cai = try F.learner("cai", team: nil, name: "Cai", in: data, start: Self.start.addingTimeInterval(7200))
        try F.export(data, to: transfer)
        try F.importFile(transfer, into: store)

        let (statements, log) = F.read(RecordStoreSource(folder: store))
        #expect(log.complete && log.problems.isEmpty)
        #expect(statements.map { $0.id.uuidString.lowercased() } == (made + cai).map(\.id))
        #expect(statements.map(\.json) == (made + cai).map(\.json))
    }

    @Test("a truncated store segment: the statements before it are kept, the problem names the file")
    func truncatedStore() throws {
        let root = try F.folder("store-cut")
        defer { F.remove(root) }
        let (made, transfer) = try Self.exported(root)
        let store = root.appendingPathComponent("records")
        try F.importFile(transfer, into: store)
        let data = root.appendingPathComponent("data")
        let cai = try F.learner("cai", team: nil, name: "Cai", in: data, start: Self.start.addingTimeInterval(7200))
        try F.export(data, to: transfer)
        try F.importFile(transfer, into: store)
        let segment = store.appendingPathComponent("segments/segment-000002.jsonl")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: segment.path)[.size] as? NSNumber).intValue
        #expect(truncate(segment.path, off_t(size / 2)) == 0)

        let (statements, log) = F.read(RecordStoreSource(folder: store))
        // The first import's segment whole, then what of cai's segment came before the cut.
        #expect(statements.count >= made.count && statements.count < made.count + cai.count)
        #expect(statements.map(\.json) == (made + cai.prefix(statements.count - made.count)).map(\.json))
        #expect(!log.complete)
        #expect(log.problems.count == 1)
        #expect(log.problems[0].hasPrefix("record store \(store.path) could not be read to the end after \(statements.count) statements: "))
        #expect(log.problems[0].contains("\(segment.path): cannot be read: the last line is cut off"))
    }

    @Test("a missing store and a store folder that is a link are problems")
    func missingAndLinkedStore() throws {
        let root = try F.folder("store-missing")
        defer { F.remove(root) }
        let missing = root.appendingPathComponent("records")
        let (none, log) = F.read(RecordStoreSource(folder: missing))
        #expect(none.isEmpty && !log.complete)
        #expect(log.problems == ["record store \(missing.path) could not be read to the end: \(missing.path) does not exist"])

        let (_, transfer) = try Self.exported(root)
        let real = root.appendingPathComponent("real-store")
        try F.importFile(transfer, into: real)
        let link = root.appendingPathComponent("linked-store")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let (linked, linkLog) = F.read(RecordStoreSource(folder: link))
        #expect(linked.isEmpty && !linkLog.complete)
        #expect(linkLog.problems.first?.contains("is a symbolic link") == true)
    }

    @Test("a truncated transfer file, a FIFO and a file whose lines pass a limit: problems naming the file, nothing invented")
    func damagedTransferFiles() throws {
        let root = try F.folder("transfer-bad")
        defer { F.remove(root) }
        let (made, transfer) = try Self.exported(root)

        // Cut in half: not a ZIP any more.
        let cut = root.appendingPathComponent("cut.kursus-records")
        let bytes = try Data(contentsOf: transfer)
        try bytes.prefix(bytes.count / 2).write(to: cut)
        let (none, cutLog) = F.read(TransferFileSource(file: cut))
        #expect(none.isEmpty && !cutLog.complete)
        #expect(cutLog.problems.count == 1)
        #expect(cutLog.problems[0].contains(cut.path) && cutLog.problems[0].contains("no end-of-archive record"))
        #expect(
            cutLog.problems == [
                "transfer file \(cut.path): the file is damaged or incomplete (no end-of-archive record: not a ZIP archive, or cut off); "
                    + "nothing of it was read. Copy it again, or export it again on the PC it came from"
            ])

        // A FIFO nobody writes to: refused at once.
        let fifo = root.appendingPathComponent("fifo.kursus-records")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let (fromFIFO, fifoLog) = F.read(TransferFileSource(file: fifo))
        #expect(fromFIFO.isEmpty && !fifoLog.complete)
        #expect(fifoLog.problems.first?.contains("not a regular file") == true)

        // Lines longer than the limit from some line on: the whole statements before it are kept.
        let limit = made[0].json.count
        let kept = made.prefix { $0.json.count <= limit }
        #expect(kept.count < made.count)
        let (partial, partialLog) = F.read(TransferFileSource(file: transfer, limits: TransferLimits(maximumStatementBytes: limit)))
        #expect(partial.map(\.json) == kept.map(\.json))
        #expect(!partialLog.complete)
        #expect(partialLog.problems.count == 1)
        #expect(partialLog.problems[0].contains("line \(kept.count + 1)"))
        #expect(partialLog.problems[0].hasSuffix("the \(kept.count) statements before the problem are in the report, the rest is left out"))
    }
}
