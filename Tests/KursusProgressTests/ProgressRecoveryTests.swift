import Foundation
import KursusEngine
import Testing
@testable import KursusProgress

@Suite("Progress recovery: damaged files, backups, newer schemas")
struct ProgressRecoveryTests {
    let folder = ProgressTestSupport.temporaryFolder("recovery")
    var store: ProgressStore { ProgressStore(dataDirectory: folder) }
    let first = ProgressTestSupport.richProgress(scroll: 1)
    let second = ProgressTestSupport.richProgress(scroll: 2)
    let firstSaved = ProgressTestSupport.fixedDate
    let loadTime = ProgressTestSupport.fixedDate.addingTimeInterval(86_400 + 3_723)  // 2026-01-02T01:02:03Z

    var main: URL { get throws { try store.progressFile(learner: "anna", course: "k") } }
    var backup: URL { get throws { try store.backupFile(learner: "anna", course: "k") } }

    /// Two generations on disk: `first` in the backup, `second` in the file.
    func saveTwoGenerations() throws {
        try store.save(first, learner: "anna", course: "k", courseVersion: "1.0", now: firstSaved)
        try store.save(second, learner: "anna", course: "k", courseVersion: "1.0", now: firstSaved.addingTimeInterval(60))
    }

    static let damage: [(String, [UInt8], String)] = [
        ("truncated JSON", Array("{\n  \"bookmark\" : {\n    \"inUnit\" : true,\n    \"scr".utf8), "not a JSON object"),
        (
            "wrong types",
            Array(
                "{\"schema\": \"kursus-progress\", \"schemaVersion\": 2, \"learner\": \"anna\", \"course\": \"k\", \"updatedAt\": \"2026-01-01T00:00:00Z\", \"units\": {\"a\": {\"outcome\": \"completed\", \"activeSeconds\": \"lots\"}}}"
                    .utf8), "wrong type at .units.a.activeSeconds"
        ),
        (
            "unknown outcome",
            Array(
                "{\"schema\": \"kursus-progress\", \"schemaVersion\": 2, \"learner\": \"anna\", \"course\": \"k\", \"updatedAt\": \"2026-01-01T00:00:00Z\", \"units\": {\"a\": {\"outcome\": \"done\", \"activeSeconds\": 1}}}"
                    .utf8), "invalid value at .units.a.outcome"
        ),
        (
            "negative time",
            Array(
                "{\"schema\": \"kursus-progress\", \"schemaVersion\": 2, \"learner\": \"anna\", \"course\": \"k\", \"updatedAt\": \"2026-01-01T00:00:00Z\", \"units\": {\"a\": {\"outcome\": \"completed\", \"activeSeconds\": -5}}}"
                    .utf8), "negative activeSeconds for unit 'a'"
        ),
        (
            "missing units",
            Array(
                "{\"schema\": \"kursus-progress\", \"schemaVersion\": 2, \"learner\": \"anna\", \"course\": \"k\", \"updatedAt\": \"2026-01-01T00:00:00Z\"}"
                    .utf8), "missing \"units\""
        ),
        (
            "another course",
            Array(
                "{\"schema\": \"kursus-progress\", \"schemaVersion\": 2, \"learner\": \"anna\", \"course\": \"other\", \"updatedAt\": \"2026-01-01T00:00:00Z\", \"units\": {}}"
                    .utf8), "it belongs to course 'other', not 'k'"
        ),
        ("not progress", Array("{\"x\": 1}".utf8), "not a Kursus progress file (missing \"schema\": \"kursus-progress\")"),
        ("empty file", [], "not a JSON object"),
        ("binary junk", [0x00, 0xFF, 0xFE, 0x1B, 0x5B, 0x32, 0x4A, 0x00, 0x80, 0x7B], "not a JSON object"),
    ]

    @Test("a damaged file is kept aside, the backup restored, and the learner told", arguments: damage)
    func restoredFromBackup(name: String, bytes: [UInt8], reason: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try saveTwoGenerations()
        let backupBefore = try Data(contentsOf: try backup)
        try Data(bytes).write(to: try main)

        let loaded = try store.load(learner: "anna", courseID: "k", now: loadTime)
        let copy = try main.deletingLastPathComponent().appendingPathComponent("k.json.corrupt-20260102T010203Z")
        #expect(loaded.progress == first)
        #expect(loaded.notices == [.restoredFromBackup(corruptCopy: copy.path, reason: reason, backupSavedAt: firstSaved)])
        #expect(try Data(contentsOf: copy) == Data(bytes), "the damaged bytes are kept exactly")
        #expect(try Data(contentsOf: try backup) == backupBefore, "the backup is left as it was")
        // The file holds the restored generation now: loading again is quiet.
        #expect(try store.load(learner: "anna", courseID: "k") == ProgressLoad(progress: first))
        #expect(ProgressTestSupport.files(in: try main.deletingLastPathComponent()) == ["k.json", "k.json.bak", "k.json.corrupt-20260102T010203Z"])
        #expect(loaded.notices.first?.description.contains(copy.path) == true)
    }

    @Test("a damaged file without a backup: fresh start, the damaged file kept, the learner told")
    func startedFresh() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.save(first, learner: "anna", course: "k", courseVersion: nil)
        try Data("{\"schema\": \"kursus-pro".utf8).write(to: try main)

        let loaded = try store.load(learner: "anna", courseID: "k", now: loadTime)
        let copy = try main.deletingLastPathComponent().appendingPathComponent("k.json.corrupt-20260102T010203Z")
        #expect(loaded == ProgressLoad(progress: .empty, notices: [.startedFresh(corruptCopy: copy.path, reason: "not a JSON object")]))
        #expect(ProgressTestSupport.text(copy) == "{\"schema\": \"kursus-pro")
        #expect(ProgressTestSupport.files(in: copy.deletingLastPathComponent()) == ["k.json.corrupt-20260102T010203Z"])
        // Saving again works and does not touch the kept copy.
        try store.save(second, learner: "anna", course: "k", courseVersion: nil)
        #expect(try store.load(learner: "anna", courseID: "k") == ProgressLoad(progress: second))
        #expect(ProgressTestSupport.text(copy) == "{\"schema\": \"kursus-pro")
    }

    @Test("a damaged file and a damaged backup: both kept aside, fresh start")
    func bothDamaged() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try saveTwoGenerations()
        try Data("junk main".utf8).write(to: try main)
        try Data("junk backup".utf8).write(to: try backup)
        let loaded = try store.load(learner: "anna", courseID: "k", now: loadTime)
        let progressFolder = try main.deletingLastPathComponent()
        #expect(
            loaded
                == ProgressLoad(
                    progress: .empty,
                    notices: [.startedFresh(corruptCopy: progressFolder.path + "/k.json.corrupt-20260102T010203Z", reason: "not a JSON object")]))
        #expect(ProgressTestSupport.files(in: progressFolder) == ["k.json.bak.corrupt-20260102T010203Z", "k.json.corrupt-20260102T010203Z"])
        #expect(ProgressTestSupport.text(progressFolder.appendingPathComponent("k.json.bak.corrupt-20260102T010203Z")) == "junk backup")
    }

    @Test("a missing file with a sound backup is restored from it")
    func missingFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try saveTwoGenerations()
        try FileManager.default.removeItem(at: try main)
        let loaded = try store.load(learner: "anna", courseID: "k", now: loadTime)
        #expect(
            loaded
                == ProgressLoad(
                    progress: first, notices: [.restoredFromBackup(corruptCopy: nil, reason: "the file was missing", backupSavedAt: firstSaved)]))
        #expect(try store.load(learner: "anna", courseID: "k") == ProgressLoad(progress: first))
    }

    @Test("damage found twice in the same second gets a second name; nothing is overwritten")
    func repeatedDamage() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try saveTwoGenerations()
        try Data("one".utf8).write(to: try main)
        _ = try store.load(learner: "anna", courseID: "k", now: loadTime)
        try Data("two".utf8).write(to: try main)
        let loaded = try store.load(learner: "anna", courseID: "k", now: loadTime)
        let progressFolder = try main.deletingLastPathComponent()
        #expect(
            loaded.notices == [
                .restoredFromBackup(
                    corruptCopy: progressFolder.path + "/k.json.corrupt-20260102T010203Z-2", reason: "not a JSON object", backupSavedAt: firstSaved)
            ])
        #expect(ProgressTestSupport.text(progressFolder.appendingPathComponent("k.json.corrupt-20260102T010203Z")) == "one")
        #expect(ProgressTestSupport.text(progressFolder.appendingPathComponent("k.json.corrupt-20260102T010203Z-2")) == "two")
    }

    @Test("saving over a damaged file keeps it aside and leaves the sound backup alone")
    func saveOverDamage() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try saveTwoGenerations()
        let backupBefore = try Data(contentsOf: try backup)
        try Data("junk".utf8).write(to: try main)
        try store.save(ProgressTestSupport.richProgress(scroll: 3), learner: "anna", course: "k", courseVersion: nil, now: loadTime)
        #expect(try store.load(learner: "anna", course: "k").bookmark?.scroll == 3)
        #expect(try Data(contentsOf: try backup) == backupBefore)
        #expect(ProgressTestSupport.text(try main.deletingLastPathComponent().appendingPathComponent("k.json.corrupt-20260102T010203Z")) == "junk")
    }

    @Test("a newer schema is refused with a clear message, and neither loading nor saving touches it")
    func newerSchema() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try saveTwoGenerations()
        let newer = "{\"schema\": \"kursus-progress\", \"schemaVersion\": 9, \"whatever\": [1]}"
        try Data(newer.utf8).write(to: try main)
        let expected = ProgressError.newerSchema(path: try main.path, found: 9, supported: ProgressDocument.currentSchemaVersion)
        #expect(throws: expected) { try store.load(learner: "anna", courseID: "k") }
        #expect(throws: expected) { try store.load(learner: "anna", course: "k") }
        #expect(throws: expected) { try store.save(first, learner: "anna", course: "k", courseVersion: nil) }
        #expect(ProgressTestSupport.text(try main) == newer)
        #expect(ProgressTestSupport.files(in: try main.deletingLastPathComponent()) == ["k.json", "k.json.bak"])
        #expect(expected.description.contains(try main.path))
        #expect(expected.description.contains("newer Kursus"))
    }

    @Test("a damaged file whose backup is from a newer Kursus: refused, nothing moved")
    func newerBackup() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try saveTwoGenerations()
        try Data("junk".utf8).write(to: try main)
        try Data("{\"schema\": \"kursus-progress\", \"schemaVersion\": 5}".utf8).write(to: try backup)
        #expect(throws: ProgressError.newerSchema(path: try backup.path, found: 5, supported: ProgressDocument.currentSchemaVersion)) {
            try store.load(learner: "anna", courseID: "k")
        }
        #expect(ProgressTestSupport.text(try main) == "junk")
        #expect(ProgressTestSupport.files(in: try main.deletingLastPathComponent()) == ["k.json", "k.json.bak"])
    }

    @Test("a progress path that cannot be read is reported and left alone")
    func unreadable() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: try main, withIntermediateDirectories: true)
        #expect(throws: ProgressError.unreadable(path: try main.path, reason: "it is a folder, not a file")) {
            try store.load(learner: "anna", courseID: "k")
        }
        #expect(ProgressTestSupport.files(in: try main.deletingLastPathComponent()) == ["k.json"])
    }
}
