import Foundation

/// One outbox journal line of a PIN-protected learner: the statement sealed with their
/// `LearnerKey` (AES-256-GCM, see docs/learners.md, "Encrypted at rest").
///
/// ```json
/// {"sealedID":"<the statement's id>","sealed":"<base64 of nonce, ciphertext and tag>"}
/// ```
///
/// The id stays readable (a random UUID that tells nothing of the learning), so readers
/// without the key can still count, deduplicate and mark statements; the statement
/// itself, answers and verbs included, is not. What it is sealed for names the learner,
/// the journal and the id, so a line moved to another learner's journal, or given
/// another id, does not open.
public enum SealedStatementLine {
    static let prefix = Data("{\"sealedID\":\"".utf8)

    /// What a line is sealed for.
    public static func purpose(learner: String, id: String) -> String {
        "outbox:\(learner):\(id)"
    }

    /// Whether `line` is a sealed statement line (whatever its key).
    public static func isSealed<Bytes: Collection<UInt8>>(_ line: Bytes) -> Bool {
        line.starts(with: prefix)
    }

    /// The journal line (without its newline) for `statement` sealed with `key`.
    public static func line(_ statement: OutboxStatement, key: LearnerKey, learner: String) throws(LearnerError) -> String {
        let sealed = try key.seal(Data(statement.json.utf8), purpose: purpose(learner: learner, id: statement.id))
        return "{\"sealedID\":\"\(statement.id)\",\"sealed\":\"\(sealed.base64EncodedString())\"}"
    }

    private struct Envelope: Decodable {
        var sealedID: String
        var sealed: String
    }

    /// The readable id of a sealed line, or nil when it is not a sound sealed line.
    public static func id(of line: Data) -> String? {
        guard isSealed(line), let envelope = try? JSONDecoder().decode(Envelope.self, from: line) else { return nil }
        return envelope.sealedID
    }

    /// The statement's JSON of a sealed line, or nil when `key` does not open it for this
    /// learner (another key, another learner's line, or bytes changed since).
    public static func open(_ line: Data, key: LearnerKey, learner: String) -> Data? {
        guard isSealed(line), let envelope = try? JSONDecoder().decode(Envelope.self, from: line),
            let bytes = Data(base64Encoded: envelope.sealed)
        else { return nil }
        return key.open(bytes, purpose: purpose(learner: learner, id: envelope.sealedID))
    }

    /// The note for readers without the key: how many records wait sealed, and when
    /// they go.
    public static func note(count: Int, learner: String) -> String {
        "\(count) record\(count == 1 ? "" : "s") of learner '\(learner)' \(count == 1 ? "is" : "are") encrypted with their PIN; "
            + "they are sent while \(learner) is signed in"
    }
}
