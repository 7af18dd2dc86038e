import Foundation
import KursusCourse

/// A question made weak on purpose, so that a report has something to find: one too
/// easy, one too hard, one whose distractor is chosen more often than the key, one with
/// a distractor nobody picks, and one that the stronger learners get wrong more often
/// than the weaker (negative discrimination).
public struct WeakQuestion: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable, CaseIterable {
        /// Nearly everyone answers it right (facility above 90 %).
        case tooEasy
        /// Hardly anyone does (facility below 20 %).
        case tooHard
        /// One distractor (`optionID`) is chosen more often than the correct option.
        case attractiveDistractor
        /// One distractor (`optionID`) is never chosen.
        case unusedDistractor
        /// The stronger a learner, the likelier a wrong answer.
        case negativeDiscrimination
    }

    public var unitID: String
    public var questionID: String
    public var role: Role
    /// The distractor the role is about (the distractor roles only).
    public var optionID: String?
}

/// The difficulty of each question and which ones are weak, decided once per course and
/// seed. The weak questions are in the course's main quiz: the required scored quiz with
/// the most questions.
public struct CohortDesign: Hashable, Sendable {
    public let weakQuestions: [WeakQuestion]
    /// `unit/question` → difficulty on the ability scale (higher is harder).
    let difficulty: [String: Double]
    /// `unit/question` → how much more (or less) a learner agrees with this item than
    /// with their usual answer, on the Likert scale's points.
    let itemOffset: [String: Double]
    /// `unit/question` → how strongly the course moves this item (1 on average).
    let itemGain: [String: Double]

    init(package: CoursePackage, seed: UInt64) {
        var random = CohortRandom(seed: seed, "design")
        var difficulty: [String: Double] = [:]
        var offset: [String: Double] = [:]
        var gain: [String: Double] = [:]
        for unit in package.course.allUnits {
            guard let quiz = package.quizzes[unit.id] else { continue }
            for question in quiz.questions {
                let key = unit.id + "/" + question.id
                difficulty[key] = -1.6 + 1.3 * random.unit()
                offset[key] = random.normal(0, 0.35)
                gain[key] = 0.6 + 0.8 * random.unit()
            }
        }
        self.difficulty = difficulty
        itemOffset = offset
        itemGain = gain
        weakQuestions = Self.weak(package)
    }

    func role(_ unitID: String, _ questionID: String) -> WeakQuestion? {
        weakQuestions.first { $0.unitID == unitID && $0.questionID == questionID }
    }

    /// The course's main quiz: required and scored, with the most questions.
    static func mainQuiz(_ package: CoursePackage) -> (unit: String, quiz: Quiz)? {
        let candidates = package.course.allUnits.filter { $0.kind == .quiz }.compactMap { unit in
            package.quizzes[unit.id].flatMap { $0.isScored ? (unit: unit, quiz: $0) : nil }
        }
        let required = candidates.filter { !$0.unit.optional }
        let pool = required.isEmpty ? candidates : required
        guard let best = pool.max(by: { $0.quiz.questions.count < $1.quiz.questions.count }) else { return nil }
        return (best.unit.id, best.quiz)
    }

    static func weak(_ package: CoursePackage) -> [WeakQuestion] {
        guard let (unit, quiz) = mainQuiz(package) else { return [] }
        var used: Set<String> = []
        var found: [WeakQuestion] = []
        func take(_ role: WeakQuestion.Role, _ question: Question?, option: String? = nil) {
            guard let question, !used.contains(question.id) else { return }
            used.insert(question.id)
            found.append(WeakQuestion(unitID: unit, questionID: question.id, role: role, optionID: option))
        }
        func free(_ test: (Question) -> Bool) -> [Question] { quiz.questions.filter { !used.contains($0.id) && test($0) } }
        let singles = free { if case .singleChoice(let options) = $0.kind { options.count >= 3 && key(options) != nil } else { false } }
        // A distractor chosen more than the key: the last single choice, its first distractor.
        if let question = singles.last, case .singleChoice(let options) = question.kind {
            take(.attractiveDistractor, question, option: distractors(options).first?.id)
        }
        // A distractor nobody picks: the first single choice, its last distractor.
        if let question = free({ singles.contains($0) }).first, case .singleChoice(let options) = question.kind {
            take(.unusedDistractor, question, option: distractors(options).last?.id)
        }
        take(.negativeDiscrimination, free { singles.contains($0) }.first ?? free { $0.isScored }.first)
        take(.tooEasy, free { if case .trueFalse = $0.kind { true } else { false } }.first ?? free { $0.isScored }.first)
        let hard = free {
            if case .numeric(let answers) = $0.kind { answers.allSatisfy { $0.weightPercent >= 100 } } else { false }
        }
        take(.tooHard, hard.first ?? free { if case .trueFalse = $0.kind { true } else { false } }.first ?? free { $0.isScored }.first)
        return found
    }

    /// The option with full credit of a single choice.
    static func key(_ options: [QuizOption]) -> QuizOption? { options.first { $0.weightPercent >= 100 } }

    static func distractors(_ options: [QuizOption]) -> [QuizOption] { options.filter { $0.weightPercent <= 0 } }
}

/// What makes one learner's records their own; drawn from the learner's generator.
struct LearnerTraits {
    /// On the questions' difficulty scale; about normal around 0.
    var ability: Double
    /// The Likert point (0-based) the learner usually answers before the course.
    var confidence: Double
    /// How many points the course moves their self-assessment.
    var gain: Double
    /// The Likert point they usually give in the evaluation.
    var satisfaction: Double
    /// Probability of taking an optional unit.
    var curiosity: Double
    /// Never signs in at all.
    var neverStarts: Bool

    init(_ random: inout CohortRandom) {
        ability = random.normal(0, 1)
        confidence = random.normal(1.7, 0.6)
        gain = max(-0.2, random.normal(0.95, 0.45))
        satisfaction = random.normal(3.05, 0.6)
        curiosity = 0.15 + 0.6 * random.unit()
        neverStarts = random.chance(0.04)
    }
}
