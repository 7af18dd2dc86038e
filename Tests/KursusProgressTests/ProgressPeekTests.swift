import Foundation
import KursusEngine
import Testing

@testable import KursusProgress

@Suite("Progress peek: the catalogue's read-only look at a learner's progress")
struct ProgressPeekTests {
    let folder = ProgressTestSupport.temporaryFolder("peek")
    var store: ProgressStore { ProgressStore(dataDirectory: folder) }
    let sample = LearnerProgress(completed: ["b", "a"], started: ["c"], bookmark: nil)

    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("learners/anna/progress").path).sorted()
    }

    @Test("nothing saved: nil, and nothing is created")
    func nothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try store.peek(learner: "anna", course: "k") == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("learners").path))
    }

    @Test("the saved progress, as loading gives it; a missing file falls back to its backup without restoring it")
    func saved() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.save(sample, learner: "anna", course: "k", courseVersion: "1.0")
        #expect(try store.peek(learner: "anna", course: "k")?.completed == ["a", "b"])
        try store.save(sample, learner: "anna", course: "k", courseVersion: "1.0")
        try FileManager.default.removeItem(at: try store.progressFile(learner: "anna", course: "k"))
        #expect(try store.peek(learner: "anna", course: "k")?.completed == ["a", "b"])
        #expect(try names() == ["k.json.bak"])
    }

    @Test("a damaged file is reported and left exactly as it is (no copy kept aside, no backup restored)")
    func damaged() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.save(sample, learner: "anna", course: "k", courseVersion: "1.0")
        try store.save(sample, learner: "anna", course: "k", courseVersion: "1.0")
        let file = try store.progressFile(learner: "anna", course: "k")
        try Data("{\"schema\": ".utf8).write(to: file)
        #expect(throws: ProgressError.self) { try store.peek(learner: "anna", course: "k") }
        #expect(try names() == ["k.json", "k.json.bak"])
        #expect(try Data(contentsOf: file) == Data("{\"schema\": ".utf8))
    }
}
