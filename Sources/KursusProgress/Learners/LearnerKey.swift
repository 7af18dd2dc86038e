import Crypto
import Foundation

/// The key that encrypts a PIN-protected learner's data at rest (docs/learners.md,
/// "Encrypted at rest"). It is derived from the PIN with the same slow PBKDF2 that checks
/// the PIN, then split with HKDF-SHA256 into two unrelated values: a verifier, stored in
/// the profile to check the PIN, and this key, never stored. Knowing the verifier does
/// not give the key; only the PIN (or trying every PIN against the verifier) does.
///
/// Data is sealed with AES-256-GCM and a fresh random 96-bit nonce per write; what a
/// sealed value is for (`purpose`, such as "profile" or "progress:<course>") is
/// authenticated with it, so one file's ciphertext cannot be passed off as another's.
public struct LearnerKey: Sendable {
    /// `PINRecord.derivation` of records whose `hash` is the HKDF verifier.
    public static let derivation = "hkdf-sha256/v1"
    static let verifierInfo = Data("kursus pin verifier v1".utf8)
    static let keyInfo = Data("kursus learner data key v1".utf8)

    /// The key's 32 bytes (`SymmetricKey` is not `Sendable`; one is made per use).
    private let bytes: Data
    var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// The key from the PBKDF2 output of the right PIN.
    init(master: [UInt8]) {
        let derived = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: master), info: Self.keyInfo, outputByteCount: 32)
        bytes = derived.withUnsafeBytes { Data($0) }
    }

    /// A key from raw bytes (32 of them): for tests, such as showing a wrong key fails.
    public init(rawKey: Data) {
        bytes = rawKey
    }

    /// The verifier stored in place of the PBKDF2 output.
    static func verifier(master: [UInt8]) -> [UInt8] {
        let derived = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: master), info: verifierInfo, outputByteCount: 32)
        return derived.withUnsafeBytes { Array($0) }
    }

    /// `data` sealed for `purpose`: nonce, ciphertext and tag in one value.
    public func seal(_ data: Data, purpose: String) throws(LearnerError) -> Data {
        do {
            guard let combined = try AES.GCM.seal(data, using: key, authenticating: Data(purpose.utf8)).combined else {
                throw LearnerError.writeFailed(path: purpose, reason: "could not encrypt")
            }
            return combined
        } catch {
            throw .writeFailed(path: purpose, reason: "could not encrypt")
        }
    }

    /// The data `seal` sealed for the same `purpose`, or nil when this key did not seal it
    /// (a wrong key, another purpose, or bytes changed since): never a guess.
    public func open(_ sealed: Data, purpose: String) -> Data? {
        guard let box = try? AES.GCM.SealedBox(combined: sealed) else { return nil }
        return try? AES.GCM.open(box, using: key, authenticating: Data(purpose.utf8))
    }
}

/// A sealed file's whole content: a small JSON object naming what it is, so a reader
/// without the key can say "encrypted" instead of "damaged".
///
/// ```json
/// {"schema":"kursus-sealed","schemaVersion":1,"sealed":"<base64 of nonce, ciphertext and tag>"}
/// ```
public enum SealedFile {
    public static let schemaName = "kursus-sealed"
    static let prefix = Data("{\"schema\":\"\(schemaName)\",".utf8)

    /// Whether `data` is a sealed file (whatever its key).
    public static func isSealed(_ data: Data) -> Bool {
        data.starts(with: prefix)
    }

    /// The file content for `data` sealed with `key` for `purpose`.
    public static func seal(_ data: Data, key: LearnerKey, purpose: String) throws(LearnerError) -> Data {
        let sealed = try key.seal(data, purpose: purpose).base64EncodedString()
        return Data("{\"schema\":\"\(schemaName)\",\"schemaVersion\":1,\"sealed\":\"\(sealed)\"}\n".utf8)
    }

    /// The plain content of a sealed file, or nil when `key` does not open it or it is
    /// not a sound sealed file.
    public static func open(_ data: Data, key: LearnerKey, purpose: String) -> Data? {
        struct Envelope: Decodable { var schema: String; var schemaVersion: Int; var sealed: String }
        guard isSealed(data), let envelope = try? JSONDecoder().decode(Envelope.self, from: data), envelope.schemaVersion == 1,
            let bytes = Data(base64Encoded: envelope.sealed)
        else { return nil }
        return key.open(bytes, purpose: purpose)
    }
}
