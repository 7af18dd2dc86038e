import Foundation
import KursusProgress

/// One learner's outbox, opened by a sync: the statements the player appended to
/// `outbox/statements.jsonl`, minus those already delivered (`sent.jsonl`) or rejected
/// (`rejected.jsonl`). Conforms to `StatementQueue`.
///
/// Opening takes an flock on `outbox/.sync.lock` for as long as the store is open, so
/// two syncs (the player's background sync and `kursus sync`) never interleave marks for
/// one learner: the second gets `.busy`. The journal is read, never written; marks are
/// appended and fsynced before a call returns. Memory holds the ids of marked
/// statements and of at most `limit` pending ones; the journal is streamed, and each
/// `pending(limit:)` continues from the first statement still pending last time.
public final class OutboxStore: StatementQueue, @unchecked Sendable {
    public let dataDirectory: URL
    public let learner: String
    public var name: String { learner }
    /// The outbox folder's path, for messages.
    public var path: String { folder.path }

    let folder: SafeDirectory
    /// Opens the learner's sealed lines (a PIN-protected learner, signed in); without it
    /// they are left pending (`OutboxCounts.sealed`).
    private let opening: OutboxFiles.Opening?
    private var lockFile: OpenFile?
    private var log: DeliveryLog
    private var cursor: Cursor?
    private var sealedSkipped = Set<UUID>()
    private let mutex = NSLock()

    /// The note for sealed statements `pending` met and could not open (no key, or not
    /// this learner's): they stay pending until a sync holding the key sends them.
    public var sealedNote: String? {
        mutex.lock()
        defer { mutex.unlock() }
        return sealedSkipped.isEmpty ? nil : SealedStatementLine.note(count: sealedSkipped.count, learner: learner)
    }

    /// Where the last scan found the first pending statement, in which file.
    private struct Cursor {
        var identity: FileIdentity
        var offset: UInt64
        var line: Int
    }

    private init(dataDirectory: URL, learner: String, folder: SafeDirectory, lockFile: OpenFile, log: DeliveryLog, key: LearnerKey?) {
        self.opening = key.map { OutboxFiles.Opening(learner: learner, key: $0) }
        self.dataDirectory = dataDirectory
        self.learner = learner
        self.folder = folder
        self.lockFile = lockFile
        self.log = log
    }

    /// Opens the learner's outbox for a sync, creating the outbox folder (0700) when the
    /// learner has none yet. Throws `.busy` when another sync has it open (with `wait`,
    /// waits for that one to finish instead). `key`, the learner's while they are signed
    /// in, opens their sealed statements so they are sent too.
    public static func open(dataDirectory: URL, learner: String, wait: Bool = false, key: LearnerKey? = nil) throws(OutboxError)
        -> OutboxStore
    {
        guard let folder = try OutboxFiles.outboxFolder(dataDirectory: dataDirectory, learner: learner, create: true) else {
            throw .file(.missing(path: dataDirectory.path))
        }
        let lockFile: OpenFile
        let log: DeliveryLog
        do {
            lockFile = try folder.openForWriting(OutboxLayout.syncLockName, append: false)
            try lockFile.lockExclusively(wait: wait, holder: "another sync")
            log = try DeliveryLog(folder: folder)
        } catch {
            if case .busy = error { throw .busy(learner: learner, path: folder.path) }
            throw .file(error)
        }
        return OutboxStore(dataDirectory: dataDirectory, learner: learner, folder: folder, lockFile: lockFile, log: log, key: key)
    }

    deinit { close() }

    /// Gives up the sync lock; marks are refused afterwards.
    public func close() {
        mutex.lock()
        defer { mutex.unlock() }
        lockFile = nil
    }

    // MARK: StatementQueue

    public func pending(limit: Int) throws(OutboxError) -> [PendingStatement] {
        mutex.lock()
        defer { mutex.unlock() }
        guard lockFile != nil else { throw .closed(learner: learner) }
        guard limit > 0 else { return [] }
        do {
            guard let file = try folder.openForReading(OutboxLayout.journalName) else { return [] }
            let (size, identity) = try file.status()
            var start = (offset: UInt64(0), line: 1)
            if let cursor, cursor.identity == identity, cursor.offset <= size { start = (cursor.offset, cursor.line) }
            var found: [PendingStatement] = []
            var seen = Set<UUID>()
            var firstPending: (offset: UInt64, line: Int)?
            let summary = try OutboxFiles.scan(file, from: start.offset, firstLine: start.line, opening: opening) { item in
                if case let .sealed(id, _, _) = item, !log.isHandled(id) { sealedSkipped.insert(id) }
                guard case let .statement(id, json, line, offset) = item, !log.isHandled(id), !seen.contains(id) else { return true }
                if firstPending == nil { firstPending = (offset, line) }
                seen.insert(id)
                found.append(PendingStatement(id: StatementLine.string(id), json: json))
                return found.count < limit
            }
            let next = firstPending ?? (summary.end, summary.nextLineNumber)
            cursor = Cursor(identity: identity, offset: next.offset, line: next.line)
            return found
        } catch {
            throw .file(error)
        }
    }

    public func markDelivered(_ ids: [String], at time: Date) throws(OutboxError) {
        mutex.lock()
        defer { mutex.unlock() }
        guard lockFile != nil else { throw .closed(learner: learner) }
        do {
            try log.appendDelivered(ids, at: time, in: folder)
        } catch {
            throw .file(error)
        }
    }

    public func markRejected(_ id: String, status: Int, reason: String, at time: Date) throws(OutboxError) {
        mutex.lock()
        defer { mutex.unlock() }
        guard lockFile != nil else { throw .closed(learner: learner) }
        do {
            try log.appendRejected(id, status: status, reason: reason, at: time, in: folder)
        } catch {
            throw .file(error)
        }
    }

    // MARK: Counts and compaction

    /// Pending, sent and rejected statements, from the files as they are now.
    public func counts() throws(OutboxError) -> OutboxCounts {
        mutex.lock()
        defer { mutex.unlock() }
        return try OutboxCounts.count(learner: learner, folder: folder, log: log)
    }

    /// Rotates the journal away when every statement in it was delivered or rejected;
    /// see `OutboxCompaction`.
    public func compact() throws(OutboxError) -> CompactionOutcome {
        mutex.lock()
        defer { mutex.unlock() }
        guard lockFile != nil else { throw .closed(learner: learner) }
        let outcome = try OutboxCompaction.compact(dataDirectory: dataDirectory, learner: learner, folder: folder, log: log)
        if case .rotated = outcome { cursor = nil }
        return outcome
    }
}
