import Foundation
import KursusEngine
import Testing
@testable import KursusProgress

/// Issue 16: a PIN-protected learner's progress and profile details are sealed with a key
/// only their PIN gives, so a colleague with a shell on the shared account sees ciphertext.
@Suite("Encrypted at rest: a PIN-protected learner's files")
struct EncryptedAtRestTests {
    let folder = ProgressTestSupport.temporaryFolder("sealed")
    let now = ProgressTestSupport.fixedDate
    var registry: LearnerRegistry { LearnerRegistry(dataDirectory: folder, hasher: PINHasher(iterations: 1_000)) }

    /// Every byte under the learner's folder, every file one after another.
    func allBytes(_ id: String) throws -> Data {
        let root = folder.appendingPathComponent("learners/\(id)")
        var bytes = Data()
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                bytes += try Data(contentsOf: url)
            }
        }
        return bytes
    }

    func contains(_ bytes: Data, _ text: String) -> Bool {
        bytes.range(of: Data(text.utf8)) != nil
    }

    @Test("no plaintext name, team or answer on disk; the PIN opens them again; a wrong key fails cleanly")
    func sealedOnDisk() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "bo", displayName: "Bo Ærø", team: "Afsnit 4", pin: "2580", now: now)
        let unlock = try registry.signIn(id: "bo", pin: "2580", now: now)
        #expect(unlock.check == .accepted)
        let key = try #require(unlock.key)
        #expect(unlock.profile?.displayName == "Bo Ærø" && unlock.profile?.team == "Afsnit 4")
        var store = ProgressStore(dataDirectory: folder)
        store.key = key
        let progress = QuizProgressTests.progress()
        try store.save(progress, learner: "bo", course: "k", courseVersion: "1", now: now)
        try store.save(progress, learner: "bo", course: "k", courseVersion: "1", now: now)  // a .bak too
        try registry.saveSettings(id: "bo", LearnerSettings(highContrast: true), now: now, key: key)

        let disk = try allBytes("bo")
        for secret in ["Tjek mikrofonen", "Ingen lyd", "Bo Ærø", "Bo \u{00C6}r\u{00F8}", "Afsnit 4", "highContrast", "2580"] {
            #expect(!contains(disk, secret), "'\(secret)' is readable on disk")
        }
        #expect(contains(disk, "kursus-sealed"))
        #expect(FileManager.default.fileExists(atPath: try store.backupFile(learner: "bo", course: "k").path))

        // With the key: everything as saved.
        #expect(try store.load(learner: "bo", course: "k") == progress)
        let again = try registry.signIn(id: "bo", pin: "2580", now: now)
        #expect(again.profile?.displayName == "Bo Ærø" && again.profile?.settings?.highContrast == true)
        // Without a key: refused untouched, never read as damaged or repaired.
        let before = try Data(contentsOf: try store.progressFile(learner: "bo", course: "k"))
        let plain = ProgressStore(dataDirectory: folder)
        #expect(throws: ProgressError.encrypted(path: try store.progressFile(learner: "bo", course: "k").path)) {
            try plain.load(learner: "bo", course: "k")
        }
        #expect(try Data(contentsOf: try store.progressFile(learner: "bo", course: "k")) == before)
        // A wrong key opens nothing.
        let wrong = LearnerKey(rawKey: Data(repeating: 7, count: 32))
        #expect(SealedFile.open(before, key: wrong, purpose: LearnerVault.purpose(course: "k")) == nil)
        #expect(SealedFile.open(before, key: key, purpose: LearnerVault.purpose(course: "other")) == nil)
        #expect(SealedFile.open(before, key: key, purpose: LearnerVault.purpose(course: "k")) != nil)
        #expect(try registry.profile(id: "bo")?.opened(with: wrong) == nil)
        #expect(try registry.profile(id: "bo")?.summary.displayName == "bo")
    }

    @Test("a new PIN seals the data anew: the old key no longer opens it; clearing the PIN writes it in the clear")
    func pinChanges() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "bo", displayName: "Bo Ærø", team: nil, pin: "2580", now: now)
        let old = try #require(try registry.signIn(id: "bo", pin: "2580", now: now).key)
        var store = ProgressStore(dataDirectory: folder)
        store.key = old
        try store.save(QuizProgressTests.progress(), learner: "bo", course: "k", courseVersion: "1", now: now)
        // Without the old key, the change is refused and nothing is lost.
        #expect(throws: LearnerError.self) { try registry.setPIN(id: "bo", pin: "7777", old: nil, forgetSealedData: false, now: now) }
        try registry.setPIN(id: "bo", pin: "7777", old: old, forgetSealedData: false, now: now)
        let new = try #require(try registry.signIn(id: "bo", pin: "7777", now: now).key)
        store.key = new
        #expect(try store.load(learner: "bo", course: "k") == QuizProgressTests.progress())
        let file = try Data(contentsOf: try store.progressFile(learner: "bo", course: "k"))
        #expect(SealedFile.open(file, key: old, purpose: LearnerVault.purpose(course: "k")) == nil)
        #expect(try registry.signIn(id: "bo", pin: "2580", now: now).check == .rejected(attemptsLeftBeforeLockout: 2))
        try registry.clearPIN(id: "bo", old: new, forgetSealedData: false, now: now)
        let disk = try allBytes("bo")
        #expect(contains(disk, "Tjek mikrofonen") && contains(disk, "Bo Ærø"))
        #expect(try ProgressStore(dataDirectory: folder).load(learner: "bo", course: "k") == QuizProgressTests.progress())
    }

    @Test("a forgotten PIN: the admin's reset deletes the sealed data and sets a new PIN")
    func forgotten() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "bo", displayName: "Bo Ærø", team: nil, pin: "2580", now: now)
        var store = ProgressStore(dataDirectory: folder)
        store.key = try registry.signIn(id: "bo", pin: "2580", now: now).key
        try store.save(QuizProgressTests.progress(), learner: "bo", course: "k", courseVersion: "1", now: now)
        #expect(try registry.hasSealedData(id: "bo"))
        let reset = try registry.setPIN(id: "bo", pin: "1357", old: nil, forgetSealedData: true, now: now)
        #expect(reset.displayName == "bo")
        #expect(!FileManager.default.fileExists(atPath: try store.progressFile(learner: "bo", course: "k").path))
        let unlock = try registry.signIn(id: "bo", pin: "1357", now: now)
        #expect(unlock.check == .accepted && unlock.profile?.displayName == "bo")
    }

    @Test("a PIN set before encryption at rest is upgraded at the next sign-in, and the progress sealed then")
    func upgrade() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "bo", displayName: "Bo Ærø", team: nil, pin: nil, now: now)
        try ProgressStore(dataDirectory: folder).save(QuizProgressTests.progress(), learner: "bo", course: "k", courseVersion: "1", now: now)
        // The profile as an older Kursus wrote it: the hash is PBKDF2's output itself.
        let hasher = PINHasher(iterations: 1_000)
        let salt = Array(repeating: UInt8(3), count: 16)
        let master = try #require(hasher.derive("2580", salt: salt, iterations: 1_000))
        try registry.update(id: "bo", now: now) { (profile: inout LearnerProfile) throws(LearnerError) in
            profile.pin = PINRecord(iterations: 1_000, salt: Data(salt).base64EncodedString(), hash: Data(master).base64EncodedString())
        }
        #expect(contains(try allBytes("bo"), "Tjek mikrofonen"))
        let unlock = try registry.signIn(id: "bo", pin: "2580", now: now)
        #expect(unlock.check == .accepted && unlock.key != nil)
        #expect(try registry.profile(id: "bo")?.pin?.derivation == LearnerKey.derivation)
        let disk = try allBytes("bo")
        #expect(!contains(disk, "Tjek mikrofonen") && !contains(disk, "Bo Ærø"))
    }
}
