import KursusCourse

/// A quiz or survey unit on screen: the quiz, where the learner is in it, and the
/// answer being built. The attempt itself lives in the learner's progress (so every
/// answer is saved as it is given); this holds only what the screen needs besides.
public struct QuizState: Hashable, Sendable {
    public var unitID: String
    /// Survey units are done when submitted; quizzes are passed or failed.
    public var isSurvey: Bool
    public var quiz: Quiz
    public var phase: QuizPhase
    /// The row under the cursor: an option, a matching prompt, an ordering item.
    public var cursor: Int
    public var draft: AnswerDraft
    /// The scrolling pages (intro, feedback, result, review): the first visible line and
    /// the page's measured length.
    public var scroll: ScrollPosition
    /// While answering: lines paged away from the view that keeps the focused row on
    /// screen (negative is up); the screen keeps it in range.
    public var questionOffset: Int
    /// Why the last key did nothing, until the next key.
    public var message: QuizMessage?

    public init(unitID: String, isSurvey: Bool, quiz: Quiz, phase: QuizPhase = .intro) {
        self.unitID = unitID
        self.isSurvey = isSurvey
        self.quiz = quiz
        self.phase = phase
        cursor = 0
        draft = AnswerDraft()
        scroll = ScrollPosition()
        questionOffset = 0
        message = nil
    }
}

public enum QuizPhase: Hashable, Sendable {
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

    public init(
        selected: [String] = [], editor: LineEditor = LineEditor(), pairs: [String: String] = [:], order: [String] = [], grabbed: Bool = false
    ) {
        self.selected = selected
        self.editor = editor
        self.pairs = pairs
        self.order = order
        self.grabbed = grabbed
    }
}

extension UnitRecord {
    /// The unit's quiz record, empty when the learner has none.
    public var quizRecord: QuizRecord { quiz ?? QuizRecord() }
}

extension PlayerState {
    /// The quiz record of a unit, empty when the learner has none.
    public func quizRecord(_ unitID: String) -> QuizRecord {
        progress.record(unitID)?.quizRecord ?? QuizRecord()
    }
}

extension QuizState {
    /// The question being answered in `record`'s unfinished attempt, skipping nothing:
    /// nil when there is none or the quiz no longer has it.
    public func currentQuestion(in record: QuizRecord) -> (attempt: QuizAttempt, question: Question)? {
        guard let attempt = record.unfinished, attempt.questionIDs.indices.contains(attempt.current),
            let question = quiz.question(withID: attempt.questionIDs[attempt.current])
        else { return nil }
        return (attempt, question)
    }
}
