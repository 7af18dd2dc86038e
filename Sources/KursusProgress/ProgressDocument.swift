import Foundation
import KursusEngine

/// The JSON form of one learner's progress in one course (schema: Assets/schemas/progress.schema.json).
/// Sets are stored as sorted arrays so files are stable and diffable.
public struct ProgressDocument: Codable, Hashable, Sendable {
    public static let currentSchemaVersion = 1
    public static let schemaName = "kursus-progress"

    public var schema: String
    public var schemaVersion: Int
    public var learner: String
    public var course: String
    public var courseVersion: String?
    public var updatedAt: Date
    public var completed: [String]
    public var started: [String]
    public var bookmark: Bookmark?

    public init(learner: String, course: String, courseVersion: String?, updatedAt: Date, progress: LearnerProgress) {
        schema = Self.schemaName
        schemaVersion = Self.currentSchemaVersion
        self.learner = learner
        self.course = course
        self.courseVersion = courseVersion
        self.updatedAt = updatedAt
        completed = progress.completed.sorted()
        started = progress.started.sorted()
        bookmark = progress.bookmark
    }

    public var progress: LearnerProgress {
        LearnerProgress(completed: Set(completed), started: Set(started), bookmark: bookmark)
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
