import Foundation
import KursusEngine

/// Who a learner is on a shared workstation, stored at
/// `<data-dir>/learners/<id>/profile.json` (file 0600 in a 0700 folder, written
/// atomically). It holds the display name, an optional team, an optional PIN record
/// (a salted PBKDF2 hash, never the PIN) and the PIN rate-limit state, which is kept
/// here so that restarting Kursus does not reset it. It never holds progress.
public struct LearnerProfile: Codable, Hashable, Sendable {
    public static let schemaName = "kursus-learner"
    public static let currentSchemaVersion = 1
    public static let fileName = "profile.json"
    /// A profile is a few hundred bytes; anything much larger is not one.
    static let maximumFileSize = 64 << 10

    public var schema: String
    public var schemaVersion: Int
    public var id: String
    public var displayName: String
    public var team: String?
    public var createdAt: Date
    public var pin: PINRecord?
    /// Wrong PINs in a row since the last correct one.
    public var failedPINAttempts: Int
    /// No PIN is checked before this time.
    public var lockedUntil: Date?
    /// The learner's own settings (timers, idle warning, linear mode, contrast, language,
    /// mouse); nil until they change one. A damaged value reads as its default.
    public var settings: LearnerSettings?
    /// For a learner with a PIN: their name, team and settings sealed with their
    /// `LearnerKey` (base64); `displayName` is then the id (LearnerProfile+Sealing.swift).
    public var sealed: String?

    public init(id: String, displayName: String, team: String? = nil, createdAt: Date, pin: PINRecord? = nil) {
        schema = Self.schemaName
        schemaVersion = Self.currentSchemaVersion
        self.id = id
        self.displayName = displayName
        self.team = team
        self.createdAt = createdAt
        self.pin = pin
        failedPINAttempts = 0
        lockedUntil = nil
    }

    /// What the start screen may show.
    public var summary: LearnerSummary {
        LearnerSummary(id: id, displayName: displayName, team: team, hasPIN: pin != nil, settings: settings ?? .defaults)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    func encoded(path: String) throws(LearnerError) -> Data {
        do {
            return try Self.encoder.encode(self)
        } catch {
            throw .writeFailed(path: path, reason: "could not encode the profile")
        }
    }

    /// Decodes and checks a profile; a newer schema is refused, never guessed at, and a
    /// profile stored under another learner's folder is refused as damaged.
    static func decode(_ data: Data, path: String, expectedID: String) throws(LearnerError) -> LearnerProfile {
        struct Header: Decodable { var schema: String?; var schemaVersion: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw .corrupt(path: path, reason: "not a JSON object")
        }
        guard header.schema == schemaName, let version = header.schemaVersion else {
            throw .corrupt(path: path, reason: "not a Kursus learner profile (missing \"schema\": \"\(schemaName)\")")
        }
        guard version <= currentSchemaVersion else {
            throw .newerSchema(path: path, found: version, supported: currentSchemaVersion)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let profile: LearnerProfile
        do {
            profile = try decoder.decode(LearnerProfile.self, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .corrupt(path: path, reason: "wrong type at \(describe(context.codingPath))")
        } catch let DecodingError.keyNotFound(key, _) {
            throw .corrupt(path: path, reason: "missing \"\(key.stringValue)\"")
        } catch {
            throw .corrupt(path: path, reason: "unreadable JSON")
        }
        guard profile.id == expectedID else {
            throw .corrupt(path: path, reason: "it belongs to learner '\(LearnerError.printable(profile.id))', not '\(expectedID)'")
        }
        guard profile.failedPINAttempts >= 0 else {
            throw .corrupt(path: path, reason: "\"failedPINAttempts\" is negative")
        }
        return profile
    }

    private static func describe(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

/// A PIN as stored: PBKDF2-HMAC-SHA256 of the PIN with a random salt. The iteration
/// count is stored so it can be raised later without invalidating existing PINs.
public struct PINRecord: Codable, Hashable, Sendable {
    public static let pbkdf2SHA256 = "pbkdf2-sha256"

    public var algorithm: String
    public var iterations: Int
    /// Base64 of the salt.
    public var salt: String
    /// Base64 of the derived key (no `derivation`), or of the HKDF verifier made from it.
    public var hash: String
    /// `LearnerKey.derivation` when `hash` is the verifier and the PIN also gives the
    /// learner's data key; nil in records made before encryption at rest.
    public var derivation: String?

    public init(algorithm: String = Self.pbkdf2SHA256, iterations: Int, salt: String, hash: String, derivation: String? = nil) {
        self.algorithm = algorithm
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
        self.derivation = derivation
    }
}
