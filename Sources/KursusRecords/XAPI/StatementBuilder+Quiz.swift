import Foundation
import KursusCourse
import KursusEngine
import KursusProgress

/// Statements for quizzes and surveys: every answer, and every finished attempt.
extension StatementBuilder {
    /// `answered` on the question as an interaction. Scored questions carry the score the
    /// player gave (`QuizScoring`: scaled is the share of the credit, raw the points of the
    /// question's weight) and success (full credit); every answer carries the feedback the
    /// player shows for it (`QuizFeedback`) and the active time spent on it.
    func answered(unitID: String, attempt: Int, questionID: String, answer: Answer, seconds: Int, at date: Date) -> JSONValue {
        let attemptPlace = "units/\(IRI.segment(unitID))/attempts/\(attempt)"
        let anonymous = isAnonymous(unitID)
        let who = anonymous ? self.anonymous(attemptPlace) : learner
        let id = unitIRI(unitID) + "/questions/" + IRI.segment(questionID)
        var result: [String: JSONValue] = ["duration": .string(ISO8601Duration.string(seconds: seconds))]
        let object: JSONValue
        if let question = quizzes[unitID]?.question(withID: questionID), QuestionInteraction.fits(answer, question) {
            let definition = inEveryLanguage { key, quizzes, _ in
                guard let asked = quizzes[unitID]?.question(withID: questionID) else { return nil }
                return .object(QuestionInteraction.definition(asked, language: key))
            }
            object = Self.activity(id, definition?.objectValue ?? QuestionInteraction.definition(question, language: language))
            result["response"] = .string(QuestionInteraction.response(answer, question))
            let score = QuizScoring.score(question, answer: answer)
            if question.isScored, score.verdict != .unscored {
                result["score"] = Self.score(fraction: score.fraction, weight: question.weight)
                result["success"] = .bool(score.verdict == .correct)
            }
            // The feedback the player showed, and what it says in every other language.
            let feedback = inEveryLanguage { key, quizzes, _ in
                guard let asked = quizzes[unitID]?.question(withID: questionID) else { return nil }
                return .languageMap(key, QuizFeedback.texts(for: answer, to: asked, verdict: score.verdict).joined(separator: "\n\n"))
            }
            result["extensions"] = .object(extensions([.feedback: feedback]))
        } else {
            // The question is gone from the file, or now takes another kind of answer:
            // the answer as recorded, on an interaction of type "other".
            var definition: [String: JSONValue] = ["type": .string(XAPIActivityType.interaction), "interactionType": "other"]
            definition["description"] = inEveryLanguage { key, quizzes, _ in
                quizzes[unitID]?.question(withID: questionID).flatMap { .languageMap(key, $0.text) }
            }
            object = Self.activity(id, definition)
            result["response"] = .string(QuestionInteraction.genericResponse(answer))
        }
        if result["extensions"] == .object([:]) { result["extensions"] = nil }
        return statement(
            who, attemptPlace + "/questions/" + IRI.segment(questionID), .answered, object: object, result: result, context: partContext(unitID),
            contextExtensions: anonymous ? [:] : [.attempt: .number(Double(attempt))], at: date
        )
    }

    /// `{scaled, raw, min, max}` for a share of a question's weight; raw, min and max only
    /// when the weight is above 0 (min must be less than max).
    static func score(fraction: Double, weight: Double) -> JSONValue {
        let scaled = fraction.isFinite ? min(1, max(0, fraction)) : 0
        guard weight.isFinite, weight > 0 else { return ["scaled": .number(scaled)] }
        return ["scaled": .number(scaled), "raw": .number(scaled * weight), "min": 0, "max": .number(weight)]
    }

    /// A submitted attempt: `passed` or `failed` with the scaled score for a quiz,
    /// `completed` for a survey (and for a quiz that has no verdict). The duration is the
    /// attempt's active time.
    func attemptFinished(unitID: String, attempt: Int, scorePercent: Double?, passed: Bool?, seconds: Int, at date: Date) -> JSONValue {
        let place = "units/\(IRI.segment(unitID))/attempts/\(attempt)"
        let anonymous = isAnonymous(unitID)
        let survey = course.unit(withID: unitID)?.kind == .survey
        var result: [String: JSONValue] = ["completion": true, "duration": .string(ISO8601Duration.string(seconds: seconds))]
        var verb = XAPIVerb.completed
        if !survey {
            if let scorePercent, scorePercent.isFinite { result["score"] = ["scaled": .number(min(1, max(0, scorePercent / 100)))] }
            if let passed {
                verb = passed ? .passed : .failed
                result["success"] = .bool(passed)
            }
        }
        return statement(
            anonymous ? self.anonymous(place) : learner, place + "/finished", verb, object: unitActivity(unitID), result: result,
            context: unitContext(unitID), contextExtensions: anonymous ? [:] : [.attempt: .number(Double(attempt))], at: date
        )
    }
}
