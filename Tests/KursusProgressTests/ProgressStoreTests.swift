import Foundation
import KursusEngine
import Testing
@testable import KursusProgress

@Suite("Progress store")
struct ProgressStoreTests {
    let folder = ProgressTestSupport.temporaryFolder("progress")
    var store: ProgressStore { ProgressStore(dataDirectory: folder) }

    let sample = LearnerProgress(completed: ["b", "a"], started: ["c"], bookmark: Bookmark(unitID: "c", scroll: 12, inUnit: true))

    @Test("nothing saved yet reads as empty progress, without notices")
    func empty() throws {
        #expect(try store.load(learner: "anna", course: "k") == .empty)
        #expect(try store.load(learner: "anna", courseID: "k") == ProgressLoad(progress: .empty))
    }

    @Test("a v2 document round-trips every unit record field, in private folders and files")
    func roundTrip() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = ProgressTestSupport.richProgress()
        try store.save(progress, learner: "anna", course: "k", courseVersion: "1.0", fingerprint: "sha256:ab", now: ProgressTestSupport.fixedDate)
        #expect(try store.load(learner: "anna", courseID: "k") == ProgressLoad(progress: progress))
        #expect(try store.load(learner: "anna", course: "k") == progress)
        let file = try store.progressFile(learner: "anna", course: "k")
        #expect(file.path == folder.path + "/learners/anna/progress/k.json")
        let fileMode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: try store.learnerFolder("anna").path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        let json = try #require(ProgressTestSupport.text(file))
        #expect(json.contains("\"schemaVersion\" : 4"))
        #expect(json.contains("\"courseFingerprint\" : \"sha256:ab\""))
        #expect(json.contains("\"updatedAt\" : \"2026-01-01T00:00:00Z\""))
        #expect(
            json.contains(
                "\"a\" : {\n      \"activeSeconds\" : 95,\n      \"completedAt\" : \"2026-01-01T00:10:00Z\",\n      \"firstOpenedAt\" : \"2026-01-01T00:00:00Z\",\n      \"outcome\" : \"completed\"\n    }"
            ))
        #expect(json.contains("\"outcome\" : \"in-progress\""))
        #expect(!json.contains("\"completed\" : ["))
        // One save: no backup yet, and no temporary files are left behind.
        #expect(ProgressTestSupport.files(in: file.deletingLastPathComponent()) == ["k.json"])
    }

    @Test("after two saves the backup holds the previous generation")
    func backupGeneration() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.save(ProgressTestSupport.richProgress(scroll: 1), learner: "anna", course: "k", courseVersion: nil)
        let first = try #require(ProgressTestSupport.text(try store.progressFile(learner: "anna", course: "k")))
        try store.save(ProgressTestSupport.richProgress(scroll: 2), learner: "anna", course: "k", courseVersion: nil)
        let backup = try store.backupFile(learner: "anna", course: "k")
        #expect(backup.lastPathComponent == "k.json.bak")
        #expect(ProgressTestSupport.text(backup) == first)
        let backupMode = try FileManager.default.attributesOfItem(atPath: backup.path)[.posixPermissions] as? Int
        #expect(backupMode == 0o600)
        try store.save(ProgressTestSupport.richProgress(scroll: 3), learner: "anna", course: "k", courseVersion: nil)
        #expect(try store.load(learner: "anna", course: "k").bookmark?.scroll == 3)
        #expect(ProgressTestSupport.text(backup)?.contains("\"scroll\" : 2") == true)
        #expect(ProgressTestSupport.files(in: backup.deletingLastPathComponent()) == ["k.json", "k.json.bak"])
    }

    @Test("temporary files of killed writers are removed at load; live ones are left alone")
    func staleTemporaries() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.save(sample, learner: "anna", course: "k", courseVersion: nil)
        try store.save(sample, learner: "anna", course: "k", courseVersion: nil)
        let progressFolder = try store.progressFile(learner: "anna", course: "k").deletingLastPathComponent()
        // Process ids above the kernel's limit (at most 2^22) cannot be running.
        let dead = [".k.json.99999999.12.tmp", ".k.json.bak.99999999.34.tmp"]
        let kept = [".k.json.\(getpid()).56.tmp", ".other.json.99999999.78.tmp", ".k.json.x.tmp"]
        for name in dead + kept { try Data("{".utf8).write(to: progressFolder.appendingPathComponent(name)) }
        #expect(try store.load(learner: "anna", course: "k") == sample)
        #expect(ProgressTestSupport.files(in: progressFolder) == (kept + ["k.json", "k.json.bak"]).sorted())
    }

    @Test("a save after one killed between backing up and replacing leaves no temporary file")
    func backupAlreadyLinked() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.save(ProgressTestSupport.richProgress(scroll: 1), learner: "anna", course: "k", courseVersion: nil)
        let file = try store.progressFile(learner: "anna", course: "k")
        let backup = try store.backupFile(learner: "anna", course: "k")
        // The state a kill leaves right after the backup step: both names on one file.
        try FileManager.default.linkItem(at: file, to: backup)
        try store.save(ProgressTestSupport.richProgress(scroll: 2), learner: "anna", course: "k", courseVersion: nil)
        #expect(ProgressTestSupport.files(in: file.deletingLastPathComponent()) == ["k.json", "k.json.bak"])
        #expect(ProgressTestSupport.text(backup)?.contains("\"scroll\" : 1") == true)
        #expect(try store.load(learner: "anna", course: "k").bookmark?.scroll == 2)
    }

    @Test("learners are kept apart")
    func separateLearners() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.save(sample, learner: "anna", course: "k", courseVersion: nil)
        #expect(try store.load(learner: "bo", course: "k") == .empty)
    }

    @Test(
        "learner ids that could reach other folders are refused",
        arguments: ["../x", "/", "a/b", "a\u{0}b", "a\u{1B}b", ".hidden", "", "-rf", String(repeating: "x", count: 65), "æ"])
    func hostileLearnerIDs(id: String) {
        #expect(throws: ProgressError.self) { try store.save(sample, learner: id, course: "k", courseVersion: nil) }
        #expect(throws: ProgressError.self) { try LearnerLock.acquire(dataDirectory: folder, learner: id) }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test("course ids that could reach other files are refused", arguments: ["", "../k", "a/b", ".k"])
    func hostileCourseIDs(id: String) {
        #expect(throws: ProgressError.self) { try store.save(sample, learner: "anna", course: id, courseVersion: nil) }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test("an unwritable data directory fails with the path, and writes nothing")
    func unwritable() throws {
        let blocker = ProgressTestSupport.temporaryFolder("blocker")
        try Data("not a folder".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let store = ProgressStore(dataDirectory: blocker.appendingPathComponent("data"))
        #expect(throws: ProgressError.self) { try store.save(sample, learner: "anna", course: "k", courseVersion: nil) }
        #expect(ProgressTestSupport.text(blocker) == "not a folder")
    }

    @Test("data directory resolution order")
    func dataDirectory() {
        let env = ["KURSUS_DATA_DIR": "/k", "XDG_DATA_HOME": "/x"]
        #expect(DataDirectory.locate(explicit: "/e", environment: env, home: "/h").path == "/e")
        #expect(DataDirectory.locate(explicit: nil, environment: env, home: "/h").path == "/k")
        #expect(DataDirectory.locate(explicit: nil, environment: ["XDG_DATA_HOME": "/x"], home: "/h").path == "/x/kursus")
        #expect(DataDirectory.locate(explicit: nil, environment: ["XDG_DATA_HOME": "relative"], home: "/h").path == "/h/.local/share/kursus")
        #expect(DataDirectory.locate(explicit: nil, environment: [:], home: "/h").path == "/h/.local/share/kursus")
    }
}
