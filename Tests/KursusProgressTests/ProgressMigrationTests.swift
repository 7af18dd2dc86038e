import Foundation
import KursusEngine
import Testing
@testable import KursusProgress

@Suite("Progress migration from schema version 1")
struct ProgressMigrationTests {
    let folder = ProgressTestSupport.temporaryFolder("migration")
    var store: ProgressStore { ProgressStore(dataDirectory: folder) }

    static let version1 = """
        {
          "bookmark" : { "inUnit" : false, "scroll" : 4, "unitID" : "c" },
          "completed" : [ "a", "b" ],
          "course" : "k",
          "courseVersion" : "1.0",
          "learner" : "anna",
          "schema" : "kursus-progress",
          "schemaVersion" : 1,
          "started" : [ "a", "c" ],
          "updatedAt" : "2025-11-30T08:00:00Z"
        }
        """

    let migrated = LearnerProgress(
        units: ["a": UnitRecord(outcome: .completed), "b": UnitRecord(outcome: .completed), "c": UnitRecord(outcome: .inProgress)],
        bookmark: Bookmark(unitID: "c", scroll: 4, inUnit: false)
    )

    func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test("a v1 file is converted to the current version, the v1 file kept as the backup, and the learner told once")
    func migrate() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let main = try store.progressFile(learner: "anna", course: "k")
        try write(Self.version1, to: main)

        let loaded = try store.load(learner: "anna", courseID: "k")
        #expect(loaded == ProgressLoad(progress: migrated, notices: [.migrated(from: 1)]))
        #expect(ProgressTestSupport.text(try store.backupFile(learner: "anna", course: "k")) == Self.version1)
        let converted = try #require(ProgressTestSupport.text(main))
        #expect(converted.contains("\"schemaVersion\" : 4"))
        #expect(converted.contains("\"courseVersion\" : \"1.0\""))
        #expect(converted.contains("\"updatedAt\" : \"2025-11-30T08:00:00Z\""))
        #expect(!converted.contains("\"started\""))
        #expect(try store.load(learner: "anna", courseID: "k") == ProgressLoad(progress: migrated))
        #expect(ProgressTestSupport.files(in: main.deletingLastPathComponent()) == ["k.json", "k.json.bak"])
    }

    @Test("a v2 file is read as it is and saved in the current version, the v2 file kept as the backup")
    func migrateVersion2() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let main = try store.progressFile(learner: "anna", course: "k")
        let version2 = """
            {"schema": "kursus-progress", "schemaVersion": 2, "learner": "anna", "course": "k", "courseVersion": "1.0",
             "updatedAt": "2025-11-30T08:00:00Z", "units": {"a": {"outcome": "completed", "activeSeconds": 60}},
             "bookmark": {"unitID": "a", "scroll": 3, "inUnit": false}}
            """
        try write(version2, to: main)
        let loaded = try store.load(learner: "anna", courseID: "k")
        #expect(loaded.notices == [.migrated(from: 2)])
        #expect(loaded.progress.record("a") == UnitRecord(outcome: .completed, activeSeconds: 60))
        #expect(loaded.progress.bookmark == Bookmark(unitID: "a", scroll: 3, inUnit: false))
        #expect(ProgressTestSupport.text(try store.backupFile(learner: "anna", course: "k")) == version2)
        #expect(ProgressTestSupport.text(main)?.contains("\"schemaVersion\" : 4") == true)
        #expect(try store.load(learner: "anna", courseID: "k").notices.isEmpty, "told once")
    }

    @Test("a damaged v2 file with a v1 backup: restored and converted")
    func restoreVersion1Backup() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let main = try store.progressFile(learner: "anna", course: "k")
        try write(Self.version1, to: try store.backupFile(learner: "anna", course: "k"))
        try write("{", to: main)
        let loaded = try store.load(learner: "anna", courseID: "k", now: ProgressTestSupport.fixedDate)
        #expect(loaded.progress == migrated)
        #expect(
            loaded.notices == [
                .restoredFromBackup(
                    corruptCopy: main.path + ".corrupt-20260101T000000Z", reason: "not a JSON object",
                    backupSavedAt: Date(timeIntervalSince1970: 1_764_489_600)),
                .migrated(from: 1),
            ])
        #expect(ProgressTestSupport.text(main)?.contains("\"schemaVersion\" : 4") == true)
    }

    @Test("a damaged v1 file is handled like any damaged file")
    func damagedVersion1() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let main = try store.progressFile(learner: "anna", course: "k")
        try write(Self.version1.replacingOccurrences(of: "[ \"a\", \"b\" ]", with: "5"), to: main)
        let loaded = try store.load(learner: "anna", courseID: "k", now: ProgressTestSupport.fixedDate)
        #expect(
            loaded
                == ProgressLoad(
                    progress: .empty,
                    notices: [.startedFresh(corruptCopy: main.path + ".corrupt-20260101T000000Z", reason: "wrong type at .completed")]))
    }
}
