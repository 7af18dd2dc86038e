/// Content checks on a quiz, whether it was read from a YAML quiz file or converted from
/// GIFT: what `kursus validate` reports beyond what the file parser already catches
/// (docs/quiz-format.md, "What kursus validate checks"). Pure: no files are read.
public enum QuizChecks {
    /// Everything wrong with `quiz` as a unit of a course. `isSurvey`: the unit is a survey,
    /// so it may hold only unscored questions. `surveyUnitIDs`: the course's survey units,
    /// which `compare-with` may name.
    public static func diagnostics(for quiz: Quiz, isSurvey: Bool, surveyUnitIDs: Set<String>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let place = quiz.location
        if !(0...100).contains(quiz.passMark) {
            found.append(.error(place, "the pass mark must be between 0 and 100 (percent), not \(quiz.passMark)"))
        }
        if let pool = quiz.pool {
            if pool.draw < 1 {
                found.append(.error(quiz.settingPlaces["draw"] ?? place, "'draw' must be at least 1: each attempt must ask at least one question"))
            } else if pool.draw > quiz.questions.count {
                found.append(
                    .error(
                        quiz.settingPlaces["draw"] ?? place, "'draw' asks for \(pool.draw) questions, but the quiz has only \(quiz.questions.count)"))
            }
        }
        if let other = quiz.compareWith {
            if !isSurvey {
                found.append(
                    .warning(
                        quiz.settingPlaces["compare-with"] ?? place, "'compare-with' is used only by surveys; this unit is a quiz, so it is ignored"))
            }
            if !surveyUnitIDs.contains(other) {
                found.append(
                    .error(quiz.settingPlaces["compare-with"] ?? place, "'compare-with' names '\(other)', which is not a survey unit of this course"))
            }
        }
        if quiz.anonymous, !isSurvey {
            found.append(
                .error(
                    quiz.settingPlaces["anonymous"] ?? place,
                    "'anonymous' is only for surveys: a quiz's answers are scored and count for the learner, so they cannot be anonymous; remove it, or make the unit a survey"
                ))
        }
        var firstPosition: [String: Int] = [:]
        for (index, question) in quiz.questions.enumerated() {
            if let earlier = firstPosition[question.id] {
                found.append(
                    .error(question.location, "question id '\(question.id)' is already used by question \(earlier); each question needs its own id"))
            } else {
                firstPosition[question.id] = index + 1
            }
            found += diagnostics(for: question, isSurvey: isSurvey)
        }
        return found
    }

    /// A word with its indefinite article: "a single", "an ordering".
    static func indefinite(_ word: String) -> String {
        (word.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + word
    }

    static func diagnostics(for question: Question, isSurvey: Bool) -> [Diagnostic] {
        var check = QuestionCheck(question: question)
        if isSurvey && question.isScored {
            check.error(
                "a survey may hold only unscored questions (likert, text, description), not \(Self.indefinite(QuestionType(question.kind).rawValue)) question"
            )
        }
        if !question.weight.isFinite || question.weight < 0 {
            check.error("'weight' must be 0 or more, not \(format(question.weight))")
        }
        switch question.kind {
        case .singleChoice(let options), .multipleResponse(let options):
            check.options(options)
        case .shortAnswer(let rules):
            check.credits(rules.answers.map { ($0.weightPercent, $0.location) }, noun: "answer")
            for (index, answer) in rules.answers.enumerated() where isBlank(answer.text) {
                check.warning(at: answer.location, "answer \(index + 1) has no text")
            }
        case .numeric(let answers):
            check.credits(answers.map { ($0.weightPercent, $0.location) }, noun: "answer")
        case .matching(let spec):
            check.pairs(spec.pairs)
        case .ordering(let items):
            if items.isEmpty { check.error("there is nothing to put in order: give at least two items") }
        case .trueFalse, .likert, .freeText, .description:
            break
        }
        return check.found
    }

    /// A number as a trainer would write it: `150`, `33.33`.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-infinity" : "infinity") }
        guard abs(value) < 1e13 else { return "\(value)" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return "\(rounded)"
    }

    static func isBlank(_ text: String) -> Bool {
        text.allSatisfy(\.isWhitespace)
    }
}
