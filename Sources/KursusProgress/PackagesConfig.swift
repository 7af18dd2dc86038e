import Foundation
import Yams

/// The `packages:` section of a workstation config (docs/packages.md), as written:
///
/// ```yaml
/// packages:
///   require-signature: true          # refuse unsigned packages
///   trusted-keys:                    # public key files (kursus keys generate)
///     - keys/region-syd.pub          # relative to the config file's folder
/// ```
///
/// Only raw values: `KursusPackages.PackageTrust` reads the key files. When the system
/// config (`/etc/kursus/config.yaml`) has this section, it is used instead of the data
/// directory's.
public struct PackagesConfig: Hashable, Sendable {
    public static let keys = ["require-signature", "trusted-keys"]

    /// Whether every package must be signed by a trusted key.
    public var requireSignature: Bool
    /// Public key files, as written (relative to the config file's folder unless absolute).
    public var trustedKeys: [String]

    public init(requireSignature: Bool = false, trustedKeys: [String] = []) {
        self.requireSignature = requireSignature
        self.trustedKeys = trustedKeys
    }
}

extension ConfigReader {
    /// The `packages:` section; what it leaves out keeps its default.
    mutating func readPackages(_ node: Node) -> PackagesConfig {
        var packages = PackagesConfig()
        guard let mapping = node.mapping else {
            add(node, "'packages' must be a mapping of 'key: value' lines (\(quoted(PackagesConfig.keys)))")
            return packages
        }
        for (key, value) in mapping {
            switch key.string {
            case "require-signature"?:
                guard case .scalar = value, let flag = value.bool else {
                    add(value, "'require-signature' must be true or false")
                    continue
                }
                packages.requireSignature = flag
            case "trusted-keys"?:
                guard let list = value.sequence else {
                    add(value, "'trusted-keys' must be a list of public key files, such as [keys/region.pub]")
                    continue
                }
                for item in list {
                    guard case .scalar(let scalar) = item, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty,
                        !scalar.string.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
                    else {
                        add(item, "each trusted key must be the path of a .pub file (made with 'kursus keys generate')")
                        continue
                    }
                    packages.trustedKeys.append(scalar.string)
                }
            case let name?:
                add(key, "unknown key '\(LearnerError.printable(name))' in 'packages'; known keys are \(quoted(PackagesConfig.keys))")
            case nil:
                add(key, "keys must be text")
            }
        }
        return packages
    }
}
