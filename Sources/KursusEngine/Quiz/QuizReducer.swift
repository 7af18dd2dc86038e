import Foundation
import KursusCourse

/// A quiz or survey unit's own state machine, beside `LessonReducer`: loading, the
/// intro, answering (see `QuizAnswering`), feedback, the result and the review. Every
/// answer is written into the learner's progress and saved as it is given.
enum QuizReducer {
    static func open(_ state: inout PlayerState, _ unit: CourseUnit) -> [PlayerEffect] {
        PlayerReducer.enter(&state, unit, screen: .quiz(QuizPlay(unitID: unit.id, isSurvey: unit.kind == .survey)), load: .loadQuiz(unitID: unit.id))
    }

    static func loaded(_ state: inout PlayerState, unitID: String, quiz: Quiz) -> [PlayerEffect] {
        guard var play = state.quizPlay, play.unitID == unitID else { return [] }
        let wasLoading = play.phase == .loading
        play.quiz = quiz
        if wasLoading {
            // An attempt cut short goes on at the question where it stopped.
            play.phase = state.quizRecord(unitID).unfinished != nil ? .question : .intro
        }
        state.screen = .quiz(play)
        if play.phase == .question { return QuizAnswering.enterQuestion(&state) }
        return []
    }

    static func failed(_ state: inout PlayerState, unitID: String, message: String) -> [PlayerEffect] {
        guard let play = state.quizPlay, play.unitID == unitID else { return [] }
        return PlayerReducer.unitFailed(&state, message: message)
    }

    static func command(_ state: inout PlayerState, _ command: PlayerCommand) -> [PlayerEffect] {
        guard var play = state.quizPlay else { return [] }
        play.message = nil
        state.screen = .quiz(play)
        switch play.phase {
        case .loading:
            return command == .back ? leave(&state) : []
        case .question:
            return QuizAnswering.command(&state, command)
        case .intro, .feedback, .result, .review:
            return page(&state, command)
        }
    }

    /// Keys on the scrolling pages.
    static func page(_ state: inout PlayerState, _ command: PlayerCommand) -> [PlayerEffect] {
        guard var play = state.quizPlay else { return [] }
        let body = state.viewport.bodyRows
        let maximum = max(0, (play.pageLines ?? Int.max / 2) - body)
        switch command {
        case .lineUp: play.scroll = max(0, play.scroll - 1)
        case .lineDown: play.scroll = min(maximum, play.scroll + 1)
        case .pageUp: play.scroll = max(0, play.scroll - max(1, body - 1))
        case .pageDown, .toggle: play.scroll = min(maximum, play.scroll + max(1, body - 1))
        case .top: play.scroll = 0
        case .bottom: play.scroll = maximum
        case .open, .right: return proceed(&state)
        case .back, .left: return back(&state)
        case .letter("r"), .letter("R"): return review(&state)
        default: return []
        }
        state.screen = .quiz(play)
        return []
    }

    /// Enter on a page: start or resume from the intro, go on after feedback, retry or
    /// leave after the result, and back from a review.
    static func proceed(_ state: inout PlayerState) -> [PlayerEffect] {
        guard var play = state.quizPlay, let quiz = play.quiz else { return [] }
        let record = state.quizRecord(play.unitID)
        switch play.phase {
        case .intro:
            if record.unfinished != nil { return show(&state, .question) }
            guard quiz.attempts.allowsAnother(after: record.finished.count) else {
                play.message = .noAttemptsLeft
                state.screen = .quiz(play)
                return []
            }
            return startAttempt(&state, quiz)
        case .feedback:
            return show(&state, record.unfinished == nil ? .result : .question)
        case .result:
            let outcome = state.progress.record(play.unitID)?.outcome
            if outcome == .failed, quiz.attempts.allowsAnother(after: record.finished.count) { return startAttempt(&state, quiz) }
            return leave(&state)
        case .review:
            return show(&state, .result)
        case .loading, .question:
            return []
        }
    }

    static func back(_ state: inout PlayerState) -> [PlayerEffect] {
        guard let play = state.quizPlay else { return [] }
        if case .review = play.phase { return show(&state, .result) }
        return leave(&state)
    }

    /// `r`: the review of the latest finished attempt.
    static func review(_ state: inout PlayerState) -> [PlayerEffect] {
        guard var play = state.quizPlay else { return [] }
        guard let last = state.quizRecord(play.unitID).finished.last else {
            play.message = .nothingToReview
            state.screen = .quiz(play)
            return []
        }
        return show(&state, .review(attemptNumber: last.number))
    }

    static func show(_ state: inout PlayerState, _ phase: QuizPhase) -> [PlayerEffect] {
        guard var play = state.quizPlay else { return [] }
        play.phase = phase
        play.scroll = 0
        play.pageLines = nil
        state.screen = .quiz(play)
        return phase == .question ? QuizAnswering.enterQuestion(&state) : []
    }

    static func startAttempt(_ state: inout PlayerState, _ quiz: Quiz) -> [PlayerEffect] {
        guard let play = state.quizPlay else { return [] }
        let number = (state.quizRecord(play.unitID).attempts.map(\.number).max() ?? 0) + 1
        let seed = AttemptBuilder.seed(unitID: play.unitID, number: number, time: state.now)
        let attempt = AttemptBuilder.attempt(for: quiz, number: number, seed: seed, at: state.now)
        state.progress.update(play.unitID, at: state.now) { $0.quiz = QuizRecord(attempts: ($0.quiz?.attempts ?? []) + [attempt]) }
        return show(&state, .question) + [PlayerReducer.save(&state)]
    }

    /// Back to the menu. An unfinished attempt stays in the progress and resumes later.
    static func leave(_ state: inout PlayerState) -> [PlayerEffect] {
        guard let play = state.quizPlay else { return [] }
        return PlayerReducer.leave(&state, unitID: play.unitID)
    }

    /// Active time goes to the unit and, while answering, to the question on screen.
    static func addTime(_ state: inout PlayerState, seconds: Int) {
        guard let play = state.quizPlay else { return }
        state.progress.addActiveTime(seconds, to: play.unitID)
        guard play.phase == .question, var attempt = state.quizRecord(play.unitID).unfinished,
              attempt.questionIDs.indices.contains(attempt.current)
        else { return }
        attempt.secondsPerQuestion[attempt.questionIDs[attempt.current], default: 0] += seconds
        state.progress.update(play.unitID, at: state.now) { [attempt] in $0.quiz?.unfinished = attempt }
    }

    /// The runtime measured the page it drew; scrolling stops at its end.
    static func measured(_ state: inout PlayerState, lines: Int) {
        guard var play = state.quizPlay, play.pageLines != lines else { return }
        play.pageLines = lines
        play.scroll = min(play.scroll, max(0, lines - state.viewport.bodyRows))
        state.screen = .quiz(play)
    }
}
