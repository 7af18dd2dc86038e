import Foundation
import KursusCourse

/// Which feedback texts an answer gets, in the order they are shown: the chosen options'
/// own feedback (or the matching short or numeric answer's, or the true/false branch's),
/// then the question's feedback for a right, partly right or wrong answer, then its
/// general feedback. Texts that are empty or only whitespace are left out.
///
/// One place for the choice, so the feedback screen, the review and the learning record
/// (the statement's feedback extension) always agree on what the learner was told.
public enum QuizFeedback {
    public static func texts(for answer: Answer?, to question: Question, verdict: QuestionScore.Verdict) -> [String] {
        var parts: [String] = []
        switch (answer, question.kind) {
        case (.option(let id)?, .singleChoice(let options)):
            parts += options.filter { $0.id == id }.compactMap(\.feedback)
        case (.options(let ids)?, .multipleResponse(let options)):
            parts += options.filter { ids.contains($0.id) }.compactMap(\.feedback)
        case (.bool(let value)?, .trueFalse(_, let onTrue, let onFalse)):
            parts += [value ? onTrue : onFalse].compactMap { $0 }
        case (.text(let text)?, .shortAnswer(let rules)):
            parts += [ShortAnswerMatcher.bestMatch(text, rules: rules)?.feedback].compactMap { $0 }
        case (.number(let number)?, .numeric(let answers)):
            let met = answers.filter { $0.accepts(number) }.max { $0.weightPercent < $1.weightPercent }
            parts += [met?.feedback].compactMap { $0 }
        default: break
        }
        switch verdict {
        case .correct: parts += [question.feedbackCorrect].compactMap { $0 }
        case .partiallyCorrect: parts += [question.feedbackPartial].compactMap { $0 }
        case .incorrect: parts += [question.feedbackIncorrect].compactMap { $0 }
        case .unscored: break
        }
        parts += [question.generalFeedback].compactMap { $0 }
        return parts.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// The texts for `answer` scored as the player scores it (`QuizScoring`); no answer
    /// counts as wrong for a scored question.
    public static func texts(for answer: Answer?, to question: Question) -> [String] {
        let score = answer.map { QuizScoring.score(question, answer: $0) } ?? (question.isScored ? .incorrect : .unscored)
        return texts(for: answer, to: question, verdict: score.verdict)
    }
}
