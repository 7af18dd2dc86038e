import Foundation
import KursusCourse
import KursusEngine
import KursusProgress
import KursusRecords

/// The real services on a workstation: learner profiles and PINs from the registry,
/// one lock per learner, progress loaded with recovery and saved in the background, and
/// every learning event turned into xAPI statements saved with the progress into the
/// learner's outbox (docs/records.md).
public final class WorkstationServices: SessionServices {
    private let registry: LearnerRegistry
    let store: ProgressStore
    private var content: CourseContent
    private var fingerprint: String?
    /// The course library, when learners choose their course in the catalogue.
    let shelf: CourseShelf?
    private let strings: UIStrings
    /// The UI strings of every language by code, so messages about a learner's progress
    /// are in the learner's own language (`LearnerSettings.language`); empty: `strings` only.
    public var stringTables: [String: UIStrings] = [:]
    private let records: RecordSettings
    private let siteSecret: Data
    private let clock: () -> Date
    private var lock: LearnerLock?
    private var saver: ProgressSaver?
    private var builder: StatementBuilder?
    private var sync: BackgroundSync?
    private var notices: [String] = []
    /// What the last learner closed left unsaved, for standard error (`takeCloseFailure`).
    private var closeFailure: String?
    /// Syncs of signed-out learners that may still be sending (`finishBackgroundWork`).
    private var finalSyncs: [BackgroundSync] = []
    /// The longest the process waits at exit for those syncs.
    public var finalSyncSeconds: Double = 8
    /// The key of the learner whose PIN was last accepted (`keyLearner`), held in memory
    /// only until they are closed: their progress and profile details are sealed with it.
    private var key: LearnerKey?
    private var keyLearner: String?

    /// The progress store of the signed-in learner: with their key when they have one.
    var learnerStore: ProgressStore {
        var keyed = store
        keyed.key = key
        return keyed
    }

    public init(
        dataDirectory: URL, content: CourseContent, fingerprint: String?, strings: UIStrings, records: RecordSettings, siteSecret: Data,
        shelf: CourseShelf? = nil, clock: @escaping () -> Date = Date.init
    ) {
        self.shelf = shelf
        registry = LearnerRegistry(dataDirectory: dataDirectory)
        store = ProgressStore(dataDirectory: dataDirectory)
        self.content = content
        self.fingerprint = fingerprint
        self.strings = strings
        self.records = records
        self.siteSecret = siteSecret
        self.clock = clock
    }

    private var course: Course { content.course }

    /// The course's content in another of its languages (`CoursePackage.inLanguage`,
    /// chosen by the signed-in learner): learning records from now on carry that
    /// language as `context.language`. The fingerprint, and so the progress, stay.
    public func switchContentLanguage(_ content: CourseContent) {
        self.content = content
        builder = builder?.inLanguage(
            course: content.course, quizzes: content.quizzes, scenarios: content.scenarios, translations: content.translations)
    }

    /// Learners opened from now on open in this course (the one chosen in the catalogue).
    func switchCourse(_ content: CourseContent, fingerprint: String?) {
        self.content = content
        self.fingerprint = fingerprint
    }

    public func loadLearners() -> Result<[LearnerSummary], ServiceFailure> {
        do {
            return .success(try registry.summaries())
        } catch {
            return .failure(ServiceFailure(error.description))
        }
    }

    public func verifyPIN(learnerID: String, pin: String) -> Result<PINResult, ServiceFailure> {
        do {
            let unlock = try registry.signIn(id: learnerID, pin: pin, now: clock())
            switch unlock.check {
            case .accepted, .noPINSet:
                key = unlock.key
                keyLearner = learnerID
                // Who they are, read with their key: name, team and settings were sealed.
                return .success(unlock.profile.map { .unlocked($0.summary) } ?? .accepted)
            case .rejected(let left): return .success(.rejected(attemptsLeft: left))
            case .lockedOut(let until): return .success(.lockedOut(until: until))
            }
        } catch {
            return .failure(ServiceFailure(error.description))
        }
    }

    public func createLearner(_ request: NewLearner) -> Result<LearnerSummary, ServiceFailure> {
        do {
            let profile = try registry.add(id: request.id, displayName: request.displayName, team: request.team, pin: request.pin, now: clock())
            if let pin = request.pin {
                // A new learner with a PIN is sealed from the start: their key, as at a sign-in.
                key = try registry.signIn(id: request.id, pin: pin, now: clock()).key
                keyLearner = request.id
            }
            return .success(LearnerSummary(id: profile.id, displayName: profile.displayName, team: profile.team, hasPIN: profile.pin != nil))
        } catch {
            return .failure(ServiceFailure(error.description))
        }
    }

    public func openLearner(_ learner: LearnerSummary) -> Result<LearnerProgress, OpenFailure> {
        let lock: LearnerLock
        do {
            lock = try LearnerLock.acquire(dataDirectory: store.dataDirectory, learner: learner.id)
        } catch .learnerBusy {
            return .failure(.busy)
        } catch {
            return .failure(.failed(message: error.description))
        }
        if keyLearner != learner.id {
            key = nil
            keyLearner = nil
        }
        do {
            let ensured = try registry.ensure(id: learner.id, now: clock())
            let profile = key.flatMap { ensured.opened(with: $0) } ?? ensured
            let loaded = try learnerStore.load(learner: learner.id, course: course, fingerprint: fingerprint, now: clock())
            // Statements a crash left in the progress file reach the journal with the
            // first save, the session's start, which follows at once.
            // A PIN-protected learner's records are sealed with their key, as their progress.
            let journal = try OutboxJournal(dataDirectory: store.dataDirectory, learner: learner.id, key: key)
            self.lock = lock
            // What the last session left unsaved is read before this session's marker replaces it.
            let lastSession = UnsavedMarker.previous(dataDirectory: store.dataDirectory, learner: learner.id, course: course.id)
            saver = ProgressSaver(
                store: learnerStore, learner: learner.id, course: course.id, courseVersion: course.version, fingerprint: fingerprint,
                journal: journal, recovered: loaded.outbox, baseline: loaded.progress,
                marker: UnsavedMarker.arm(dataDirectory: store.dataDirectory, learner: learner.id, course: course.id)
            )
            closeFailure = nil
            builder = StatementBuilder(
                course: course, quizzes: content.quizzes, scenarios: content.scenarios, learnerID: learner.id, settings: records,
                siteSecret: siteSecret, team: profile.team, translations: content.translations
            )
            if let lrs = records.lrs {
                sync = BackgroundSync(dataDirectory: store.dataDirectory, settings: lrs, learner: learner.id, key: key)
                sync?.start()
            }
            let strings = profile.settings?.language.code.flatMap { stringTables[$0] } ?? self.strings
            notices = loaded.notices.map { describe($0, strings) }
            if let lastSession, lastSession.answers > 0 {
                notices.append(
                    strings(.progressUnsavedLastSession, count: lastSession.answers, ["place": SavedPlace.describe(loaded.progress, course, strings)])
                )
            }
            return .success(loaded.progress)
        } catch let error as ProgressError {
            lock.release()
            return .failure(.failed(message: error.description))
        } catch {
            lock.release()
            return .failure(.failed(message: "\(error)"))
        }
    }

    public func save(_ progress: LearnerProgress, events: [LearningEvent]) {
        let made = statements(events)
        saver?.submit(progress, statements: made)
        if !made.isEmpty { sync?.nudge() }
    }

    public func closeLearner(_ progress: LearnerProgress, events: [LearningEvent]) {
        if let saver {
            saver.submit(progress, statements: statements(events))
            saver.flush()
            if let unsaved = saver.unsaved {
                closeFailure = strings(
                    .quitUnsaved, count: unsaved.answers, ["message": unsaved.reason, "place": SavedPlace.describe(unsaved.saved, course, strings)])
            }
            saver.finish()
        }
        saver = nil
        builder = nil
        // Their sealed records can only be sent with their key: one last sync now, which
        // the process waits for before it exits (`finishBackgroundWork`).
        if let sync {
            sync.stopAfterFinalSync()
            finalSyncs.append(sync)
        }
        sync = nil
        lock?.release()
        lock = nil
        // Signed out: the key leaves memory with them.
        key = nil
        keyLearner = nil
    }

    /// The statements for learning events: made here, in one place, from the engine's record.
    private func statements(_ events: [LearningEvent]) -> [OutboxStatement] {
        guard let builder else { return [] }
        return events.flatMap { builder.statements(for: $0) }.map { OutboxStatement(id: $0.id, json: String(decoding: $0.json, as: UTF8.self)) }
    }

    public func recordsStatus() -> RecordsStatus? {
        sync?.status
    }

    /// How long the screen waits for a save before it shows what follows anyway (a very
    /// slow network share); the status line then says the save is still pending.
    public static let settleSeconds: TimeInterval = 5

    public func settleSaves() {
        saver?.waitForAttempts(timeout: Self.settleSeconds)
    }

    public func takeSaveOutcomes() -> [SaveOutcome] {
        saver?.takeOutcomes() ?? []
    }

    /// The process is about to exit: waits (at most `finalSyncSeconds`) for the last
    /// syncs of learners signed out, so records only their key opens are sent now rather
    /// than at their next sign-in. A dead network costs the sync's own short time-out.
    public func finishBackgroundWork() {
        let deadline = DispatchTime.now() + finalSyncSeconds
        for sync in finalSyncs { _ = sync.waitForFinalSync(until: deadline) }
        finalSyncs.removeAll()
    }

    public func takeCloseFailure() -> String? {
        defer { closeFailure = nil }
        return closeFailure
    }

    public func takeNotices() -> [String] {
        defer { notices = [] }
        return notices
    }

    public func saveSettings(learnerID: String, _ settings: LearnerSettings) -> Result<Void, ServiceFailure> {
        do {
            try registry.saveSettings(id: learnerID, settings, now: clock(), key: keyLearner == learnerID ? key : nil)
            return .success(())
        } catch {
            return .failure(ServiceFailure(error.description))
        }
    }

    private func describe(_ notice: ProgressNotice, _ strings: UIStrings) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        switch notice {
        case let .restoredFromBackup(copy?, reason, savedAt):
            // The file name is enough on screen; IT support finds it beside the progress file.
            let name = URL(fileURLWithPath: copy).lastPathComponent
            return strings(.progressRestored, ["reason": reason, "copy": name, "time": formatter.string(from: savedAt)])
        case let .restoredFromBackup(nil, _, savedAt):
            return strings(.progressRestoredMissing, ["time": formatter.string(from: savedAt)])
        case .migrated:
            return strings(.progressMigrated)
        case let .courseChanged(missing, saved?) where saved != course.version:
            // An update installed since the learner last played: say from which version to which.
            let versions = ["from": saved, "to": course.version]
            if missing.isEmpty { return strings(.progressCourseUpdated, versions) }
            return strings(
                .progressCourseUpdatedMissing, count: missing.count, versions.merging(["units": missing.joined(separator: ", ")]) { a, _ in a })
        case let .courseChanged(missing, _):
            if missing.isEmpty { return strings(.progressCourseChanged) }
            return strings(.progressCourseChangedMissing, count: missing.count, ["units": missing.joined(separator: ", ")])
        case let .startedFresh(copy, reason):
            return strings(.progressStartedFresh, ["reason": reason, "copy": URL(fileURLWithPath: copy).lastPathComponent])
        }
    }
}
