import Foundation
import KursusEngine

/// The JSON form of one learner's progress in one course, schema version 4
/// (Assets/schemas/progress.schema.json). Unit records are keyed by unit id; records of
/// units the course no longer has stay in the document. Keys are written sorted so
/// files are stable and diffable.
public struct ProgressDocument: Codable, Hashable, Sendable {
    /// 3 added quiz attempts and scenario runs to unit records. The layout is otherwise
    /// that of 2, but a player that knows only 2 would drop them when saving, so it must
    /// refuse a 3 file rather than read it.
    ///
    /// 4 added session and opening counts (which number learning records) and the
    /// outbox's pending statements; a player that knows only 3 would drop those, losing
    /// learning records, so it must refuse a 4 file.
    public static let currentSchemaVersion = 4
    public static let schemaName = "kursus-progress"

    public var schema: String
    public var schemaVersion: Int
    public var learner: String
    public var course: String
    public var courseVersion: String?
    /// `CourseFingerprint` of the course content this progress was saved against.
    public var courseFingerprint: String?
    public var updatedAt: Date
    public var units: [String: UnitRecord]
    public var bookmark: Bookmark?
    public var sessions: Int?
    /// Statements saved with this progress that may not yet be in the learner's outbox
    /// journal (each one compact JSON). They are appended to the journal right after
    /// this file is saved; a crash in between is mended when the file is next saved or
    /// loaded (`OutboxJournal.append` skips ids the journal has). See docs/records.md.
    public var outbox: [OutboxStatement]?

    public init(
        learner: String, course: String, courseVersion: String?, courseFingerprint: String? = nil,
        updatedAt: Date, progress: LearnerProgress
    ) {
        schema = Self.schemaName
        schemaVersion = Self.currentSchemaVersion
        self.learner = learner
        self.course = course
        self.courseVersion = courseVersion
        self.courseFingerprint = courseFingerprint
        self.updatedAt = updatedAt
        units = progress.units
        bookmark = progress.bookmark
        sessions = progress.sessions
    }

    public var progress: LearnerProgress {
        var progress = LearnerProgress(units: units, bookmark: bookmark)
        progress.sessions = sessions
        return progress
    }

    /// Values JSON types alone cannot rule out; nil when the document is sound.
    func implausibility() -> String? {
        for (id, record) in units.sorted(by: { $0.key < $1.key }) {
            if id.isEmpty { return "a unit record has an empty id" }
            if record.activeSeconds < 0 { return "negative activeSeconds for unit '\(id)'" }
            for attempt in record.quiz?.attempts ?? [] {
                if attempt.current < 0 || attempt.number < 1 { return "an impossible quiz attempt for unit '\(id)'" }
                if attempt.secondsPerQuestion.values.contains(where: { $0 < 0 }) { return "negative seconds in a quiz attempt for unit '\(id)'" }
                if let score = attempt.scorePercent, !(0...100).contains(score) { return "a quiz score outside 0-100 for unit '\(id)'" }
                if let marks = attempt.marks,
                    marks.values.contains(where: { !(0...1).contains($0.fraction) || !($0.weight >= 0 && $0.weight.isFinite) })
                {
                    return "an impossible answer mark in a quiz attempt for unit '\(id)'"
                }
            }
        }
        if let bookmark, bookmark.scroll < 0 { return "negative bookmark scroll" }
        return nil
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// Schema version 1, written by the first Kursus releases: `completed` and `started`
/// arrays of unit ids. Only read, to migrate it to the current version.
struct ProgressDocumentV1: Decodable {
    var learner: String
    var course: String
    var courseVersion: String?
    var updatedAt: Date
    var completed: [String]
    var started: [String]
    var bookmark: Bookmark?

    /// The same progress in the current layout. A unit listed as both completed and
    /// started counts as completed; v1 knew no times, so none are invented.
    func migrated() -> ProgressDocument {
        ProgressDocument(
            learner: learner, course: course, courseVersion: courseVersion, courseFingerprint: nil,
            updatedAt: updatedAt, progress: LearnerProgress(completed: Set(completed), started: Set(started), bookmark: bookmark)
        )
    }
}
