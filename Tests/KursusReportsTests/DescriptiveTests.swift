// Descriptive statistics against values worked out by hand.
import Testing

@testable import KursusReports

@Suite("Descriptive statistics")
struct DescriptiveTests {
    @Test("an empty sample has no statistics")
    func empty() {
        #expect(Descriptive.mean([]) == nil)
        #expect(Descriptive.median([]) == nil)
        #expect(Descriptive.quartiles([]) == nil)
        #expect(Descriptive.sampleStandardDeviation([]) == nil)
        #expect(Descriptive.summary([]) == nil)
    }

    @Test("one value: it is the mean and every quartile; no standard deviation")
    func single() {
        #expect(Descriptive.mean([7]) == 7)
        #expect(Descriptive.quartiles([7]) == Quartiles(lower: 7, median: 7, upper: 7))
        #expect(Descriptive.sampleStandardDeviation([7]) == nil)
        let summary = Descriptive.summary([7])
        #expect(summary?.count == 1)
        #expect(summary?.standardDeviation == nil)
    }

    @Test("1, 2, 3, 4: type 7 quartiles 1.75, 2.5, 3.25 and SD √(5/3)")
    func fourValues() throws {
        let values: [Double] = [4, 1, 3, 2]
        #expect(Descriptive.mean(values) == 2.5)
        #expect(Descriptive.quartiles(values) == Quartiles(lower: 1.75, median: 2.5, upper: 3.25))
        let sd = try #require(Descriptive.sampleStandardDeviation(values))
        #expect(abs(sd - (5.0 / 3.0).squareRoot()) < 1e-15)
    }

    @Test("odd count median is the middle value; interpolated quantile")
    func quantiles() {
        #expect(Descriptive.median([5, 1, 3]) == 3)
        // h = 4·0.1 = 0.4 → 10 + 0.4·(20 − 10)
        #expect(Descriptive.quantile([50, 10, 40, 20, 30], probability: 0.1) == 14)
        #expect(Descriptive.quantile([50, 10, 40, 20, 30], probability: 1) == 50)
        #expect(Descriptive.quantile([1, 2], probability: 1.5) == nil)
    }

    @Test("every value the same: SD 0, all quartiles equal")
    func constant() {
        #expect(Descriptive.sampleStandardDeviation([3, 3, 3]) == 0)
        #expect(Descriptive.quartiles([3, 3, 3]) == Quartiles(lower: 3, median: 3, upper: 3))
    }

    @Test("a NaN or infinity gives no result rather than a wrong one")
    func nonFinite() {
        #expect(Descriptive.mean([1, .nan]) == nil)
        #expect(Descriptive.median([1, .infinity]) == nil)
    }
}
