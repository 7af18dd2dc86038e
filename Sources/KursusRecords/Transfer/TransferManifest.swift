import Foundation
import KursusProgress

/// `manifest.json` of a transfer file:
///
/// ```json
/// {
///   "format": "kursus-records", "formatVersion": 1,
///   "createdAt": "2026-03-14T09:15:02Z", "kursusVersion": "0.1.0",
///   "selection": "pending",
///   "statements": 3,
///   "learners": [ { "learner": "anna", "statements": 2 }, { "learner": "bo", "statements": 1 } ],
///   "members": { "statements.jsonl": { "bytes": 1234, "sha256": "<64 lowercase hex>" } }
/// }
/// ```
///
/// `learners` lists the learners in the order their statements follow each other in
/// `statements.jsonl`; their counts add up to `statements`, the number of lines.
/// `selection` is `pending` (only statements not yet sent) or `all`.
public struct TransferManifest: Codable, Hashable, Sendable {
    public struct LearnerCount: Codable, Hashable, Sendable {
        public var learner: String
        public var statements: Int
    }

    public struct Member: Codable, Hashable, Sendable {
        public var bytes: UInt64
        public var sha256: String
    }

    public var format: String
    public var formatVersion: Int
    public var createdAt: Date
    public var kursusVersion: String
    public var selection: String
    public var statements: Int
    public var learners: [LearnerCount]
    public var members: [String: Member]

    public var statementsMember: Member? { members[TransferFormat.statementsMember] }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// Reads and checks a manifest: the format, a version this Kursus reads, learner ids
    /// Kursus accepts (each once), counts that add up, one member entry per member.
    static func decode(_ data: Data, path: String) throws(TransferError) -> TransferManifest {
        // A quick look at the format first, so a newer version is told as such even when
        // its fields have changed.
        struct Header: Decodable { var format: String?; var formatVersion: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw .badManifest(path: path, reason: "manifest.json is not a JSON object")
        }
        guard header.format == TransferFormat.formatName else {
            throw .badManifest(
                path: path, reason: "manifest.json does not say \"format\": \"\(TransferFormat.formatName)\"; this is not a Kursus transfer file")
        }
        if let version = header.formatVersion, version > TransferFormat.formatVersion {
            throw .newerFormat(path: path, found: version, supported: TransferFormat.formatVersion)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let manifest: TransferManifest
        do {
            manifest = try decoder.decode(TransferManifest.self, from: data)
        } catch {
            throw .badManifest(path: path, reason: "manifest.json lacks a field or has one of the wrong type")
        }
        try manifest.check(path: path)
        return manifest
    }

    private func check(path: String) throws(TransferError) {
        func fail(_ reason: String) -> TransferError { .badManifest(path: path, reason: reason) }
        guard formatVersion >= 1 else { throw fail("formatVersion \(formatVersion) is not a version") }
        guard selection == "pending" || selection == "all" else { throw fail("\"selection\" must be \"pending\" or \"all\"") }
        guard kursusVersion.count <= 40, kursusVersion.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw fail("\"kursusVersion\" is not a version number")
        }
        guard statements >= 0 else { throw fail("\"statements\" is negative") }
        var seen = Set<String>()
        var sum = 0
        for entry in learners {
            guard (try? LearnerID.validate(entry.learner)) != nil else {
                throw fail("\"\(StatementLine.shown(entry.learner))\" is not a learner id Kursus accepts")
            }
            guard seen.insert(entry.learner).inserted else { throw fail("learner '\(entry.learner)' is listed twice") }
            guard entry.statements >= 0 else { throw fail("learner '\(entry.learner)' has a negative count") }
            sum += entry.statements
        }
        guard sum == statements else { throw fail("the learners' counts add up to \(sum), but \"statements\" says \(statements)") }
        guard Set(members.keys) == [TransferFormat.statementsMember] else {
            throw fail("\"members\" must describe statements.jsonl and nothing else")
        }
        if let member = statementsMember {
            let hex = member.sha256.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
            guard member.sha256.utf8.count == 64, hex else { throw fail("the SHA-256 of statements.jsonl is not 64 lowercase hex digits") }
        }
    }
}
