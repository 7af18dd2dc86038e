import Foundation

/// `kursus-package.sig`: an Ed25519 signature over the exact bytes of
/// `kursus-package.json`, with the signer's public key and its fingerprint.
///
/// ```json
/// {"algorithm":"ed25519","fingerprint":"SHA256:…","publicKey":"<base64>","signature":"<base64>"}
/// ```
///
/// The manifest holds every file's SHA-256, so the signature covers every file.
public struct PackageSignature: Sendable, Hashable {
    public static let algorithm = "ed25519"

    /// Who signed: the public key the signature verifies with.
    public let signer: PackagePublicKey
    /// The raw 64-byte signature.
    public let signature: Data

    /// Signs manifest bytes.
    public static func sign(manifest: Data, with key: PackageSigningKey) throws(PackageKeyError) -> PackageSignature {
        PackageSignature(signer: key.publicKey, signature: try key.signature(for: manifest))
    }

    /// Whether the signature is the signer's over `manifest`.
    public func verifies(manifest: Data) -> Bool {
        signer.isValidSignature(signature, for: manifest)
    }

    /// The signature file's bytes (JSON with sorted keys and a final newline).
    public func encoded() -> Data {
        let file = SignatureFile(
            algorithm: Self.algorithm, fingerprint: signer.fingerprint, publicKey: signer.rawRepresentation.base64EncodedString(),
            signature: signature.base64EncodedString())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(file) else { return Data() }
        return data + Data("\n".utf8)
    }

    /// Reads a signature file; `archive` names the package in errors. The signature itself
    /// is not checked here (`verifies(manifest:)` does that).
    public static func decode(_ data: Data, archive: String) throws(PackageArchiveError) -> PackageSignature {
        func invalid(_ reason: String) -> PackageArchiveError {
            .manifestInvalid(archive: archive, entry: PackageFormat.signatureEntry, reason: reason)
        }
        guard let file = try? JSONDecoder().decode(SignatureFile.self, from: data) else {
            throw invalid("it is not JSON with algorithm, fingerprint, publicKey and signature")
        }
        guard file.algorithm == algorithm else { throw invalid("its algorithm is '\(file.algorithm)'; only '\(algorithm)' is read") }
        guard let raw = Data(base64Encoded: file.publicKey), let signer = PackagePublicKey(rawRepresentation: raw) else {
            throw invalid("publicKey is not a base64 Ed25519 public key")
        }
        guard file.fingerprint == signer.fingerprint else {
            throw invalid("its fingerprint \(file.fingerprint) is not the fingerprint of its public key (\(signer.fingerprint))")
        }
        guard let signature = Data(base64Encoded: file.signature), signature.count == 64 else {
            throw invalid("signature is not 64 bytes in base64")
        }
        return PackageSignature(signer: signer, signature: signature)
    }

    private struct SignatureFile: Codable {
        var algorithm: String
        var fingerprint: String
        var publicKey: String
        var signature: String
    }
}
