import Foundation
import KursusCourse

/// Answering one question: moving over choices, ticking, typing, pairing and ordering,
/// then submitting. A submitted answer is recorded at once; the last one finishes the
/// attempt and scores it.
enum QuizAnswering {
    /// The current question of the unfinished attempt, skipping questions the quiz no
    /// longer has (it was edited since the attempt began).
    static func current(_ state: QuizState, _ record: QuizRecord) -> (attempt: QuizAttempt, question: Question)? {
        state.currentQuestion(in: record)
    }

    /// Prepares a fresh draft for the current question; finishes the attempt when none is left.
    static func enterQuestion(_ state: inout QuizState, _ context: inout UnitContext) -> [UnitEffect] {
        guard var attempt = context.record.quizRecord.unfinished else { return [] }
        let quiz = state.quiz
        while attempt.questionIDs.indices.contains(attempt.current), quiz.question(withID: attempt.questionIDs[attempt.current]) == nil {
            attempt.current += 1
        }
        context.record.quiz?.unfinished = attempt
        guard attempt.questionIDs.indices.contains(attempt.current), let question = quiz.question(withID: attempt.questionIDs[attempt.current]) else {
            return finish(&state, &context)
        }
        state.phase = .question
        state.cursor = 0
        state.scroll = ScrollPosition()
        state.questionOffset = 0
        var draft = AnswerDraft()
        switch question.kind {
        case .ordering:
            draft.order = QuestionRows.rows(question, attempt: attempt, draft: AnswerDraft()).map(\.id)
        case .freeText:
            draft.editor = LineEditor(maximumLength: question.maximumLength ?? TextLimits.freeText)
        case .shortAnswer, .numeric:
            draft.editor = LineEditor(maximumLength: TextLimits.shortAnswer)
        default: break
        }
        state.draft = draft
        return []
    }

    static func command(_ state: inout QuizState, _ command: PlayerCommand, _ context: inout UnitContext) -> [UnitEffect] {
        guard let (attempt, question) = current(state, context.record.quizRecord) else { return [] }
        let rows = QuestionRows.rows(question, attempt: attempt, draft: state.draft)
        let last = max(0, rows.count - 1)
        // Any key but paging brings the focused choice or field back into view.
        if command != .pageUp && command != .pageDown { state.questionOffset = 0 }
        switch command {
        case .back:
            return [.leave]
        case .open:
            return submit(&state, &context)
        case .pageUp, .pageDown:
            // A long question: page away from the focused row (the screen keeps it in range).
            let page = max(1, context.viewport.bodyRows - 1)
            state.questionOffset = max(-10_000, min(10_000, state.questionOffset + (command == .pageUp ? -page : page)))
        case .lineUp, .lineDown:
            let target = min(last, max(0, state.cursor + (command == .lineUp ? -1 : 1)))
            if case .ordering = question.kind, state.draft.grabbed, target != state.cursor {
                state.draft.order.swapAt(state.cursor, target)
            }
            state.cursor = target
            switch question.kind {
            case .singleChoice, .trueFalse, .likert: state.draft.selected = [rows[target].id]
            default: break
            }
        case .top: state.cursor = 0
        case .bottom: state.cursor = last
        case .number(let n):
            guard n >= 1 else { break }
            if case .matching = question.kind {
                let choices = QuestionRows.matchingChoices(question, attempt: attempt)
                if rows.indices.contains(state.cursor), choices.indices.contains(n - 1) {
                    state.draft.pairs[rows[state.cursor].id] = choices[n - 1]
                    state.cursor = min(last, state.cursor + 1)
                }
            } else if rows.indices.contains(n - 1) {
                state.cursor = n - 1
                choose(&state.draft, question, rows[n - 1].id)
            }
        case .toggle:
            if case .ordering = question.kind {
                state.draft.grabbed.toggle()
            } else if rows.indices.contains(state.cursor) {
                choose(&state.draft, question, rows[state.cursor].id)
            }
        case .left, .right:
            guard case .matching = question.kind, rows.indices.contains(state.cursor) else { break }
            let choices = QuestionRows.matchingChoices(question, attempt: attempt)
            guard !choices.isEmpty else { break }
            let prompt = rows[state.cursor].id
            let index = state.draft.pairs[prompt].flatMap { choices.firstIndex(of: $0) }
            let next: Int
            if let index {
                next = (index + (command == .right ? 1 : choices.count - 1)) % choices.count
            } else {
                next = command == .right ? 0 : choices.count - 1
            }
            state.draft.pairs[prompt] = choices[next]
        default:
            return []
        }
        return []
    }

    /// Digits and space on a choice: single choice, true/false and scales choose one;
    /// multiple response ticks or unticks.
    static func choose(_ draft: inout AnswerDraft, _ question: Question, _ id: String) {
        if case .multipleResponse = question.kind {
            if let index = draft.selected.firstIndex(of: id) { draft.selected.remove(at: index) } else { draft.selected.append(id) }
        } else {
            draft.selected = [id]
        }
    }

    static func edit(_ state: inout QuizState, _ edit: TextEdit, _ context: UnitContext) {
        guard state.phase == .question, let (_, question) = current(state, context.record.quizRecord), QuestionRows.takesText(question) else {
            return
        }
        state.message = nil
        state.questionOffset = 0
        state.draft.editor.apply(edit)
    }

    /// The answer the draft makes, or why it cannot be submitted yet.
    static func answer(_ draft: AnswerDraft, _ question: Question) -> Result<Answer?, QuizMessage> {
        switch question.kind {
        case .singleChoice:
            guard let id = draft.selected.first else { return .failure(.chooseFirst) }
            return .success(.option(id))
        case .multipleResponse:
            guard !draft.selected.isEmpty else { return .failure(.chooseFirst) }
            return .success(.options(Set(draft.selected)))
        case .trueFalse:
            guard let id = draft.selected.first else { return .failure(.chooseFirst) }
            return .success(.bool(id == QuestionRows.trueID))
        case .likert:
            guard let id = draft.selected.first, let index = Int(id) else { return .failure(.chooseFirst) }
            return .success(.likert(index))
        case .shortAnswer:
            guard !draft.editor.isBlank else { return .failure(.emptyAnswer) }
            return .success(.text(draft.editor.text))
        case .numeric:
            guard let number = NumberReading.number(draft.editor.text) else { return .failure(.notANumber) }
            return .success(.number(number))
        case .freeText:
            return .success(.freeText(draft.editor.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        case .matching(let spec):
            guard spec.pairs.allSatisfy({ draft.pairs[$0.prompt] != nil }) else { return .failure(.answerEveryPrompt) }
            return .success(.pairs(draft.pairs))
        case .ordering:
            return .success(.order(draft.order))
        case .description:
            return .success(nil)
        }
    }

    static func submit(_ state: inout QuizState, _ context: inout UnitContext) -> [UnitEffect] {
        guard let (attempt, question) = current(state, context.record.quizRecord) else { return [] }
        switch answer(state.draft, question) {
        case .failure(let message):
            state.message = message
            return []
        case .success(let given):
            var updated = attempt
            if let given {
                updated.answers[question.id] = given
                let score = QuizScoring.score(question, answer: given)
                if question.isScored, score.verdict != .unscored {
                    updated.marks = (updated.marks ?? [:]).merging([
                        question.id: QuestionMark(fraction: score.fraction, weight: question.countedWeight)
                    ]) { $1 }
                }
                let seconds = attempt.secondsPerQuestion[question.id] ?? 0
                context.note(
                    .questionAnswered(unitID: state.unitID, attempt: attempt.number, questionID: question.id, answer: given, seconds: seconds))
            }
            updated.current += 1
            context.record.quiz?.unfinished = updated
            let wantsFeedback = state.quiz.feedbackTiming == .afterEachQuestion && given != nil && (question.isScored || question.hasFeedback)
            var effects: [UnitEffect] = []
            if !updated.questionIDs.indices.contains(updated.current) {
                effects += finish(&state, &context)
            }
            if wantsFeedback {
                effects += QuizFeature.show(&state, .feedback(questionID: question.id), &context)
            } else if context.record.quizRecord.unfinished != nil {
                effects += enterQuestion(&state, &context)
            }
            return effects + [.save]
        }
    }

    /// Scores the attempt, records it as finished and sets the unit's outcome: a survey
    /// is completed; a quiz is passed or failed by the attempt that counts.
    static func finish(_ state: inout QuizState, _ context: inout UnitContext) -> [UnitEffect] {
        guard var attempt = context.record.quizRecord.unfinished else { return [] }
        let quiz = state.quiz
        let total = QuizScoring.total(of: attempt, quiz: quiz)
        attempt.current = attempt.questionIDs.count
        attempt.finishedAt = context.now ?? attempt.startedAt
        attempt.scorePercent = total.percent
        attempt.passed = total.passed
        context.record.quiz?.unfinished = attempt
        let scored = !state.isSurvey && quiz.isScored
        if scored {
            let counted = QuizScoring.counting(context.record.quizRecord.finished.compactMap(\.scorePercent), rule: quiz.counting) ?? 0
            context.record.setAssessed(passed: QuizScoring.passes(counted, passMark: quiz.passMark), at: context.now)
        } else {
            context.record.markCompleted(at: context.now)
        }
        let seconds = attempt.secondsPerQuestion.values.reduce(0, +)
        context.note(
            .attemptFinished(
                unitID: state.unitID, attempt: attempt.number, scorePercent: scored ? total.percent : nil, passed: scored ? total.passed : nil,
                seconds: seconds))
        return QuizFeature.show(&state, .result, &context)
    }
}
