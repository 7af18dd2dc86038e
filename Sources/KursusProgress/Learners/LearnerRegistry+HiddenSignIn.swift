import Foundation

/// Signing in by id when the ward hides the learner list (issue 16): the answer must not
/// tell whether the id exists, nor whether it is locked out, neither by its words nor by
/// the time it takes.
extension LearnerRegistry {
    /// Checks `pin` for the learner `id` like `verifyPIN`, except that an id with no
    /// learner (or one that cannot name a folder) is refused as a first wrong PIN is,
    /// and that an unknown id and a lockout both run the slow KDF against a dummy record,
    /// so every answer takes as long as a real check. Nothing is written for an unknown id.
    public func verifyPINHidingExistence(id: String, pin: String, now: Date) throws(LearnerError) -> PINCheck {
        guard (try? LearnerID.validate(id)) != nil, try exists(id: id) else {
            spendDummyCheck(pin)
            return .rejected(attemptsLeftBeforeLockout: PINLockout.freeAttempts - 1)
        }
        return try checkPIN(id: id, pin: pin, now: now) { spendDummyCheck(pin) }
    }

    /// One key derivation whose answer is thrown away: what a real check costs.
    func spendDummyCheck(_ pin: String) {
        _ = try? hasher.matches(pin, record: hasher.dummyRecord, path: "")
    }
}

extension PINHasher {
    /// A record no PIN matches, with this hasher's work factor: checking a PIN against it
    /// takes as long as checking one against a learner's record made by this hasher.
    var dummyRecord: PINRecord {
        PINRecord(
            iterations: iterations, salt: Data(repeating: 0x5A, count: Self.saltByteCount).base64EncodedString(),
            hash: Data(repeating: 0, count: Self.hashByteCount).base64EncodedString())
    }
}
