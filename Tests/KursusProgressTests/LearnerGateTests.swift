import Foundation
import Testing
@testable import KursusProgress

/// Issue 16: the command line's gate in front of a learner's data, and the admin
/// passphrase it accepts, as stored in config.yaml.
@Suite("Learner gate and admin passphrase")
struct LearnerGateTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-gate-\(UUID().uuidString)")
    let start = Date(timeIntervalSince1970: 1_780_000_000)
    let hasher = PINHasher(iterations: 1_000)
    var registry: LearnerRegistry { LearnerRegistry(dataDirectory: folder, hasher: hasher) }

    @Test("no passphrase: a learner without a PIN is open; one with a PIN needs it, and wrong ones lock them out")
    func withoutPassphrase() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "anna", displayName: "Anna", team: nil, pin: nil, now: start)
        try registry.add(id: "bo", displayName: "Bo", team: nil, pin: "2580", now: start)
        #expect(!registry.needsSecret(id: "anna", admin: nil))
        #expect(registry.needsSecret(id: "bo", admin: nil))
        #expect(try registry.authorize(id: "anna", secret: nil, admin: nil, adminPath: "c", now: start) == .open)
        #expect(throws: LearnerError.notAuthorized(id: "bo", reason: "this needs their PIN")) {
            try registry.authorize(id: "bo", secret: nil, admin: nil, adminPath: "c", now: start)
        }
        #expect(try registry.authorize(id: "bo", secret: "2580", admin: nil, adminPath: "c", now: start) == .learnerPIN)
        for _ in 0..<2 {
            #expect(throws: LearnerError.notAuthorized(id: "bo", reason: "wrong PIN")) {
                try registry.authorize(id: "bo", secret: "0000", admin: nil, adminPath: "c", now: start)
            }
        }
        #expect(throws: LearnerError.lockedOut(id: "bo", until: start + 30)) {
            try registry.authorize(id: "bo", secret: "0000", admin: nil, adminPath: "c", now: start)
        }
        // During the lockout the right PIN is not even checked.
        #expect(throws: LearnerError.lockedOut(id: "bo", until: start + 30)) {
            try registry.authorize(id: "bo", secret: "2580", admin: nil, adminPath: "c", now: start + 10)
        }
        #expect(try registry.authorize(id: "bo", secret: "2580", admin: nil, adminPath: "c", now: start + 30) == .learnerPIN)
        #expect(try registry.profile(id: "bo")?.failedPINAttempts == 0)
    }

    @Test("with a passphrase: every learner needs their PIN or it; a PIN opens only its own learner")
    func withPassphrase() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "anna", displayName: "Anna", team: nil, pin: nil, now: start)
        try registry.add(id: "bo", displayName: "Bo", team: nil, pin: "2580", now: start)
        let admin = try AdminPassphrase.record(for: "heste batteri klammer", hasher: hasher)
        #expect(registry.needsSecret(id: "anna", admin: admin))
        #expect(throws: LearnerError.notAuthorized(id: "anna", reason: "this needs the admin passphrase")) {
            try registry.authorize(id: "anna", secret: nil, admin: admin, adminPath: "c", now: start)
        }
        #expect(throws: LearnerError.notAuthorized(id: "anna", reason: "wrong PIN or admin passphrase")) {
            try registry.authorize(id: "anna", secret: "2580", admin: admin, adminPath: "c", now: start)
        }
        #expect(try registry.profile(id: "anna")?.failedPINAttempts == 1)
        #expect(try registry.authorize(id: "anna", secret: "heste batteri klammer", admin: admin, adminPath: "c", now: start) == .adminPassphrase)
        #expect(try registry.authorize(id: "bo", secret: "2580", admin: admin, adminPath: "c", now: start) == .learnerPIN)
        #expect(try registry.authorize(id: "bo", secret: "heste batteri klammer", admin: admin, adminPath: "c", now: start) == .adminPassphrase)
    }

    @Test("the passphrase is stored hashed in config.yaml, which keeps its other lines and still loads")
    func stored() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("config.yaml")
        try "hide-learner-list: true\nadmin-passphrase:\n  algorithm: x\n# end\n".write(to: config, atomically: true, encoding: .utf8)
        let record = try AdminPassphrase.record(for: "heste batteri klammer", hasher: hasher)
        try AdminPassphrase.store(record, dataDirectory: folder)
        let text = try String(contentsOf: config, encoding: .utf8)
        #expect(text.hasPrefix("hide-learner-list: true\nadmin-passphrase: {algorithm: pbkdf2-sha256, iterations: 1000, salt: \""))
        #expect(text.hasSuffix("\"}\n# end\n"))
        #expect(!text.contains("heste"))
        let loaded = try WorkstationConfig.load(dataDirectory: folder)
        #expect(loaded.adminPassphrase == record && loaded.hideLearnerList)
        #expect(try AdminPassphrase.matches("heste batteri klammer", record: record, path: config.path, hasher: hasher))
        #expect(try !AdminPassphrase.matches("heste batteri klammeR", record: record, path: config.path, hasher: hasher))
        #expect(throws: LearnerError.invalidPassphrase(reason: "must be 10 to 200 characters long")) { try AdminPassphrase.validate("kort") }
    }

    @Test("a damaged passphrase entry is an error naming its line, never 'no passphrase'")
    func damaged() {
        #expect(throws: WorkstationConfigError.self) {
            try WorkstationConfig.parse(
                "admin-passphrase: {algorithm: pbkdf2-sha256, iterations: 5, salt: \"AA==\", hash: \"AA==\"}\n", path: "c.yaml")
        }
        do {
            _ = try WorkstationConfig.parse("idle-lock-minutes: 3\nadmin-passphrase: geheim\n", path: "c.yaml")
            Issue.record("a plain-text passphrase was accepted")
        } catch {
            #expect(error.description.hasPrefix("c.yaml:2:19: error: 'admin-passphrase' must be a mapping"))
        }
    }
}
