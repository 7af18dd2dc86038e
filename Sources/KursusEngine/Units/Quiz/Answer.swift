import KursusCourse

/// A learner's answer to one question, one case per question kind.
public enum Answer: Hashable, Sendable {
    /// The chosen option's id (single choice).
    case option(String)
    /// The chosen options' ids (multiple response).
    case options(Set<String>)
    case bool(Bool)
    /// Short answer.
    case text(String)
    case number(Double)
    /// Matching: for each prompt, the match the learner chose.
    case pairs([String: String])
    /// Ordering: the items in the order the learner put them.
    case order([String])
    /// Likert: the index of the chosen point on the scale.
    case likert(Int)
    case freeText(String)
}

/// How well one answer did.
public struct QuestionScore: Hashable, Sendable {
    /// The share of the question's credit earned, in 0...1 (0 for unscored questions).
    public var fraction: Double
    public var verdict: Verdict

    public enum Verdict: String, Hashable, Sendable, CaseIterable {
        case correct
        case partiallyCorrect
        case incorrect
        /// Likert and free text: nothing to get right.
        case unscored
    }

    public init(fraction: Double, verdict: Verdict) {
        self.fraction = fraction
        self.verdict = verdict
    }

    public static let unscored = QuestionScore(fraction: 0, verdict: .unscored)
    public static let incorrect = QuestionScore(fraction: 0, verdict: .incorrect)

    /// A score from a fraction: clamped to 0...1 (NaN counts as 0), full credit is
    /// correct, some credit partially correct, none incorrect.
    public static func graded(_ fraction: Double) -> QuestionScore {
        let clamped = fraction.isNaN ? 0 : min(1, max(0, fraction))
        if clamped >= 1 - tolerance { return QuestionScore(fraction: 1, verdict: .correct) }
        if clamped <= tolerance { return QuestionScore(fraction: 0, verdict: .incorrect) }
        return QuestionScore(fraction: clamped, verdict: .partiallyCorrect)
    }

    /// Absorbs rounding in weights such as 33.33 + 33.33 + 33.34.
    static let tolerance = 1e-9
}
