import Foundation

/// Sends batches of one queue to the LRS and records each answer in the queue as soon
/// as it arrives, so a sync killed at any moment has at most one unacknowledged batch.
///
/// - 200, or 204 (Ralph's answer when it already held every statement with the same
///   content): delivered. A 200 lists the ids stored now; the others were held already.
/// - 400, 413, 422 or 409 for a batch: the LRS refused the whole batch (xAPI batches are
///   all or nothing; Ralph answers 409 for a batch with one id it holds with other
///   content and stores none of it). The batch is halved until each refused statement
///   is alone; those are quarantined with the LRS's reason, the rest delivered.
/// - 500 is ambiguous. Ralph answers some invalid statements with 500 (an agent's mbox
///   without "mailto:"), and a broken server (say, its disk gone) answers 500 to every
///   write. A batch's 500 is first tried again with backoff; if it persists the batch is
///   halved like a refused one (each part tried once). A statement that fails alone is a
///   suspect. Suspects are tried once more and then quarantined only when the LRS
///   stored some other part of the same batch meanwhile, which shows that the server
///   itself works. Otherwise, or as soon as `failureLimit` answers in a row were 500
///   with nothing stored between them (more than one or a few bad statements can
///   explain), it is a server fault: the sync stops and the suspects stay pending.
/// - 401/403, a redirect, 404 and other surprises stop the sync at once. Unreachable,
///   time-outs, 429, 502, 503 and 504 are tried again with backoff, then stop the sync.
final class BatchDelivery {
    private let client: LRSClient
    private let retry: RetryPolicy
    private let now: () -> Date
    private let onProgress: (Int) -> Void

    private(set) var delivered = 0
    private(set) var alreadyHeld = 0
    private(set) var rejected: [RejectedStatement] = []
    private(set) var handledIDs: Set<String> = []

    init(client: LRSClient, retry: RetryPolicy, now: @escaping () -> Date, onProgress: @escaping (Int) -> Void) {
        self.client = client
        self.retry = retry
        self.now = now
        self.onProgress = onProgress
    }

    var handled: Int { delivered + alreadyHeld + rejected.count }

    /// How the LRS answered one POST, once retries are spent.
    private enum Answer {
        case accepted(LRSClient.StoreResult)
        /// 400, 409, 413, 422: definite for a statement sent alone.
        case refused(status: Int, reason: String)
        /// 500 on every try.
        case failed(LRSError, reason: String)
    }

    /// What narrowing one batch found out.
    private struct Narrowing {
        /// 500 answers in a row, with nothing stored between them, that mean a server fault.
        let failureLimit: Int
        var failuresInARow = 0
        var storedSomething = false
        var suspects: [(statement: PendingStatement, error: LRSError)] = []

        /// Halving a batch of `count` to one statement takes about log2(count) steps, each
        /// a 500 when that part holds a bad statement; a few more allow for neighbours.
        init(batchSize count: Int) {
            failureLimit = (Int.bitWidth - max(count - 1, 1).leadingZeroBitCount) + 7
        }
    }

    func deliver(_ batch: [PendingStatement], from queue: any StatementQueue) throws(SyncStop) {
        guard !batch.isEmpty else { return }
        let answer = try post(batch[...], patientWithServerErrors: true)
        if case .accepted(let result) = answer {
            try markAccepted(batch[...], result, in: queue)
            return
        }
        var narrowing = Narrowing(batchSize: batch.count)
        if case .failed = answer { narrowing.failuresInARow = 1 }
        try narrow(batch[...], answer: answer, in: queue, &narrowing)
        guard let first = narrowing.suspects.first else { return }
        guard narrowing.storedSomething else { throw .lrs(first.error) }
        for suspect in narrowing.suspects {
            // Once more alone, now that the LRS has shown it stores statements.
            switch try post([suspect.statement], patientWithServerErrors: false) {
            case .accepted(let result):
                try markAccepted([suspect.statement], result, in: queue)
            case let .refused(status, reason):
                try markRejected(suspect.statement, status: status, reason: reason, in: queue)
            case let .failed(_, reason):
                let because = "the LRS failed (HTTP 500) on this statement alone, every time, while it stored others sent with it: \(reason)"
                try markRejected(suspect.statement, status: 500, reason: because, in: queue)
            }
        }
    }

    /// `batch` got `answer` (not accepted): halve it until every refusal is alone.
    private func narrow(
        _ batch: ArraySlice<PendingStatement>, answer: Answer, in queue: any StatementQueue, _ narrowing: inout Narrowing
    ) throws(SyncStop) {
        if batch.count == 1, let statement = batch.first {
            switch answer {
            case let .refused(status, reason):
                try markRejected(statement, status: status, reason: reason, in: queue)
            case let .failed(error, _):
                narrowing.suspects.append((statement, error))
            case .accepted(let result):
                try markAccepted(batch, result, in: queue)
            }
            return
        }
        let middle = batch.startIndex + batch.count / 2
        for half in [batch[..<middle], batch[middle...]] {
            let answer = try post(half, patientWithServerErrors: false)
            switch answer {
            case .accepted(let result):
                try markAccepted(half, result, in: queue)
                narrowing.storedSomething = true
                narrowing.failuresInARow = 0
            case .failed(let error, _):
                narrowing.failuresInARow += 1
                if narrowing.failuresInARow >= narrowing.failureLimit { throw .lrs(error) }
                try narrow(half, answer: answer, in: queue, &narrowing)
            case .refused:
                try narrow(half, answer: answer, in: queue, &narrowing)
            }
        }
    }

    private func post(_ batch: ArraySlice<PendingStatement>, patientWithServerErrors: Bool) throws(SyncStop) -> Answer {
        let bodies = batch.map(\.json)
        var attempt = 1
        while true {
            let error: LRSError
            do {
                return .accepted(try client.postStatements(bodies))
            } catch let failure {
                error = failure
            }
            var retryAfter: Int?
            switch error {
            case .conflict(let detail):
                return .refused(status: 409, reason: detail.isEmpty ? "the LRS holds this id with other content" : detail)
            case let .rejected(status, detail):
                return .refused(status: status, reason: detail.isEmpty ? "the LRS refused it as invalid" : detail)
            case .serverError(500, let detail):
                guard patientWithServerErrors, attempt < retry.attempts else {
                    return .failed(error, reason: detail.isEmpty ? "no reason given" : detail)
                }
            case .rateLimited(let seconds):
                retryAfter = seconds
                guard attempt < retry.attempts else { throw .lrs(error) }
            default:
                guard error.isTransient, attempt < retry.attempts else { throw .lrs(error) }
            }
            retry.sleep(retry.delay(afterAttempt: attempt, retryAfter: retryAfter))
            attempt += 1
        }
    }

    private func markAccepted(_ batch: ArraySlice<PendingStatement>, _ result: LRSClient.StoreResult, in queue: any StatementQueue) throws(SyncStop) {
        let ids = batch.map(\.id)
        do {
            try queue.markDelivered(ids, at: now())
        } catch {
            throw .queue(name: queue.name, problem: "recording \(ids.count) delivered statements failed: \(error)")
        }
        if result.status == 204 {
            alreadyHeld += ids.count
        } else if let stored = result.storedIDs.map(Set.init) {
            let new = ids.filter { stored.contains($0) }.count
            delivered += new
            alreadyHeld += ids.count - new
        } else {
            delivered += ids.count
        }
        handledIDs.formUnion(ids)
        onProgress(handled)
    }

    private func markRejected(_ statement: PendingStatement, status: Int, reason: String, in queue: any StatementQueue) throws(SyncStop) {
        do {
            try queue.markRejected(statement.id, status: status, reason: reason, at: now())
        } catch {
            throw .queue(name: queue.name, problem: "recording that the LRS refused \(statement.id) failed: \(error)")
        }
        rejected.append(RejectedStatement(queue: queue.name, id: statement.id, status: status, reason: reason))
        handledIDs.insert(statement.id)
        onProgress(handled)
    }
}
