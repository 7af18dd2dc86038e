import Foundation
import KursusEngine
import Testing
@testable import KursusProgress

@Suite("Learner settings in profile.json")
struct LearnerSettingsProfileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-settings-\(UUID().uuidString)")
    var registry: LearnerRegistry { LearnerRegistry(dataDirectory: folder, hasher: PINHasher(iterations: 1_000)) }
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    func profileJSON(_ id: String) throws -> String {
        try String(contentsOf: try registry.profileFile(for: id), encoding: .utf8)
    }

    func writeProfile(_ id: String, _ json: String) throws {
        let file = try registry.profileFile(for: id)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(json.utf8).write(to: file)
    }

    @Test("saved settings round-trip through profile.json and reach the learner's summary; the team stays (a PIN learner's: EncryptedAtRestTests)")
    func roundTrip() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "anna", displayName: "Anna", team: "Afsnit 4", pin: nil, now: now)
        #expect(try registry.settings(id: "anna") == .defaults)
        #expect(try profileJSON("anna").contains("settings") == false)
        let chosen = LearnerSettings(
            timers: .quadruple, idleWarning: .twoMinutes, idleBell: true, linear: true, highContrast: true, language: .en, mouse: false)
        try registry.saveSettings(id: "anna", chosen, now: now)
        #expect(try registry.settings(id: "anna") == chosen)
        #expect(try registry.summaries().first?.settings == chosen)
        let profile = try registry.profile(id: "anna")
        #expect(profile?.team == "Afsnit 4")
        #expect(profile?.pin == nil)
        let json = try profileJSON("anna")
        #expect(json.contains("\"timers\" : \"quadruple\""))
        #expect(json.contains("\"idleWarning\" : 120"))
        #expect(json.contains("\"language\" : \"en\""))
        #expect(try FileManager.default.attributesOfItem(atPath: try registry.profileFile(for: "anna").path)[.posixPermissions] as? Int == 0o600)
    }

    @Test("an older profile without settings loads with the defaults")
    func olderProfile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeProfile(
            "bo",
            #"{"schema":"kursus-learner","schemaVersion":1,"id":"bo","displayName":"Bo","createdAt":"2026-01-05T08:00:00Z","failedPINAttempts":0}"#)
        #expect(try registry.profile(id: "bo")?.settings == nil)
        #expect(try registry.summaries() == [LearnerSummary(id: "bo", displayName: "Bo")])
        #expect(try registry.settings(id: "bo") == .defaults)
    }

    @Test("damaged settings fall back to defaults, value by value, and the learner still signs in")
    func damaged() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeProfile(
            "cai",
            #"{"schema":"kursus-learner","schemaVersion":1,"id":"cai","displayName":"Cai","createdAt":"2026-01-05T08:00:00Z","failedPINAttempts":0,"settings":{"timers":"slow","highContrast":true,"mouse":"yes","idleWarning":-5}}"#
        )
        #expect(try registry.settings(id: "cai") == LearnerSettings(highContrast: true))
        try writeProfile(
            "dina",
            #"{"schema":"kursus-learner","schemaVersion":1,"id":"dina","displayName":"Dina","createdAt":"2026-01-05T08:00:00Z","failedPINAttempts":0,"settings":"loud"}"#
        )
        #expect(try registry.settings(id: "dina") == .defaults)
        #expect(try registry.entries().allSatisfy { $0.problem == nil })
        // Saving replaces the damaged value with a whole one.
        try registry.saveSettings(id: "dina", LearnerSettings(timers: .double), now: now)
        #expect(try registry.settings(id: "dina") == LearnerSettings(timers: .double))
    }

    @Test("saving settings for an unknown learner is an error naming the folder, not a crash")
    func unknown() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: LearnerError.self) { try registry.saveSettings(id: "nobody", .defaults, now: now) }
        #expect(throws: LearnerError.self) { try registry.saveSettings(id: "../x", .defaults, now: now) }
    }
}
