import Foundation
import KursusEngine

/// Saves progress off the key path. `submit` returns at once; a background queue writes
/// the newest submitted progress (older unsaved ones are skipped, the newest holds all
/// of them). A failed write is kept and retried with the next submit or `flush`.
public final class ProgressSaver: @unchecked Sendable {
    private let store: ProgressStore
    private let learner: String
    private let course: String
    private let courseVersion: String?
    private let queue = DispatchQueue(label: "kursus.progress-saver")
    private let lock = NSLock()
    private var pending: LearnerProgress?
    private var scheduled = false
    private var outcomes: [SaveOutcome] = []

    public init(store: ProgressStore, learner: String, course: String, courseVersion: String?) {
        self.store = store
        self.learner = learner
        self.course = course
        self.courseVersion = courseVersion
    }

    public func submit(_ progress: LearnerProgress) {
        lock.lock()
        pending = progress
        let shouldSchedule = !scheduled
        scheduled = true
        lock.unlock()
        if shouldSchedule { queue.async { self.drain() } }
    }

    /// Blocks until everything submitted so far has been written (or has failed).
    public func flush() {
        queue.sync { self.drain() }
    }

    /// Results of the writes since the last call, oldest first.
    public func takeOutcomes() -> [SaveOutcome] {
        lock.lock()
        defer { lock.unlock() }
        let taken = outcomes
        outcomes = []
        return taken
    }

    private func drain() {
        lock.lock()
        let progress = pending
        pending = nil
        scheduled = false
        lock.unlock()
        guard let progress else { return }
        let outcome: SaveOutcome
        do {
            try store.save(progress, learner: learner, course: course, courseVersion: courseVersion)
            outcome = .saved
        } catch {
            outcome = .failed(message: error.description)
            lock.lock()
            if pending == nil { pending = progress }
            lock.unlock()
        }
        lock.lock()
        outcomes.append(outcome)
        lock.unlock()
    }
}
