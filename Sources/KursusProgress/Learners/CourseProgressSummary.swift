import Foundation

/// One course's progress in figures, for `kursus progress`: read leniently from
/// `learners/<id>/progress/<course>.json` without the full progress model, so that both
/// schema version 1 (`completed`/`started` arrays) and 2 (`units` keyed by unit id, each
/// with an `outcome` and `activeSeconds`) can be shown, and a damaged file is reported
/// for its course while the others are still shown.
public struct CourseProgressSummary: Hashable, Sendable {
    /// The newest progress layout this summary understands.
    public static let newestSchemaVersion = ProgressDocument.currentSchemaVersion
    /// Larger files are reported, not read (the progress store's own limit).
    static let maximumFileSize = 8 << 20

    /// The course id (the file's name without `.json`).
    public var course: String
    public var file: String
    public var courseVersion: String?
    public var completed = 0
    public var passed = 0
    public var failed = 0
    public var inProgress = 0
    /// Seconds of active time over all units; nil when the file has no times (version 1).
    public var activeSeconds: Int?
    public var updatedAt: Date?
    /// Why the file could not be read; the figures are then zero.
    public var problem: String?
    /// The file is sealed with the learner's PIN and was not opened (no key given).
    public var encrypted = false

    public init(course: String, file: String) {
        self.course = course
        self.file = file
    }

    /// Every course the learner has a progress file for, sorted by course id. A learner
    /// with no progress gives an empty list.
    /// With `key` (the learner's, from their PIN) sealed files are opened; without it each
    /// is reported as encrypted instead of read.
    public static func all(learner: String, dataDirectory: URL, key: LearnerKey? = nil) throws(LearnerError) -> [CourseProgressSummary] {
        let folder = try LearnerRegistry(dataDirectory: dataDirectory).folder(for: learner).appendingPathComponent("progress")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            if !FileManager.default.fileExists(atPath: folder.path) { return [] }
            throw .unreadable(path: folder.path, reason: "cannot list the progress folder; check its permissions")
        }
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { name in
            read(folder.appendingPathComponent(name), course: String(name.dropLast(".json".count)), key: key)
        }
    }

    /// The summary of one progress file; problems are kept in `problem`, never thrown.
    public static func read(_ url: URL, course: String, key: LearnerKey? = nil) -> CourseProgressSummary {
        var summary = CourseProgressSummary(course: course, file: url.path)
        let data: Data
        do {
            data = try FileReading.bytes(url, limit: Self.maximumFileSize + 1)
        } catch .tooLarge {
            summary.problem = "larger than \(Self.maximumFileSize >> 20) MiB"
            return summary
        } catch .permissionDenied {
            summary.problem = "cannot read the file; check its permissions"
            return summary
        } catch {
            summary.problem = "it \(error)"
            return summary
        }
        guard data.count <= Self.maximumFileSize else {
            summary.problem = "larger than \(Self.maximumFileSize >> 20) MiB"
            return summary
        }
        var plain = data
        if SealedFile.isSealed(data) {
            guard let key else {
                summary.problem = "encrypted with the learner's PIN; only their PIN opens it"
                summary.encrypted = true
                return summary
            }
            guard let opened = SealedFile.open(data, key: key, purpose: LearnerVault.purpose(course: course)) else {
                summary.problem = "encrypted, and the learner's key does not open it"
                return summary
            }
            plain = opened
        }
        let document: LenientDocument
        do {
            document = try JSONDecoder().decode(LenientDocument.self, from: plain)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            summary.problem = "wrong type at " + context.codingPath.map(\.stringValue).joined(separator: ".")
            return summary
        } catch {
            summary.problem = "not a JSON object"
            return summary
        }
        summary.fill(from: document)
        return summary
    }

    private mutating func fill(from document: LenientDocument) {
        guard document.schema == "kursus-progress", let version = document.schemaVersion else {
            problem = "not a Kursus progress file (missing \"schema\": \"kursus-progress\")"
            return
        }
        guard version <= Self.newestSchemaVersion else {
            problem = "saved by a newer Kursus (schema \(version); this one reads up to \(Self.newestSchemaVersion))"
            return
        }
        courseVersion = document.courseVersion
        updatedAt = document.updatedAt.flatMap(Self.parseDate)
        if let units = document.units {
            var seconds = 0
            for record in units.values {
                switch record.outcome {
                case "completed": completed += 1
                case "passed": passed += 1
                case "failed": failed += 1
                case "in-progress": inProgress += 1
                default: break
                }
                let (sum, overflow) = seconds.addingReportingOverflow(max(0, record.activeSeconds ?? 0))
                seconds = overflow ? Int.max : sum
            }
            activeSeconds = seconds
        } else if let done = document.completed {
            let doneSet = Set(done)
            completed = doneSet.count
            inProgress = Set(document.started ?? []).subtracting(doneSet).count
        } else {
            problem = "no unit records (neither \"units\" nor \"completed\")"
        }
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// Every field optional, so any version's layout decodes; only wrong types fail.
    private struct LenientDocument: Decodable {
        var schema: String?
        var schemaVersion: Int?
        var courseVersion: String?
        var updatedAt: String?
        var units: [String: LenientRecord]?
        var completed: [String]?
        var started: [String]?
    }

    private struct LenientRecord: Decodable {
        var outcome: String?
        var activeSeconds: Int?
    }
}
