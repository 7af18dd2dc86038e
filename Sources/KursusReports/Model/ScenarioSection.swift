import Foundation

/// How runs of one scenario went (docs/reports.md, "Scenarios"): every finished run.
public struct ScenarioSection: Codable, Sendable, Equatable {
    public var unitID: String
    public var title: String
    /// Finished runs (reached an ending), and the learners who made them.
    public var runs: ReportCell<Int>
    public var learners: ReportCell<Int>
    /// Runs begun but never ended (quit, a dropped session).
    public var unfinishedRuns: Int
    public var meanScore: ReportCell<Double>?
    /// The highest score a run can reach, when known.
    public var maximumScore: Double?
    /// Share of runs passed, 0–100, for a scenario with a pass rule.
    public var passRate: ReportCell<Double>?
    /// Mean runs per learner beyond the first, and learners who ran it more than once.
    public var meanRetries: ReportCell<Double>?
    public var learnersWhoRetried: ReportCell<Int>
    /// In the scenario file's order.
    public var endings: [EndingRow]
    /// In the scenario file's order.
    public var choicePoints: [ChoicePointRow]
    /// The poor choices taken most often, most first (at most 5).
    public var commonPoorChoices: [PoorChoice]

    public init(
        unitID: String, title: String, runs: ReportCell<Int>, learners: ReportCell<Int>, unfinishedRuns: Int, meanScore: ReportCell<Double>?,
        maximumScore: Double?, passRate: ReportCell<Double>?, meanRetries: ReportCell<Double>?, learnersWhoRetried: ReportCell<Int>,
        endings: [EndingRow], choicePoints: [ChoicePointRow], commonPoorChoices: [PoorChoice]
    ) {
        self.unitID = unitID
        self.title = title
        self.runs = runs
        self.learners = learners
        self.unfinishedRuns = unfinishedRuns
        self.meanScore = meanScore
        self.maximumScore = maximumScore
        self.passRate = passRate
        self.meanRetries = meanRetries
        self.learnersWhoRetried = learnersWhoRetried
        self.endings = endings
        self.choicePoints = choicePoints
        self.commonPoorChoices = commonPoorChoices
    }
}

public struct EndingRow: Codable, Sendable, Equatable {
    public var nodeID: String
    /// The ending's title or first line of text.
    public var text: String
    /// `good`, `mixed` or `poor`, when the file rates it.
    public var rating: String?
    public var runs: ReportCell<Int>
    /// Share of finished runs, 0–100.
    public var share: ReportCell<Double>

    public init(nodeID: String, text: String, rating: String?, runs: ReportCell<Int>, share: ReportCell<Double>) {
        self.nodeID = nodeID
        self.text = text
        self.rating = rating
        self.runs = runs
        self.share = share
    }
}

public struct ChoicePointRow: Codable, Sendable, Equatable {
    public var nodeID: String
    public var prompt: String
    /// Times the point was reached and answered (by a choice or the timer).
    public var answers: ReportCell<Int>
    public var options: [ChoiceOptionRow]
    /// Answers the response timer chose, and their share 0–100; nil for points without a timer.
    public var timedOut: ReportCell<Int>?
    public var timedOutShare: ReportCell<Double>?

    public init(
        nodeID: String, prompt: String, answers: ReportCell<Int>, options: [ChoiceOptionRow], timedOut: ReportCell<Int>?,
        timedOutShare: ReportCell<Double>?
    ) {
        self.nodeID = nodeID
        self.prompt = prompt
        self.answers = answers
        self.options = options
        self.timedOut = timedOut
        self.timedOutShare = timedOutShare
    }
}

public struct ChoiceOptionRow: Codable, Sendable, Equatable {
    /// 1, 2, … as the learner's keys number them.
    public var number: Int
    public var text: String
    public var quality: String?
    public var chosen: ReportCell<Int>
    public var share: ReportCell<Double>

    public init(number: Int, text: String, quality: String?, chosen: ReportCell<Int>, share: ReportCell<Double>) {
        self.number = number
        self.text = text
        self.quality = quality
        self.chosen = chosen
        self.share = share
    }
}

public struct PoorChoice: Codable, Sendable, Equatable {
    public var nodeID: String
    public var prompt: String
    public var number: Int
    public var text: String
    public var chosen: ReportCell<Int>

    public init(nodeID: String, prompt: String, number: Int, text: String, chosen: ReportCell<Int>) {
        self.nodeID = nodeID
        self.prompt = prompt
        self.number = number
        self.text = text
        self.chosen = chosen
    }
}
