import Foundation
import KursusEngine
import KursusProgress
import KursusRecords

/// Sends the signed-in learner's learning records to the LRS while they play, off the
/// key path: a background queue syncs their outbox soon after each save and then every
/// `interval` seconds, and counts what still waits. The player only reads `status`,
/// which never waits for the network or the disk.
///
/// A sync cut short by the learner quitting (or by `kill -9`) loses nothing: the LRS
/// recognises statements it already holds when they are sent again.
final class BackgroundSync: @unchecked Sendable {
    private let dataDirectory: URL
    private let settings: LRSSettings
    private let learner: String
    /// The signed-in learner's key, when they have a PIN: opens their sealed records.
    private let key: LearnerKey?
    private let interval: TimeInterval
    private let queue = DispatchQueue(label: "kursus.background-sync", qos: .utility)
    private let lock = NSLock()
    private var current: RecordsStatus?
    private var timer: DispatchSourceTimer?
    private var stopped = false
    private var nudged = false
    /// Signalled when the last sync of `stopAfterFinalSync` has ended.
    private let finalSyncEnded = DispatchSemaphore(value: 0)
    private var finalSyncScheduled = false

    init(dataDirectory: URL, settings: LRSSettings, learner: String, key: LearnerKey? = nil, interval: TimeInterval = 60) {
        self.key = key
        self.dataDirectory = dataDirectory
        self.settings = settings
        self.learner = learner
        self.interval = interval
    }

    /// What the last count and sync found; nil before the first.
    var status: RecordsStatus? {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func start() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + 1, repeating: interval, leeway: .seconds(5))
        timer.setEventHandler { [weak self] in self?.syncNow() }
        lock.lock()
        self.timer = timer
        lock.unlock()
        timer.resume()
    }

    /// A save just added statements: sync soon (several saves in a row make one sync).
    func nudge() {
        lock.lock()
        let already = nudged || stopped
        nudged = true
        lock.unlock()
        guard !already else { return }
        queue.asyncAfter(deadline: .now() + 2) { [weak self] in self?.syncNow() }
    }

    /// Stops syncing; a sync under way finishes its batch in the background.
    func stop() {
        lock.lock()
        stopped = true
        timer?.cancel()
        timer = nil
        lock.unlock()
    }

    /// Signing out: stops, after one last sync on the background queue, so records only
    /// the learner's key opens are sent before the key is dropped (it goes when that
    /// sync ends).
    func stopAfterFinalSync() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        timer?.cancel()
        timer = nil
        lock.unlock()
        guard !wasStopped else { return }
        lock.lock()
        finalSyncScheduled = true
        lock.unlock()
        queue.async { [self] in
            _ = Self.sync(dataDirectory: dataDirectory, settings: settings, learner: learner, key: key)
            finalSyncEnded.signal()
        }
    }

    /// Waits until the last sync of `stopAfterFinalSync` has ended, or `deadline`: the
    /// process is about to exit, and a sealed record not sent now waits for the
    /// learner's next sign-in. True when it ended (or none was scheduled).
    func waitForFinalSync(until deadline: DispatchTime) -> Bool {
        lock.lock()
        let scheduled = finalSyncScheduled
        lock.unlock()
        guard scheduled else { return true }
        guard finalSyncEnded.wait(timeout: deadline) == .success else { return false }
        finalSyncEnded.signal()  // a second wait returns at once
        return true
    }

    /// One sync of the learner's outbox; runs on `queue`.
    private func syncNow() {
        lock.lock()
        nudged = false
        let isStopped = stopped
        lock.unlock()
        guard !isStopped else { return }
        let found = Self.sync(dataDirectory: dataDirectory, settings: settings, learner: learner, key: key)
        lock.lock()
        if !stopped { current = found }
        lock.unlock()
    }

    /// Counts the outbox and sends what waits. The LRS is tried once per sync, with a
    /// short time-out: the next sync tries again.
    static func sync(dataDirectory: URL, settings: LRSSettings, learner: String, key: LearnerKey? = nil) -> RecordsStatus? {
        guard let outbox = try? OutboxStore.open(dataDirectory: dataDirectory, learner: learner, key: key) else {
            // Another sync has the outbox now (a `kursus sync`); count without it.
            return (try? OutboxCounts.read(dataDirectory: dataDirectory, learner: learner)).map { RecordsStatus(waiting: $0.pending) }
        }
        defer { outbox.close() }
        guard let waiting = try? outbox.counts().pending else { return nil }
        guard waiting > 0 else { return RecordsStatus(waiting: 0) }
        guard let address = try? LRSAddress(settings.endpoint), let credentials = try? LRSCredentials.load(path: settings.credentialsFile.path) else {
            return RecordsStatus(waiting: waiting, offline: true)
        }
        let client = LRSClient(address: address, credentials: credentials, timeout: 10)
        let report = SyncRunner(client: client, retry: RetryPolicy(attempts: 1)).run([outbox])
        let offline: Bool = if case .lrs? = report.stoppedBecause { true } else { false }
        return RecordsStatus(waiting: report.stillPending, offline: offline)
    }
}
