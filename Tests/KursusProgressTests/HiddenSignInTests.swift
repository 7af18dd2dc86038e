import Foundation
import Testing
@testable import KursusProgress

/// Issue 16: with the learner list hidden, the answer to an id and PIN must not tell
/// whether the id exists. `verifyPINHidingExistence` runs the slow KDF for an unknown id
/// and during a lockout too, so the time taken is that of a real check.
@Suite("PINs: signing in by id tells nothing about who exists")
struct HiddenSignInTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-hidden-signin-\(UUID().uuidString)")
    let start = Date(timeIntervalSince1970: 1_780_000_000)

    func registry(_ counter: DerivationCounter) -> LearnerRegistry {
        var hasher = PINHasher(iterations: 1_000)
        hasher.onKeyDerivation = { counter.increment() }
        return LearnerRegistry(dataDirectory: folder, hasher: hasher)
    }

    @Test("an unknown id is refused like a wrong PIN, after one key derivation, and nothing is written")
    func unknownID() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let counter = DerivationCounter()
        let registry = registry(counter)
        try registry.add(id: "bo", displayName: "Bo Ærø", team: nil, pin: "2468", now: start)
        let before = counter.value
        let unknown = try registry.verifyPINHidingExistence(id: "xo", pin: "2468", now: start)
        #expect(unknown == .rejected(attemptsLeftBeforeLockout: PINLockout.freeAttempts - 1))
        #expect(counter.value == before + 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("learners/xo").path))
        let wrong = try registry.verifyPINHidingExistence(id: "bo", pin: "1111", now: start)
        #expect(wrong == .rejected(attemptsLeftBeforeLockout: PINLockout.freeAttempts - 1))
        #expect(counter.value == before + 2)
        #expect(try registry.verifyPINHidingExistence(id: "bo", pin: "2468", now: start) == .accepted)
        // An id that cannot name a folder is refused the same way, not with an error.
        #expect(try registry.verifyPINHidingExistence(id: "../bo", pin: "2468", now: start) == .rejected(attemptsLeftBeforeLockout: 2))
    }

    @Test("during a lockout the KDF still runs (against a dummy record), so a locked id answers as slowly as any")
    func lockoutTakesAsLong() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let counter = DerivationCounter()
        let registry = registry(counter)
        try registry.add(id: "bo", displayName: "Bo", team: nil, pin: "2468", now: start)
        for _ in 0..<3 { _ = try registry.verifyPINHidingExistence(id: "bo", pin: "0000", now: start) }
        let before = counter.value
        #expect(try registry.verifyPINHidingExistence(id: "bo", pin: "2468", now: start + 1) == .lockedOut(until: start + 30))
        #expect(counter.value == before + 1)
        // The lockout still holds: the right PIN during it did not sign in or reset it.
        #expect(try registry.profile(id: "bo")?.failedPINAttempts == 3)
    }

    @Test("the dummy check costs what a real one does: the registry's own iteration count")
    func dummyCost() throws {
        let hasher = PINHasher(iterations: 12_345)
        #expect(hasher.dummyRecord.iterations == 12_345)
        #expect(try !hasher.matches("0000", record: hasher.dummyRecord, path: "dummy"))
    }
}
