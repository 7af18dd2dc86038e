import Foundation
import Yams

extension ConfigReader {
    /// `admin-passphrase:` in config.yaml: a mapping with `algorithm`, `iterations`,
    /// `salt` and `hash`, as `kursus admin set-passphrase` writes it. A damaged entry is
    /// an error (never read as "no passphrase", which would open every gate).
    mutating func readPassphrase(_ node: Node) -> PINRecord? {
        let keys = ["algorithm", "iterations", "salt", "hash"]
        guard let mapping = node.mapping else {
            add(node, "'\(AdminPassphrase.configKey)' must be a mapping with \(quoted(keys)); set it with 'kursus admin set-passphrase'")
            return nil
        }
        var values: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.string, keys.contains(name) else {
                add(key, "unknown key in '\(AdminPassphrase.configKey)'; known keys are \(quoted(keys))")
                continue
            }
            guard case .scalar(let scalar) = value else {
                add(value, "'\(name)' in '\(AdminPassphrase.configKey)' must be a single value")
                continue
            }
            values[name] = scalar.string
        }
        guard let algorithm = values["algorithm"], let iterationsText = values["iterations"], let salt = values["salt"],
            let hash = values["hash"]
        else {
            add(node, "'\(AdminPassphrase.configKey)' needs \(quoted(keys)); set it again with 'kursus admin set-passphrase'")
            return nil
        }
        guard let iterations = Int(iterationsText), PINHasher.acceptedIterations.contains(iterations) else {
            add(
                node,
                "'iterations' in '\(AdminPassphrase.configKey)' must be a whole number from \(PINHasher.acceptedIterations.lowerBound) to \(PINHasher.acceptedIterations.upperBound)"
            )
            return nil
        }
        let record = PINRecord(algorithm: algorithm, iterations: iterations, salt: salt, hash: hash)
        do {
            _ = try PINHasher().checked(record, path: path)
        } catch {
            add(node, "'\(AdminPassphrase.configKey)' is damaged; set it again with 'kursus admin set-passphrase'")
            return nil
        }
        return record
    }
}
