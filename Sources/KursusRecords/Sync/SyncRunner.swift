import Foundation

/// A queue that can count its pending statements without reading them. Optional: for
/// other queues the runner counts what `pending` returns.
public protocol CountingStatementQueue: StatementQueue {
    func pendingCount() throws -> Int
}

/// Sends the pending statements of one or more queues to the LRS in batches and records
/// in each queue what became of them (see `BatchDelivery` for how each answer is
/// handled). Nothing is marked delivered unless the LRS said it has the statement.
///
/// A sync handles the statements pending when it starts; statements queued while it
/// runs wait for the next one. It stops at the first LRS problem that is not about one
/// statement (credentials, the LRS unreachable after retries, a server fault), leaving
/// what it had not finished with pending. A queue that cannot be read or cannot record
/// an answer is left where it is and the other queues are still sent. The report's
/// `stoppedBecause` is the first such problem.
public final class SyncRunner {
    public static let defaultBatchSize = 100

    private let client: LRSClient
    private let batchSize: Int
    private let retry: RetryPolicy
    private let clock: () -> Date
    private let progress: (SyncProgress) -> Void

    /// - Parameters:
    ///   - batchSize: statements per POST (1…10,000).
    ///   - retry: tries and backoff for an LRS that is unreachable or failing.
    ///   - clock: the time recorded with each mark.
    ///   - progress: called after each answer is recorded, on the calling thread.
    public init(
        client: LRSClient, batchSize: Int = SyncRunner.defaultBatchSize, retry: RetryPolicy = .standard,
        clock: @escaping () -> Date = { Date() }, progress: @escaping (SyncProgress) -> Void = { _ in }
    ) {
        self.client = client
        self.batchSize = min(max(1, batchSize), 10_000)
        self.retry = retry
        self.clock = clock
        self.progress = progress
    }

    /// Sends every queue's pending statements, or with `dryRun` only counts them.
    public func run(_ queues: [any StatementQueue], dryRun: Bool = false) -> SyncReport {
        var report = SyncReport(dryRun: dryRun)
        var counts: [Int] = []
        for queue in queues {
            do {
                counts.append(try Self.pendingCount(queue))
            } catch {
                counts.append(0)
                report.stoppedBecause = report.stoppedBecause ?? .queue(name: queue.name, problem: "its pending statements cannot be read: \(error)")
            }
        }
        report.total = counts.reduce(0, +)
        report.stillPending = report.total
        if dryRun || report.total == 0 { return report }

        var currentQueue = queues.first?.name ?? ""
        let total = report.total
        let delivery = BatchDelivery(client: client, retry: retry, now: clock) { [progress] done in
            progress(SyncProgress(done: done, total: max(total, done), queue: currentQueue))
        }
        for (queue, count) in zip(queues, counts) where count > 0 {
            currentQueue = queue.name
            progress(SyncProgress(done: delivery.handled, total: total, queue: queue.name))
            guard let stop = send(count, from: queue, with: delivery) else { continue }
            report.stoppedBecause = report.stoppedBecause ?? stop
            // A queue that cannot be used is skipped; the LRS failing ends the sync.
            if case .lrs = stop { break }
        }
        report.delivered = delivery.delivered
        report.alreadyHeld = delivery.alreadyHeld
        report.rejected = delivery.rejected
        report.stillPending = max(0, total - delivery.handled)
        return report
    }

    /// Sends the `count` statements that were pending in `queue` when the sync started.
    private func send(_ count: Int, from queue: any StatementQueue, with delivery: BatchDelivery) -> SyncStop? {
        var left = count
        while left > 0 {
            let batch: [PendingStatement]
            do {
                batch = try queue.pending(limit: min(batchSize, left))
            } catch {
                return .queue(name: queue.name, problem: "its pending statements cannot be read: \(error)")
            }
            if batch.isEmpty { return nil }
            if let repeated = batch.first(where: { delivery.handledIDs.contains($0.id) }) {
                return .queue(name: queue.name, problem: "statement \(repeated.id) is still pending after it was recorded as sent")
            }
            do {
                try delivery.deliver(batch, from: queue)
            } catch {
                return error
            }
            left -= batch.count
        }
        return nil
    }

    static func pendingCount(_ queue: any StatementQueue) throws -> Int {
        if let counting = queue as? any CountingStatementQueue { return try counting.pendingCount() }
        return try queue.pending(limit: Int(Int32.max)).count
    }
}
