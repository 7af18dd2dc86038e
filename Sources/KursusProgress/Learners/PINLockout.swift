import Foundation

/// The answer to a PIN check.
public enum PINCheck: Hashable, Sendable {
    case accepted
    /// Wrong PIN; this many more wrong PINs are allowed before a lockout.
    case rejected(attemptsLeftBeforeLockout: Int)
    /// Too many wrong PINs: no PIN is checked before `until`.
    case lockedOut(until: Date)
    /// The learner has no PIN, so there is nothing to check.
    case noPINSet
}

/// The rate limit on wrong PINs. After 3 wrong PINs in a row the learner is locked out
/// for 30 seconds; each further wrong PIN (tried after the lockout ends) doubles the
/// lockout, up to 15 minutes. A correct PIN resets the count. The count and the end of
/// the lockout live in the profile, so restarting Kursus does not reset them.
public enum PINLockout {
    public static let freeAttempts = 3
    public static let firstLockout: TimeInterval = 30
    public static let longestLockout: TimeInterval = 15 * 60

    /// The lockout after `failures` wrong PINs in a row, or nil while attempts remain.
    public static func duration(afterFailures failures: Int) -> TimeInterval? {
        guard failures >= freeAttempts else { return nil }
        let doublings = failures - freeAttempts
        // 30 s doubled 5 times is already past the cap; stop there to avoid overflow.
        guard doublings < 5 else { return longestLockout }
        return min(firstLockout * Double(1 << doublings), longestLockout)
    }

    /// When the profile is locked at `now`: the end of the lockout, or nil. A lockout
    /// further away than the longest one (the clock was set back, or the file was
    /// edited) is shortened to the longest one from `now`, so nobody is locked out
    /// for good.
    static func activeLockout(_ profile: LearnerProfile, now: Date) -> Date? {
        guard let until = profile.lockedUntil, until > now else { return nil }
        return min(until, now.addingTimeInterval(longestLockout))
    }

    /// Records a wrong PIN at `now` and says what the learner is told.
    static func recordFailure(_ profile: inout LearnerProfile, now: Date) -> PINCheck {
        profile.failedPINAttempts = min(profile.failedPINAttempts, Int.max - 1) + 1
        if let lockout = duration(afterFailures: profile.failedPINAttempts) {
            let until = now.addingTimeInterval(lockout)
            profile.lockedUntil = until
            return .lockedOut(until: until)
        }
        profile.lockedUntil = nil
        return .rejected(attemptsLeftBeforeLockout: freeAttempts - profile.failedPINAttempts)
    }

    /// Records a correct PIN: the count and any lockout are cleared.
    static func recordSuccess(_ profile: inout LearnerProfile) {
        profile.failedPINAttempts = 0
        profile.lockedUntil = nil
    }
}
