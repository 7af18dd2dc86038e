// Wilcoxon signed-rank test for paired before/after scores.
//
// Definitions (Wilcoxon 1945; Hollander, Wolfe & Chicken, "Nonparametric
// Statistical Methods", §3.1; scipy.stats.wilcoxon with zero_method="wilcox"):
// - differences d = after − before; zero differences are dropped (Wilcoxon's
//   method, scipy's "wilcox"), n is the number of non-zero differences;
// - |d| are ranked 1…n, tied |d| (exact floating-point equality) get the
//   average of their ranks;
// - W+ is the sum of the ranks of positive differences, W− of negative ones.
//
// p-values are two-sided.
// - Exact: under H0 every sign pattern of the n ranks (as they are, ties
//   included) is equally likely. Doubling the ranks makes average ranks
//   integers, so the null distribution of 2·W+ is found by dynamic programming
//   over the 2ⁿ sign patterns, and p = min(1, 2·min(P(W+ ≤ w), P(W+ ≥ w))).
//   Without ties this is the classical exact distribution (scipy
//   method="exact"); with ties it is the exact conditional (permutation)
//   distribution, which scipy gives with method=PermutationMethod() — scipy's
//   method="exact" then uses the untied distribution with a rounded statistic.
// - Normal approximation: E[W+] = n(n+1)/4,
//   Var[W+] = n(n+1)(2n+1)/24 − Σ(t³ − t)/48 over tie groups of size t,
//   z = (W+ − E − ½·sign(W+ − E))/√Var with the continuity correction, and
//   p = 2·(1 − Φ(|z|)) (scipy method="asymptotic").
// Effect size r = z/√n (Rosenthal 1991; Fritz, Morris & Richler 2012), using
// the z above and n the number of non-zero differences, signed so that r > 0
// when scores went up.

/// How the p-value is computed.
public enum WilcoxonMethod: Equatable, Sendable {
    /// Exact when there are at most `exactLimit` non-zero differences,
    /// normal approximation above.
    case automatic(exactLimit: Int = 25)
    case exact
    case normalApproximation(continuityCorrection: Bool = true)
}

public struct WilcoxonSignedRankResult: Equatable, Sendable {
    public enum PValueMethod: Equatable, Sendable {
        case exact
        case normalApproximation(continuityCorrection: Bool)
    }
    /// Complete pairs given.
    public var pairs: Int
    /// Pairs with after == before, dropped from the ranking.
    public var zeroDifferences: Int
    /// n: the non-zero differences ranked.
    public var rankedDifferences: Int
    /// W+, the rank sum of increases.
    public var rankSumPositive: Double
    /// W−, the rank sum of decreases.
    public var rankSumNegative: Double
    /// Whether some |d| were tied (average ranks were used).
    public var hasTies: Bool
    /// The normal-approximation z (tie-corrected; continuity-corrected unless
    /// the normal approximation was asked for without it), positive when
    /// W+ > n(n+1)/4. Zero when n = 0.
    public var z: Double
    public var pValue: Double
    public var pValueMethod: PValueMethod
    /// r = z/√n; zero when n = 0 (every pair unchanged).
    public var effectSize: Double

    /// min(W+, W−), the statistic most tables (and scipy, two-sided) report.
    public var statistic: Double { min(rankSumPositive, rankSumNegative) }
}

public enum WilcoxonSignedRank {
    /// The test on the complete pairs of `observations` (see the file's
    /// header for the definitions). When every pair is unchanged the result is
    /// defined: W+ = W− = 0, z = 0, p = 1, r = 0. nil when there is no complete
    /// pair or a value is not finite.
    public static func test(
        _ observations: [(before: Double?, after: Double?)], method: WilcoxonMethod = .automatic()
    ) -> WilcoxonSignedRankResult? {
        let pairs = Paired.completePairs(observations)
        guard !pairs.isEmpty, pairs.allSatisfy({ $0.before.isFinite && $0.after.isFinite }) else { return nil }
        let differences = pairs.map { $0.after - $0.before }.filter { $0 != 0 }
        let n = differences.count
        let zeroCount = pairs.count - n

        // Doubled ranks: a tie group at sorted positions i…j (1-based) gets
        // average rank (i + j)/2, i.e. doubled rank i + j, an integer.
        let order = differences.indices.sorted { abs(differences[$0]) < abs(differences[$1]) }
        var doubledRanks = Array(repeating: 0, count: n)
        var tieCorrection = 0.0
        var hasTies = false
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n, abs(differences[order[end + 1]]) == abs(differences[order[start]]) { end += 1 }
            for k in start...end { doubledRanks[order[k]] = (start + 1) + (end + 1) }
            let t = Double(end - start + 1)
            if end > start { hasTies = true }
            tieCorrection += t * t * t - t
            start = end + 1
        }
        var doubledPositive = 0
        var doubledNegative = 0
        for (d, rank) in zip(differences, doubledRanks) {
            if d > 0 { doubledPositive += rank } else { doubledNegative += rank }
        }
        let wPlus = Double(doubledPositive) / 2
        let wMinus = Double(doubledNegative) / 2

        let useExact: Bool
        let continuity: Bool
        switch method {
        case .automatic(let limit): useExact = n <= limit; continuity = true
        case .exact: useExact = true; continuity = true
        case .normalApproximation(let correction): useExact = false; continuity = correction
        }
        let pValueMethod: WilcoxonSignedRankResult.PValueMethod =
            useExact ? .exact : .normalApproximation(continuityCorrection: continuity)

        guard n > 0 else {
            return WilcoxonSignedRankResult(
                pairs: pairs.count, zeroDifferences: zeroCount, rankedDifferences: 0, rankSumPositive: 0,
                rankSumNegative: 0, hasTies: false, z: 0, pValue: 1, pValueMethod: pValueMethod, effectSize: 0)
        }
        let nd = Double(n)
        let expected = nd * (nd + 1) / 4
        let variance = nd * (nd + 1) * (2 * nd + 1) / 24 - tieCorrection / 48
        var deviation = wPlus - expected
        if continuity, deviation != 0 { deviation -= deviation > 0 ? 0.5 : -0.5 }
        // variance > 0 for n ≥ 1: at its smallest, all |d| tied, it is n(n+1)²/16 ≥ ¼.
        let z = deviation / variance.squareRoot()
        let pValue =
            useExact
            ? exactTwoSidedPValue(doubledRanks: doubledRanks, observedDoubledPositive: doubledPositive)
            : min(1, 2 * Distributions.normalSurvival(abs(z)))
        return WilcoxonSignedRankResult(
            pairs: pairs.count, zeroDifferences: zeroCount, rankedDifferences: n, rankSumPositive: wPlus,
            rankSumNegative: wMinus, hasTies: hasTies, z: z, pValue: pValue, pValueMethod: pValueMethod,
            effectSize: z / nd.squareRoot())
    }

    /// Null distribution of the sum of doubled ranks carrying a "+" sign, each
    /// sign independently + or − with probability ½: `result[s]` = P(2·W+ = s).
    /// Built one rank at a time, halving as it goes so it never overflows.
    static func doubledRankSumDistribution(doubledRanks: [Int]) -> [Double] {
        let total = doubledRanks.reduce(0, +)
        var probabilities = Array(repeating: 0.0, count: total + 1)
        probabilities[0] = 1
        var reach = 0
        for rank in doubledRanks {
            reach += rank
            var s = reach
            while s >= 0 {
                let without = probabilities[s]
                let with = s >= rank ? probabilities[s - rank] : 0
                probabilities[s] = 0.5 * (without + with)
                s -= 1
            }
        }
        return probabilities
    }

    /// Two-sided exact p-value min(1, 2·min(P(T ≤ t), P(T ≥ t))) for the
    /// observed doubled positive rank sum t.
    static func exactTwoSidedPValue(doubledRanks: [Int], observedDoubledPositive: Int) -> Double {
        let distribution = doubledRankSumDistribution(doubledRanks: doubledRanks)
        let t = min(max(observedDoubledPositive, 0), distribution.count - 1)
        let lower = distribution[0...t].reduce(0, +)
        let upper = distribution[t...].reduce(0, +)
        return min(1, 2 * min(lower, upper))
    }
}
