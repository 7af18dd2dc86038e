import Foundation
import KursusText

/// What one sync did, for the command line to print and to choose its exit status.
public struct SyncReport: Hashable, Sendable {
    /// Nothing was sent: the counts say what would have been.
    public var dryRun: Bool
    /// Statements pending in all queues when the sync started.
    public var total: Int
    /// Stored by the LRS during this sync.
    public var delivered: Int
    /// The LRS already held them with the same content (sent before, by an earlier sync
    /// that was interrupted before it recorded the answer); marked delivered as well.
    public var alreadyHeld: Int
    /// Refused for good and quarantined in their queue, with the LRS's reason.
    public var rejected: [RejectedStatement]
    /// Still waiting in the queues when the sync ended (a dry run: all of them).
    public var stillPending: Int
    /// The first problem that left statements unhandled: the LRS failing (which ends
    /// the sync) or a queue that could not be used (which is skipped).
    public var stoppedBecause: SyncStop?

    public init(
        dryRun: Bool = false, total: Int = 0, delivered: Int = 0, alreadyHeld: Int = 0,
        rejected: [RejectedStatement] = [], stillPending: Int = 0, stoppedBecause: SyncStop? = nil
    ) {
        self.dryRun = dryRun
        self.total = total
        self.delivered = delivered
        self.alreadyHeld = alreadyHeld
        self.rejected = rejected
        self.stillPending = stillPending
        self.stoppedBecause = stoppedBecause
    }

    /// 0 when every pending statement reached the LRS (or, in a dry run, when the queues
    /// could be read); 1 when some stay pending or were quarantined.
    public var exitCode: Int32 {
        if stoppedBecause != nil { return 1 }
        if dryRun { return 0 }
        return stillPending == 0 && rejected.isEmpty ? 0 : 1
    }

    /// Statements the sync finished with: delivered, already held or rejected.
    public var handled: Int { delivered + alreadyHeld + rejected.count }
}

/// A statement the LRS refused for good: 400/422 (invalid), 409 (it holds the id with
/// other content), 413 (too large), or 500 repeatedly for this statement alone while it
/// stored the others.
public struct RejectedStatement: Hashable, Sendable {
    /// The queue's `name` (learner or record store).
    public var queue: String
    public var id: String
    public var status: Int
    /// The LRS's reason, terminal-safe and short.
    public var reason: String

    public init(queue: String, id: String, status: Int, reason: String) {
        self.queue = queue
        self.id = id
        self.status = status
        self.reason = reason
    }
}

/// Why a sync stopped early. Statements it had not finished with stay pending and the
/// next sync sends them again.
public enum SyncStop: Error, Hashable, Sendable, CustomStringConvertible {
    /// The LRS could not be used: wrong credentials, unreachable after retries, a server
    /// fault, a wrong address.
    case lrs(LRSError)
    /// A queue could not be read or could not record an answer.
    case queue(name: String, problem: String)

    public var description: String {
        switch self {
        case .lrs(let error):
            error.description
        case let .queue(name, problem):
            "The outbox \(TerminalSafe.clean(name)) could not be used: \(TerminalSafe.clean(problem)). Statements it has not recorded as sent stay pending; the LRS recognises those it already holds when they are sent again."
        }
    }
}

/// How far a sync is, for a progress bar: statements finished with (delivered, already
/// held or rejected) out of those pending at the start.
public struct SyncProgress: Hashable, Sendable {
    public var done: Int
    public var total: Int
    /// The queue being sent.
    public var queue: String

    public init(done: Int, total: Int, queue: String) {
        self.done = done
        self.total = total
        self.queue = queue
    }
}
