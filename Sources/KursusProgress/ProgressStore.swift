import Foundation
import KursusCourse
import KursusEngine

/// Progress files under the data directory: `learners/<learner>/progress/<course>.json`,
/// folders 0700 and files 0600. Every save keeps the previous generation as
/// `<course>.json.bak` and replaces the file atomically; loading repairs damage from the
/// backup and converts older schemas (see docs/progress.md). Load and save while
/// holding the learner's `LearnerLock`, as they may rewrite files.
public struct ProgressStore: Sendable {
    public let dataDirectory: URL
    public static let maximumFileSize = 8 << 20
    /// The signed-in learner's key when their progress is sealed (LearnerVault): every
    /// file written is sealed with it, and sealed files read are opened with it.
    public var key: LearnerKey?

    public init(dataDirectory: URL) {
        self.dataDirectory = dataDirectory
    }

    public func learnerFolder(_ learner: String) throws(ProgressError) -> URL {
        let id = try LearnerID.validate(learner)
        return dataDirectory.appendingPathComponent("learners").appendingPathComponent(id)
    }

    public func progressFile(learner: String, course: String) throws(ProgressError) -> URL {
        try learnerFolder(learner).appendingPathComponent("progress").appendingPathComponent("\(course).json")
    }

    /// Where the previous generation of `progressFile` is kept.
    public func backupFile(learner: String, course: String) throws(ProgressError) -> URL {
        try files(learner: learner, course: course).backup
    }

    func files(learner: String, course: String) throws(ProgressError) -> ProgressFiles {
        guard !course.isEmpty, !course.contains("/"), !course.hasPrefix("."), !course.contains("\u{0}") else {
            throw .writeFailed(path: course, reason: "not a usable course id")
        }
        return ProgressFiles(main: try progressFile(learner: learner, course: course), course: course, key: key)
    }

    // MARK: Loading

    /// The saved progress in `course`, repaired or converted when needed, with what the
    /// learner should be told. `fingerprint` is `CourseFingerprint.compute` of the
    /// package being played (nil when unknown): when it differs from the saved one,
    /// `.courseChanged` lists units with saved progress the course no longer has.
    public func load(learner: String, course: Course, fingerprint: String?, now: Date = Date()) throws(ProgressError) -> ProgressLoad {
        let (document, notices) = try loadDocument(learner: learner, course: course.id, now: now)
        guard let document else { return ProgressLoad(progress: .empty, notices: notices) }
        let known = Set(course.allUnits.map(\.id))
        let missing = document.units.keys.filter { !known.contains($0) }.sorted()
        let changed: Bool
        if let fingerprint, let saved = document.courseFingerprint {
            changed = fingerprint != saved
        } else {
            changed = !missing.isEmpty
        }
        var result = ProgressLoad(progress: document.progress, notices: notices)
        result.outbox = document.outbox ?? []
        if changed {
            result.notices.append(.courseChanged(missingUnits: missing, savedVersion: document.courseVersion))
        }
        return result
    }

    /// The saved progress for a course known only by its id (no course-change check).
    public func load(learner: String, courseID: String, now: Date = Date()) throws(ProgressError) -> ProgressLoad {
        let (document, notices) = try loadDocument(learner: learner, course: courseID, now: now)
        var result = ProgressLoad(progress: document?.progress ?? .empty, notices: notices)
        result.outbox = document?.outbox ?? []
        return result
    }

    /// The saved progress, or empty progress when nothing was saved yet. Repairs like
    /// `load(learner:courseID:)` but drops the notices; prefer the richer calls.
    public func load(learner: String, course: String) throws(ProgressError) -> LearnerProgress {
        try load(learner: learner, courseID: course).progress
    }

    /// The current document (nil when nothing was saved), after repair and migration.
    func loadDocument(learner: String, course: String, now: Date) throws(ProgressError) -> (ProgressDocument?, [ProgressNotice]) {
        let files = try files(learner: learner, course: course)
        // Nothing is read, tidied or repaired through a link inside the data directory.
        try DataFolder.refuseLinks(files.folder, in: dataDirectory)
        AtomicFile.removeStaleTemporaries(of: files.main)
        AtomicFile.removeStaleTemporaries(of: files.backup)
        switch try files.examine(files.main) {
        case let .document(document, version) where version == ProgressDocument.currentSchemaVersion:
            return (document, [])
        case let .document(document, version):
            // Older schema: the old file becomes the backup, the converted one the file.
            try write(document, to: files, now: now)
            return (document, [.migrated(from: version)])
        case .missing:
            return try recoverMissing(files, now: now)
        case let .corrupt(reason):
            return try recoverCorrupt(files, reason: reason, now: now)
        }
    }

    private func recoverMissing(_ files: ProgressFiles, now: Date) throws(ProgressError) -> (ProgressDocument?, [ProgressNotice]) {
        switch try files.examine(files.backup) {
        case .missing:
            return (nil, [])
        case let .document(document, version):
            try AtomicFile.write(try encode(document, path: files.main.path), to: files.main)
            let migrated: [ProgressNotice] = version < ProgressDocument.currentSchemaVersion ? [.migrated(from: version)] : []
            return (document, [.restoredFromBackup(corruptCopy: nil, reason: "the file was missing", backupSavedAt: document.updatedAt)] + migrated)
        case let .corrupt(reason):
            let copy = try files.keepAside(files.backup, now: now)
            try AtomicFile.remove(files.backup)
            return (nil, [.startedFresh(corruptCopy: copy.path, reason: reason)])
        }
    }

    private func recoverCorrupt(_ files: ProgressFiles, reason: String, now: Date) throws(ProgressError) -> (ProgressDocument?, [ProgressNotice]) {
        // Examined before anything moves, so a backup from a newer Kursus stops us here.
        let backup = try files.examine(files.backup)
        let copy = try files.keepAside(files.main, now: now)
        switch backup {
        case let .document(document, version):
            try AtomicFile.write(try encode(document, path: files.main.path), to: files.main)
            let migrated: [ProgressNotice] = version < ProgressDocument.currentSchemaVersion ? [.migrated(from: version)] : []
            return (document, [.restoredFromBackup(corruptCopy: copy.path, reason: reason, backupSavedAt: document.updatedAt)] + migrated)
        case .missing:
            try AtomicFile.remove(files.main)
        case .corrupt:
            _ = try files.keepAside(files.backup, now: now)
            try AtomicFile.remove(files.backup)
            try AtomicFile.remove(files.main)
        }
        return (nil, [.startedFresh(corruptCopy: copy.path, reason: reason)])
    }

    // MARK: Saving

    /// Writes the progress as a new generation: the current file becomes the backup,
    /// then the new one replaces it atomically. Creates private folders as needed.
    /// A file from a newer schema is never replaced (`.newerSchema`).
    /// `outbox`: statements made with this progress that the learner's outbox journal
    /// may not hold yet; they are kept in the file until it does.
    public func save(
        _ progress: LearnerProgress, learner: String, course: String, courseVersion: String?,
        fingerprint: String? = nil, outbox: [OutboxStatement] = [], now: Date = Date()
    ) throws(ProgressError) {
        let files = try files(learner: learner, course: course)
        var document = ProgressDocument(
            learner: learner, course: course, courseVersion: courseVersion, courseFingerprint: fingerprint,
            updatedAt: now, progress: progress
        )
        document.outbox = outbox.isEmpty ? nil : outbox
        try write(document, to: files, now: now)
    }

    /// Backup first, then replace: at every moment the file or the backup (usually both)
    /// holds a sound generation. A damaged current file is kept aside, not backed up.
    func write(_ document: ProgressDocument, to files: ProgressFiles, now: Date) throws(ProgressError) {
        let data = try encodeWithinLimit(document, path: files.main.path)
        try AtomicFile.makePrivateDirectory(files.folder.deletingLastPathComponent(), in: dataDirectory)
        try AtomicFile.makePrivateDirectory(files.folder, in: dataDirectory)
        switch try files.examine(files.main) {
        case .missing:
            break
        case .document:
            try AtomicFile.duplicate(files.main, to: files.backup)
        case .corrupt:
            _ = try files.keepAside(files.main, now: now)
        }
        try AtomicFile.write(data, to: files.main)
    }

    func encode(_ document: ProgressDocument, path: String) throws(ProgressError) -> Data {
        let data: Data
        do {
            data = try ProgressDocument.encoder.encode(document)
        } catch {
            throw .writeFailed(path: path, reason: "could not encode progress")
        }
        guard let key else { return data }
        do {
            return try SealedFile.seal(data, key: key, purpose: LearnerVault.purpose(course: document.course))
        } catch {
            throw .writeFailed(path: path, reason: "could not encrypt progress")
        }
    }
}
