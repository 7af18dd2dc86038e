import Foundation
import KursusRecords

/// Learners' statements made a batch at a time on every core, then handed on in the
/// cohort's order: the output is the same as one by one, only sooner. A batch holds
/// at most `size` learners' statements (about 25 MB for 64), so memory stays flat.
enum CohortBatches {
    static let size = 64

    static func forEach(
        _ cohort: CohortGenerator, _ body: (CohortLearner, [PendingStatement]) throws(CohortError) -> Void
    ) throws(CohortError) {
        var start = 0
        while start < cohort.learners.count {
            let batch = Array(cohort.learners[start..<min(start + size, cohort.learners.count)])
            let made = Results(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                made.set(index, cohort.statements(for: batch[index]))
            }
            for (index, learner) in batch.enumerated() { try body(learner, made.get(index)) }
            start += batch.count
        }
    }

    /// One slot per learner of a batch, filled from several threads.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [[PendingStatement]]

        init(count: Int) {
            slots = Array(repeating: [], count: count)
        }

        func set(_ index: Int, _ statements: [PendingStatement]) {
            lock.lock()
            slots[index] = statements
            lock.unlock()
        }

        func get(_ index: Int) -> [PendingStatement] {
            lock.lock()
            defer { lock.unlock() }
            return slots[index]
        }
    }
}
