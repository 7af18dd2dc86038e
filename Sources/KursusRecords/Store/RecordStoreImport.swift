import Foundation

/// What an import did with a transfer file.
public struct ImportReport: Hashable, Sendable {
    public var file: String
    public var manifest: TransferManifest
    /// Statements new to the store, now in it.
    public var added: Int
    /// Statements the store already held with the same content (an earlier import).
    public var alreadyPresent: Int
    /// Statements the store holds with other content under the same id: skipped, at
    /// most `conflictsListed` listed.
    public var conflicts: [ImportConflict]
    public var conflictCount: Int
    /// Statements in the store after the import.
    public var statementsInStore: Int

    public static let conflictsListed = 100
}

/// A statement of a transfer file whose id the store holds with other content.
public struct ImportConflict: Hashable, Sendable {
    public var id: String
    public var learner: String
    /// Its line in the file's `statements.jsonl`.
    public var line: Int
}

extension RecordStore {
    /// Adds the statements of a transfer file, all or nothing:
    /// - anything wrong with the file itself (damaged, hostile, a manifest that does not
    ///   fit, a line that is not a statement, one id twice with different contents)
    ///   refuses the whole file with `.transfer` and leaves the store as it was;
    /// - statements the store already holds with the same content are counted and left
    ///   out (importing a file twice adds nothing);
    /// - statements whose id the store holds with other content are reported as
    ///   conflicts and left out; the rest of the file is imported.
    /// New statements go to a new segment written under hidden names, fsynced and
    /// renamed into place, and become part of the store in one step: the atomic
    /// replacement of `store.json`. A crash before that step leaves the store as it was.
    public func importFile(_ reader: TransferReader, source: String, now: Date) throws(RecordStoreError) -> ImportReport {
        mutex.lock()
        defer { mutex.unlock() }
        try checkOpen()
        let known = try loadedIndex()
        removeLeftovers()
        let number = (catalog.segments.map(\.number).max() ?? 0) + 1
        let writer: RecordSegment.Writer
        do { writer = try RecordSegment.Writer(folder: segments, number: number) } catch { throw .file(error) }
        var report = ImportReport(
            file: reader.path, manifest: reader.manifest, added: 0, alreadyPresent: 0, conflicts: [], conflictCount: 0, statementsInStore: 0
        )
        var added: [UUID: (fingerprint: UInt64, line: Int)] = [:]
        do {
            try reader.readStatements { statement in
                guard let id = StatementLine.uuid(statement.id) else { return }
                let fingerprint = StatementLine.fingerprint(statement.json)
                if let earlier = added[id] {
                    guard earlier.fingerprint == fingerprint else {
                        throw TransferError.conflictingDuplicate(path: reader.path, id: statement.id, lines: [earlier.line, statement.line])
                    }
                } else if let stored = known[id] {
                    if stored == fingerprint {
                        report.alreadyPresent += 1
                    } else {
                        report.conflictCount += 1
                        if report.conflicts.count < ImportReport.conflictsListed {
                            report.conflicts.append(ImportConflict(id: statement.id, learner: statement.learner, line: statement.line))
                        }
                    }
                } else {
                    added[id] = (fingerprint, statement.line)
                    try writer.add(id, fingerprint: fingerprint, json: statement.json)
                }
            }
            if writer.count > 0 {
                try writer.commit()
                var updated = catalog
                updated.segments.append(.init(number: number, statements: writer.count, bytes: writer.bytes, importedAt: now, source: source))
                try updated.save(to: folder)
                catalog = updated
                var merged = known
                for (id, entry) in added { merged[id] = entry.fingerprint }
                index = merged
            } else {
                writer.discard()
            }
        } catch {
            writer.discard()
            // Segment files renamed into place but not in the catalog are leftovers.
            if catalog.segments.last?.number != number {
                segments.remove(RecordSegment.statementsName(number))
                segments.remove(RecordSegment.indexName(number))
            }
            switch error {
            case let error as TransferError: throw .transfer(error)
            case let error as RecordStoreError: throw error
            case let error as RecordFileError: throw .file(error)
            default: throw .file(.writeFailed(path: segments.path, reason: "\(error)"))
            }
        }
        report.added = writer.count
        report.statementsInStore = catalog.statementCount
        return report
    }

    /// Every id in the store with its fingerprint, read from the index files once.
    func loadedIndex() throws(RecordStoreError) -> [UUID: UInt64] {
        if let index { return index }
        var loaded: [UUID: UInt64] = [:]
        loaded.reserveCapacity(catalog.statementCount)
        for segment in catalog.segments {
            let count = try RecordSegment.readIndex(folder: segments, number: segment.number) { id, fingerprint in
                loaded[id] = fingerprint
            }
            try Self.checkCount(count, of: segment, in: segments)
        }
        index = loaded
        return loaded
    }

    /// Removes segment files the catalog does not list and hidden files of imports that
    /// were cut off (the lock is held, so no import is running).
    private func removeLeftovers() {
        let listed = Set(catalog.segments.map(\.number))
        for name in (try? segments.names()) ?? [] {
            if name.hasPrefix(".segment-"), name.hasSuffix(".tmp") {
                segments.remove(name)
            } else if let number = RecordStoreLayout.segmentNumber(name), !listed.contains(number) {
                segments.remove(name)
            }
        }
    }
}
