import Foundation

/// Item analysis of one quiz, after Moodle's quiz statistics (docs/reports.md, "Quiz
/// items"): every learner's first finished attempt.
public struct QuizItemsSection: Codable, Sendable, Equatable {
    public var unitID: String
    public var title: String
    /// First finished attempts analysed (one per learner).
    public var attempts: ReportCell<Int>
    /// Every finished attempt, retries included.
    public var allAttempts: ReportCell<Int>
    /// Mean score of the first attempts, 0–100.
    public var meanScore: ReportCell<Double>?
    /// Share of learners whose first attempt passed, 0–100.
    public var firstAttemptPassRate: ReportCell<Double>?
    /// Share of learners who passed in any attempt, 0–100.
    public var passRate: ReportCell<Double>?
    public var questions: [ItemRow]

    public init(
        unitID: String, title: String, attempts: ReportCell<Int>, allAttempts: ReportCell<Int>, meanScore: ReportCell<Double>?,
        firstAttemptPassRate: ReportCell<Double>?, passRate: ReportCell<Double>?, questions: [ItemRow]
    ) {
        self.unitID = unitID
        self.title = title
        self.attempts = attempts
        self.allAttempts = allAttempts
        self.meanScore = meanScore
        self.firstAttemptPassRate = firstAttemptPassRate
        self.passRate = passRate
        self.questions = questions
    }
}

public struct ItemRow: Codable, Sendable, Equatable {
    public var questionID: String
    /// The question's text as plain text on one line (shortened by the formats, not here).
    public var text: String
    /// The quiz file's `type:` (`single`, `multiple`, `true-false`, …).
    public var kind: String
    /// Learners who answered it (in their first attempt).
    public var answered: ReportCell<Int>
    /// Facility index: mean score as a percentage of the question's maximum, 0–100.
    public var facility: ReportCell<Double>?
    /// Moodle's discrimination index (−100 to 100): the correlation between the score on
    /// this question and the score on the rest of the attempt.
    public var discrimination: ReportCell<Double>?
    /// For questions with options (single, multiple, true-false): each option, in file
    /// order; nil for other kinds.
    public var options: [OptionRow]?
    public var flags: [ItemFlagKind]

    public init(
        questionID: String, text: String, kind: String, answered: ReportCell<Int>, facility: ReportCell<Double>?,
        discrimination: ReportCell<Double>?, options: [OptionRow]?, flags: [ItemFlagKind]
    ) {
        self.questionID = questionID
        self.text = text
        self.kind = kind
        self.answered = answered
        self.facility = facility
        self.discrimination = discrimination
        self.options = options
        self.flags = flags
    }
}

public struct OptionRow: Codable, Sendable, Equatable {
    /// The option's id as in the statements (`1`, `2`, … or the file's ids).
    public var optionID: String
    public var text: String
    public var correct: Bool
    /// Learners who chose it.
    public var chosen: ReportCell<Int>
    /// Share of the question's answers that chose it, 0–100.
    public var share: ReportCell<Double>

    public init(optionID: String, text: String, correct: Bool, chosen: ReportCell<Int>, share: ReportCell<Double>) {
        self.optionID = optionID
        self.text = text
        self.correct = correct
        self.chosen = chosen
        self.share = share
    }
}

/// Why a question deserves a look. Raw values are the JSON and CSV spelling.
public enum ItemFlagKind: String, Codable, Sendable, Equatable, CaseIterable {
    /// Facility above 90 %.
    case tooEasy = "too-easy"
    /// Facility below 20 %.
    case tooHard = "too-hard"
    /// Learners who did well overall did worse on this question.
    case negativeDiscrimination = "negative-discrimination"
    /// A wrong option nobody picked.
    case unusedDistractor = "unused-distractor"
    /// A wrong option picked more often than the correct one.
    case distractorBeatsKey = "distractor-beats-key"
}
