// Summary of answers on a Likert scale (points 1…k, e.g. 1 = strongly
// disagree … 5 = strongly agree).

/// Counts, median and diverging shares of one Likert item.
public struct LikertSummary: Equatable, Sendable {
    /// The scale's points, lowest first (e.g. 1...5).
    public var scale: ClosedRange<Int>
    /// Answers per point, index 0 for `scale.lowerBound`.
    public var counts: [Int]
    /// Answers on the scale (answers off the scale are not counted).
    public var answers: Int
    /// Answers given that were not on the scale.
    public var outOfScale: Int
    /// Type 7 median of the answers (may be a half point for an even n); nil
    /// when nobody answered.
    public var median: Double?
    /// Shares for a diverging bar chart; nil when nobody answered.
    public var diverging: DivergingSplit?
}

/// Fractions (0…1, summing to 1) of answers below, at and above the midpoint
/// of the scale. On an even scale (e.g. 1…4) there is no neutral point and
/// `neutral` is 0.
public struct DivergingSplit: Equatable, Sendable {
    public var negative: Double
    public var neutral: Double
    public var positive: Double
}

public enum Likert {
    /// Summarises `answers` on `scale`. Answers outside the scale are counted
    /// in `outOfScale` and otherwise ignored. nil for a scale of fewer than two
    /// points.
    public static func summarize(_ answers: [Int], scale: ClosedRange<Int>) -> LikertSummary? {
        guard scale.count >= 2 else { return nil }
        var counts = Array(repeating: 0, count: scale.count)
        var outside = 0
        var valid: [Double] = []
        for answer in answers {
            if scale.contains(answer) {
                counts[answer - scale.lowerBound] += 1
                valid.append(Double(answer))
            } else {
                outside += 1
            }
        }
        let n = valid.count
        var split: DivergingSplit?
        if n > 0 {
            // Points strictly below the midpoint are negative, strictly above
            // are positive; on an odd scale the midpoint itself is neutral.
            // Compare doubled values to stay in integers: 2·p vs lower + upper.
            let middle = scale.lowerBound + scale.upperBound
            var negative = 0
            var neutral = 0
            var positive = 0
            for (offset, count) in counts.enumerated() {
                let doubled = 2 * (scale.lowerBound + offset)
                if doubled < middle {
                    negative += count
                } else if doubled > middle {
                    positive += count
                } else {
                    neutral += count
                }
            }
            let total = Double(n)
            split = DivergingSplit(
                negative: Double(negative) / total, neutral: Double(neutral) / total, positive: Double(positive) / total)
        }
        return LikertSummary(
            scale: scale, counts: counts, answers: n, outOfScale: outside, median: Descriptive.median(valid),
            diverging: split)
    }
}
