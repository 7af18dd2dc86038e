import Foundation
import KursusCourse

/// One attempt at a quiz or survey, as the progress file records it: what was asked in
/// which order (from the seed), every answer with its time, and the result once
/// submitted. An attempt without `finishedAt` was cut short and resumes at `current`.
public struct QuizAttempt: Hashable, Sendable, Codable {
    /// 1 for the first attempt.
    public var number: Int
    /// Drives the pool draw and every shuffle; recorded so a review shows the same order.
    public var seed: UInt64
    /// The questions asked, in the order shown.
    public var questionIDs: [String]
    /// Per question, the order its choices were shown in: option ids for choice
    /// questions, texts for matching answers and ordering items (the items' starting order).
    /// A question missing here was shown in the file's order.
    public var choiceOrders: [String: [String]]
    public var answers: [String: Answer]
    /// Active seconds spent on each question.
    public var secondsPerQuestion: [String: Int]
    /// Index into `questionIDs` of the question to answer next.
    public var current: Int
    public var startedAt: Date?
    public var finishedAt: Date?
    /// The total in percent, once submitted (nil for an unfinished attempt).
    public var scorePercent: Double?
    public var passed: Bool?
    /// The version of the quiz the attempt was started with (`Quiz.version`); nil in
    /// progress saved before versions were recorded.
    public var quizVersion: String?
    /// Each scored answer's mark, as the version of the quiz it was given to scored it.
    /// The attempt's total is made from these, so a quiz changed in the middle of an
    /// attempt (a course update) never rescores answers already given.
    public var marks: [String: QuestionMark]?

    public init(
        number: Int, seed: UInt64, questionIDs: [String], choiceOrders: [String: [String]] = [:], answers: [String: Answer] = [:],
        secondsPerQuestion: [String: Int] = [:], current: Int = 0, startedAt: Date? = nil, finishedAt: Date? = nil,
        scorePercent: Double? = nil, passed: Bool? = nil, quizVersion: String? = nil, marks: [String: QuestionMark]? = nil
    ) {
        self.quizVersion = quizVersion
        self.marks = marks
        self.number = number
        self.seed = seed
        self.questionIDs = questionIDs
        self.choiceOrders = choiceOrders
        self.answers = answers
        self.secondsPerQuestion = secondsPerQuestion
        self.current = current
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.scorePercent = scorePercent
        self.passed = passed
    }

    public var isFinished: Bool { finishedAt != nil || scorePercent != nil }

    /// Whether the attempt was taken with another version of the quiz than `quiz`.
    public func isFromEarlierVersion(than quiz: Quiz) -> Bool {
        guard let quizVersion, let current = quiz.version else { return false }
        return quizVersion != current
    }
}

extension Question {
    /// The weight the total counts: negative or not-a-number weights count as 0.
    public var countedWeight: Double { weight.isFinite ? max(0, weight) : 0 }
}

/// One scored answer's mark: the share of its credit earned and the question's weight,
/// both as the quiz scored them when the answer was given.
public struct QuestionMark: Hashable, Sendable, Codable {
    public var fraction: Double
    public var weight: Double

    public init(fraction: Double, weight: Double) {
        self.fraction = fraction
        self.weight = weight
    }

    /// The mark as a score (correct, partly correct or incorrect).
    public var score: QuestionScore { .graded(fraction) }
}

/// Every attempt a learner made at one quiz or survey unit, oldest first.
public struct QuizRecord: Hashable, Sendable, Codable {
    public var attempts: [QuizAttempt]

    public init(attempts: [QuizAttempt] = []) {
        self.attempts = attempts
    }

    public var finished: [QuizAttempt] { attempts.filter(\.isFinished) }
    /// The attempt cut short, if the last one was. Setting it replaces that attempt (with
    /// itself moved on, or finished); it never adds one.
    public var unfinished: QuizAttempt? {
        get { attempts.last.flatMap { $0.isFinished ? nil : $0 } }
        set {
            guard let newValue, let last = attempts.indices.last, !attempts[last].isFinished else { return }
            attempts[last] = newValue
        }
    }
}

// A readable JSON form for answers: one key naming the kind, e.g. {"choice": "2"},
// {"choices": ["1", "3"]}, {"text": "video"}, {"number": 37.5}, {"pairs": {…}}.
extension Answer: Codable {
    enum Key: String, CodingKey {
        case choice, choices, bool, text, number, pairs, order, scale, freeText
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        guard let key = c.allKeys.first, c.allKeys.count == 1 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "an answer must have exactly one key"))
        }
        switch key {
        case .choice: self = .option(try c.decode(String.self, forKey: key))
        case .choices: self = .options(Set(try c.decode([String].self, forKey: key)))
        case .bool: self = .bool(try c.decode(Bool.self, forKey: key))
        case .text: self = .text(try c.decode(String.self, forKey: key))
        case .number: self = .number(try c.decode(Double.self, forKey: key))
        case .pairs: self = .pairs(try c.decode([String: String].self, forKey: key))
        case .order: self = .order(try c.decode([String].self, forKey: key))
        case .scale: self = .likert(try c.decode(Int.self, forKey: key))
        case .freeText: self = .freeText(try c.decode(String.self, forKey: key))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .option(let id): try c.encode(id, forKey: .choice)
        case .options(let ids): try c.encode(ids.sorted(), forKey: .choices)
        case .bool(let value): try c.encode(value, forKey: .bool)
        case .text(let text): try c.encode(text, forKey: .text)
        case .number(let number): try c.encode(number.isFinite ? number : 0, forKey: .number)
        case .pairs(let pairs): try c.encode(pairs, forKey: .pairs)
        case .order(let items): try c.encode(items, forKey: .order)
        case .likert(let point): try c.encode(point, forKey: .scale)
        case .freeText(let text): try c.encode(text, forKey: .freeText)
        }
    }
}
