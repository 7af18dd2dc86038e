import Foundation
import KursusCourse
import KursusEngine

/// Quizzes and surveys: attempts built by the engine's `AttemptBuilder` (so the order is
/// the player's), answers scored by `QuizScoring`, retries after a failed attempt.
extension LearnerJourney {
    /// Attempts until the learner passes, gives up, or may try no more. False when a
    /// required quiz is left unpassed: the learner is stuck and goes no further.
    mutating func playQuiz(_ unit: CourseUnit, _ quiz: Quiz, partly: Bool) -> Bool {
        var number = 1
        while true {
            guard let passed = attempt(unit, quiz, number: number, stopAfter: partly ? random.int(1...4) : nil) else { return true }
            let mayRetry = quiz.attempts.allowsAnother(after: number) && number < 5
            if passed {
                // A few retake a passed quiz to do better.
                guard mayRetry, random.chance(0.06) else { return true }
            } else if !mayRetry || !random.chance(0.9) {
                return unit.optional
            }
            number += 1
            if random.chance(0.4) {
                nextSession()
                open(unit)
            } else {
                wait(random.int(20...120))
            }
        }
    }

    /// One attempt; its verdict, or nil when the learner stopped in the middle (after
    /// `stopAfter` questions).
    mutating func attempt(_ unit: CourseUnit, _ quiz: Quiz, number: Int, stopAfter: Int?) -> Bool? {
        let built = AttemptBuilder.attempt(
            for: quiz, number: number, seed: AttemptBuilder.seed(unitID: unit.id, number: number, time: clock), at: clock)
        let started = clock
        var scores: [(Question, QuestionScore)] = []
        for questionID in built.questionIDs {
            guard let question = quiz.question(withID: questionID), question.kind.takesAnswer else { continue }
            if let stopAfter, scores.count >= stopAfter { return nil }
            let weak = design.role(unit.id, questionID)
            let knows = random.chance(chanceOfKnowing(unit.id, question, weak: weak, attempt: number))
            guard let answer = QuizAnswerMaker.answer(question, knows: knows, weak: weak, &random) else { continue }
            let seconds = secondsFor(question, answer)
            wait(seconds)
            emit(.questionAnswered(unitID: unit.id, attempt: number, questionID: questionID, answer: answer, seconds: seconds))
            scores.append((question, QuizScoring.score(question, answer: answer)))
        }
        let total = QuizScoring.total(scores, quiz: quiz)
        wait(random.int(3...15))
        emit(
            .attemptFinished(
                unitID: unit.id, attempt: number, scorePercent: total.percent, passed: total.passed,
                seconds: Int(clock.timeIntervalSince(started).rounded(.down))))
        return total.passed
    }

    /// The chance that the learner answers right: the ability against the question's
    /// difficulty (a little better at each retry), or what the question's weak role says.
    func chanceOfKnowing(_ unitID: String, _ question: Question, weak: WeakQuestion?, attempt: Int) -> Double {
        let ability = traits.ability + 0.45 * Double(attempt - 1)
        switch weak?.role {
        case .tooEasy?: return 0.97
        case .tooHard?: return 0.08
        case .negativeDiscrimination?: return CohortRandom.logistic(-1.6 * traits.ability + 0.3)
        case .attractiveDistractor?: return CohortRandom.logistic(1.2 * ability - 1.0)
        case .unusedDistractor?, nil:
            // Kept below 90 % facility, so that only the question made too easy is flagged
            // as such; a wrong answer to a matching, ordering or multiple response question
            // still earns part of the credit, hence their lower ceiling.
            let chance = CohortRandom.logistic(1.7 * (ability - (design.difficulty[unitID + "/" + question.id] ?? -1)))
            let ceiling = 0.04 * Double(attempt - 1)
            switch question.kind {
            case .matching, .ordering, .multipleResponse: return min(0.8 + ceiling, chance)
            default: return min(0.88 + ceiling, chance)
            }
        }
    }

    /// Active seconds on a question, by how much there is to read and do.
    mutating func secondsFor(_ question: Question, _ answer: Answer) -> Int {
        switch question.kind {
        case .trueFalse: return random.int(8...25)
        case .singleChoice, .numeric: return random.int(15...55)
        case .multipleResponse, .shortAnswer: return random.int(25...80)
        case .matching, .ordering: return random.int(40...120)
        case .likert: return random.int(4...15)
        case .freeText:
            if case .freeText(let text) = answer, !text.isEmpty { return random.int(60...240) }
            return random.int(4...20)
        case .description: return random.int(5...20)
        }
    }

    /// A survey: every question answered once, then submitted (no score, no verdict).
    mutating func playSurvey(_ unit: CourseUnit, _ quiz: Quiz, partly: Bool) -> Bool {
        let built = AttemptBuilder.attempt(for: quiz, number: 1, seed: AttemptBuilder.seed(unitID: unit.id, number: 1, time: clock), at: clock)
        let started = clock
        let stopAfter = partly ? random.int(1...3) : nil
        // An item of a survey compared with an earlier one shares that item's place.
        let base = quiz.compareWith ?? unit.id
        var answered = 0
        var texts = 0
        for questionID in built.questionIDs {
            guard let question = quiz.question(withID: questionID), question.kind.takesAnswer else { continue }
            if let stopAfter, answered >= stopAfter { return true }
            let key = base + "/" + questionID
            let answer: Answer
            switch question.kind {
            case .likert(let scale):
                let evaluation = quiz.anonymous && quiz.compareWith == nil
                answer = SurveyAnswers.likert(
                    scale: scale.count, usual: evaluation ? traits.satisfaction : traits.confidence,
                    offset: design.itemOffset[key] ?? 0, gain: quiz.compareWith == nil ? 0 : traits.gain * (design.itemGain[key] ?? 1), &random)
            case .freeText:
                answer = SurveyAnswers.freeText(index: texts, &random)
                texts += 1
            default:
                let knows = random.chance(chanceOfKnowing(unit.id, question, weak: nil, attempt: 1))
                guard let made = QuizAnswerMaker.answer(question, knows: knows, weak: nil, &random) else { continue }
                answer = made
            }
            let seconds = secondsFor(question, answer)
            wait(seconds)
            emit(.questionAnswered(unitID: unit.id, attempt: 1, questionID: questionID, answer: answer, seconds: seconds))
            answered += 1
        }
        wait(random.int(3...15))
        emit(
            .attemptFinished(
                unitID: unit.id, attempt: 1, scorePercent: nil, passed: nil, seconds: Int(clock.timeIntervalSince(started).rounded(.down))))
        return true
    }
}
