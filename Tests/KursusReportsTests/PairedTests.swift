// Paired before/after summaries and the Wilcoxon signed-rank test, by hand.
import Testing

@testable import KursusReports

@Suite("Paired before/after")
struct PairedTests {
    @Test("means, change and the t interval for 1→2, 2→4, 3→5")
    func threePairs() throws {
        let result = try #require(Paired.compare([(1, 2), (2, 4), (3, 5), (nil, 4), (2, nil)]))
        #expect(result.pairs == 3)
        #expect(result.meanBefore == 2)
        #expect(abs(result.meanAfter - 11.0 / 3.0) < 1e-15)
        #expect(abs(result.meanChange - 5.0 / 3.0) < 1e-15)
        // changes 1 2 2: s = √(1/3); t(0.975, 2) = 0.95/√0.04875; half width = t·s/√3 = t/3
        let half = 0.95 / 0.04875.squareRoot() / 3
        let interval = try #require(result.meanChangeInterval)
        #expect(abs(interval.lower - (5.0 / 3.0 - half)) < 1e-9)
        #expect(abs(interval.upper - (5.0 / 3.0 + half)) < 1e-9)
    }

    @Test("no pairs, one pair, identical changes")
    func edges() throws {
        #expect(Paired.compare([]) == nil)
        #expect(Paired.compare([(1, nil)]) == nil)
        let one = try #require(Paired.compare([(1, 3)]))
        #expect(one.meanChange == 2)
        #expect(one.meanChangeInterval == nil)
        let same = try #require(Paired.compare([(1, 2), (3, 4)]))
        #expect(same.meanChangeInterval == ConfidenceInterval(lower: 1, upper: 1, level: 0.95))
    }
}

@Suite("Wilcoxon signed-rank")
struct WilcoxonTests {
    static func pairs(_ differences: [Double]) -> [(before: Double?, after: Double?)] {
        differences.map { (10, 10 + $0) }
    }

    @Test("no ties: d = 1 −2 3 4 5, W+ = 13, exact p = 2·3/32")
    func noTies() throws {
        let result = try #require(WilcoxonSignedRank.test(Self.pairs([1, -2, 3, 4, 5])))
        #expect(result.rankSumPositive == 13)
        #expect(result.rankSumNegative == 2)
        #expect(result.statistic == 2)
        #expect(result.pValueMethod == .exact)
        #expect(abs(result.pValue - 6.0 / 32.0) < 1e-15)
        #expect(!result.hasTies)
    }

    @Test("ties and zeros: d = 0 1 1 −1 2 → zero dropped, doubled ranks 4 4 4 8, p = 2·4/16")
    func tiesAndZero() throws {
        let result = try #require(WilcoxonSignedRank.test(Self.pairs([0, 1, 1, -1, 2])))
        #expect(result.zeroDifferences == 1)
        #expect(result.rankedDifferences == 4)
        #expect(result.rankSumPositive == 8)
        #expect(result.rankSumNegative == 2)
        #expect(result.hasTies)
        #expect(abs(result.pValue - 0.5) < 1e-15)
    }

    @Test("all differences tied (+1 five times)")
    func allTied() throws {
        let exact = try #require(WilcoxonSignedRank.test(Self.pairs([1, 1, 1, 1, 1])))
        #expect(exact.rankSumPositive == 15)
        #expect(abs(exact.pValue - 2.0 / 32.0) < 1e-15)
        // Var = 5·6·11/24 − (125 − 5)/48 = 11.25; z = (15 − 7.5 − 0.5)/√11.25
        let z = 7 / 11.25.squareRoot()
        #expect(abs(exact.z - z) < 1e-12)
        #expect(abs(exact.effectSize - z / 5.0.squareRoot()) < 1e-12)
        let normal = try #require(WilcoxonSignedRank.test(Self.pairs([1, 1, 1, 1, 1]), method: .normalApproximation()))
        #expect(normal.pValueMethod == .normalApproximation(continuityCorrection: true))
        #expect(abs(normal.pValue - 2 * Distributions.normalSurvival(z)) < 1e-15)
    }

    @Test("all pairs unchanged: p = 1, z = 0, r = 0")
    func allZeros() throws {
        let result = try #require(WilcoxonSignedRank.test(Self.pairs([0, 0, 0])))
        #expect(result.rankedDifferences == 0)
        #expect(result.zeroDifferences == 3)
        #expect(result.pValue == 1)
        #expect(result.z == 0)
        #expect(result.effectSize == 0)
    }

    @Test("one non-zero difference: p = 1; no pairs: no result")
    func tiny() throws {
        let one = try #require(WilcoxonSignedRank.test(Self.pairs([3])))
        #expect(one.pValue == 1)
        #expect(WilcoxonSignedRank.test([]) == nil)
        #expect(WilcoxonSignedRank.test([(nil, 1)]) == nil)
    }

    @Test("decreases give a negative z and effect size")
    func direction() throws {
        let result = try #require(WilcoxonSignedRank.test(Self.pairs([-1, -2, -3, -4, 5])))
        #expect(result.z < 0)
        #expect(result.effectSize < 0)
    }

    @Test("automatic switches to the normal approximation above the exact limit")
    func automatic() throws {
        let differences = (1...30).map { Double($0) }
        let result = try #require(WilcoxonSignedRank.test(Self.pairs(differences)))
        #expect(result.pValueMethod == .normalApproximation(continuityCorrection: true))
        let exact = try #require(WilcoxonSignedRank.test(Self.pairs(differences), method: .exact))
        // All 30 increases: exact p = 2/2³⁰.
        #expect(abs(exact.pValue - 2 / 1_073_741_824.0) < 1e-20)
    }
}
