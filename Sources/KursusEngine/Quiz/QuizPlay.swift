import KursusCourse

/// A quiz or survey unit on screen: the loaded quiz, where the learner is in it, and the
/// answer being built. The attempt itself lives in the learner's progress (so every
/// answer is saved as it is given); this holds only what the screen needs besides.
public struct QuizPlay: Hashable, Sendable {
    public var unitID: String
    /// Survey units are done when submitted; quizzes are passed or failed.
    public var isSurvey: Bool
    /// nil while the file is being read.
    public var quiz: Quiz?
    public var phase: QuizPhase
    /// The row under the cursor: an option, a matching prompt, an ordering item.
    public var cursor: Int
    public var draft: AnswerDraft
    /// First visible line of a scrolling page (intro, feedback, result, review). While
    /// answering: lines paged away from the view that keeps the focused row on screen.
    public var scroll: Int
    /// Lines of the current page as last drawn, so scrolling stops at the end.
    public var pageLines: Int?
    /// Why the last key did nothing, until the next key.
    public var message: QuizMessage?

    public init(unitID: String, isSurvey: Bool) {
        self.unitID = unitID
        self.isSurvey = isSurvey
        quiz = nil
        phase = .loading
        cursor = 0
        draft = AnswerDraft()
        scroll = 0
        pageLines = nil
        message = nil
    }
}

public enum QuizPhase: Hashable, Sendable {
    case loading
    /// Title, intro text, earlier attempts; start, resume or review from here.
    case intro
    /// Answering the attempt's current question.
    case question
    /// Feedback on the answer just given (feedback after each question).
    case feedback(questionID: String)
    /// The attempt was submitted: score and passed or failed.
    case result
    /// Every question of a finished attempt with the learner's and the right answer.
    case review(attemptNumber: Int)
}

/// Why the last key did nothing; also the failure of building an answer from the draft.
public enum QuizMessage: Error, Hashable, Sendable {
    case chooseFirst
    case notANumber
    case answerEveryPrompt
    case emptyAnswer
    case noAttemptsLeft
    case nothingToReview
}

/// The answer being put together for the current question.
public struct AnswerDraft: Hashable, Sendable {
    /// Chosen ids: option ids, `true`/`false`, or a scale point's index.
    public var selected: [String]
    public var editor: LineEditor
    /// Matching: prompt → chosen answer.
    public var pairs: [String: String]
    /// Ordering: the items as the learner has arranged them.
    public var order: [String]
    /// Ordering: an item is picked up and moves with the arrows.
    public var grabbed: Bool

    public init(selected: [String] = [], editor: LineEditor = LineEditor(), pairs: [String: String] = [:], order: [String] = [], grabbed: Bool = false) {
        self.selected = selected
        self.editor = editor
        self.pairs = pairs
        self.order = order
        self.grabbed = grabbed
    }
}

extension PlayerState {
    /// The quiz record of a unit, empty when the learner has none.
    public func quizRecord(_ unitID: String) -> QuizRecord {
        progress.record(unitID)?.quiz ?? QuizRecord()
    }

    /// The question being answered: the quiz, the unfinished attempt and the question.
    public var currentQuestion: (quiz: Quiz, attempt: QuizAttempt, question: Question)? {
        QuizAnswering.current(self)
    }

    public var quizPlay: QuizPlay? {
        if case .quiz(let play) = screen { return play }
        return nil
    }
}
