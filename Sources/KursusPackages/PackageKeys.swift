import Crypto
import Foundation

/// A trainer's or region's Ed25519 public key: what `kursus verify --key` and a
/// workstation's `trusted-keys` name.
public struct PackagePublicKey: Sendable, Hashable {
    /// The raw 32-byte Ed25519 public key.
    public let rawRepresentation: Data

    /// A public key from its raw 32 bytes; nil when they are not an Ed25519 key.
    public init?(rawRepresentation: Data) {
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)) != nil else { return nil }
        self.rawRepresentation = rawRepresentation
    }

    /// `SHA256:` and the unpadded base64 of the SHA-256 of the raw key, as OpenSSH shows
    /// key fingerprints; what messages, `kursus verify` and `kursus keys` print.
    public var fingerprint: String {
        let digest = Data(SHA256.hash(data: rawRepresentation)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// Whether `signature` is this key's Ed25519 signature of `message`.
    public func isValidSignature(_ signature: Data, for message: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation) else { return false }
        return key.isValidSignature(signature, for: message)
    }
}

/// A private Ed25519 signing key, read from a `NAME.key` file or newly generated.
public struct PackageSigningKey: Sendable {
    /// The raw 32-byte seed (kept as bytes: swift-crypto's key type is not `Sendable`).
    public let rawRepresentation: Data
    /// The matching public key.
    public let publicKey: PackagePublicKey

    /// A new random key.
    public static func generate() -> PackageSigningKey { PackageSigningKey(Curve25519.Signing.PrivateKey()) }

    /// A key from its raw 32-byte seed; nil when the bytes are not a key.
    public init?(rawRepresentation: Data) {
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation) else { return nil }
        self.init(key)
    }

    init(_ key: Curve25519.Signing.PrivateKey) {
        rawRepresentation = key.rawRepresentation
        // The raw bytes of a valid public key always make a public key again.
        publicKey = PackagePublicKey(checkedRaw: key.publicKey.rawRepresentation)
    }

    /// The Ed25519 signature of `message`.
    public func signature(for message: Data) throws(PackageKeyError) -> Data {
        do {
            return try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation).signature(for: message)
        } catch {
            throw .signingFailed(reason: "\(error)")
        }
    }
}

extension PackagePublicKey {
    init(checkedRaw: Data) { self.rawRepresentation = checkedRaw }
}

/// Why a key file could not be read, written or used.
public enum PackageKeyError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case invalid(path: String, reason: String)
    /// A private key file others may read; it is not used.
    case tooOpen(path: String, mode: Int)
    /// The file exists and `--force` was not given.
    case exists(path: String)
    case writeFailed(path: String, reason: String)
    case signingFailed(reason: String)

    public var description: String {
        switch self {
        case let .notFound(path): "\(path): key file not found"
        case let .unreadable(path, reason): "\(path): cannot read the key file: \(reason)"
        case let .invalid(path, reason): "\(path): not a Kursus key file: \(reason)"
        case let .tooOpen(path, mode):
            "\(path): the private key can be read by other users (mode \(String(mode, radix: 8))); run 'chmod 600 \(path)' and check that nobody copied it"
        case let .exists(path): "\(path) already exists; give --force to replace it, or choose another name"
        case let .writeFailed(path, reason): "\(path): cannot write the key file: \(reason)"
        case let .signingFailed(reason): "signing failed: \(reason)"
        }
    }
}
