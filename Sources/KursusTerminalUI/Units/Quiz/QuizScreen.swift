import KursusCourse
import KursusEngine
import KursusText

/// A quiz or survey unit on screen: the title with the question count and attempt, the
/// current page, and key hints that fit the question's kind. The hint line's right end
/// shows how far the attempt has come, one dot per question.
enum QuizScreen {
    static func draw(_ state: PlayerState, _ play: QuizState, _ context: ScreenContext, into grid: inout Grid) {
        let strings = context.strings
        let unitTitle = state.course.unit(withID: play.unitID)?.title ?? ""
        let number = StatusLine.unitNumber(play.unitID, in: state.course)
        let record = state.quizRecord(play.unitID)
        let attempt = record.unfinished
        var titleRight = context.isPreview ? context.titleRight : context.learnerName
        if case .feedback = play.phase, let last = attempt ?? record.attempts.last {
            // Feedback on the answer just given: its question's number.
            titleRight = strings(
                .quizQuestionOf, ["number": "\(max(1, min(last.current, last.questionIDs.count)))", "total": "\(last.questionIDs.count)"])
            if !play.isSurvey { titleRight += " \(context.symbols.separator) " + strings(.quizAttempt, ["number": "\(last.number)"]) }
        }
        if play.phase == .question, let attempt {
            titleRight = strings(
                .quizQuestionOf, ["number": "\(min(attempt.current + 1, attempt.questionIDs.count))", "total": "\(attempt.questionIDs.count)"])
            if !play.isSurvey { titleRight += " \(context.symbols.separator) " + strings(.quizAttempt, ["number": "\(attempt.number)"]) }
        }
        let page = self.page(state, play, context, width: LessonScreen.textWidth(forColumns: grid.width))
        let status = StatusLine.text(state, context) ?? message(play.message, strings)
        Chrome.draw(
            into: &grid, title: "\(number) \(unitTitle)", titleRight: titleRight, hints: hints(state, play, strings),
            hintsRight: status ?? dots(attempt, context), hintsRightStyle: status != nil ? CellStyle(.warning, .bold) : .muted,
            symbols: context.symbols
        )
        let rows = Chrome.bodyRows(forHeight: grid.height)
        let width = LessonScreen.textWidth(forColumns: grid.width)
        let margin = max(LessonScreen.minimumMargin, (grid.width - width) / 2) - 2
        let scroll = play.phase == .question ? page.autoScroll(rows: rows) + play.questionOffset : play.scroll.offset
        page.draw(into: &grid, left: max(0, margin), top: Chrome.bodyTop, rows: rows, scroll: scroll)
        // On a question ↑/↓ change the answer, so the wheel pages instead.
        if play.phase == .question { grid.wheel = .pages }
    }

    /// The page for the current phase.
    static func page(_ state: PlayerState, _ play: QuizState, _ context: ScreenContext, width: Int) -> QuizPage {
        let quiz = play.quiz
        let record = state.quizRecord(play.unitID)
        switch play.phase {
        case .intro:
            return QuizPagesView.intro(quiz, record: record, play: play, context: context, width: width)
        case .question:
            guard let attempt = record.unfinished, attempt.questionIDs.indices.contains(attempt.current),
                let question = quiz.question(withID: attempt.questionIDs[attempt.current])
            else { return QuizPage(width: width, markdown: context.markdownOptions(width: width)) }
            return QuizQuestionView.page(question, attempt: attempt, play: play, context: context, width: width)
        case .feedback(let id):
            var page = QuizPage(width: width, markdown: context.markdownOptions(width: width))
            let attempt = record.unfinished ?? record.attempts.last
            if let question = quiz.question(withID: id) {
                QuizPagesView.feedback(question, answer: attempt?.answers[id], context: context, into: &page)
            }
            return page
        case .result:
            return QuizPagesView.result(quiz, record: record, play: play, earlier: earlierSurvey(state, quiz), context: context, width: width)
        case .review(let number):
            guard let attempt = record.attempts.first(where: { $0.number == number }) else {
                return QuizPage(width: width, markdown: context.markdownOptions(width: width))
            }
            return QuizPagesView.review(quiz, attempt: attempt, context: context, width: width)
        }
    }

    /// The latest finished attempt of the survey this one is compared with.
    static func earlierSurvey(_ state: PlayerState, _ quiz: Quiz) -> QuizAttempt? {
        guard let other = quiz.compareWith else { return nil }
        return state.quizRecord(other).finished.last
    }

    static func hints(_ state: PlayerState, _ play: QuizState, _ strings: UIStrings) -> String {
        let record = state.quizRecord(play.unitID)
        switch play.phase {
        case .intro: return strings(record.unfinished != nil ? .quizHintsIntroResume : .quizHintsIntro)
        case .feedback: return strings(.quizHintsFeedback)
        case .review: return strings(.quizHintsReview)
        case .result:
            let canRetry = state.progress.record(play.unitID)?.outcome == .failed && play.quiz.attempts.allowsAnother(after: record.finished.count)
            return strings(canRetry ? .quizHintsResultRetry : .quizHintsResult)
        case .question:
            guard let (attempt, question) = play.currentQuestion(in: record) else { return "" }
            let count = "\(QuestionRows.rows(question, attempt: attempt, draft: play.draft).count)"
            switch question.kind {
            case .singleChoice, .trueFalse, .likert: return strings(.quizHintsSingle, ["count": count])
            case .multipleResponse: return strings(.quizHintsMultiple, ["count": count])
            case .shortAnswer, .numeric, .freeText: return strings(.quizHintsText)
            case .matching: return strings(.quizHintsMatching, ["count": "\(QuestionRows.matchingChoices(question, attempt: attempt).count)"])
            case .ordering: return strings(.quizHintsOrdering)
            case .description: return strings(.quizHintsDescription)
            }
        }
    }

    static func message(_ message: QuizMessage?, _ strings: UIStrings) -> String? {
        switch message {
        case .chooseFirst?: return strings(.quizMessageChooseFirst)
        case .notANumber?: return strings(.quizMessageNotANumber)
        case .answerEveryPrompt?: return strings(.quizMessageAnswerEveryPrompt)
        case .emptyAnswer?: return strings(.quizMessageEmptyAnswer)
        case .noAttemptsLeft?: return strings(.quizMessageNoAttemptsLeft)
        case .nothingToReview?: return strings(.quizMessageNothingToReview)
        case nil: return nil
        }
    }

    /// `●●○○○` for up to 30 questions, `3/45` beyond.
    static func dots(_ attempt: QuizAttempt?, _ context: ScreenContext) -> String {
        guard let attempt else { return "" }
        let total = attempt.questionIDs.count
        let done = min(attempt.current, total)
        guard total <= 30 else { return "\(done)/\(total)" }
        let (full, empty) = (context.symbols.dotDone, context.symbols.dotToDo)
        return String(repeating: full, count: done) + String(repeating: empty, count: total - done)
    }
}
