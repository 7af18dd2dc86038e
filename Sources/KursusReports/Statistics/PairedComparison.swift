// Before/after comparison of the same learners: means and the mean change with
// a t confidence interval.

/// A mean with the interval around it.
public struct ConfidenceInterval: Equatable, Sendable {
    public var lower: Double
    public var upper: Double
    /// e.g. 0.95
    public var level: Double
}

/// Summary of paired before/after observations.
public struct PairedComparison: Equatable, Sendable {
    /// Pairs with both values present.
    public var pairs: Int
    public var meanBefore: Double
    public var meanAfter: Double
    /// Mean of (after − before), which equals meanAfter − meanBefore.
    public var meanChange: Double
    /// Sample standard deviation of the changes; nil when `pairs` is 1.
    public var changeStandardDeviation: Double?
    /// Paired t interval for the mean change; nil when `pairs` is 1.
    public var meanChangeInterval: ConfidenceInterval?
}

public enum Paired {
    /// The complete pairs of `observations` (one tuple per learner; a missing
    /// side is nil), as (before, after). Incomplete pairs are dropped.
    public static func completePairs(_ observations: [(before: Double?, after: Double?)]) -> [(before: Double, after: Double)] {
        observations.compactMap { observation in
            guard let before = observation.before, let after = observation.after else { return nil }
            return (before, after)
        }
    }

    /// Means and the mean change d̄ of the complete pairs, with the interval
    ///
    ///     d̄ ± t_{(1+level)/2, n−1} · s_d / √n
    ///
    /// (s_d the sample standard deviation of the changes, t from
    /// `Distributions.studentTQuantile`). When every change is the same the
    /// interval has zero width. nil when there is no complete pair, a value is
    /// not finite, or `level` is not in (0, 1).
    public static func compare(
        _ observations: [(before: Double?, after: Double?)], level: Double = 0.95
    ) -> PairedComparison? {
        guard level > 0, level < 1 else { return nil }
        let pairs = completePairs(observations)
        let before = pairs.map(\.before)
        let after = pairs.map(\.after)
        let changes = pairs.map { $0.after - $0.before }
        guard let meanBefore = Descriptive.mean(before), let meanAfter = Descriptive.mean(after),
            let meanChange = Descriptive.mean(changes)
        else { return nil }
        let sd = Descriptive.sampleStandardDeviation(changes)
        var interval: ConfidenceInterval?
        if let sd, let t = Distributions.studentTQuantile((1 + level) / 2, degreesOfFreedom: Double(pairs.count - 1)) {
            let halfWidth = t * sd / Double(pairs.count).squareRoot()
            interval = ConfidenceInterval(lower: meanChange - halfWidth, upper: meanChange + halfWidth, level: level)
        }
        return PairedComparison(
            pairs: pairs.count, meanBefore: meanBefore, meanAfter: meanAfter, meanChange: meanChange,
            changeStandardDeviation: sd, meanChangeInterval: interval)
    }
}
