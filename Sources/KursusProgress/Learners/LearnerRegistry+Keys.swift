import Foundation

/// A learner let in with their PIN: who they are (their profile read with their key) and
/// the key itself, which the caller holds in memory only while they are signed in.
public struct LearnerUnlock: Sendable {
    public var check: PINCheck
    /// The profile with its details opened; nil unless accepted.
    public var profile: LearnerProfile?
    /// The learner's data key; nil unless accepted with a PIN.
    public var key: LearnerKey?
}

/// Encryption at rest of PIN-protected learners (docs/learners.md): signing in, and
/// setting or clearing a PIN, with the data sealed, opened or sealed anew to match.
extension LearnerRegistry {
    /// Signs a learner in by id and PIN, telling nothing about unknown ids (as
    /// `verifyPINHidingExistence`). On success the learner's data is made to match their
    /// key: a PIN record from before encryption is replaced by one that gives a key, and
    /// profile details and progress still in the clear are sealed.
    public func signIn(id: String, pin: String, now: Date) throws(LearnerError) -> LearnerUnlock {
        guard (try? LearnerID.validate(id)) != nil, try exists(id: id) else {
            spendDummyCheck(pin)
            return LearnerUnlock(check: .rejected(attemptsLeftBeforeLockout: PINLockout.freeAttempts - 1))
        }
        let folder = try folder(for: id)
        let path = folder.appendingPathComponent(LearnerProfile.fileName).path
        return try LearnerFolderLock.withProfileLock(folder: folder) { () throws(LearnerError) -> LearnerUnlock in
            guard var profile = try profile(id: id), let record = profile.pin else {
                return LearnerUnlock(check: .noPINSet, profile: try profile(id: id))
            }
            if let until = PINLockout.activeLockout(profile, now: now) {
                spendDummyCheck(pin)
                if profile.lockedUntil != until {
                    profile.lockedUntil = until
                    try write(profile)
                }
                return LearnerUnlock(check: .lockedOut(until: until))
            }
            let (matched, derived) = try hasher.check(pin, record: record, path: path)
            guard matched else {
                let check = PINLockout.recordFailure(&profile, now: now)
                try write(profile)
                return LearnerUnlock(check: check)
            }
            PINLockout.recordSuccess(&profile)
            var key = derived
            if key == nil {
                // A PIN set before encryption at rest: a new record that gives a key.
                let (upgraded, made) = try hasher.recordAndKey(for: pin)
                profile.pin = upgraded
                key = made
            }
            guard let key else { throw .corrupt(path: path, reason: "the PIN gave no key") }
            guard let opened = profile.opened(with: key) else {
                throw .corrupt(path: path, reason: "the learner's details do not open with their PIN")
            }
            try LearnerVault.reseal(folder: folder, from: key, to: key, plainOnly: true)
            try write(try opened.sealing(with: key))
            return LearnerUnlock(check: .accepted, profile: opened, key: key)
        }
    }

    /// Sets (or replaces) the learner's PIN, sealing their data under the new PIN's key.
    /// Data sealed under the old PIN is opened with `old` (the key the old PIN gave); without
    /// it, sealed data cannot be carried over: the call is refused unless `forgetSealedData`,
    /// which deletes it (an admin's reset of a learner who forgot their PIN).
    @discardableResult
    public func setPIN(id: String, pin: String, old: LearnerKey?, forgetSealedData: Bool, now: Date = Date()) throws(LearnerError)
        -> LearnerProfile
    {
        let folder = try folder(for: id)
        let (record, key) = try hasher.recordAndKey(for: pin)
        return try update(id: id, now: now) { (profile: inout LearnerProfile) throws(LearnerError) in
            var clear = try openOrForget(profile, folder: folder, old: old, forget: forgetSealedData)
            try LearnerVault.reseal(folder: folder, from: old, to: key, plainOnly: false)
            clear.pin = record
            PINLockout.recordSuccess(&clear)
            profile = try clear.sealing(with: key)
            return clear
        }
    }

    /// Removes the learner's PIN and writes their data in the clear, opened with `old`;
    /// without it, sealed data is refused or, with `forgetSealedData`, deleted.
    @discardableResult
    public func clearPIN(id: String, old: LearnerKey?, forgetSealedData: Bool, now: Date = Date()) throws(LearnerError) -> LearnerProfile {
        let folder = try folder(for: id)
        return try update(id: id, now: now) { (profile: inout LearnerProfile) throws(LearnerError) in
            var clear = try openOrForget(profile, folder: folder, old: old, forget: forgetSealedData)
            try LearnerVault.reseal(folder: folder, from: old, to: nil, plainOnly: false)
            clear.pin = nil
            PINLockout.recordSuccess(&clear)
            profile = clear
            return clear
        }
    }

    /// Whether the learner has data only their PIN opens.
    public func hasSealedData(id: String) throws(LearnerError) -> Bool {
        LearnerVault.hasSealedData(folder: try folder(for: id), profile: try profile(id: id))
    }

    /// The learner's profile with its details in the clear: opened with `old`, or, when
    /// there is no key and `forget` is set, with the sealed data deleted.
    private func openOrForget(_ profile: LearnerProfile, folder: URL, old: LearnerKey?, forget: Bool) throws(LearnerError) -> LearnerProfile {
        guard LearnerVault.hasSealedData(folder: folder, profile: profile) else { return profile }
        if let old, let opened = profile.opened(with: old) { return opened }
        guard forget else {
            throw .notAuthorized(
                id: profile.id,
                reason:
                    "their progress and details are encrypted with their PIN, and only that PIN carries them over; to reset them and delete that data, add --forget-data"
            )
        }
        try LearnerVault.forget(folder: folder)
        return profile.forgettingDetails()
    }
}
