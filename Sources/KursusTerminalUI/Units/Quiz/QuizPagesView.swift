import Foundation
import KursusCourse
import KursusEngine

/// The scrolling pages around the questions: the intro, feedback on one answer, the
/// result of an attempt and the review of every answer.
enum QuizPagesView {
    static func intro(_ quiz: Quiz, record: QuizRecord, play: QuizState, context: ScreenContext, width: Int) -> QuizPage {
        var page = QuizPage(width: width, markdown: context.markdownOptions(width: width))
        let strings = context.strings
        if !quiz.intro.isEmpty {
            page.markdown(quiz.intro, indent: 2)
            page.blank()
        }
        let answerable = quiz.questions.filter { $0.kind.takesAnswer }.count
        if let pool = quiz.pool, pool.draw < answerable {
            page.text(strings(.quizQuestionCountDrawn, ["draw": "\(pool.draw)", "count": "\(answerable)"]), indent: 2)
        } else {
            page.text(strings(.quizQuestionCount, ["count": "\(answerable)"]), indent: 2)
        }
        let used = record.finished.count
        if !play.isSurvey, quiz.isScored {
            page.text(strings(.quizPassMark, ["mark": "\(quiz.passMark)"]), indent: 2)
            switch quiz.attempts {
            case .unlimited: page.text(strings(.quizAttemptsUnlimited, ["used": "\(used)"]), indent: 2)
            case .limited(let limit): page.text(strings(.quizAttemptsLimited, ["used": "\(used)", "limit": "\(limit)"]), indent: 2)
            }
            page.text(strings(quiz.counting == .best ? .quizCountingBest : .quizCountingLast), indent: 2)
            page.text(strings(quiz.feedbackTiming == .afterEachQuestion ? .quizFeedbackEach : .quizFeedbackAtEnd), indent: 2)
        }
        if let unfinished = record.unfinished {
            page.blank()
            page.text(
                strings(
                    .quizResume,
                    ["number": "\(min(unfinished.current + 1, unfinished.questionIDs.count))", "total": "\(unfinished.questionIDs.count)"]),
                style: .bold, indent: 2)
        } else if !quiz.attempts.allowsAnother(after: used) {
            page.blank()
            page.text(strings(.quizNoAttemptsLeft), style: CellStyle(.warning, .bold), indent: 2)
        }
        if !record.finished.isEmpty, !play.isSurvey, quiz.isScored {
            page.blank()
            page.text(strings(.quizEarlierAttempts), style: CellStyle(.heading, .bold), indent: 2)
            for attempt in record.finished {
                let passed = attempt.passed == true
                let mark = passed ? context.symbols.completed : context.symbols.failed
                let line = strings(
                    .quizAttemptLine,
                    [
                        "number": "\(attempt.number)", "percent": AnswerDescription.percent(attempt.scorePercent ?? 0, strings),
                        "verdict": strings(passed ? .quizPassed : .quizFailed),
                    ])
                page.text("\(mark) \(line)", style: passed ? CellStyle(.success) : CellStyle(.warning), indent: 2)
            }
        }
        return page
    }

    /// One question's verdict, the learner's answer, the right answer and the feedback.
    /// `mark` is the answer's mark as an earlier version of the quiz gave it; it decides
    /// the verdict when given.
    static func feedback(
        _ question: Question, answer: Answer?, context: ScreenContext, into page: inout QuizPage, earlier: Answer?? = nil,
        mark: QuestionMark? = nil
    ) {
        let strings = context.strings
        let score = mark?.score ?? answer.map { QuizScoring.score(question, answer: $0) } ?? (question.isScored ? .incorrect : .unscored)
        let symbols = context.symbols
        switch score.verdict {
        case .correct: page.text("\(symbols.completed) " + strings(.quizVerdictCorrect), style: CellStyle(.success, .bold), indent: 2)
        case .partiallyCorrect:
            let percent = AnswerDescription.percent(score.fraction * 100, strings)
            page.text("\(symbols.partial) " + strings(.quizVerdictPartial, ["percent": percent]), style: CellStyle(.warning, .bold), indent: 2)
        case .incorrect: page.text("\(symbols.failed) " + strings(.quizVerdictIncorrect), style: CellStyle(.danger, .bold), indent: 2)
        case .unscored: if question.kind.takesAnswer { page.text(strings(.quizVerdictUnscored), style: .muted, indent: 2) }
        }
        page.blank()
        page.markdown(question.text, indent: 2)
        guard question.kind.takesAnswer else { return }
        page.blank()
        page.text(strings(.quizYourAnswer), style: .bold, indent: 2)
        for line in AnswerDescription.given(answer, question, strings) { page.markdown(line, indent: 4) }
        if let earlier {
            let before = earlier.map { AnswerDescription.given($0, question, strings).joined(separator: " ") } ?? strings(.quizCompareMissing)
            let now = AnswerDescription.given(answer, question, strings).joined(separator: " ")
            page.markdown(strings(.quizCompareLine, ["before": before, "now": now]), indent: 4)
        }
        let right = AnswerDescription.correct(question, strings)
        if !right.isEmpty, score.verdict != .correct {
            page.blank()
            page.text(strings(.quizRightAnswer), style: .bold, indent: 2)
            for line in right { page.markdown(line, indent: 4) }
        }
        let notes = QuizFeedback.texts(for: answer, to: question, verdict: score.verdict)
        if !notes.isEmpty {
            page.blank()
            for note in notes {
                page.markdown(note, indent: 2)
                page.blank()
            }
        }
    }

    static func result(_ quiz: Quiz, record: QuizRecord, play: QuizState, earlier: QuizAttempt?, context: ScreenContext, width: Int) -> QuizPage {
        var page = QuizPage(width: width, markdown: context.markdownOptions(width: width))
        let strings = context.strings
        guard let attempt = record.finished.last else { return page }
        if play.isSurvey || !quiz.isScored {
            page.text(
                "\(context.symbols.completed) " + strings(context.isPreview ? .quizSurveyDonePreview : .quizSurveyDone),
                style: CellStyle(.success, .bold), indent: 2)
            if quiz.compareWith != nil { comparison(quiz, attempt: attempt, earlier: earlier, context: context, into: &page) }
            return page
        }
        let passed = attempt.passed == true
        let verdict = "\(passed ? context.symbols.completed : context.symbols.failed) " + strings(passed ? .quizPassed : .quizFailed)
        page.text(verdict, style: passed ? CellStyle(.success, .bold) : CellStyle(.danger, .bold), indent: 2)
        page.blank()
        page.text(
            strings(.quizScore, ["percent": AnswerDescription.percent(attempt.scorePercent ?? 0, strings), "mark": "\(quiz.passMark)"]), indent: 2)
        if record.finished.count > 1, let counted = QuizScoring.counting(record.finished.compactMap(\.scorePercent), rule: quiz.counting) {
            let rule = strings(quiz.counting == .best ? .quizRuleBest : .quizRuleLast)
            page.text(strings(.quizCounted, ["percent": AnswerDescription.percent(counted, strings), "rule": rule]), indent: 2)
        }
        if case .limited(let limit) = quiz.attempts {
            page.text(strings(.quizAttemptsLeft, ["count": "\(max(0, limit - record.finished.count))"]), indent: 2)
        }
        return page
    }

    /// A survey beside the earlier one it repeats: each statement, before and now.
    static func comparison(_ quiz: Quiz, attempt: QuizAttempt, earlier: QuizAttempt?, context: ScreenContext, into page: inout QuizPage) {
        page.blank()
        page.text(context.strings(.quizCompareTitle), style: CellStyle(.heading, .bold), indent: 2)
        for id in attempt.questionIDs {
            guard let question = quiz.question(withID: id), question.kind.takesAnswer else { continue }
            page.blank()
            page.markdown(question.text, indent: 2)
            let strings = context.strings
            let before =
                earlier?.answers[id].map { AnswerDescription.given($0, question, strings).joined(separator: " ") } ?? strings(.quizCompareMissing)
            let now = AnswerDescription.given(attempt.answers[id], question, strings).joined(separator: " ")
            page.markdown(strings(.quizCompareLine, ["before": before, "now": now]), indent: 4)
        }
    }

    static func review(_ quiz: Quiz, attempt: QuizAttempt, context: ScreenContext, width: Int) -> QuizPage {
        var page = QuizPage(width: width, markdown: context.markdownOptions(width: width))
        let strings = context.strings
        page.text(strings(.quizReviewTitle, ["number": "\(attempt.number)"]), style: CellStyle(.heading, .bold), indent: 2)
        let earlierVersion = attempt.isFromEarlierVersion(than: quiz)
        if earlierVersion {
            page.blank()
            page.text(strings(.quizEarlierVersion), style: .muted, indent: 2)
        }
        var number = 0
        for id in attempt.questionIDs {
            guard let question = quiz.question(withID: id) else { continue }
            page.blank()
            if question.kind.takesAnswer {
                number += 1
                page.text(strings(.quizReviewQuestion, ["number": "\(number)"]), style: CellStyle(.heading, .bold), indent: 2)
            }
            feedback(question, answer: attempt.answers[id], context: context, into: &page, mark: earlierVersion ? attempt.marks?[id] : nil)
        }
        return page
    }
}
