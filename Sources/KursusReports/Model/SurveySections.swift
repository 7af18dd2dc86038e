import Foundation

/// A survey linked to an earlier one with `compare-with`: each Likert or numeric item
/// answered by the same learner in both (docs/reports.md, "Before and after").
public struct BeforeAfterSection: Codable, Sendable, Equatable {
    public var beforeUnitID: String
    public var beforeTitle: String
    public var afterUnitID: String
    public var afterTitle: String
    /// True when either survey is anonymous: anonymous answers are never linked to a
    /// learner, so nothing is paired and `items` is empty.
    public var anonymous: Bool
    /// Per item: everyone (team nil), then each team.
    public var items: [PairedItem]

    public init(beforeUnitID: String, beforeTitle: String, afterUnitID: String, afterTitle: String, anonymous: Bool, items: [PairedItem]) {
        self.beforeUnitID = beforeUnitID
        self.beforeTitle = beforeTitle
        self.afterUnitID = afterUnitID
        self.afterTitle = afterTitle
        self.anonymous = anonymous
        self.items = items
    }
}

public struct PairedItem: Codable, Sendable, Equatable {
    public var questionID: String
    public var text: String
    /// Nil: every learner; else one team.
    public var team: String?
    /// Learners who answered the item in both surveys (latest answer of each).
    public var pairs: ReportCell<Int>
    /// Answered only the earlier survey, or only the later one: counted, not paired.
    public var onlyBefore: ReportCell<Int>
    public var onlyAfter: ReportCell<Int>
    /// Nil when suppressed or when there are no pairs.
    public var statistics: PairedStatistics?

    public init(
        questionID: String, text: String, team: String?, pairs: ReportCell<Int>, onlyBefore: ReportCell<Int>, onlyAfter: ReportCell<Int>,
        statistics: PairedStatistics?
    ) {
        self.questionID = questionID
        self.text = text
        self.team = team
        self.pairs = pairs
        self.onlyBefore = onlyBefore
        self.onlyAfter = onlyAfter
        self.statistics = statistics
    }
}

public struct PairedStatistics: Codable, Sendable, Equatable {
    public var meanBefore: Double
    public var meanAfter: Double
    public var meanChange: Double
    /// 95 % t interval of the mean change; nil for fewer than 2 pairs or no spread.
    public var changeLower: Double?
    public var changeUpper: Double?
    /// Wilcoxon signed-rank test, two-sided; nil when every difference is zero.
    public var wilcoxonP: Double?
    /// `exact` (up to 25 non-zero differences; zeros dropped) or `normal` (with tie correction).
    public var wilcoxonMethod: String?
    /// Effect size r = z / √n.
    public var effectSize: Double?

    public init(
        meanBefore: Double, meanAfter: Double, meanChange: Double, changeLower: Double?, changeUpper: Double?, wilcoxonP: Double?,
        wilcoxonMethod: String?, effectSize: Double?
    ) {
        self.meanBefore = meanBefore
        self.meanAfter = meanAfter
        self.meanChange = meanChange
        self.changeLower = changeLower
        self.changeUpper = changeUpper
        self.wilcoxonP = wilcoxonP
        self.wilcoxonMethod = wilcoxonMethod
        self.effectSize = effectSize
    }
}

/// One survey's answers: every submission's latest answers (docs/reports.md, "The
/// evaluation survey").
public struct SurveySection: Codable, Sendable, Equatable {
    public var unitID: String
    public var title: String
    public var anonymous: Bool
    /// Submissions counted (one per learner; for an anonymous survey, one per submission).
    public var respondents: ReportCell<Int>
    /// Set when `--team` was given but the survey is anonymous: its answers carry no team,
    /// so they are shown for everyone filtered by time only.
    public var notFilteredByTeam: Bool
    public var likert: [LikertItem]
    /// Free-text questions with every answer in full (empty answers left out); nil answers
    /// when there are fewer respondents than the minimum.
    public var freeText: [FreeTextItem]

    public init(
        unitID: String, title: String, anonymous: Bool, respondents: ReportCell<Int>, notFilteredByTeam: Bool, likert: [LikertItem],
        freeText: [FreeTextItem]
    ) {
        self.unitID = unitID
        self.title = title
        self.anonymous = anonymous
        self.respondents = respondents
        self.notFilteredByTeam = notFilteredByTeam
        self.likert = likert
        self.freeText = freeText
    }
}

public struct LikertItem: Codable, Sendable, Equatable {
    public var questionID: String
    public var text: String
    /// The scale's labels from lowest to highest.
    public var labels: [String]
    public var answers: ReportCell<Int>
    /// Answers per point of the scale, lowest first; nil when suppressed.
    public var counts: [Int]?
    public var median: ReportCell<Double>?
    /// Shares below, at and above the middle of the scale, 0–100 (the diverging bar).
    public var negative: Double?
    public var neutral: Double?
    public var positive: Double?

    public init(
        questionID: String, text: String, labels: [String], answers: ReportCell<Int>, counts: [Int]?, median: ReportCell<Double>?,
        negative: Double?, neutral: Double?, positive: Double?
    ) {
        self.questionID = questionID
        self.text = text
        self.labels = labels
        self.answers = answers
        self.counts = counts
        self.median = median
        self.negative = negative
        self.neutral = neutral
        self.positive = positive
    }
}

public struct FreeTextItem: Codable, Sendable, Equatable {
    public var questionID: String
    public var text: String
    public var answerCount: ReportCell<Int>
    /// Sorted by text so that order says nothing about who wrote first.
    public var answers: [String]?

    public init(questionID: String, text: String, answerCount: ReportCell<Int>, answers: [String]?) {
        self.questionID = questionID
        self.text = text
        self.answerCount = answerCount
        self.answers = answers
    }
}
