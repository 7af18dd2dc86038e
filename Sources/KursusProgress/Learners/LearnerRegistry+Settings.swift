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
    public func saveSettings(id: String, _ settings: LearnerSettings, now: Date) throws(LearnerError) {
        try update(id: id, now: now) { (profile: inout LearnerProfile) throws(LearnerError) in
            profile.settings = settings
        }
    }
}
