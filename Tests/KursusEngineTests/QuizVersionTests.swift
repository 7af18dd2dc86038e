import KursusCourse
import Testing

@testable import KursusEngine

private typealias F = QuizFixtures

/// A course update that changes a quiz: every attempt keeps the score of the version it
/// was taken with (issue 11, "Updates").
@Suite("Quiz attempts across a course update")
struct QuizVersionTests {
    /// Version 1 of a two-question quiz: the right answer to `single` is option 2.
    static func version1() -> Quiz {
        var quiz = F.quiz([F.single, F.trueFalse], passMark: 100, feedback: .atEnd)
        quiz.version = QuizVersion.of("v1")
        return quiz
    }

    /// Version 2: `single` now has option 3 as its right answer, and `tf` is gone; a new
    /// question `multiple` is added.
    static func version2() -> Quiz {
        let changed = Question(
            id: "single", text: "Hvad gør du først?", kind: .singleChoice([F.option("1", 0), F.option("2", 0), F.option("3", 100)]),
            location: F.here)
        var quiz = F.quiz([changed, F.multiple], passMark: 100, feedback: .atEnd)
        quiz.version = QuizVersion.of("v2")
        return quiz
    }

    @Test("the quiz version is a stable 16-digit name of the file's text; any edit makes a new one")
    func versionName() {
        #expect(QuizVersion.of("") == "cbf29ce484222325", "FNV-1a's offset basis for no bytes")
        #expect(QuizVersion.of("a") == "af63dc4c8601ec8c", "FNV-1a 64 of 'a'")
        #expect(QuizVersion.of("title: Quiz\n") != QuizVersion.of("title: Quiz \n"))
    }

    @Test("an attempt records the quiz version and each scored answer's mark as it was given")
    func attemptRecordsVersionAndMarks() throws {
        var state = F.opened(Self.version1())
        F.send(&state, [.open, .number(2), .open])
        let attempt = try #require(state.quizRecord("quiz").unfinished)
        #expect(attempt.quizVersion == QuizVersion.of("v1"))
        #expect(attempt.marks == ["single": QuestionMark(fraction: 1, weight: 1)])
    }

    @Test("a finished attempt keeps its score and pass after the quiz changes; the review uses its marks")
    func finishedAttemptKeepsScore() throws {
        var state = F.opened(Self.version1())
        F.send(&state, [.open, .number(2), .open, .number(2), .open])
        #expect(state.progress.record("quiz")?.outcome == .passed)
        let updated = F.opened(Self.version2(), progress: state.progress)
        let finished = try #require(updated.quizRecord("quiz").finished.first)
        #expect(finished.scorePercent == 100)
        #expect(updated.progress.record("quiz")?.outcome == .passed)
        #expect(finished.isFromEarlierVersion(than: Self.version2()))
        #expect(!finished.isFromEarlierVersion(than: Self.version1()))
        // Rescored by version 2, option 2 of `single` would now be wrong; its mark says right.
        #expect(QuizScoring.score(Self.version2().questions[0], answer: .option("2")).verdict == .incorrect)
        #expect(finished.marks?["single"]?.score.verdict == .correct)
    }

    @Test("an attempt begun before the update and finished after it: answers given keep their marks, new questions are scored now")
    func attemptAcrossUpdate() throws {
        var state = F.opened(Self.version1())
        // `single` answered right under version 1, then the learner leaves.
        F.send(&state, [.open, .number(2), .open, .back])
        var later = F.opened(Self.version2(), progress: state.progress)
        // `tf` is gone; the next question still in the quiz is none (the attempt asked single and tf),
        // so the attempt finishes with single's mark: 1 of 1 → 100 %.
        let finished = try #require(later.quizRecord("quiz").finished.first)
        #expect(finished.scorePercent == 100, "single keeps its version-1 mark; tf no longer exists and is not counted")
        #expect(later.progress.record("quiz")?.outcome == .passed)
        // A new attempt is asked from version 2 and records that version.
        F.send(&later, [.open])
        _ = PlayerReducer.reduce(&later, .openUnit("quiz"))
        F.send(&later, [.open])
        let second = try #require(later.quizRecord("quiz").unfinished)
        #expect(second.quizVersion == QuizVersion.of("v2"))
        #expect(second.questionIDs == ["single", "multiple"])
    }

    @Test("an attempt saved before marks were recorded is scored by the current quiz, as before")
    func attemptWithoutMarks() {
        let quiz = Self.version1()
        let attempt = QuizAttempt(number: 1, seed: 1, questionIDs: ["single", "tf"], answers: ["single": .option("2"), "tf": .bool(true)])
        let total = QuizScoring.total(of: attempt, quiz: quiz)
        #expect(total.percent == 50)
        #expect(!total.passed)
    }

    @Test("marks keep questions the quiz no longer has, with their old weight; unanswered questions still in the quiz count as wrong")
    func totalFromMarks() {
        let quiz = Self.version2()
        let attempt = QuizAttempt(
            number: 1, seed: 1, questionIDs: ["tf", "single", "multiple"], answers: ["tf": .bool(false)],
            marks: ["tf": QuestionMark(fraction: 1, weight: 3)])
        // tf: 3 of 3 (its old mark), single: 0 of 1 (unanswered), multiple: 0 of 1 → 3/5.
        #expect(QuizScoring.total(of: attempt, quiz: quiz).percent == 60)
    }
}
