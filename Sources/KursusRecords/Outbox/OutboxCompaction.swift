import Foundation
import KursusProgress

/// What `OutboxStore.compact()` did.
public enum CompactionOutcome: Hashable, Sendable {
    /// The journal was renamed to `archive`; it held `statements` distinct statements,
    /// all delivered or rejected.
    case rotated(archive: String, statements: Int)
    /// Statements are still pending; nothing was changed.
    case pending(Int)
    /// A player has the learner open (it may be appending); nothing was changed.
    case learnerBusy
    /// There is no journal, or it is empty.
    case empty
}

/// Keeps a journal from growing for ever: once every statement in
/// `statements.jsonl` is delivered or rejected, the file is renamed
/// `statements.<n>.jsonl.done` (n one more than the highest so far). The player then
/// starts a new journal with its next statement.
///
/// Why this is safe against a player appending at the same time: the player appends
/// only while it holds the learner's `LearnerLock` (`learners/<id>/.lock`), and
/// compaction runs only while it holds that lock too, taken without waiting; when a
/// player has the learner open, compaction is skipped (`.learnerBusy`) and tried again
/// at a later sync. A player's own background sync therefore never compacts the learner
/// it has open (its own lock conflicts, as flock locks belong to open files). Under the
/// lock the journal is scanned, its size checked once more just before the rename, and
/// renamed without replacing anything (a hard link, then the old name removed).
/// Nothing is deleted: `.done` files keep every byte, damaged lines and a torn last line
/// included, and `sent.jsonl`/`rejected.jsonl` stay, so a statement replayed into the
/// new journal after a crash is still known as sent.
enum OutboxCompaction {
    static func compact(dataDirectory: URL, learner: String, folder: SafeDirectory, log: DeliveryLog) throws(OutboxError) -> CompactionOutcome {
        let learnerLock: LearnerLock
        do {
            learnerLock = try LearnerLock.acquire(dataDirectory: dataDirectory, learner: learner)
        } catch {
            if case .learnerBusy = error { return .learnerBusy }
            throw .file(.writeFailed(path: folder.path, reason: error.description))
        }
        defer { learnerLock.release() }
        do {
            guard let journal = try folder.openForReading(OutboxLayout.journalName) else { return .empty }
            var seen = Set<UUID>()
            var pending = 0
            let summary = try OutboxFiles.scan(journal) { item in
                if let id = item.id, seen.insert(id).inserted, !log.isHandled(id) { pending += 1 }
                return true
            }
            let scanned = summary.end + summary.unfinishedLength
            if scanned == 0 { return .empty }
            if pending > 0 { return .pending(pending) }
            // Under the learner lock nothing appends; a size change means something does anyway.
            guard try journal.status().size == scanned else { return .learnerBusy }
            var number = (try OutboxFiles.archives(in: folder).last?.number ?? 0) + 1
            for _ in 0..<100 {
                let archive = OutboxLayout.archiveName(number)
                if try folder.renameWithoutReplacing(OutboxLayout.journalName, to: archive) {
                    return .rotated(archive: archive, statements: seen.count)
                }
                number += 1
            }
            throw OutboxError.file(.writeFailed(path: folder.pathOf(OutboxLayout.journalName), reason: "no free name to rotate the journal to"))
        } catch let error as OutboxError {
            throw error
        } catch let error as RecordFileError {
            throw .file(error)
        } catch {
            throw .file(.writeFailed(path: folder.path, reason: "\(error)"))
        }
    }
}
