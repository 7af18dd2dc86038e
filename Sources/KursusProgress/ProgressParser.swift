import Foundation

/// Turns the bytes of a progress file into a current `ProgressDocument`, migrating
/// older schema versions in memory. A newer version is refused, never guessed at;
/// anything else that is not a sound document is `.corrupt` with a reason.
enum ProgressParser {
    /// The document and the schema version the bytes were written in.
    static func parse(_ data: Data, path: String, course: String) throws(ProgressError) -> (ProgressDocument, version: Int) {
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
        var document: ProgressDocument
        switch version {
        case 1: document = try decode(ProgressDocumentV1.self, data, path: path).migrated()
        case 2, 3, 4:
            // 2 is 3 without quiz attempts and scenario runs: read as it is, written as 3.
            document = try decode(ProgressDocument.self, data, path: path)
            document.schemaVersion = ProgressDocument.currentSchemaVersion
        default: throw .corrupt(path: path, reason: "unknown schema version \(version)")
        }
        guard document.course == course else {
            throw .corrupt(path: path, reason: "it belongs to course '\(document.course)', not '\(course)'")
        }
        if let problem = document.implausibility() {
            throw .corrupt(path: path, reason: problem)
        }
        return (document, version)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ data: Data, path: String) throws(ProgressError) -> T {
        do {
            return try ProgressDocument.decoder().decode(type, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .corrupt(path: path, reason: "wrong type at \(describe(context.codingPath))")
        } catch let DecodingError.keyNotFound(key, context) {
            let place = context.codingPath.isEmpty ? "" : " in \(describe(context.codingPath))"
            throw .corrupt(path: path, reason: "missing \"\(key.stringValue)\"\(place)")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw .corrupt(path: path, reason: "invalid value at \(describe(context.codingPath))")
        } catch {
            throw .corrupt(path: path, reason: "unreadable JSON")
        }
    }

    static func describe(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
