import Foundation
import KursusEngine
import Testing
@testable import KursusProgress

@Suite("Learner registry")
struct LearnerRegistryTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-learners-\(UUID().uuidString)")
    var registry: LearnerRegistry { LearnerRegistry(dataDirectory: folder, hasher: PINHasher(iterations: 1_000)) }
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    @Test("no data directory: no learners")
    func empty() throws {
        #expect(try registry.summaries().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test("add writes a private profile; list shows it without progress")
    func add() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = try registry.add(id: "anna", displayName: "  Anna Jensen ", team: "Afsnit 4", pin: "1234", now: now)
        #expect(profile.displayName == "Anna Jensen")
        #expect(profile.team == "Afsnit 4")
        #expect(profile.createdAt == now)
        #expect(profile.pin?.algorithm == "pbkdf2-sha256")
        // Anna has a PIN: her name and team are sealed with it, so the list shows her id.
        #expect(try registry.summaries() == [LearnerSummary(id: "anna", displayName: "anna", team: nil, hasPIN: true)])
        let file = try registry.profileFile(for: "anna")
        #expect(file.path == folder.path + "/learners/anna/profile.json")
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: try registry.folder(for: "anna").path)[.posixPermissions] as? Int == 0o700)
        let json = try String(contentsOf: file, encoding: .utf8)
        #expect(json.contains("\"schema\" : \"kursus-learner\""))
        #expect(json.contains("\"schemaVersion\" : 1"))
        #expect(json.contains("\"failedPINAttempts\" : 0"))
        #expect(!json.contains("1234") && !json.contains("Anna Jensen") && !json.contains("Afsnit 4"))
        // Only the profile and its lock file: no temporary files are left behind.
        let contents = try FileManager.default.contentsOfDirectory(atPath: try registry.folder(for: "anna").path).sorted()
        #expect(contents == [".profile.lock", "profile.json"])
        let key = try #require(try registry.signIn(id: "anna", pin: "1234", now: now).key)
        #expect(try registry.profile(id: "anna")?.opened(with: key) == profile)
    }

    @Test("an existing learner is refused and left as it was")
    func addTwice() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "anna", displayName: "Anna", team: nil, pin: nil, now: now)
        let file = try registry.profileFile(for: "anna")
        let before = try Data(contentsOf: file)
        #expect(throws: LearnerError.alreadyExists(id: "anna", path: file.path)) {
            try registry.add(id: "anna", displayName: "Anden Anna", team: nil, pin: nil, now: now)
        }
        #expect(try Data(contentsOf: file) == before)
    }

    @Test("sorted by name in Danish order, ignoring case")
    func danishOrder() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for (id, name) in [("a1", "Åse"), ("a2", "Zara"), ("a3", "ærlig"), ("a4", "Øjvind"), ("a5", "anna"), ("a6", "Bo"), ("a7", "Anna")] {
            try registry.add(id: id, displayName: name, team: nil, pin: nil, now: now)
        }
        #expect(try registry.summaries().map(\.displayName) == ["anna", "Anna", "Bo", "Zara", "ærlig", "Øjvind", "Åse"])
        #expect(try registry.summaries().prefix(2).map(\.id) == ["a5", "a7"])
    }

    @Test("a folder without a profile is listed under its id; add adopts it and keeps progress")
    func folderWithoutProfile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try ProgressStore(dataDirectory: folder).save(LearnerProgress(completed: ["a"]), learner: "bo", course: "k", courseVersion: "1")
        #expect(try registry.summaries() == [LearnerSummary(id: "bo", displayName: "bo")])
        try registry.add(id: "bo", displayName: "Bo Hansen", team: nil, pin: nil, now: now)
        #expect(try registry.summaries() == [LearnerSummary(id: "bo", displayName: "Bo Hansen")])
        #expect(FileManager.default.fileExists(atPath: try ProgressStore(dataDirectory: folder).progressFile(learner: "bo", course: "k").path))
    }

    @Test("a damaged profile is listed under its id, asks for a PIN, and is never overwritten")
    func damagedProfile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "anna", displayName: "Anna", team: nil, pin: nil, now: now)
        let file = try registry.profileFile(for: "anna")
        for (text, reason) in [
            ("{\"schema\": \"kursus-lea", "not a JSON object"),
            ("{\"schema\": \"kursus-learner\", \"schemaVersion\": 1, \"id\": \"anna\"}", "missing \"displayName\""),
            (
                "{\"schema\": \"kursus-learner\", \"schemaVersion\": 1, \"id\": \"bo\", \"displayName\": \"Bo\", \"createdAt\": \"2026-01-01T00:00:00Z\", \"failedPINAttempts\": 0}",
                "it belongs to learner 'bo', not 'anna'"
            ),
            ("{\"schema\": \"kursus-learner\", \"schemaVersion\": 1, \"id\": \"anna\", \"displayName\": 7}", "wrong type at .displayName"),
        ] {
            try Data(text.utf8).write(to: file)
            let entries = try registry.entries()
            #expect(
                entries == [
                    LearnerEntry(
                        summary: LearnerSummary(id: "anna", displayName: "anna", hasPIN: true), problem: .corrupt(path: file.path, reason: reason))
                ])
            #expect(throws: LearnerError.corrupt(path: file.path, reason: reason)) { try registry.ensure(id: "anna", now: now) }
            #expect(throws: LearnerError.corrupt(path: file.path, reason: reason)) { try registry.verifyPIN(id: "anna", pin: "1234", now: now) }
            #expect(throws: LearnerError.corrupt(path: file.path, reason: reason)) { try registry.setPIN(id: "anna", pin: "1234") }
            #expect(try String(contentsOf: file, encoding: .utf8) == text)
        }
        try Data("{\"schema\": \"kursus-learner\", \"schemaVersion\": 7}".utf8).write(to: file)
        #expect(try registry.entries().first?.problem == .newerSchema(path: file.path, found: 7, supported: 1))
    }

    @Test("ensure creates a minimal profile once and then returns it")
    func ensure() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try registry.ensure(id: "carl.h", now: now)
        #expect(created == LearnerProfile(id: "carl.h", displayName: "carl.h", createdAt: now))
        #expect(try registry.ensure(id: "carl.h", now: now.addingTimeInterval(60)) == created)
        try registry.add(id: "dora", displayName: "Dora", team: "Nat", pin: nil, now: now)
        #expect(try registry.ensure(id: "dora", now: now).displayName == "Dora")
    }

    @Test("remove deletes the profile and all progress")
    func remove() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "anna", displayName: "Anna", team: nil, pin: nil, now: now)
        try registry.add(id: "bo", displayName: "Bo", team: nil, pin: nil, now: now)
        try ProgressStore(dataDirectory: folder).save(LearnerProgress(completed: ["a"]), learner: "anna", course: "k", courseVersion: nil)
        try registry.remove(id: "anna")
        #expect(!FileManager.default.fileExists(atPath: try registry.folder(for: "anna").path))
        #expect(try registry.summaries().map(\.id) == ["bo"])
        #expect(throws: LearnerError.notFound(id: "anna", path: try registry.folder(for: "anna").path)) { try registry.remove(id: "anna") }
    }

    @Test("remove is refused while a player holds the learner's lock")
    func removeWhilePlaying() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "anna", displayName: "Anna", team: nil, pin: nil, now: now)
        let lock = try LearnerLock.acquire(dataDirectory: folder, learner: "anna")
        #expect(throws: LearnerError.inUse(id: "anna", path: try registry.folder(for: "anna").path)) { try registry.remove(id: "anna") }
        #expect(FileManager.default.fileExists(atPath: try registry.profileFile(for: "anna").path))
        lock.release()
        try registry.remove(id: "anna")
        #expect(try registry.summaries().isEmpty)
    }

    @Test("PINs can be set, replaced and cleared; unknown learners are errors")
    func setAndClearPIN() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "anna", displayName: "Anna", team: nil, pin: nil, now: now)
        #expect(try registry.verifyPIN(id: "anna", pin: "1234", now: now) == .noPINSet)
        try registry.setPIN(id: "anna", pin: "1234")
        #expect(try registry.summaries().first?.hasPIN == true)
        #expect(try registry.verifyPIN(id: "anna", pin: "1234", now: now) == .accepted)
        try registry.setPIN(id: "anna", pin: "87654321")
        #expect(try registry.verifyPIN(id: "anna", pin: "1234", now: now) == .rejected(attemptsLeftBeforeLockout: 2))
        #expect(try registry.verifyPIN(id: "anna", pin: "87654321", now: now) == .accepted)
        try registry.clearPIN(id: "anna")
        #expect(try registry.summaries().first?.hasPIN == false)
        #expect(try registry.verifyPIN(id: "anna", pin: "87654321", now: now) == .noPINSet)
        let missing = try registry.folder(for: "zoe").path
        #expect(throws: LearnerError.notFound(id: "zoe", path: missing)) { try registry.setPIN(id: "zoe", pin: "1234") }
        #expect(throws: LearnerError.notFound(id: "zoe", path: missing)) { try registry.verifyPIN(id: "zoe", pin: "1234", now: now) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test("concurrent wrong PINs from many threads are each counted")
    func concurrentGuesses() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = self.registry
        let now = self.now
        try registry.add(id: "anna", displayName: "Anna", team: nil, pin: "1234", now: now)
        await withTaskGroup(of: Void.self) { group in
            for guess in 0..<8 {
                group.addTask { _ = try? registry.verifyPIN(id: "anna", pin: String(format: "%04d", 5000 + guess), now: now) }
            }
        }
        // The first three wrong PINs lock the learner out; the rest are not checked.
        let profile = try #require(try registry.profile(id: "anna"))
        #expect(profile.failedPINAttempts == 3)
        #expect(profile.lockedUntil == now.addingTimeInterval(30))
    }
}

@Suite("Learner list: profiles sign-in would refuse")
struct LearnerListDamageTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-learners-\(UUID().uuidString)")
    var registry: LearnerRegistry { LearnerRegistry(dataDirectory: folder, hasher: PINHasher(iterations: 1_000)) }
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    @Test("a PIN record with 'iterations: 1' is flagged in the list with the reason sign-in gives")
    func weakIterations() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "bo", displayName: "Bo Ærø", team: nil, pin: "1234", now: now)
        try registry.add(id: "eva", displayName: "Eva", team: nil, pin: "1234", now: now)
        let file = try registry.profileFile(for: "bo")
        let json = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"iterations\" : 1000", with: "\"iterations\" : 1")
        try Data(json.utf8).write(to: file)
        var signIn: LearnerError?
        do { _ = try registry.verifyPIN(id: "bo", pin: "1234", now: now) } catch { signIn = error }
        let refusal = try #require(signIn)
        let entries = try registry.entries()
        #expect(entries.map(\.summary.id) == ["bo", "eva"])
        #expect(entries[0].problem == refusal)
        #expect(entries[0].problem == .corrupt(path: file.path, reason: "PIN iterations 1 outside 1000...10000000"))
        #expect(entries[0].summary.hasPIN)
        #expect(entries[1].problem == nil)
    }
}
