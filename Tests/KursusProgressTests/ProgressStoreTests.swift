import Foundation
import KursusEngine
import Testing
@testable import KursusProgress

@Suite("Progress store")
struct ProgressStoreTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-progress-\(UUID().uuidString)")
    var store: ProgressStore { ProgressStore(dataDirectory: folder) }

    let sample = LearnerProgress(completed: ["b", "a"], started: ["c"], bookmark: Bookmark(unitID: "c", scroll: 12, inUnit: true))

    @Test("nothing saved yet reads as empty progress")
    func empty() throws {
        #expect(try store.load(learner: "anna", course: "k") == .empty)
    }

    @Test("a saved document round-trips, in private folders and files")
    func roundTrip() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.save(sample, learner: "anna", course: "k", courseVersion: "1.0")
        #expect(try store.load(learner: "anna", course: "k") == sample)
        let file = try store.progressFile(learner: "anna", course: "k")
        #expect(file.path == folder.path + "/learners/anna/progress/k.json")
        let fileMode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: try store.learnerFolder("anna").path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        let json = try String(contentsOf: file, encoding: .utf8)
        #expect(json.contains("\"completed\" : [\n    \"a\",\n    \"b\"\n  ]"))
        #expect(json.contains("\"schemaVersion\" : 1"))
        // No temporary files are left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(leftovers == ["k.json"])
    }

    @Test("learners are kept apart")
    func separateLearners() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.save(sample, learner: "anna", course: "k", courseVersion: nil)
        #expect(try store.load(learner: "bo", course: "k") == .empty)
    }

    @Test("learner ids that could reach other folders are refused", arguments: ["../x", "/", "a/b", "a\u{0}b", "a\u{1B}b", ".hidden", "", "-rf", String(repeating: "x", count: 65), "æ"])
    func hostileLearnerIDs(id: String) {
        #expect(throws: ProgressError.self) { try store.save(sample, learner: id, course: "k", courseVersion: nil) }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test("a damaged file is reported, never overwritten by loading")
    func corrupt() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.save(sample, learner: "anna", course: "k", courseVersion: nil)
        let file = try store.progressFile(learner: "anna", course: "k")
        for (text, reason) in [
            ("{\"schema\": \"kursus-progress\", \"schemaVersion\": 1, \"learner\": \"anna\", \"course\": \"k\", \"updatedAt\": \"2026-01-01T00:00:00Z\", \"completed\": 5, \"started\": [], \"bookmark\": null}", "wrong type at .completed"),
            ("{\"schema\": \"kursus-pro", "not a JSON object"),
            ("[]", "not a JSON object"),
            ("{\"x\": 1}", "not a Kursus progress file (missing \"schema\": \"kursus-progress\")"),
        ] {
            try Data(text.utf8).write(to: file)
            #expect(throws: ProgressError.corrupt(path: file.path, reason: reason)) { try store.load(learner: "anna", course: "k") }
            #expect(try String(contentsOf: file, encoding: .utf8) == text)
        }
    }

    @Test("a newer schema is refused with a clear message")
    func newerSchema() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.save(sample, learner: "anna", course: "k", courseVersion: nil)
        let file = try store.progressFile(learner: "anna", course: "k")
        try Data("{\"schema\": \"kursus-progress\", \"schemaVersion\": 9}".utf8).write(to: file)
        #expect(throws: ProgressError.newerSchema(path: file.path, found: 9, supported: 1)) { try store.load(learner: "anna", course: "k") }
    }

    @Test("an unwritable data directory fails with the path, and writes nothing")
    func unwritable() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-blocker-\(UUID().uuidString)")
        try Data("not a folder".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let store = ProgressStore(dataDirectory: blocker.appendingPathComponent("data"))
        #expect(throws: ProgressError.self) { try store.save(sample, learner: "anna", course: "k", courseVersion: nil) }
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "not a folder")
    }

    @Test("the saver writes the newest progress off the caller's thread and reports the outcome")
    func saver() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let saver = ProgressSaver(store: store, learner: "anna", course: "k", courseVersion: nil)
        for scroll in 0..<50 {
            saver.submit(LearnerProgress(bookmark: Bookmark(unitID: "a", scroll: scroll, inUnit: true)))
        }
        saver.flush()
        #expect(try store.load(learner: "anna", course: "k").bookmark?.scroll == 49)
        let outcomes = saver.takeOutcomes()
        #expect(!outcomes.isEmpty && outcomes.allSatisfy { $0 == .saved })
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
