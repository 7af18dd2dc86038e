import Foundation

/// A bounded hand-over of statement batches from the thread that reads the sources to
/// the thread that reads the statements' facts, so that unpacking, checking and
/// deduplicating (one core) overlap with the fact parser (the other): a report over two
/// million statements takes about half as long on two cores. At most `capacity` batches
/// wait, so memory stays bounded when one side is faster.
final class StatementPipe: @unchecked Sendable {
    // @unchecked: every field is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var batches: [[ReadStatement]] = []
    private var finished = false
    private let capacity: Int

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// Waits while the pipe is full, then adds a batch.
    func put(_ batch: [ReadStatement]) {
        condition.lock()
        while batches.count >= capacity { condition.wait() }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// No more batches will come.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for one; nil once the pipe is finished and empty.
    func take() -> [ReadStatement]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }
}

/// What the reading thread hands back when it is done.
final class ReadingResult: @unchecked Sendable {
    // @unchecked: written by the reading thread before `done` is signalled, read after.
    var summary = ReadingSummary()
    let done = DispatchSemaphore(value: 0)
}
