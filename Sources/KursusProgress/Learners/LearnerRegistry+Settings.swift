import Foundation
import KursusEngine

extension LearnerRegistry {
    /// The learner's settings: their profile's, or the defaults when they have none (no
    /// profile, or no settings in it yet).
    public func settings(id: String) throws(LearnerError) -> LearnerSettings {
        try profile(id: id)?.settings ?? .defaults
    }

    /// Saves the learner's settings in their profile, under the profile lock and
    /// atomically, as every profile change. A learner with a folder but no profile gets
    /// a minimal one; a damaged profile is reported and left as it is.
    public func saveSettings(id: String, _ settings: LearnerSettings, now: Date, key: LearnerKey? = nil) throws(LearnerError) {
        let path = try profileFile(for: id).path
        try update(id: id, now: now) { (profile: inout LearnerProfile) throws(LearnerError) in
            guard profile.isSealed else {
                profile.settings = settings
                return
            }
            // Sealed details change only with the learner's key, and stay sealed.
            guard let key, var opened = profile.opened(with: key) else {
                throw .notAuthorized(id: id, reason: "\(path): the settings are encrypted and the learner is not signed in")
            }
            opened.settings = settings
            profile = try opened.sealing(with: key)
        }
    }
}
