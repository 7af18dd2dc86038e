import Foundation
import KursusEngine
import Testing
@testable import KursusProgress

@Suite("Quiz attempts in the progress file")
struct QuizProgressTests {
    let folder = ProgressTestSupport.temporaryFolder("quiz-progress")
    var store: ProgressStore { ProgressStore(dataDirectory: folder) }

    static func progress() -> LearnerProgress {
        let finished = QuizAttempt(
            number: 1, seed: 9_007_199_254_740_991, questionIDs: ["q2", "q1"], choiceOrders: ["q1": ["3", "1", "2"]],
            answers: ["q1": .option("3"), "q2": .pairs(["Ingen lyd": "Tjek mikrofonen"])], secondsPerQuestion: ["q1": 12, "q2": 30],
            current: 2, startedAt: ProgressTestSupport.fixedDate, finishedAt: ProgressTestSupport.fixedDate.addingTimeInterval(42),
            scorePercent: 62.5, passed: false)
        let unfinished = QuizAttempt(
            number: 2, seed: 7, questionIDs: ["q1", "q2"], answers: ["q1": .number(37.5)], current: 1, startedAt: ProgressTestSupport.fixedDate)
        var record = UnitRecord(outcome: .failed, activeSeconds: 80, firstOpenedAt: ProgressTestSupport.fixedDate)
        record.quiz = QuizRecord(attempts: [finished, unfinished])
        return LearnerProgress(units: ["quiz": record], bookmark: Bookmark(unitID: "quiz", scroll: 0, inUnit: true))
    }

    @Test("every attempt, answer, order, seed and time survives a save and a load")
    func roundTrip() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = Self.progress()
        try store.save(progress, learner: "anna", course: "k", courseVersion: "1", fingerprint: nil, now: ProgressTestSupport.fixedDate)
        #expect(try store.load(learner: "anna", course: "k") == progress)
        let json = try #require(ProgressTestSupport.text(try store.progressFile(learner: "anna", course: "k")))
        #expect(json.contains("\"seed\" : 9007199254740991"))
        #expect(json.contains("\"choice\" : \"3\""))
        #expect(json.contains("\"scorePercent\" : 62.5"))
    }

    @Test("an impossible attempt makes the file count as damaged, and the backup is restored")
    func implausible() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = Self.progress()
        try store.save(good, learner: "anna", course: "k", courseVersion: "1", fingerprint: nil, now: ProgressTestSupport.fixedDate)
        try store.save(good, learner: "anna", course: "k", courseVersion: "1", fingerprint: nil, now: ProgressTestSupport.fixedDate)
        let file = try store.progressFile(learner: "anna", course: "k")
        let text = try #require(ProgressTestSupport.text(file)).replacingOccurrences(of: "\"scorePercent\" : 62.5", with: "\"scorePercent\" : 620")
        try Data(text.utf8).write(to: file)
        let loaded = try store.load(learner: "anna", courseID: "k")
        #expect(loaded.progress == good)
        #expect(!loaded.notices.isEmpty)
    }
}
