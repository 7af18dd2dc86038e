/// An option of a single-choice or multiple-response question. Named `QuizOption`
/// rather than `Option` so it cannot clash with swift-argument-parser's `@Option` in the
/// command-line target, which imports this module.
public struct QuizOption: Hashable, Sendable {
    public var id: String
    /// Markdown.
    public var text: String
    /// The option's credit in percent: 100 for the right single choice, shares of 100
    /// (or negative penalties) for multiple response.
    public var weightPercent: Double
    public var feedback: String?
    /// Where the option was written, when it came from a file.
    public var location: SourceLocation?

    public init(id: String, text: String, weightPercent: Double, feedback: String? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.text = text
        self.weightPercent = weightPercent
        self.feedback = feedback
        self.location = location
    }
}

/// Accepted answers to a short-answer question. Each may contain `*`, matching any run
/// of characters (also none). Comparison ignores case unless `caseSensitive`.
public struct ShortAnswerRules: Hashable, Sendable {
    public var answers: [AcceptedAnswer]
    public var caseSensitive: Bool

    public init(answers: [AcceptedAnswer], caseSensitive: Bool = false) {
        self.answers = answers
        self.caseSensitive = caseSensitive
    }

    /// Every answer at full credit, no feedback.
    public init(accepting texts: [String], caseSensitive: Bool = false) {
        self.init(answers: texts.map { AcceptedAnswer(text: $0) }, caseSensitive: caseSensitive)
    }
}

/// One accepted short answer: the pattern, its credit in percent and its feedback.
public struct AcceptedAnswer: Hashable, Sendable {
    public var text: String
    public var weightPercent: Double
    public var feedback: String?
    public var location: SourceLocation?

    public init(text: String, weightPercent: Double = 100, feedback: String? = nil, location: SourceLocation? = nil) {
        self.text = text
        self.weightPercent = weightPercent
        self.feedback = feedback
        self.location = location
    }
}

/// What a numeric answer must be: a value within a tolerance, or a range. Both are
/// inclusive at their bounds.
public enum NumericTarget: Hashable, Sendable {
    case value(Double, tolerance: Double)
    case range(ClosedRange<Double>)
}

/// One accepted numeric answer with its credit in percent and feedback.
public struct NumericAnswer: Hashable, Sendable {
    public var target: NumericTarget
    public var weightPercent: Double
    public var feedback: String?
    public var location: SourceLocation?

    public init(target: NumericTarget, weightPercent: Double = 100, feedback: String? = nil, location: SourceLocation? = nil) {
        self.target = target
        self.weightPercent = weightPercent
        self.feedback = feedback
        self.location = location
    }

    /// Whether `number` satisfies the target (bounds included; NaN never does).
    public func accepts(_ number: Double) -> Bool {
        guard number.isFinite else { return false }
        switch target {
        case .value(let value, let tolerance):
            let spread = abs(tolerance)
            return number >= value - spread && number <= value + spread
        case .range(let range):
            return range.contains(number)
        }
    }
}

/// The pairs of a matching question, plus answers that match no prompt (distractors).
public struct MatchingSpec: Hashable, Sendable {
    public var pairs: [MatchPair]
    public var distractors: [String]

    public init(pairs: [MatchPair], distractors: [String] = []) {
        self.pairs = pairs
        self.distractors = distractors
    }

    /// Every answer the learner chooses among: the pairs' matches (each once) and the distractors.
    public var choices: [String] {
        var seen = Set<String>()
        return (pairs.map(\.match) + distractors).filter { seen.insert($0).inserted }
    }
}

/// A prompt and its right match in a matching question.
public struct MatchPair: Hashable, Sendable {
    public var prompt: String
    public var match: String
    public var location: SourceLocation?

    public init(prompt: String, match: String, location: SourceLocation? = nil) {
        self.prompt = prompt
        self.match = match
        self.location = location
    }
}
