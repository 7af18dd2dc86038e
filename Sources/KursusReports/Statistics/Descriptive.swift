// Descriptive statistics of a sample of plain numbers.
//
// Every function returns nil when its result is undefined (an empty sample, a
// standard deviation of a single value, a sample holding a NaN or an infinity)
// instead of trapping or returning NaN.

/// The three quartiles of a sample.
public struct Quartiles: Equatable, Sendable {
    /// First quartile (the 25 % quantile).
    public var lower: Double
    /// The median (the 50 % quantile).
    public var median: Double
    /// Third quartile (the 75 % quantile).
    public var upper: Double

    public init(lower: Double, median: Double, upper: Double) {
        self.lower = lower
        self.median = median
        self.upper = upper
    }

    /// Upper minus lower quartile.
    public var interquartileRange: Double { upper - lower }
}

/// A one-line summary of a sample.
public struct DescriptiveSummary: Equatable, Sendable {
    public var count: Int
    public var mean: Double
    /// Sample standard deviation; nil when `count` is 1.
    public var standardDeviation: Double?
    public var minimum: Double
    public var maximum: Double
    public var quartiles: Quartiles
}

public enum Descriptive {
    /// The arithmetic mean; nil for an empty or non-finite sample.
    public static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return nil }
        // Two-step mean (sum / n) is exact enough for report sizes; summing in
        // the given order keeps results reproducible.
        return values.reduce(0, +) / Double(values.count)
    }

    /// The sample variance with Bessel's correction, Σ(x − x̄)² / (n − 1);
    /// nil when n < 2 or a value is not finite.
    public static func sampleVariance(_ values: [Double]) -> Double? {
        guard values.count >= 2, let m = mean(values) else { return nil }
        // Two-pass algorithm: the deviations are taken from the mean already
        // known, which avoids the cancellation of the Σx² − n·x̄² formula.
        let sumOfSquares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return sumOfSquares / Double(values.count - 1)
    }

    /// The sample standard deviation, √(Σ(x − x̄)² / (n − 1)) — what Moodle,
    /// Excel's STDEV.S and R's `sd` report; nil when n < 2.
    public static func sampleStandardDeviation(_ values: [Double]) -> Double? {
        sampleVariance(values).map { $0.squareRoot() }
    }

    /// The `probability` quantile by linear interpolation between order
    /// statistics — Hyndman & Fan (1996) type 7, the default of R's
    /// `quantile`, NumPy's `percentile` and Excel's `PERCENTILE.INC` /
    /// `QUARTILE.INC`:
    ///
    ///     h = (n − 1)·p,   Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)
    ///
    /// with x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ the sorted sample (0-based). For n = 1 every
    /// quantile is the single value. nil for an empty sample, a non-finite
    /// value, or a probability outside [0, 1].
    public static func quantile(_ values: [Double], probability: Double) -> Double? {
        guard probability >= 0, probability <= 1 else { return nil }
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return nil }
        return sortedQuantile(values.sorted(), probability: probability)
    }

    /// The median: the 50 % type 7 quantile, i.e. the middle value, or the
    /// mean of the two middle values when n is even.
    public static func median(_ values: [Double]) -> Double? {
        quantile(values, probability: 0.5)
    }

    /// Quartiles by the type 7 method (see `quantile(_:probability:)`).
    /// For 1, 2, 3, 4 the result is 1.75, 2.5, 3.25 (Excel QUARTILE.INC).
    public static func quartiles(_ values: [Double]) -> Quartiles? {
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return nil }
        let sorted = values.sorted()
        guard let lower = sortedQuantile(sorted, probability: 0.25),
            let median = sortedQuantile(sorted, probability: 0.5),
            let upper = sortedQuantile(sorted, probability: 0.75)
        else { return nil }
        return Quartiles(lower: lower, median: median, upper: upper)
    }

    /// Count, mean, standard deviation, extremes and quartiles at once; nil for
    /// an empty or non-finite sample.
    public static func summary(_ values: [Double]) -> DescriptiveSummary? {
        guard let mean = mean(values), let quartiles = quartiles(values),
            let minimum = values.min(), let maximum = values.max()
        else { return nil }
        return DescriptiveSummary(
            count: values.count, mean: mean, standardDeviation: sampleStandardDeviation(values),
            minimum: minimum, maximum: maximum, quartiles: quartiles)
    }

    /// Type 7 quantile of an already sorted, non-empty sample.
    static func sortedQuantile(_ sorted: [Double], probability: Double) -> Double? {
        guard let first = sorted.first else { return nil }
        guard sorted.count > 1 else { return first }
        let h = Double(sorted.count - 1) * probability
        let below = Int(h.rounded(.down))
        guard below < sorted.count - 1 else { return sorted[sorted.count - 1] }
        let fraction = h - Double(below)
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below])
    }
}
