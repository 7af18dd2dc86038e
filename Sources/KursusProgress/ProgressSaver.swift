import Foundation
import KursusEngine

/// Saves progress off the key path. `submit` returns at once; a background queue writes
/// the newest submitted progress (older unsaved ones are skipped: the newest holds all
/// of them). Statements submitted with progress are never skipped: they accumulate, are
/// written inside the progress file, and are appended to the learner's outbox journal
/// right after it is saved; only then are they dropped from the file's next generation. A failed write loses nothing already on disk and is retried after a
/// growing pause (`retryDelays`, the last one repeating) until it succeeds; a newer
/// submit is tried at once instead. Every attempt's result is queued for `takeOutcomes`.
public final class ProgressSaver: @unchecked Sendable {
    /// 1 s, 2 s, 5 s, then every 10 s.
    public static let defaultRetryDelays: [TimeInterval] = [1, 2, 5, 10]

    private let store: ProgressStore
    private let learner: String
    private let course: String
    private let courseVersion: String?
    private let fingerprint: String?
    private let retryDelays: [TimeInterval]
    private let journal: OutboxJournal?
    private let queue = DispatchQueue(label: "kursus.progress-saver")

    private let lock = NSLock()
    /// The newest progress not yet known to be on disk, and its submit number.
    private var pending: LearnerProgress?
    private var pendingNumber = 0
    /// Statements not yet known to be in the journal, oldest first.
    private var statements: [OutboxStatement]
    /// A drain is queued and will pick up `pending`.
    /// Journal state, touched only on `queue`: how many of `statements` (a prefix) are
    /// appended but not yet fsynced, and the journal's size after the last append (nil
    /// when unknown, so the next append checks the journal's tail first).
    private var appendedUnsynced = 0
    private var journalEnd: Int?
    /// Appended statements are fsynced, and dropped from the progress file, in groups of
    /// this many (and at every flush): until then the progress file carries them, so a
    /// power cut that loses the journal's unsynced tail loses nothing.
    public static let journalSyncEvery = 8
    private var scheduled = false
    private var failuresInARow = 0
    private var retry: DispatchWorkItem?
    private var outcomes: [SaveOutcome] = []

    /// The progress last known to be on disk (the loaded one, then each one saved).
    private var lastSaved: LearnerProgress
    private var lastFailure: String?
    private let marker: UnsavedMarker?

    /// `baseline`: the progress as loaded, so the answers not yet saved can be counted;
    /// `marker`: where a failure is recorded for the next start (`UnsavedMarker`).
    public init(
        store: ProgressStore, learner: String, course: String, courseVersion: String?,
        fingerprint: String? = nil, retryDelays: [TimeInterval] = ProgressSaver.defaultRetryDelays,
        journal: OutboxJournal? = nil, recovered: [OutboxStatement] = [], baseline: LearnerProgress = .empty, marker: UnsavedMarker? = nil
    ) {
        lastSaved = baseline
        self.marker = marker
        self.journal = journal
        statements = recovered
        self.store = store
        self.learner = learner
        self.course = course
        self.courseVersion = courseVersion
        self.fingerprint = fingerprint
        self.retryDelays = retryDelays
    }

    /// Queues `progress`, and the statements made with it, to be saved; never waits for the disk.
    public func submit(_ progress: LearnerProgress, statements new: [OutboxStatement] = []) {
        lock.lock()
        pending = progress
        statements += new
        pendingNumber += 1
        retry?.cancel()
        retry = nil
        let shouldSchedule = !scheduled
        scheduled = true
        lock.unlock()
        if shouldSchedule { queue.async { self.drain() } }
    }

    /// Waits for queued work, tries once more at once if the newest progress is not yet
    /// saved, and tells whether everything submitted is on disk. Retries continue after
    /// a failed flush. Statements are on disk once their progress is (the progress file
    /// carries them); `syncJournal` also makes the outbox journal durable, as when a
    /// learner leaves, so that a sync finds them even if the learner never comes back.
    @discardableResult
    public func flush(syncJournal: Bool = true) -> Bool {
        queue.sync {
            lock.lock()
            retry?.cancel()
            retry = nil
            lock.unlock()
            drain()
            if syncJournal { self.syncJournal() }
            lock.lock()
            defer { lock.unlock() }
            return pending == nil
        }
    }

    /// Waits, at most `timeout` seconds, until every save submitted so far has been
    /// tried once (written and fsynced, or failed); true when it has. The runtime waits so
    /// before it shows the screen that follows a save: an answer shown as recorded is on
    /// disk (issue 16). Retries after a failure are not waited for.
    @discardableResult
    public func waitForAttempts(timeout: TimeInterval) -> Bool {
        let done = DispatchSemaphore(value: 0)
        queue.async { done.signal() }
        return done.wait(timeout: .now() + timeout) == .success
    }

    /// What is not yet on disk: nil when everything submitted is saved; else how many
    /// answers the newest progress holds that the last saved one lacks, why the last save
    /// failed, and the progress that is on disk.
    public var unsaved: (answers: Int, reason: String, saved: LearnerProgress)? {
        lock.lock()
        defer { lock.unlock() }
        guard let pending else { return nil }
        return (max(0, pending.answerCount - lastSaved.answerCount), lastFailure ?? "not saved yet", lastSaved)
    }

    /// The session ends: with everything saved the unsaved marker goes, else its record
    /// stays for the next start.
    public func finish() {
        if let unsaved {
            marker?.record(UnsavedMarker.Record(answers: unsaved.answers, reason: unsaved.reason))
            marker?.keep()
        } else {
            marker?.remove()
        }
    }

    /// Whether some submitted progress is not yet on disk.
    public var hasUnsavedProgress: Bool {
        lock.lock()
        defer { lock.unlock() }
        return pending != nil
    }

    /// Results of the writes since the last call, oldest first.
    public func takeOutcomes() -> [SaveOutcome] {
        lock.lock()
        defer { lock.unlock() }
        let taken = outcomes
        outcomes = []
        return taken
    }

    /// Runs on `queue`: one attempt to write the newest pending progress.
    private func drain() {
        lock.lock()
        scheduled = false
        let progress = pending
        let number = pendingNumber
        let outgoing = statements
        lock.unlock()
        guard let progress else { return }
        let outcome: SaveOutcome
        do {
            try store.save(progress, learner: learner, course: course, courseVersion: courseVersion, fingerprint: fingerprint, outbox: outgoing)
            outcome = .saved
            // The statements are safe in the progress file; a failed append is tried
            // again with the next save (or the next load), and nothing is lost.
            appendToJournal(outgoing, sync: outgoing.count >= Self.journalSyncEvery)
        } catch {
            outcome = .failed(message: error.description)
        }
        lock.lock()
        defer { lock.unlock() }
        outcomes.append(outcome)
        if outcome == .saved {
            if failuresInARow > 0 { marker?.clear() }
            failuresInARow = 0
            lastSaved = progress
            lastFailure = nil
            if pendingNumber == number { pending = nil }
            return
        }
        failuresInARow += 1
        if case .failed(let message) = outcome {
            lastFailure = message
            marker?.record(UnsavedMarker.Record(answers: max(0, (pending ?? progress).answerCount - lastSaved.answerCount), reason: message))
        }
        // A newer submit has its own drain queued; otherwise try this one again later.
        guard pendingNumber == number, !scheduled, retry == nil, let delay = retryDelay() else { return }
        let item = DispatchWorkItem { [weak self] in self?.retryNow() }
        retry = item
        queue.asyncAfter(deadline: .now() + delay, execute: item)
    }

    /// Appends the statements of `outgoing` not appended yet (on `queue`); with `sync`,
    /// fsyncs the journal and drops every appended statement from the next progress file.
    private func appendToJournal(_ outgoing: [OutboxStatement], sync: Bool) {
        guard let journal, !outgoing.isEmpty else { return }
        let fresh = Array(outgoing.dropFirst(min(appendedUnsynced, outgoing.count)))
        do {
            journalEnd = try journal.append(fresh, knownEnd: journalEnd, sync: sync)
            appendedUnsynced = outgoing.count
        } catch {
            journalEnd = nil
            appendedUnsynced = 0
            return
        }
        if sync { dropSynced() }
    }

    /// Makes the appended statements durable in the journal (at a flush), so the
    /// progress file no longer needs to carry them.
    private func syncJournal() {
        guard let journal, appendedUnsynced > 0 else { return }
        do {
            try journal.sync()
            dropSynced()
        } catch {
            journalEnd = nil
            appendedUnsynced = 0
        }
    }

    private func dropSynced() {
        lock.lock()
        statements.removeFirst(min(appendedUnsynced, statements.count))
        lock.unlock()
        appendedUnsynced = 0
    }

    private func retryNow() {
        lock.lock()
        retry = nil
        lock.unlock()
        drain()
    }

    private func retryDelay() -> TimeInterval? {
        guard let last = retryDelays.last else { return nil }
        let index = failuresInARow - 1
        return index < retryDelays.count ? retryDelays[index] : last
    }
}
