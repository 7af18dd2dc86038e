import KursusCourse

/// Scoring for quizzes: pure functions from questions and answers to scores.
///
/// Rules, per kind:
/// - single choice: the chosen option's weight (100 % for the right one).
/// - multiple response: the chosen options' weights summed, floored at 0 and capped at
///   100 %. Unknown ids count nothing.
/// - true/false: all or nothing.
/// - short answer: see `ShortAnswerMatcher`; any accepted answer gives full credit.
/// - numeric: of the answers whose target the number meets (bounds inclusive), the one
///   with the highest weight counts.
/// - matching: the share of prompts matched correctly.
/// - ordering: the share of items in their correct position (item i of the learner's
///   order equals item i of the correct order). Missing positions count as wrong; extra
///   ones are ignored. Position-exact scoring is strict: one item moved from the end to
///   the front leaves every item out of place.
/// - Likert and free text: unscored.
/// An answer of the wrong kind for the question, or a question with nothing to get
/// right (no options, no pairs), scores 0.
public enum QuizScoring {
    public static func score(_ question: Question, answer: Answer) -> QuestionScore {
        switch (question.kind, answer) {
        case (.likert, _), (.freeText, _), (.description, _):
            return .unscored
        case (.singleChoice(let options), .option(let id)):
            let weight = options.first(where: { $0.id == id })?.weightPercent ?? 0
            return .graded(weight / 100)
        case (.multipleResponse(let options), .options(let ids)):
            let sum = options.filter { ids.contains($0.id) }.reduce(0) { $0 + $1.weightPercent }
            return .graded(sum / 100)
        case (.trueFalse(let correct, _, _), .bool(let given)):
            return .graded(given == correct ? 1 : 0)
        case (.shortAnswer(let rules), .text(let text)):
            return .graded((ShortAnswerMatcher.bestMatch(text, rules: rules)?.weightPercent ?? 0) / 100)
        case (.numeric(let answers), .number(let number)):
            let best = answers.filter { $0.accepts(number) }.map(\.weightPercent).max() ?? 0
            return .graded(best / 100)
        case (.matching(let spec), .pairs(let given)):
            let pairs = spec.pairs
            guard !pairs.isEmpty else { return .incorrect }
            let right = pairs.filter { given[$0.prompt] == $0.match }.count
            return .graded(Double(right) / Double(pairs.count))
        case (.ordering(let correct), .order(let given)):
            guard !correct.isEmpty else { return .incorrect }
            let right = zip(correct, given).filter { $0 == $1 }.count
            return .graded(Double(right) / Double(correct.count))
        default:
            return .incorrect
        }
    }

    /// The quiz total in percent (0–100), each scored question counting by its weight
    /// (negative weights count as 0), and whether it reaches `passMark` (exactly the pass
    /// mark passes). Unscored questions are left out. With no scored weight at all (a
    /// survey) the total is 100 % and passes: there was nothing to get wrong.
    public static func total(_ scores: [(Question, QuestionScore)], passMark: Int) -> (percent: Double, passed: Bool) {
        var earned = 0.0
        var possible = 0.0
        for (question, score) in scores where question.isScored && score.verdict != .unscored {
            let weight = question.weight.isFinite ? max(0, question.weight) : 0
            earned += weight * min(1, max(0, score.fraction))
            possible += weight
        }
        let percent = possible > 0 ? earned / possible * 100 : 100
        return (percent, passes(percent, passMark: passMark))
    }

    /// The pass rule: a percentage reaches the pass mark (0–100; exactly the mark passes,
    /// rounding in weights such as 33.33 + 33.33 + 33.34 absorbed).
    public static func passes(_ percent: Double, passMark: Int) -> Bool {
        percent + QuestionScore.tolerance * 100 >= Double(min(100, max(0, passMark)))
    }

    /// An attempt's total. An answer keeps the mark it was given (`QuizAttempt.marks`),
    /// even when the quiz has changed since or no longer has the question; a question
    /// still in the quiz that got no mark is scored now (unanswered counts as wrong).
    /// Attempts saved before marks were recorded are scored by the current quiz.
    public static func total(of attempt: QuizAttempt, quiz: Quiz) -> (percent: Double, passed: Bool) {
        var earned = 0.0
        var possible = 0.0
        for id in attempt.questionIDs {
            let fraction: Double
            let weight: Double
            if let mark = attempt.marks?[id] {
                (fraction, weight) = (mark.fraction, mark.weight)
            } else if let question = quiz.question(withID: id), question.isScored {
                let score = attempt.answers[id].map { QuizScoring.score(question, answer: $0) } ?? .incorrect
                guard score.verdict != .unscored else { continue }
                (fraction, weight) = (score.fraction, question.weight)
            } else {
                continue
            }
            let counted = weight.isFinite ? max(0, weight) : 0
            earned += counted * min(1, max(0, fraction.isFinite ? fraction : 0))
            possible += counted
        }
        let percent = possible > 0 ? earned / possible * 100 : 100
        return (percent, passes(percent, passMark: quiz.passMark))
    }

    /// The total for a quiz, using its pass mark.
    public static func total(_ scores: [(Question, QuestionScore)], quiz: Quiz) -> (percent: Double, passed: Bool) {
        total(scores, passMark: quiz.passMark)
    }

    /// The score that counts from several attempts' percentages, oldest first: the best
    /// or the last. nil when there were no attempts.
    public static func counting(_ attempts: [Double], rule: AttemptCounting) -> Double? {
        switch rule {
        case .best: return attempts.max()
        case .last: return attempts.last
        }
    }
}
