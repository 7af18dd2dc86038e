import Foundation

/// The files of one segment of a record store, the statements of one import:
/// - `segment-<n>.jsonl`: the statements, one per line, bytes exactly as imported;
/// - `segment-<n>.index`: one line `<id> <fingerprint>` per statement in the same order
///   (a lowercase UUID, a space, 16 lowercase hex digits of the statement's SHA-256).
///
/// Both are written under hidden names, fsynced and renamed into place before the
/// catalog lists them, and never change afterwards. The index lets a store know its ids
/// and tell contents apart without parsing statements, and lets a reader hand out ids
/// alongside statements in lockstep.
enum RecordSegment {
    static func statementsName(_ number: Int) -> String { RecordStoreLayout.segmentName(number) + ".jsonl" }
    static func indexName(_ number: Int) -> String { RecordStoreLayout.segmentName(number) + ".index" }

    static func indexLine(_ id: UUID, _ fingerprint: UInt64) -> Data {
        let hex = String(fingerprint, radix: 16)
        return Data((StatementLine.string(id) + " " + String(repeating: "0", count: 16 - hex.count) + hex + "\n").utf8)
    }

    static func parseIndexLine(_ line: Data) -> (id: UUID, fingerprint: UInt64)? {
        guard line.count == 53, line[line.startIndex + 36] == 0x20 else { return nil }
        let text = String(decoding: line, as: UTF8.self)
        let parts = text.split(separator: " ")
        guard parts.count == 2, let id = StatementLine.uuid(String(parts[0])), parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }),
            let fingerprint = UInt64(parts[1], radix: 16)
        else { return nil }
        return (id, fingerprint)
    }

    /// Hands every entry of a segment's index to `body`; returns how many there were.
    static func readIndex(folder: SafeDirectory, number: Int, _ body: (UUID, UInt64) -> Void) throws(RecordStoreError) -> Int {
        let path = folder.pathOf(indexName(number))
        do throws(RecordFileError) {
            guard let file = try folder.openForReading(indexName(number)) else { throw RecordFileError.missing(path: path) }
            let cursor = try LineCursor(file, maximumLength: 64)
            var count = 0
            while let line = try cursor.next() {
                guard let (id, fingerprint) = parseIndexLine(line) else {
                    throw RecordFileError.unreadable(path: path, reason: "line \(count + 1) is not \"<id> <fingerprint>\"")
                }
                body(id, fingerprint)
                count += 1
            }
            return count
        } catch {
            throw .damaged(path: path, reason: error.description)
        }
    }

    /// Where a reader is: in which segment (by its place in the catalog), at which line.
    struct Position: Hashable {
        var segment: Int
        var statementsOffset: UInt64 = 0
        var indexOffset: UInt64 = 0
        var line: Int = 1
    }

    /// Reads one segment's statements and ids side by side from a position.
    final class Reader {
        private let statements: LineCursor
        private let index: LineCursor
        private let segment: Int
        private let indexPath: String

        init(folder: SafeDirectory, number: Int, at position: Position) throws(RecordStoreError) {
            segment = position.segment
            indexPath = folder.pathOf(indexName(number))
            do throws(RecordFileError) {
                guard let statementsFile = try folder.openForReading(statementsName(number)),
                    let indexFile = try folder.openForReading(indexName(number))
                else { throw RecordFileError.missing(path: folder.pathOf(RecordStoreLayout.segmentName(number))) }
                statements = try LineCursor(
                    statementsFile, from: position.statementsOffset, lineNumber: position.line, maximumLength: StatementLine.maximumLength)
                index = try LineCursor(indexFile, from: position.indexOffset, lineNumber: position.line, maximumLength: 64)
            } catch {
                throw .damaged(path: folder.path, reason: error.description)
            }
        }

        /// Where the next statement starts.
        var position: Position {
            Position(segment: segment, statementsOffset: statements.offset, indexOffset: index.offset, line: statements.lineNumber)
        }

        /// The next statement with its id, or nil after the last.
        func next() throws(RecordStoreError) -> (id: UUID, fingerprint: UInt64, json: Data)? {
            do throws(RecordFileError) {
                let line = index.lineNumber
                switch (try index.next(), try statements.next()) {
                case (nil, nil):
                    return nil
                case let (entry?, json?):
                    guard let (id, fingerprint) = parseIndexLine(entry) else {
                        throw RecordFileError.unreadable(path: indexPath, reason: "line \(line) is not \"<id> <fingerprint>\"")
                    }
                    return (id, fingerprint, json)
                default:
                    throw RecordFileError.unreadable(path: indexPath, reason: "the index and the statements have different numbers of lines")
                }
            } catch {
                throw .damaged(path: indexPath, reason: error.description)
            }
        }
    }

    /// Writes a new segment under hidden names; `commit` renames both files into place.
    /// Until then (and after `discard`) the store does not see them.
    final class Writer {
        let number: Int
        private let folder: SafeDirectory
        private let temporaryStatements: String
        private let temporaryIndex: String
        private var statements: OpenFile?
        private var index: OpenFile?
        private var statementsBuffer = Data()
        private var indexBuffer = Data()
        private(set) var bytes: UInt64 = 0
        private(set) var count = 0

        init(folder: SafeDirectory, number: Int) throws(RecordFileError) {
            self.folder = folder
            self.number = number
            let tag = "\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
            temporaryStatements = ".\(statementsName(number)).\(tag).tmp"
            temporaryIndex = ".\(indexName(number)).\(tag).tmp"
            statements = try folder.createNew(temporaryStatements)
            index = try folder.createNew(temporaryIndex)
        }

        deinit { discard() }

        func add(_ id: UUID, fingerprint: UInt64, json: Data) throws(RecordFileError) {
            statementsBuffer += json
            statementsBuffer.append(0x0A)
            indexBuffer += indexLine(id, fingerprint)
            bytes += UInt64(json.count + 1)
            count += 1
            if statementsBuffer.count >= 1 << 20 { try flush() }
        }

        /// Makes both files durable and gives them their names.
        func commit() throws(RecordFileError) {
            try flush()
            try statements?.sync()
            try index?.sync()
            statements = nil
            index = nil
            try folder.rename(temporaryIndex, to: indexName(number))
            try folder.rename(temporaryStatements, to: statementsName(number))
        }

        /// Removes what was written (nothing once committed).
        func discard() {
            guard statements != nil || index != nil else { return }
            statements = nil
            index = nil
            folder.remove(temporaryStatements)
            folder.remove(temporaryIndex)
        }

        private func flush() throws(RecordFileError) {
            try statements?.write(statementsBuffer)
            try index?.write(indexBuffer)
            statementsBuffer.removeAll(keepingCapacity: true)
            indexBuffer.removeAll(keepingCapacity: true)
        }
    }
}
