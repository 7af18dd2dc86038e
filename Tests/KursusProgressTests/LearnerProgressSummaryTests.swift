import Foundation
import KursusEngine
import Testing
@testable import KursusProgress

@Suite("Learner progress summaries for kursus progress")
struct LearnerProgressSummaryTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-progress-summary-\(UUID().uuidString)")

    func write(_ text: String, course: String, learner: String = "anna") throws {
        let progress = folder.appendingPathComponent("learners/\(learner)/progress")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: progress.appendingPathComponent("\(course).json"))
    }

    @Test("no progress folder: no courses")
    func none() throws {
        #expect(try CourseProgressSummary.all(learner: "anna", dataDirectory: folder).isEmpty)
    }

    @Test("schema version 2: outcomes counted and active time summed")
    func version2() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(
            """
            {"schema": "kursus-progress", "schemaVersion": 2, "learner": "anna", "course": "k", "courseVersion": "1.2",
             "updatedAt": "2026-03-01T10:15:00Z",
             "units": {"a": {"outcome": "completed", "activeSeconds": 600},
                       "b": {"outcome": "passed", "activeSeconds": 1200},
                       "c": {"outcome": "failed", "activeSeconds": 60},
                       "d": {"outcome": "in-progress", "activeSeconds": 45},
                       "e": {"outcome": "in-progress"}}}
            """, course: "k")
        let summaries = try CourseProgressSummary.all(learner: "anna", dataDirectory: folder)
        #expect(summaries.count == 1)
        let summary = try #require(summaries.first)
        #expect(summary.course == "k")
        #expect(summary.courseVersion == "1.2")
        #expect(summary.completed == 1 && summary.passed == 1 && summary.failed == 1 && summary.inProgress == 2)
        #expect(summary.activeSeconds == 1905)
        #expect(summary.updatedAt == Date(timeIntervalSince1970: 1_772_360_100))
        #expect(summary.problem == nil)
    }

    @Test("schema version 1: completed and started arrays; no times")
    func version1() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(
            """
            {"schema": "kursus-progress", "schemaVersion": 1, "learner": "anna", "course": "k", "updatedAt": "2026-03-01T10:15:00Z",
             "completed": ["a", "b"], "started": ["b", "c"], "bookmark": null}
            """, course: "k")
        let summary = try #require(try CourseProgressSummary.all(learner: "anna", dataDirectory: folder).first)
        #expect(summary.completed == 2 && summary.inProgress == 1 && summary.passed == 0)
        #expect(summary.activeSeconds == nil)
        #expect(summary.courseVersion == nil)
    }

    @Test("what the progress store writes can be summarised")
    func storeOutput() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try ProgressStore(dataDirectory: folder).save(
            LearnerProgress(completed: ["a", "b"], started: ["c"]), learner: "anna", course: "k", courseVersion: "3")
        let summary = try #require(try CourseProgressSummary.all(learner: "anna", dataDirectory: folder).first)
        #expect(summary.problem == nil)
        #expect(summary.completed == 2 && summary.inProgress == 1)
        #expect(summary.courseVersion == "3")
        #expect(summary.updatedAt != nil)
    }

    @Test("a damaged file is reported for its course; the others are still read")
    func damaged() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("{\"schema\": \"kursus-progress\", \"schemaVersion\": 2, \"units\": {}}", course: "b-good")
        try write("{\"schema\": \"kursus-pro", course: "a-broken")
        try write("{\"schema\": \"kursus-progress\", \"schemaVersion\": 9}", course: "c-newer")
        try write("{\"schema\": \"kursus-progress\", \"schemaVersion\": 2, \"units\": {\"a\": {\"outcome\": 5}}}", course: "d-type")
        try write("{\"x\": 1}", course: "e-other")
        try write("{\"schema\": \"kursus-progress\", \"schemaVersion\": 2}", course: "f-empty")
        try write("not even json", course: ".hidden")
        let summaries = try CourseProgressSummary.all(learner: "anna", dataDirectory: folder)
        #expect(summaries.map(\.course) == ["a-broken", "b-good", "c-newer", "d-type", "e-other", "f-empty"])
        #expect(
            summaries.map(\.problem) == [
                "not a JSON object",
                nil,
                "saved by a newer Kursus (schema 9; this one reads up to 4)",
                "wrong type at units.a.outcome",
                "not a Kursus progress file (missing \"schema\": \"kursus-progress\")",
                "no unit records (neither \"units\" nor \"completed\")",
            ])
        #expect(summaries[0].file.hasSuffix("/learners/anna/progress/a-broken.json"))
    }
}
