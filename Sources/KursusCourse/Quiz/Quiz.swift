/// A quiz or survey file as pure values: its settings and its questions. The YAML quiz
/// format (docs/quiz-format.md) and Moodle GIFT files both load into this model; the
/// engine plays it and scores it.
public struct Quiz: Hashable, Sendable {
    /// Shown when the manifest gives the unit no title; may be empty.
    public var title: String
    /// Markdown shown before the first question; may be empty.
    public var intro: String
    /// The percentage (0–100) a learner needs to pass. Exactly the pass mark passes.
    public var passMark: Int
    public var attempts: AttemptLimit
    public var counting: AttemptCounting
    public var feedbackTiming: FeedbackTiming
    public var shuffleQuestions: Bool
    public var shuffleOptions: Bool
    /// When set, each attempt draws `pool.draw` of the questions; nil asks all of them.
    public var pool: QuestionPool?
    /// A survey unit whose answers are shown beside this one's (a self-assessment
    /// repeated at the end of a course, so the learner sees the change).
    public var compareWith: String?
    /// Surveys only: the answers go into the learning record under an identity that
    /// cannot be linked to the learner (docs/records.md, "Anonymous surveys").
    public var anonymous: Bool
    public var questions: [Question]
    /// Where the quiz file starts, for diagnostics.
    public var location: SourceLocation
    /// Where each setting was written (`draw`, `compare-with`, …), when read from a file.
    public var settingPlaces: [String: SourceLocation] = [:]
    /// Identifies this version of the quiz file (`QuizVersion.of`), set when the quiz is
    /// read from a package; every attempt records it, so an attempt taken before the
    /// course was updated keeps the score it was given then. Nil for a quiz made in code.
    public var version: String?

    public init(
        title: String = "",
        intro: String = "",
        passMark: Int = Quiz.defaultPassMark,
        attempts: AttemptLimit = .unlimited,
        counting: AttemptCounting = .best,
        feedbackTiming: FeedbackTiming = .afterEachQuestion,
        shuffleQuestions: Bool = false,
        shuffleOptions: Bool = false,
        pool: QuestionPool? = nil,
        compareWith: String? = nil,
        anonymous: Bool = false,
        questions: [Question],
        location: SourceLocation
    ) {
        self.title = title
        self.intro = intro
        self.passMark = min(100, max(0, passMark))
        self.attempts = attempts
        self.counting = counting
        self.feedbackTiming = feedbackTiming
        self.shuffleQuestions = shuffleQuestions
        self.shuffleOptions = shuffleOptions
        self.pool = pool
        self.compareWith = compareWith
        self.anonymous = anonymous
        self.questions = questions
        self.location = location
    }

    public static let defaultPassMark = 80

    /// Whether any question counts towards a score; a quiz without one is a survey.
    public var isScored: Bool { questions.contains { $0.isScored } }

    public func question(withID id: String) -> Question? { questions.first { $0.id == id } }
}

/// How many attempts a learner gets at a quiz.
public enum AttemptLimit: Hashable, Sendable {
    case unlimited
    case limited(Int)

    /// Whether another attempt may start after `used` attempts.
    public func allowsAnother(after used: Int) -> Bool {
        switch self {
        case .unlimited: return true
        case .limited(let count): return used < count
        }
    }
}

/// Which attempt's score counts when a learner has several.
public enum AttemptCounting: String, Hashable, Sendable, CaseIterable {
    case best
    case last
}

/// When the learner sees whether an answer was right: after each question, or only in
/// the review at the end.
public enum FeedbackTiming: String, Hashable, Sendable, CaseIterable {
    case afterEachQuestion = "after-each"
    case atEnd = "at-end"
}

/// Draw `draw` questions at random from the quiz's questions for each attempt.
public struct QuestionPool: Hashable, Sendable {
    public var draw: Int

    public init(draw: Int) {
        self.draw = max(0, draw)
    }
}
