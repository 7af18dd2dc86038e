import Crypto
import Foundation

/// The course fingerprint (`KursusProgress.CourseFingerprint`), worked out while the
/// package loads from the bytes the loader reads anyway: SHA-256 over the manifest and
/// every unit's main-language file, in manifest order, each preceded by its length (8
/// bytes, big-endian), written `sha256:<64 lowercase hex digits>`. Translations are not
/// part of it, so a learner who switches language keeps their progress.
struct CourseFingerprintHasher {
    static let prefix = "sha256:"
    private var hasher = SHA256()

    mutating func add(_ data: Data) {
        var length = UInt64(data.count).bigEndian
        withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
        hasher.update(data: data)
    }

    func finish() -> String {
        Self.prefix
            + hasher.finalize().map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
    }
}
