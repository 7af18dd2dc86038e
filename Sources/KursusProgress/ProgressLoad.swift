import Foundation
import KursusEngine

/// The progress `ProgressStore.load` found, and what the learner should be told about it.
public struct ProgressLoad: Hashable, Sendable {
    public var progress: LearnerProgress
    /// Oldest first; empty in the ordinary case.
    public var notices: [ProgressNotice]
    /// Statements saved with the progress that the outbox journal may not hold yet (a
    /// crash came between the two writes); the saver appends them first.
    public var outbox: [OutboxStatement] = []

    public init(progress: LearnerProgress, notices: [ProgressNotice] = []) {
        self.progress = progress
        self.notices = notices
    }
}

/// Something that happened to the learner's saved progress while it was loaded. The
/// UI shows each one in the learner's language; `description` is the English text.
public enum ProgressNotice: Hashable, Sendable, CustomStringConvertible {
    /// The progress file was damaged (`reason`) and was kept as `corruptCopy`; the
    /// previous save, made at `backupSavedAt`, was restored from the backup. Work done
    /// after that save is lost. `corruptCopy` is nil when the file was missing and only
    /// the backup was left.
    case restoredFromBackup(corruptCopy: String?, reason: String, backupSavedAt: Date)
    /// The file was written by an older Kursus (schema version `from`) and has been
    /// converted; the old file is kept as the backup (`<course>.json.bak`).
    case migrated(from: Int)
    /// The course content changed since the progress was saved (its fingerprint
    /// differs). Progress on units that still exist is kept as it was. `missingUnits`
    /// (sorted) are units with saved progress that the course no longer has: their
    /// records stay in the file and come back if the units return. `savedVersion` is
    /// the course version the progress was saved with, when known.
    case courseChanged(missingUnits: [String], savedVersion: String?)
    /// The progress file was damaged (`reason`) and no usable backup existed, so the
    /// learner starts from the beginning. The damaged file is kept as `corruptCopy`.
    case startedFresh(corruptCopy: String, reason: String)

    public var description: String {
        switch self {
        case let .restoredFromBackup(copy?, reason, savedAt):
            "Your progress file was damaged (\(reason)). It was kept as \(copy), and your progress as saved at \(Self.format(savedAt)) was restored from the backup. Anything done after that may have to be done again."
        case let .restoredFromBackup(nil, _, savedAt):
            "Your progress file was missing. Your progress as saved at \(Self.format(savedAt)) was restored from the backup. Anything done after that may have to be done again."
        case let .migrated(version):
            "Your progress was saved by an older version of Kursus (progress format \(version)) and has been converted. The old file is kept as a backup."
        case let .courseChanged(missing, savedVersion):
            Self.courseChangedText(missing: missing, savedVersion: savedVersion)
        case let .startedFresh(copy, reason):
            "Your progress file was damaged (\(reason)) and there was no usable backup, so you start this course from the beginning. The damaged file was kept as \(copy) for your IT support."
        }
    }

    private static func courseChangedText(missing: [String], savedVersion: String?) -> String {
        let since = savedVersion.map { " since you last played (then version \($0))" } ?? " since you last played"
        var text = "This course has been updated\(since). Your progress in lessons that are still there is kept."
        if !missing.isEmpty {
            let count = missing.count == 1 ? "1 lesson" : "\(missing.count) lessons"
            text +=
                " \(count) you had started or finished \(missing.count == 1 ? "is" : "are") no longer in the course (\(missing.joined(separator: ", "))); that progress is kept in your file."
        }
        return text
    }

    /// `2026-03-14 09:15 UTC`
    static func format(_ date: Date) -> String {
        let stamp = ProgressFiles.timestamp(date)
        let chars = Array(stamp)
        guard chars.count == 16 else { return stamp }
        return "\(String(chars[0..<4]))-\(String(chars[4..<6]))-\(String(chars[6..<8])) \(String(chars[9..<11])):\(String(chars[11..<13])) UTC"
    }
}
