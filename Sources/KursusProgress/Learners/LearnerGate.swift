import Foundation

/// How a command was let at a learner's data: nothing was needed, or their PIN, or the
/// workstation's admin passphrase was given.
public enum LearnerAccess: Hashable, Sendable {
    case open
    case learnerPIN
    case adminPassphrase
}

/// The gate in front of a learner's data for the command line (`learners set-pin`,
/// `clear-pin`, `remove`, `progress`). The rule (docs/learners.md):
///
/// - with an admin passphrase set, every learner needs their PIN or the passphrase; a
///   learner without a PIN needs the passphrase;
/// - without one, a learner with a PIN needs their PIN, and a learner without a PIN is open.
///
/// Every wrong answer counts toward the learner's PIN lockout (`PINLockout`), and while
/// they are locked out nothing is checked, the passphrase included.
extension LearnerRegistry {
    /// Whether `authorize` will need a secret for this learner.
    public func needsSecret(id: String, admin: PINRecord?) -> Bool {
        if admin != nil { return true }
        do {
            return try profile(id: id)?.pin != nil
        } catch {
            // A profile that cannot be read is treated as protected.
            return true
        }
    }

    /// Lets the caller at the learner's data, or says why not. `secret` is the learner's
    /// PIN or the admin passphrase (nil: none given); `adminPath` names config.yaml in
    /// errors about a damaged passphrase record.
    public func authorize(id: String, secret: String?, admin: PINRecord?, adminPath: String, now: Date) throws(LearnerError) -> LearnerAccess {
        try unlocking(id: id, secret: secret, admin: admin, adminPath: adminPath, now: now).access
    }

    /// `authorize`, with the learner's data key when their PIN was given (and gives one).
    public func unlocking(id: String, secret: String?, admin: PINRecord?, adminPath: String, now: Date) throws(LearnerError)
        -> (access: LearnerAccess, key: LearnerKey?)
    {
        let folder = try folder(for: id)
        guard try exists(id: id) else { throw .notFound(id: id, path: folder.path) }
        let path = folder.appendingPathComponent(LearnerProfile.fileName).path
        return try LearnerFolderLock.withProfileLock(folder: folder) { () throws(LearnerError) -> (access: LearnerAccess, key: LearnerKey?) in
            let stored: LearnerProfile?
            do throws(LearnerError) {
                stored = try profile(id: id)
            } catch {
                // A damaged profile keeps no count; only the passphrase opens it (to remove it).
                guard let admin, let secret, try AdminPassphrase.matches(secret, record: admin, path: adminPath, hasher: hasher) else {
                    throw error
                }
                return (.adminPassphrase, nil)
            }
            if stored?.pin == nil, admin == nil { return (.open, nil) }
            guard let secret, !secret.isEmpty else {
                let what = admin == nil ? "their PIN" : (stored?.pin == nil ? "the admin passphrase" : "their PIN or the admin passphrase")
                throw .notAuthorized(id: id, reason: "this needs \(what)")
            }
            var profile = stored ?? LearnerProfile(id: id, displayName: id, createdAt: now)
            if let until = PINLockout.activeLockout(profile, now: now) { throw .lockedOut(id: id, until: until) }
            if let record = profile.pin {
                let (matched, key) = try hasher.check(secret, record: record, path: path)
                if matched {
                    if profile.failedPINAttempts != 0 || profile.lockedUntil != nil {
                        PINLockout.recordSuccess(&profile)
                        try write(profile)
                    }
                    return (.learnerPIN, key)
                }
            }
            if let admin, try AdminPassphrase.matches(secret, record: admin, path: adminPath, hasher: hasher) {
                return (.adminPassphrase, nil)
            }
            let check = PINLockout.recordFailure(&profile, now: now)
            try write(profile)
            if case .lockedOut(let until) = check { throw .lockedOut(id: id, until: until) }
            let what = admin == nil ? "PIN" : "PIN or admin passphrase"
            throw .notAuthorized(id: id, reason: "wrong \(what)")
        }
    }
}
