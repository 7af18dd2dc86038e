import Foundation

/// Setting, clearing and checking a learner's PIN. Every change is a read-change-write of
/// `profile.json` under the profile lock, so the wrong-PIN count is exact even when
/// several Kursus processes check PINs at once, and it survives a restart.
extension LearnerRegistry {
    /// Sets (or replaces) the learner's PIN and clears any lockout. A learner with a
    /// folder but no profile gets one; an unknown learner is an error.
    @discardableResult
    public func setPIN(id: String, pin: String, now: Date = Date()) throws(LearnerError) -> LearnerProfile {
        _ = try folder(for: id)
        let record = try hasher.record(for: pin)
        return try update(id: id, now: now) { (profile: inout LearnerProfile) throws(LearnerError) in
            profile.pin = record
            PINLockout.recordSuccess(&profile)
            return profile
        }
    }

    /// Removes the learner's PIN and clears any lockout.
    @discardableResult
    public func clearPIN(id: String, now: Date = Date()) throws(LearnerError) -> LearnerProfile {
        try update(id: id, now: now) { (profile: inout LearnerProfile) throws(LearnerError) in
            profile.pin = nil
            PINLockout.recordSuccess(&profile)
            return profile
        }
    }

    /// Checks a PIN typed by the learner, applying the rate limit in `PINLockout`.
    /// While the learner is locked out the PIN is not even hashed. A state change that
    /// cannot be saved is an error, never an acceptance.
    public func verifyPIN(id: String, pin: String, now: Date) throws(LearnerError) -> PINCheck {
        try checkPIN(id: id, pin: pin, now: now) {}
    }

    /// `verifyPIN`, calling `duringLockout` instead of checking while the learner is locked out.
    func checkPIN(id: String, pin: String, now: Date, duringLockout: () -> Void) throws(LearnerError) -> PINCheck {
        let folder = try folder(for: id)
        guard try exists(id: id) else { throw .notFound(id: id, path: folder.path) }
        let path = folder.appendingPathComponent(LearnerProfile.fileName).path
        return try LearnerFolderLock.withProfileLock(folder: folder) { () throws(LearnerError) in
            guard var profile = try profile(id: id), let record = profile.pin else { return .noPINSet }
            if let until = PINLockout.activeLockout(profile, now: now) {
                duringLockout()
                if profile.lockedUntil != until {
                    profile.lockedUntil = until
                    try write(profile)
                }
                return .lockedOut(until: until)
            }
            let check: PINCheck
            if try hasher.matches(pin, record: record, path: path) {
                PINLockout.recordSuccess(&profile)
                check = .accepted
            } else {
                check = PINLockout.recordFailure(&profile, now: now)
            }
            try write(profile)
            return check
        }
    }
}
