import Foundation
import KursusCourse

/// Answering one question: moving over choices, ticking, typing, pairing and ordering,
/// then submitting. A submitted answer is recorded at once; the last one finishes the
/// attempt and scores it.
enum QuizAnswering {
    /// The current question of the unfinished attempt, skipping questions the quiz no
    /// longer has (it was edited since the attempt began).
    static func current(_ state: PlayerState) -> (quiz: Quiz, attempt: QuizAttempt, question: Question)? {
        guard let play = state.quizPlay, let quiz = play.quiz, let attempt = state.quizRecord(play.unitID).unfinished,
              attempt.questionIDs.indices.contains(attempt.current),
              let question = quiz.question(withID: attempt.questionIDs[attempt.current])
        else { return nil }
        return (quiz, attempt, question)
    }

    /// Prepares a fresh draft for the current question; finishes the attempt when none is left.
    static func enterQuestion(_ state: inout PlayerState) -> [PlayerEffect] {
        guard var play = state.quizPlay, let quiz = play.quiz, var attempt = state.quizRecord(play.unitID).unfinished else { return [] }
        while attempt.questionIDs.indices.contains(attempt.current), quiz.question(withID: attempt.questionIDs[attempt.current]) == nil {
            attempt.current += 1
        }
        state.progress.update(play.unitID, at: state.now) { [attempt] in $0.quiz?.unfinished = attempt }
        guard attempt.questionIDs.indices.contains(attempt.current), let question = quiz.question(withID: attempt.questionIDs[attempt.current]) else {
            return finish(&state)
        }
        play.phase = .question
        play.cursor = 0
        play.scroll = 0
        play.pageLines = nil
        var draft = AnswerDraft()
        switch question.kind {
        case .ordering:
            draft.order = QuestionRows.rows(question, attempt: attempt, draft: AnswerDraft()).map(\.id)
        case .freeText:
            draft.editor = LineEditor(maximumLength: question.maximumLength ?? 2000)
        case .shortAnswer, .numeric:
            draft.editor = LineEditor(maximumLength: 200)
        default: break
        }
        play.draft = draft
        state.screen = .quiz(play)
        return []
    }

    static func command(_ state: inout PlayerState, _ command: PlayerCommand) -> [PlayerEffect] {
        guard var play = state.quizPlay, let (_, attempt, question) = current(state) else { return [] }
        let rows = QuestionRows.rows(question, attempt: attempt, draft: play.draft)
        let last = max(0, rows.count - 1)
        // Any key but paging brings the focused choice or field back into view.
        if command != .pageUp && command != .pageDown { play.scroll = 0 }
        switch command {
        case .back:
            return QuizReducer.leave(&state)
        case .open:
            return submit(&state)
        case .pageUp, .pageDown:
            // A long question: page away from the focused row (the screen keeps it in range).
            let page = max(1, state.viewport.bodyRows - 1)
            play.scroll = max(-10_000, min(10_000, play.scroll + (command == .pageUp ? -page : page)))
        case .lineUp, .lineDown:
            let step = command == .lineUp ? -1 : 1
            let target = min(last, max(0, play.cursor + step))
            if case .ordering = question.kind, play.draft.grabbed, target != play.cursor {
                play.draft.order.swapAt(play.cursor, target)
            }
            play.cursor = target
            if case .singleChoice = question.kind { play.draft.selected = [rows[target].id] }
            if case .trueFalse = question.kind { play.draft.selected = [rows[target].id] }
            if case .likert = question.kind { play.draft.selected = [rows[target].id] }
        case .top: play.cursor = 0
        case .bottom: play.cursor = last
        case .number(let n):
            guard n >= 1 else { break }
            if case .matching = question.kind {
                let choices = QuestionRows.matchingChoices(question, attempt: attempt)
                if rows.indices.contains(play.cursor), choices.indices.contains(n - 1) {
                    play.draft.pairs[rows[play.cursor].id] = choices[n - 1]
                    play.cursor = min(last, play.cursor + 1)
                }
            } else if rows.indices.contains(n - 1) {
                play.cursor = n - 1
                choose(&play.draft, question, rows[n - 1].id)
            }
        case .toggle:
            if case .ordering = question.kind {
                play.draft.grabbed.toggle()
            } else if rows.indices.contains(play.cursor) {
                choose(&play.draft, question, rows[play.cursor].id)
            }
        case .left, .right:
            guard case .matching = question.kind, rows.indices.contains(play.cursor) else { break }
            let choices = QuestionRows.matchingChoices(question, attempt: attempt)
            guard !choices.isEmpty else { break }
            let prompt = rows[play.cursor].id
            let index = play.draft.pairs[prompt].flatMap { choices.firstIndex(of: $0) }
            let next: Int
            if let index { next = (index + (command == .right ? 1 : choices.count - 1)) % choices.count }
            else { next = command == .right ? 0 : choices.count - 1 }
            play.draft.pairs[prompt] = choices[next]
        default:
            return []
        }
        state.screen = .quiz(play)
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

    static func edit(_ state: inout PlayerState, _ edit: TextEdit) -> [PlayerEffect] {
        guard var play = state.quizPlay, play.phase == .question, let (_, _, question) = current(state), QuestionRows.takesText(question) else { return [] }
        play.message = nil
        play.scroll = 0
        play.draft.editor.apply(edit)
        state.screen = .quiz(play)
        return []
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

    static func submit(_ state: inout PlayerState) -> [PlayerEffect] {
        guard var play = state.quizPlay, let (quiz, attempt, question) = current(state) else { return [] }
        switch answer(play.draft, question) {
        case .failure(let message):
            play.message = message
            state.screen = .quiz(play)
            return []
        case .success(let given):
            var updated = attempt
            if let given { updated.answers[question.id] = given }
            updated.current += 1
            state.progress.update(play.unitID, at: state.now) { [updated] in $0.quiz?.unfinished = updated }
            let wantsFeedback = quiz.feedbackTiming == .afterEachQuestion && given != nil && (question.isScored || question.hasFeedback)
            var effects: [PlayerEffect] = []
            if !updated.questionIDs.indices.contains(updated.current) {
                effects += finish(&state)
            }
            if wantsFeedback {
                effects += QuizReducer.show(&state, .feedback(questionID: question.id))
            } else if state.quizRecord(play.unitID).unfinished != nil {
                effects += enterQuestion(&state)
            }
            return effects + [PlayerReducer.save(&state)]
        }
    }

    /// Scores the attempt, records it as finished and sets the unit's outcome: a survey
    /// is completed; a quiz is passed or failed by the attempt that counts.
    static func finish(_ state: inout PlayerState) -> [PlayerEffect] {
        guard let play = state.quizPlay, let quiz = play.quiz, var attempt = state.quizRecord(play.unitID).unfinished else { return [] }
        let asked = attempt.questionIDs.compactMap { quiz.question(withID: $0) }
        let scores = asked.map { question in
            (question, attempt.answers[question.id].map { QuizScoring.score(question, answer: $0) } ?? .incorrect)
        }
        let total = QuizScoring.total(scores, quiz: quiz)
        attempt.current = attempt.questionIDs.count
        attempt.finishedAt = state.now ?? attempt.startedAt
        attempt.scorePercent = total.percent
        attempt.passed = total.passed
        state.progress.update(play.unitID, at: state.now) { [attempt] in $0.quiz?.unfinished = attempt }
        let record = state.quizRecord(play.unitID)
        if play.isSurvey || !quiz.isScored {
            state.progress.markCompleted(play.unitID, at: state.now)
        } else {
            let counted = QuizScoring.counting(record.finished.compactMap(\.scorePercent), rule: quiz.counting) ?? 0
            let passed = counted + 1e-9 >= Double(quiz.passMark)
            state.progress.setAssessed(play.unitID, passed: passed, at: state.now)
        }
        return QuizReducer.show(&state, .result)
    }
}

extension Question {
    /// Whether any feedback is written for the question or its answers.
    public var hasFeedback: Bool {
        if generalFeedback != nil || feedbackCorrect != nil || feedbackPartial != nil || feedbackIncorrect != nil { return true }
        switch kind {
        case .singleChoice(let options), .multipleResponse(let options): return options.contains { $0.feedback != nil }
        case .trueFalse(_, let onTrue, let onFalse): return onTrue != nil || onFalse != nil
        case .shortAnswer(let rules): return rules.answers.contains { $0.feedback != nil }
        case .numeric(let answers): return answers.contains { $0.feedback != nil }
        default: return false
        }
    }
}

/// Reads a number as a learner types it: a decimal comma or point, spaces or
/// non-breaking spaces as thousands separators, a leading sign.
public enum NumberReading {
    public static func number(_ text: String) -> Double? {
        var cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "")
        cleaned = cleaned.replacingOccurrences(of: "−", with: "-")
        guard !cleaned.isEmpty, cleaned.count <= 40 else { return nil }
        if cleaned.contains(","), !cleaned.contains(".") { cleaned = cleaned.replacingOccurrences(of: ",", with: ".") }
        guard cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E") }),
              let value = Double(cleaned), value.isFinite
        else { return nil }
        return value
    }
}
