import Foundation
import KursusProgress

/// What became of one learner's statements: how many wait to be sent, how many were
/// delivered, and every rejection with its reason; plus lines of the files that could
/// not be read. Read without any lock: a torn last line (a write in progress, or cut
/// off by a crash) is not counted.
public struct OutboxCounts: Hashable, Sendable {
    public var learner: String
    /// The journal's path, for messages.
    public var journalPath: String
    /// Distinct statements in the journal neither delivered nor rejected.
    public var pending: Int
    /// Distinct statements delivered (including those of rotated journals).
    public var sent: Int
    /// Statements the LRS refused for good, oldest first.
    public var rejected: [Rejection]
    /// Lines that are not statements or marks (at most `damagedListed` are listed).
    public var damaged: [DamagedLine]
    /// All such lines, also those not listed.
    public var damagedCount: Int
    /// The journal's last line has no "\n": a write cut off by a crash, or in progress.
    public var tornLastLine: Bool
    /// Journals rotated away by compaction (`statements.<n>.jsonl.done`).
    public var archivedJournals: Int

    /// Pending statements sealed with the learner's PIN (counted in `pending`): only a
    /// sync holding their key, while they are signed in, can send them.
    public var sealed = 0

    public static let damagedListed = 20

    /// A note for readers without the key when some pending records are sealed.
    public var sealedNote: String? {
        sealed > 0 ? SealedStatementLine.note(count: sealed, learner: learner) : nil
    }

    /// Past `OutboxLayout.pendingWarningLimit` pending statements.
    public var isOverLimit: Bool { pending > OutboxLayout.pendingWarningLimit }

    /// A warning for the user when the outbox is over the limit; nothing is ever dropped.
    public var warning: String? {
        guard isOverLimit else { return nil }
        return "learner '\(learner)' has \(pending) statements waiting to be sent (more than \(OutboxLayout.pendingWarningLimit)); "
            + "nothing is lost, but connect this PC to the network and run 'kursus sync', or carry them off with 'kursus export'"
    }

    /// The counts of a learner's outbox, read without taking the sync lock. A learner
    /// without an outbox has all counts zero.
    public static func read(dataDirectory: URL, learner: String) throws(OutboxError) -> OutboxCounts {
        guard let folder = try OutboxFiles.outboxFolder(dataDirectory: dataDirectory, learner: learner, create: false) else {
            let path = dataDirectory.appendingPathComponent("learners/\(learner)/\(OutboxLayout.folderName)/\(OutboxLayout.journalName)").path
            return OutboxCounts(
                learner: learner, journalPath: path, pending: 0, sent: 0, rejected: [], damaged: [], damagedCount: 0, tornLastLine: false,
                archivedJournals: 0
            )
        }
        let log: DeliveryLog
        do {
            log = try DeliveryLog(folder: folder)
        } catch {
            throw .file(error)
        }
        return try count(learner: learner, folder: folder, log: log)
    }

    /// Counts the journal in `folder` against `log` in one streaming pass.
    static func count(learner: String, folder: SafeDirectory, log: DeliveryLog) throws(OutboxError) -> OutboxCounts {
        var seen = Set<UUID>()
        var pending = 0
        var sealed = 0
        var damaged = log.damaged
        var damagedCount = log.damaged.count
        do {
            let summary = try OutboxFiles.scan(folder, OutboxLayout.journalName) { item in
                switch item {
                case let .statement(id, _, _, _):
                    if seen.insert(id).inserted, !log.isHandled(id) { pending += 1 }
                case let .sealed(id, _, _):
                    if seen.insert(id).inserted, !log.isHandled(id) {
                        pending += 1
                        sealed += 1
                    }
                case let .damaged(line):
                    damagedCount += 1
                    if damaged.count < damagedListed { damaged.append(line) }
                }
                return true
            }
            return OutboxCounts(
                learner: learner, journalPath: folder.pathOf(OutboxLayout.journalName), pending: pending, sent: log.delivered.count,
                rejected: log.rejectionList,
                damaged: Array(damaged.prefix(damagedListed)), damagedCount: damagedCount,
                tornLastLine: (summary?.unfinishedLength ?? 0) > 0, archivedJournals: try OutboxFiles.archives(in: folder).count,
                sealed: sealed
            )
        } catch {
            throw .file(error)
        }
    }
}
