import Foundation
import KursusText

/// A workstation's policy for course packages, from the `packages:` section of its
/// config (docs/packages.md): which public keys it trusts, and whether every package
/// must be signed by one of them. Applied whenever a package is opened for playing,
/// previewing or installing.
///
/// - A signed package opens only when its signature verifies (`PackageArchive` checks
///   that when it opens) and, when trusted keys are listed, its signer is one of them.
/// - An unsigned package opens only when signatures are not required.
public struct PackageTrust: Sendable, Hashable {
    public var requireSignature: Bool
    public var trustedKeys: [PackagePublicKey]
    /// The config file the policy comes from, named in refusals; nil for the default.
    public var source: String?

    public init(requireSignature: Bool = false, trustedKeys: [PackagePublicKey] = [], source: String? = nil) {
        self.requireSignature = requireSignature
        self.trustedKeys = trustedKeys
        self.source = source
    }

    /// No config: any intact package opens, signed or not (a bad signature never does).
    public static let permissive = PackageTrust()

    /// The policy from a config file's raw `packages:` values: `trustedKeyPaths` are
    /// public key files, relative to the folder of `configFile` unless absolute.
    public static func load(requireSignature: Bool, trustedKeyPaths: [String], configFile: URL) throws(PackageTrustError) -> PackageTrust {
        let base = configFile.deletingLastPathComponent()
        var keys: [PackagePublicKey] = []
        for path in trustedKeyPaths {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
            do {
                keys.append(try PackageKeyFiles.readPublicKey(url))
            } catch {
                throw .badTrustedKey(config: configFile.path, error: error)
            }
        }
        return PackageTrust(requireSignature: requireSignature, trustedKeys: keys, source: configFile.path)
    }

    /// Whether `key` is one this workstation trusts.
    public func trusts(_ key: PackagePublicKey) -> Bool { trustedKeys.contains(key) }

    /// Refuses a package this policy does not accept.
    public func check(_ archive: PackageArchive) throws(PackageTrustError) {
        let config = source ?? "the workstation config"
        guard let signature = archive.signature else {
            if requireSignature { throw .unsigned(archive: archive.shown, config: config) }
            return
        }
        if requireSignature && trustedKeys.isEmpty { throw .noTrustedKeys(archive: archive.shown, config: config) }
        if !trustedKeys.isEmpty && !trusts(signature.signer) {
            throw .unknownKey(archive: archive.shown, fingerprint: signature.signer.fingerprint, config: config)
        }
    }
}

/// Why a workstation's package policy refuses a package, or cannot be read.
public enum PackageTrustError: Error, Hashable, Sendable, CustomStringConvertible {
    case unsigned(archive: String, config: String)
    case unknownKey(archive: String, fingerprint: String, config: String)
    case noTrustedKeys(archive: String, config: String)
    case badTrustedKey(config: String, error: PackageKeyError)

    public var description: String {
        switch self {
        case let .unsigned(archive, config):
            "\(TerminalSafe.clean(archive)): unsigned package, but this workstation requires signed packages (\(config))"
        case let .unknownKey(archive, fingerprint, config):
            "\(TerminalSafe.clean(archive)): signed by an unknown key \(fingerprint); add its .pub file to 'trusted-keys' in \(config) if you trust it"
        case let .noTrustedKeys(archive, config):
            "\(TerminalSafe.clean(archive)): this workstation requires signed packages but lists no trusted keys (\(config)); add 'trusted-keys'"
        case let .badTrustedKey(config, error): "\(config): a trusted key cannot be used: \(error.description)"
        }
    }
}
