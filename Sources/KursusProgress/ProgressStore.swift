import Foundation
import KursusEngine

/// Progress files under the data directory: `learners/<learner>/progress/<course>.json`,
/// folders 0700 and files 0600, each written atomically.
public struct ProgressStore: Sendable {
    public let dataDirectory: URL
    public static let maximumFileSize = 8 << 20

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

    /// The saved progress, or empty progress when nothing was saved yet.
    public func load(learner: String, course: String) throws(ProgressError) -> LearnerProgress {
        let url = try progressFile(learner: learner, course: course)
        guard FileManager.default.fileExists(atPath: url.path) else { return .empty }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: Self.maximumFileSize + 1) ?? Data()
        } catch {
            throw .unreadable(path: url.path, reason: "check the file's permissions")
        }
        guard data.count <= Self.maximumFileSize else {
            throw .corrupt(path: url.path, reason: "larger than \(Self.maximumFileSize >> 20) MiB")
        }
        return try Self.decode(data, path: url.path, course: course).progress
    }

    /// Decodes and checks a progress document; a newer schema is refused, never guessed at.
    static func decode(_ data: Data, path: String, course: String) throws(ProgressError) -> ProgressDocument {
        struct Header: Decodable { var schema: String?; var schemaVersion: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw .corrupt(path: path, reason: "not a JSON object")
        }
        guard header.schema == ProgressDocument.schemaName, let version = header.schemaVersion else {
            throw .corrupt(path: path, reason: "not a Kursus progress file (missing \"schema\": \"\(ProgressDocument.schemaName)\")")
        }
        guard version <= ProgressDocument.currentSchemaVersion else {
            throw .newerSchema(path: path, found: version, supported: ProgressDocument.currentSchemaVersion)
        }
        do {
            let document = try ProgressDocument.decoder().decode(ProgressDocument.self, from: data)
            guard document.course == course else {
                throw ProgressError.corrupt(path: path, reason: "it belongs to course '\(document.course)', not '\(course)'")
            }
            return document
        } catch let error as ProgressError {
            throw error
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .corrupt(path: path, reason: "wrong type at \(Self.describe(context.codingPath))")
        } catch let DecodingError.keyNotFound(key, _) {
            throw .corrupt(path: path, reason: "missing \"\(key.stringValue)\"")
        } catch {
            throw .corrupt(path: path, reason: "unreadable JSON")
        }
    }

    static func describe(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    /// Writes the progress atomically, creating private folders as needed.
    public func save(_ progress: LearnerProgress, learner: String, course: String, courseVersion: String?, now: Date = Date()) throws(ProgressError) {
        let url = try progressFile(learner: learner, course: course)
        try AtomicFile.makePrivateDirectory(try learnerFolder(learner))
        try AtomicFile.makePrivateDirectory(url.deletingLastPathComponent())
        let document = ProgressDocument(learner: learner, course: course, courseVersion: courseVersion, updatedAt: now, progress: progress)
        let data: Data
        do {
            data = try ProgressDocument.encoder.encode(document)
        } catch {
            throw .writeFailed(path: url.path, reason: "could not encode progress")
        }
        try AtomicFile.write(data, to: url)
    }
}
