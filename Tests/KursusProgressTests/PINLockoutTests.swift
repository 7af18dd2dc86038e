import Foundation
import Testing
@testable import KursusProgress

@Suite("PIN rate limit")
struct PINLockoutTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-pin-lockout-\(UUID().uuidString)")
    let start = Date(timeIntervalSince1970: 1_780_000_000)

    func registry(counter: DerivationCounter? = nil) -> LearnerRegistry {
        var hasher = PINHasher(iterations: 1_000)
        if let counter { hasher.onKeyDerivation = { counter.increment() } }
        return LearnerRegistry(dataDirectory: folder, hasher: hasher)
    }

    @Test("lockout lengths: none for 2 failures, 30 s after 3, doubling, 15 min at most")
    func durations() {
        #expect(PINLockout.duration(afterFailures: 0) == nil)
        #expect(PINLockout.duration(afterFailures: 2) == nil)
        #expect(PINLockout.duration(afterFailures: 3) == 30)
        #expect(PINLockout.duration(afterFailures: 4) == 60)
        #expect(PINLockout.duration(afterFailures: 5) == 120)
        #expect(PINLockout.duration(afterFailures: 6) == 240)
        #expect(PINLockout.duration(afterFailures: 7) == 480)
        #expect(PINLockout.duration(afterFailures: 8) == 900)
        #expect(PINLockout.duration(afterFailures: 9) == 900)
        #expect(PINLockout.duration(afterFailures: Int.max) == 900)
    }

    @Test("3 wrong → 30 s; each further wrong PIN doubles up to 15 min; a correct PIN resets")
    func sequence() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = registry()
        try registry.add(id: "anna", displayName: "Anna", team: nil, pin: "1234", now: start)
        var now = start
        #expect(try registry.verifyPIN(id: "anna", pin: "0000", now: now) == .rejected(attemptsLeftBeforeLockout: 2))
        #expect(try registry.verifyPIN(id: "anna", pin: "0000", now: now) == .rejected(attemptsLeftBeforeLockout: 1))
        #expect(try registry.verifyPIN(id: "anna", pin: "0000", now: now) == .lockedOut(until: now + 30))
        // During the lockout even the right PIN is not checked.
        #expect(try registry.verifyPIN(id: "anna", pin: "1234", now: now + 29) == .lockedOut(until: now + 30))
        for expected in [60.0, 120, 240, 480, 900, 900] {
            let lockedUntil = try #require(try registry.profile(id: "anna")?.lockedUntil)
            now = lockedUntil
            #expect(try registry.verifyPIN(id: "anna", pin: "9999", now: now) == .lockedOut(until: now + expected))
        }
        now = try #require(try registry.profile(id: "anna")?.lockedUntil)
        #expect(try registry.verifyPIN(id: "anna", pin: "1234", now: now) == .accepted)
        let profile = try #require(try registry.profile(id: "anna"))
        #expect(profile.failedPINAttempts == 0)
        #expect(profile.lockedUntil == nil)
        #expect(try registry.verifyPIN(id: "anna", pin: "0000", now: now) == .rejected(attemptsLeftBeforeLockout: 2))
    }

    @Test("a correct PIN before the third wrong one resets the count")
    func resetBeforeLockout() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = registry()
        try registry.add(id: "anna", displayName: "Anna", team: nil, pin: "1234", now: start)
        _ = try registry.verifyPIN(id: "anna", pin: "0000", now: start)
        _ = try registry.verifyPIN(id: "anna", pin: "0000", now: start)
        #expect(try registry.verifyPIN(id: "anna", pin: "1234", now: start) == .accepted)
        #expect(try registry.verifyPIN(id: "anna", pin: "0000", now: start) == .rejected(attemptsLeftBeforeLockout: 2))
    }

    @Test("the count and the lockout survive a restart (a new registry)")
    func persisted() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry().add(id: "anna", displayName: "Anna", team: nil, pin: "1234", now: start)
        _ = try registry().verifyPIN(id: "anna", pin: "0000", now: start)
        _ = try registry().verifyPIN(id: "anna", pin: "0000", now: start)
        #expect(try registry().verifyPIN(id: "anna", pin: "0000", now: start) == .lockedOut(until: start + 30))
        #expect(try registry().verifyPIN(id: "anna", pin: "1234", now: start + 10) == .lockedOut(until: start + 30))
        let json = try String(contentsOf: try registry().profileFile(for: "anna"), encoding: .utf8)
        #expect(json.contains("\"failedPINAttempts\" : 3"))
        #expect(json.contains("\"lockedUntil\" : \"2026-05-28T"))
        #expect(try registry().verifyPIN(id: "anna", pin: "0000", now: start + 30) == .lockedOut(until: start + 90))
    }

    @Test("during a lockout the KDF does not run")
    func lockoutSkipsKDF() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let counter = DerivationCounter()
        let registry = registry(counter: counter)
        try registry.add(id: "anna", displayName: "Anna", team: nil, pin: "1234", now: start)
        #expect(counter.value == 1)
        for _ in 0..<3 { _ = try registry.verifyPIN(id: "anna", pin: "0000", now: start) }
        #expect(counter.value == 4)
        for pin in ["1234", "0000", "5555", "x"] {
            #expect(try registry.verifyPIN(id: "anna", pin: pin, now: start + 5) == .lockedOut(until: start + 30))
        }
        #expect(counter.value == 4)
        #expect(try registry.verifyPIN(id: "anna", pin: "1234", now: start + 30) == .accepted)
        #expect(counter.value == 5)
    }

    @Test("during a lockout a check is fast even with an expensive stored work factor")
    func lockoutIsFast() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = registry()
        try registry.add(id: "anna", displayName: "Anna", team: nil, pin: nil, now: start)
        var profile = try #require(try registry.profile(id: "anna"))
        profile.pin = PINRecord(iterations: 10_000_000, salt: "AAAAAAAAAAAAAAAAAAAAAA==", hash: String(repeating: "A", count: 43) + "=")
        profile.failedPINAttempts = 3
        profile.lockedUntil = start + 30
        try registry.write(profile)
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<20 { _ = try registry.verifyPIN(id: "anna", pin: "1234", now: start) }
        }
        #expect(elapsed < .seconds(1), "20 checks during a lockout took \(elapsed)")
    }

    @Test("a lockout far in the future (clock set back, edited file) is cut to 15 minutes")
    func farFutureLockout() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = registry()
        try registry.add(id: "anna", displayName: "Anna", team: nil, pin: "1234", now: start)
        var profile = try #require(try registry.profile(id: "anna"))
        profile.failedPINAttempts = 5
        profile.lockedUntil = start + 86_400 * 365
        try registry.write(profile)
        #expect(try registry.verifyPIN(id: "anna", pin: "1234", now: start) == .lockedOut(until: start + 900))
        #expect(try registry.profile(id: "anna")?.lockedUntil == start + 900)
        #expect(try registry.verifyPIN(id: "anna", pin: "1234", now: start + 900) == .accepted)
    }

    @Test("setting a new PIN clears a lockout")
    func setPINClearsLockout() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = registry()
        try registry.add(id: "anna", displayName: "Anna", team: nil, pin: "1234", now: start)
        for _ in 0..<3 { _ = try registry.verifyPIN(id: "anna", pin: "0000", now: start) }
        try registry.setPIN(id: "anna", pin: "4321")
        #expect(try registry.verifyPIN(id: "anna", pin: "4321", now: start + 1) == .accepted)
    }
}

/// Counts key derivations across threads.
final class DerivationCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
