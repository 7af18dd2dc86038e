import Foundation
import KursusCourse

/// A quiz or survey unit's own state machine: the intro, answering (see
/// `QuizAnswering`), feedback, the result and the review. Every answer is written into
/// the unit's record and saved as it is given.
enum QuizFeature: UnitFeature {
    /// An attempt cut short goes on at the question where it stopped; otherwise the intro.
    static func open(_ context: inout UnitContext) -> Result<(QuizState, [UnitEffect]), UnitFailure> {
        guard let quiz = context.content.quizzes[context.unit.id] else {
            return .failure(UnitFailure("'\(context.unit.title)': its quiz file could not be read; run 'kursus validate' for the reason"))
        }
        var state = QuizState(unitID: context.unit.id, isSurvey: context.unit.kind == .survey, quiz: quiz)
        guard context.record.quizRecord.unfinished != nil else { return .success((state, [])) }
        let effects = QuizAnswering.enterQuestion(&state, &context)
        return .success((state, effects))
    }

    static func reduce(_ state: inout QuizState, _ event: UnitEvent, _ context: inout UnitContext) -> [UnitEffect] {
        switch event {
        case .command(let command):
            state.message = nil
            if state.phase == .question { return QuizAnswering.command(&state, command, &context) }
            return page(&state, command, &context)
        case .edit(let edit):
            QuizAnswering.edit(&state, edit, context)
            return []
        case .tick(let seconds, _):
            addTime(&state, seconds: seconds, &context)
            return []
        case .contentMeasured(let lines):
            state.scroll.measured(lines, rows: context.viewport.bodyRows)
            return []
        case .resized:
            state.scroll.clamp(rows: context.viewport.bodyRows)
            return []
        case .windowMeasured:
            return []
        case .reloaded:
            // The edited quiz replaces the old one; an attempt in progress goes on in it.
            guard let quiz = context.content.quizzes[state.unitID] else {
                return [.leave, .notice(.unitFailed(kind: context.unit.kind, message: "'\(context.unit.title)': its quiz file could not be read"))]
            }
            state.quiz = quiz
            state.scroll.lineCount = nil
            return state.phase == .question ? QuizAnswering.enterQuestion(&state, &context) : []
        }
    }

    static func inputMode(_ state: QuizState, record: UnitRecord?) -> InputMode {
        guard state.phase == .question else { return .choices }
        guard let (_, question) = QuizAnswering.current(state, record?.quizRecord ?? QuizRecord()) else { return .navigation }
        return QuestionRows.takesText(question) ? .text : .choices
    }

    /// Keys on the scrolling pages.
    static func page(_ state: inout QuizState, _ command: PlayerCommand, _ context: inout UnitContext) -> [UnitEffect] {
        switch command {
        case .open, .right: return proceed(&state, &context)
        case .back, .left: return back(&state, &context)
        case .letter("r"), .letter("R"): return review(&state, &context)
        case .toggle: _ = state.scroll.apply(.pageDown, rows: context.viewport.bodyRows)
        default: _ = state.scroll.apply(command, rows: context.viewport.bodyRows)
        }
        return []
    }

    /// Enter on a page: start or resume from the intro, go on after feedback, retry or
    /// leave after the result, and back from a review.
    static func proceed(_ state: inout QuizState, _ context: inout UnitContext) -> [UnitEffect] {
        let record = context.record.quizRecord
        switch state.phase {
        case .intro:
            if record.unfinished != nil { return show(&state, .question, &context) }
            guard state.quiz.attempts.allowsAnother(after: record.finished.count) else {
                state.message = .noAttemptsLeft
                return []
            }
            return startAttempt(&state, &context)
        case .feedback:
            return show(&state, record.unfinished == nil ? .result : .question, &context)
        case .result:
            if context.record.outcome == .failed, state.quiz.attempts.allowsAnother(after: record.finished.count) {
                return startAttempt(&state, &context)
            }
            return [.leave]
        case .review:
            return show(&state, .result, &context)
        case .question:
            return []
        }
    }

    static func back(_ state: inout QuizState, _ context: inout UnitContext) -> [UnitEffect] {
        if case .review = state.phase { return show(&state, .result, &context) }
        return [.leave]
    }

    /// `r`: the review of the latest finished attempt.
    static func review(_ state: inout QuizState, _ context: inout UnitContext) -> [UnitEffect] {
        guard let last = context.record.quizRecord.finished.last else {
            state.message = .nothingToReview
            return []
        }
        return show(&state, .review(attemptNumber: last.number), &context)
    }

    static func show(_ state: inout QuizState, _ phase: QuizPhase, _ context: inout UnitContext) -> [UnitEffect] {
        state.phase = phase
        state.scroll = ScrollPosition()
        return phase == .question ? QuizAnswering.enterQuestion(&state, &context) : []
    }

    static func startAttempt(_ state: inout QuizState, _ context: inout UnitContext) -> [UnitEffect] {
        let attempts = context.record.quizRecord.attempts
        let number = (attempts.map(\.number).max() ?? 0) + 1
        let seed = AttemptBuilder.seed(unitID: state.unitID, number: number, time: context.now)
        let attempt = AttemptBuilder.attempt(for: state.quiz, number: number, seed: seed, at: context.now)
        context.record.quiz = QuizRecord(attempts: attempts + [attempt])
        return show(&state, .question, &context) + [.save]
    }

    /// Active time goes to the unit and, while answering, to the question on screen.
    static func addTime(_ state: inout QuizState, seconds: Int, _ context: inout UnitContext) {
        context.record.addActiveTime(seconds)
        guard state.phase == .question, var attempt = context.record.quizRecord.unfinished,
            attempt.questionIDs.indices.contains(attempt.current)
        else { return }
        attempt.secondsPerQuestion[attempt.questionIDs[attempt.current], default: 0] += seconds
        context.record.quiz?.unfinished = attempt
    }
}
