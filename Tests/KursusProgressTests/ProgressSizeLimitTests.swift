import Foundation
import KursusEngine
import Testing
@testable import KursusProgress

/// Issue 16: a file written just under the 8 MiB read limit grew past it at the next save
/// and was then called damaged, losing the newest state. Whatever the writer writes, the
/// reader must read.
@Suite("Progress size limit: compaction before the read limit, never a file the reader refuses")
struct ProgressSizeLimitTests {
    let folder = ProgressTestSupport.temporaryFolder("size-limit")
    var store: ProgressStore { ProgressStore(dataDirectory: folder) }
    let date = ProgressTestSupport.fixedDate

    /// A finished attempt whose one free-text answer is `padding` characters long.
    func attempt(_ number: Int, score: Double, padding: Int) -> QuizAttempt {
        QuizAttempt(
            number: number, seed: UInt64(number), questionIDs: ["q1"], answers: ["q1": .text(String(repeating: "x", count: padding))],
            secondsPerQuestion: ["q1": 5], current: 1, startedAt: date, finishedAt: date, scorePercent: score, passed: false)
    }

    /// A quiz unit with `count` finished attempts of `padding` characters each.
    func bigProgress(count: Int, padding: Int, lastPadding: Int) -> LearnerProgress {
        var attempts = (1..<count).map { attempt($0, score: Double($0 % 50), padding: padding) }
        attempts.append(attempt(count, score: 10, padding: lastPadding))
        var record = UnitRecord(outcome: .failed, activeSeconds: 10)
        record.quiz = QuizRecord(attempts: attempts)
        return LearnerProgress(
            units: ["quiz": record, "lesson": UnitRecord(outcome: .inProgress)], bookmark: Bookmark(unitID: "quiz", scroll: 0, inUnit: true))
    }

    /// Progress whose file, as written before compaction existed, is a little under the
    /// read limit (between 8,388,300 and 8,388,608 bytes, as in the 8,388,494).
    func progressJustUnderLimit() throws -> LearnerProgress {
        let limit = ProgressStore.maximumFileSize
        let count = 80
        let padding = 104_000
        func size(_ progress: LearnerProgress) throws -> Int {
            let document = ProgressDocument(learner: "anna", course: "k", courseVersion: "1", updatedAt: date, progress: progress)
            return try ProgressDocument.encoder.encode(document).count
        }
        let base = try size(bigProgress(count: count, padding: padding, lastPadding: 0))
        let progress = bigProgress(count: count, padding: padding, lastPadding: limit - 200 - base)
        let total = try size(progress)
        #expect(total > limit - 400 && total <= limit)
        return progress
    }

    @Test("a save that would cross the read limit compacts old attempts, and the newest state loads again")
    func growingPastTheLimitCompacts() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var progress = try progressJustUnderLimit()
        try store.save(progress, learner: "anna", course: "k", courseVersion: "1", now: date)
        // The next save: the lesson is completed and one more attempt is made.
        progress.markCompleted("lesson", at: date)
        progress.units["quiz"]?.quiz?.attempts.append(attempt(81, score: 90, padding: 2_000))
        try store.save(progress, learner: "anna", course: "k", courseVersion: "1", now: date.addingTimeInterval(60))

        let file = try store.progressFile(learner: "anna", course: "k")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        #expect(size <= ProgressCompaction.threshold)
        let loaded = try store.load(learner: "anna", courseID: "k", now: date.addingTimeInterval(120))
        #expect(loaded.notices.isEmpty)
        #expect(loaded.progress.units["lesson"]?.outcome == .completed)
        let attempts = try #require(loaded.progress.units["quiz"]?.quiz?.attempts)
        // Every attempt is still counted, numbered and scored; only old details are gone.
        #expect(attempts.count == 81)
        #expect(attempts.map(\.number) == Array(1...81))
        #expect(attempts.map(\.scorePercent) == progress.units["quiz"]?.quiz?.attempts.map(\.scorePercent))
        // Whole: the last three (79, 80, 81) and the best (81, 90 %); 49 (49 %) is the best of the rest but compacted.
        let whole = attempts.filter { !$0.answers.isEmpty }.map(\.number)
        #expect(whole == [79, 80, 81])
        #expect(attempts[48].answers.isEmpty && attempts[48].scorePercent == 49)
    }

    @Test("progress that cannot be made small enough is refused, and the file on disk stays readable")
    func tooLargeEvenCompactedIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = ProgressTestSupport.richProgress(scroll: 3)
        try store.save(small, learner: "anna", course: "k", courseVersion: "1", now: date)
        // One unfinished attempt with a 9 MB answer: nothing old to compact.
        var huge = small
        var record = UnitRecord(outcome: .inProgress)
        record.quiz = QuizRecord(attempts: [
            QuizAttempt(number: 1, seed: 1, questionIDs: ["q1", "q2"], answers: ["q1": .text(String(repeating: "y", count: 9_000_000))], current: 1)
        ])
        huge.units["quiz"] = record
        #expect {
            try store.save(huge, learner: "anna", course: "k", courseVersion: "1", now: date.addingTimeInterval(60))
        } throws: { error in
            guard case .writeFailed(_, let reason) = error as? ProgressError else { return false }
            return reason.contains("more than the 8 MiB")
        }
        let loaded = try store.load(learner: "anna", courseID: "k", now: date.addingTimeInterval(120))
        #expect(loaded.notices.isEmpty)
        #expect(loaded.progress == small)
    }

    @Test("compaction keeps the best attempt whole even when it is old, and leaves small files alone")
    func bestAttemptStaysWhole() {
        var record = UnitRecord(outcome: .failed)
        record.quiz = QuizRecord(attempts: [
            attempt(1, score: 95, padding: 3), attempt(2, score: 10, padding: 3), attempt(3, score: 20, padding: 3),
            attempt(4, score: 30, padding: 3), attempt(5, score: 40, padding: 3),
        ])
        let compacted = ProgressCompaction.compacted(LearnerProgress(units: ["q": record]))
        let attempts = compacted.units["q"]?.quiz?.attempts ?? []
        #expect(attempts.map { $0.answers.isEmpty } == [false, true, false, false, false])
        #expect(attempts[1].questionIDs.isEmpty && attempts[1].scorePercent == 10 && attempts[1].finishedAt == date)
    }
}
