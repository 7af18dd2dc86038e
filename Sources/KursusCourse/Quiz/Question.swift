/// One question of a quiz: the text (Markdown), its weight in the quiz total, feedback,
/// and what kind of answer it takes.
public struct Question: Hashable, Sendable {
    public var id: String
    /// Markdown.
    public var text: String
    /// The question's share of the quiz total relative to the others; 1 by default.
    public var weight: Double
    /// Shown after the question whatever the answer.
    public var generalFeedback: String?
    public var feedbackCorrect: String?
    public var feedbackPartial: String?
    public var feedbackIncorrect: String?
    public var kind: QuestionKind
    /// Free text: the longest answer accepted, in characters (nil: the player's default).
    public var maximumLength: Int?
    /// A GIFT `$CATEGORY:` or a YAML `category:`; informative only.
    public var category: String?
    /// Where the question was written, for diagnostics.
    public var location: SourceLocation

    public init(
        id: String,
        text: String,
        weight: Double = 1,
        generalFeedback: String? = nil,
        feedbackCorrect: String? = nil,
        feedbackPartial: String? = nil,
        feedbackIncorrect: String? = nil,
        kind: QuestionKind,
        category: String? = nil,
        location: SourceLocation
    ) {
        self.category = category
        self.id = id
        self.text = text
        self.weight = weight
        self.generalFeedback = generalFeedback
        self.feedbackCorrect = feedbackCorrect
        self.feedbackPartial = feedbackPartial
        self.feedbackIncorrect = feedbackIncorrect
        self.kind = kind
        self.location = location
    }

    /// Whether the question counts towards the quiz score (Likert and free text do not).
    public var isScored: Bool { kind.isScored }
}

/// The kinds of question and what each needs to be scored.
public enum QuestionKind: Hashable, Sendable {
    /// One option may be chosen; the right one weighs 100 %.
    case singleChoice([QuizOption])
    /// Any options may be chosen; their weights (percent, may be negative) are summed.
    case multipleResponse([QuizOption])
    case trueFalse(correct: Bool, feedbackTrue: String?, feedbackFalse: String?)
    case shortAnswer(ShortAnswerRules)
    /// The best matching answer's weight counts.
    case numeric([NumericAnswer])
    /// Each prompt has one right match; distractors match none.
    case matching(MatchingSpec)
    /// The items in their correct order.
    case ordering([String])
    /// Unscored: a point on the scale.
    case likert(scale: [String])
    /// Unscored: the learner writes freely.
    case freeText
    /// Text only, no answer (GIFT's description): shown in its place among the questions.
    case description

    public var isScored: Bool {
        switch self {
        case .likert, .freeText, .description: return false
        default: return true
        }
    }

    /// Whether the learner gives an answer at all (a description takes none).
    public var takesAnswer: Bool {
        if case .description = self { return false }
        return true
    }
}
