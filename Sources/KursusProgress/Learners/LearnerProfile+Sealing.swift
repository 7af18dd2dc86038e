import Foundation
import KursusEngine

/// A PIN-protected learner's profile details at rest: the name, team and settings are
/// sealed with their `LearnerKey` into `sealed`, and the clear fields keep only what
/// checking the PIN needs (id, PIN record, rate-limit state); `displayName` is the id.
extension LearnerProfile {
    /// What is sealed: everything that says who the learner is or how they work.
    struct Details: Codable {
        var displayName: String
        var team: String?
        var settings: LearnerSettings?
    }

    /// Whether the details are sealed (the learner's PIN is needed to read them).
    public var isSealed: Bool { sealed != nil }

    func purpose() -> String { "profile:\(id)" }

    /// This profile with its details sealed under `key` (sealed anew when already sealed).
    public func sealing(with key: LearnerKey) throws(LearnerError) -> LearnerProfile {
        var copy = self
        let details = Details(displayName: displayName, team: team, settings: settings)
        let plain: Data
        do {
            plain = try JSONEncoder().encode(details)
        } catch {
            throw .writeFailed(path: id, reason: "could not encode the profile")
        }
        copy.sealed = try key.seal(plain, purpose: purpose()).base64EncodedString()
        copy.displayName = id
        copy.team = nil
        copy.settings = nil
        return copy
    }

    /// This profile with its details in the clear, read with `key`; nil when the key does
    /// not open them. A profile that is not sealed is returned as it is.
    public func opened(with key: LearnerKey) -> LearnerProfile? {
        guard let sealed else { return self }
        guard let bytes = Data(base64Encoded: sealed), let plain = key.open(bytes, purpose: purpose()),
            let details = try? JSONDecoder().decode(Details.self, from: plain)
        else { return nil }
        var copy = self
        copy.sealed = nil
        copy.displayName = details.displayName
        copy.team = details.team
        copy.settings = details.settings
        return copy
    }

    /// The profile with the sealed details dropped (a reset without the PIN): the name
    /// becomes the id.
    func forgettingDetails() -> LearnerProfile {
        var copy = self
        copy.sealed = nil
        copy.displayName = id
        copy.team = nil
        copy.settings = nil
        return copy
    }
}
