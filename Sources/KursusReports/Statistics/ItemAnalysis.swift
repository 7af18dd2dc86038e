// Quiz item analysis with Moodle's definitions.
//
// Source: MoodleDocs, "Quiz statistics calculations" (docs.moodle.org/dev),
// and Moodle's implementation in question/classes/statistics/questions/
// calculator.php (initial_question_walker, secondary_steps_walker,
// secondary_question_walker). Notation: for attempt s, x(s) is the item's
// mark and X(s) the total mark of the attempt; the "rest of the test" is
// X(s) − x(s). All variances and covariances divide by S − 1.

/// What Moodle reports for one question.
public struct ItemStatistics: Equatable, Sendable {
    /// Number of attempts S that include the item.
    public var attempts: Int
    /// Facility index F = 100·(x̄ − min)/(max − min), the mean mark as a
    /// percentage of the mark range (Moodle: x̄ / max with min = 0). nil when
    /// there are no attempts or the range is empty.
    public var facility: Double?
    /// Standard deviation of the item's marks, √(Σ(x − x̄)²/(S − 1)), as a
    /// percentage of the mark range (Moodle's "SD" column). nil when S < 2.
    public var standardDeviation: Double?
    /// Discrimination index D = 100·r(x, X − x): Pearson's correlation of the
    /// item mark with the mark on the rest of the test, as a percentage
    /// (Moodle: 100·C(x, X₋)/√(V(x)·V(X₋))). nil when S < 2 or either
    /// variance is zero (everyone got the same item mark, or the same rest).
    public var discriminationIndex: Double?
    /// Discriminative efficiency DE = 100·C(x, X₋)/C_max, where C_max is the
    /// covariance obtained by pairing the item marks and the rest-of-test marks
    /// each sorted in ascending order — the largest covariance these marks
    /// could have had. nil when S < 2 or C_max is zero.
    public var discriminativeEfficiency: Double?
}

/// How often each option of a multiple-choice item was picked.
public struct OptionCounts: Equatable, Sendable {
    /// Picks per option, indexed by option position.
    public var counts: [Int]
    /// Positions of the correct option(s).
    public var correct: Set<Int>

    public init(counts: [Int], correct: Set<Int>) {
        self.counts = counts
        self.correct = correct
    }
}

/// Something a trainer should look at.
public enum ItemFlag: Hashable, Sendable {
    /// Facility above `ItemAnalysis.tooEasyAbove` (90 %).
    case tooEasy
    /// Facility below `ItemAnalysis.tooHardBelow` (20 %).
    case tooHard
    /// Discrimination index below zero: stronger learners (on the rest of the
    /// test) did worse on this item.
    case negativeDiscrimination
    /// A wrong option that nobody picked, although the item was answered.
    case distractorNeverPicked(option: Int)
    /// A wrong option picked more often than the most-picked correct option.
    case distractorPickedMoreThanCorrect(option: Int)
}

public enum ItemAnalysis {
    public static let tooEasyAbove = 90.0
    public static let tooHardBelow = 20.0

    /// Statistics of one item from paired marks: `itemMarks[s]` is the item's
    /// mark in attempt s and `totalMarks[s]` the attempt's total mark (which
    /// includes the item). `minimumMark`/`maximumMark` are the item's possible
    /// range. nil when the arrays differ in length, a mark is not finite, or
    /// the range is not positive.
    public static func item(
        itemMarks: [Double], totalMarks: [Double], maximumMark: Double, minimumMark: Double = 0
    ) -> ItemStatistics? {
        guard itemMarks.count == totalMarks.count, maximumMark > minimumMark,
            maximumMark.isFinite, minimumMark.isFinite,
            itemMarks.allSatisfy(\.isFinite), totalMarks.allSatisfy(\.isFinite)
        else { return nil }
        let s = itemMarks.count
        let range = maximumMark - minimumMark
        guard let itemMean = Descriptive.mean(itemMarks) else {
            return ItemStatistics(
                attempts: 0, facility: nil, standardDeviation: nil, discriminationIndex: nil,
                discriminativeEfficiency: nil)
        }
        let facility = 100 * (itemMean - minimumMark) / range
        guard s >= 2 else {
            return ItemStatistics(
                attempts: s, facility: facility, standardDeviation: nil, discriminationIndex: nil,
                discriminativeEfficiency: nil)
        }
        let rest = zip(totalMarks, itemMarks).map { $0 - $1 }
        let restMean = rest.reduce(0, +) / Double(s)
        let denominator = Double(s - 1)
        var itemSquares = 0.0
        var restSquares = 0.0
        var cross = 0.0
        for (x, r) in zip(itemMarks, rest) {
            itemSquares += (x - itemMean) * (x - itemMean)
            restSquares += (r - restMean) * (r - restMean)
            cross += (x - itemMean) * (r - restMean)
        }
        let itemVariance = itemSquares / denominator
        let restVariance = restSquares / denominator
        let covariance = cross / denominator
        var maximumCross = 0.0
        for (x, r) in zip(itemMarks.sorted(), rest.sorted()) {
            maximumCross += (x - itemMean) * (r - restMean)
        }
        let maximumCovariance = maximumCross / denominator
        let discrimination: Double? =
            itemVariance > 0 && restVariance > 0
            ? 100 * covariance / (itemVariance * restVariance).squareRoot() : nil
        let efficiency: Double? = maximumCovariance != 0 ? 100 * covariance / maximumCovariance : nil
        return ItemStatistics(
            attempts: s, facility: facility, standardDeviation: 100 * itemVariance.squareRoot() / range,
            discriminationIndex: discrimination, discriminativeEfficiency: efficiency)
    }

    /// Statistics of every item of a quiz from a mark matrix: `marks[s][i]` is
    /// attempt s's mark on item i, the attempt's total is the row sum. Items
    /// an attempt did not answer should carry that attempt's mark for them
    /// (Moodle counts them as 0 in a finished attempt). nil when a row's length
    /// differs from `maximumMarks.count` or `minimumMarks` is given with another
    /// length.
    public static func quiz(
        marks: [[Double]], maximumMarks: [Double], minimumMarks: [Double]? = nil
    ) -> [ItemStatistics]? {
        let itemCount = maximumMarks.count
        let minima = minimumMarks ?? Array(repeating: 0, count: itemCount)
        guard minima.count == itemCount, marks.allSatisfy({ $0.count == itemCount }) else { return nil }
        let totals = marks.map { $0.reduce(0, +) }
        var result: [ItemStatistics] = []
        for i in 0..<itemCount {
            guard
                let stats = item(
                    itemMarks: marks.map { $0[i] }, totalMarks: totals, maximumMark: maximumMarks[i],
                    minimumMark: minima[i])
            else { return nil }
            result.append(stats)
        }
        return result
    }

    /// Flags for an item: facility > 90 % (too easy) or < 20 % (too hard),
    /// a negative discrimination index, and — given option counts — each wrong
    /// option nobody picked (only when someone answered) and each wrong option
    /// picked more often than every correct option. Undefined statistics raise
    /// no flag.
    public static func flags(for stats: ItemStatistics, options: OptionCounts? = nil) -> [ItemFlag] {
        var flags: [ItemFlag] = []
        if let facility = stats.facility {
            if facility > tooEasyAbove { flags.append(.tooEasy) }
            if facility < tooHardBelow { flags.append(.tooHard) }
        }
        if let d = stats.discriminationIndex, d < 0 { flags.append(.negativeDiscrimination) }
        if let options { flags += optionFlags(options) }
        return flags
    }

    /// The option flags alone (see `flags(for:options:)`).
    public static func optionFlags(_ options: OptionCounts) -> [ItemFlag] {
        let total = options.counts.reduce(0, +)
        guard total > 0 else { return [] }
        let bestCorrect = options.correct.compactMap { options.counts.indices.contains($0) ? options.counts[$0] : nil }.max()
        var flags: [ItemFlag] = []
        for (option, count) in options.counts.enumerated() where !options.correct.contains(option) {
            if count == 0 { flags.append(.distractorNeverPicked(option: option)) }
            if let bestCorrect, count > bestCorrect { flags.append(.distractorPickedMoreThanCorrect(option: option)) }
        }
        return flags
    }
}
