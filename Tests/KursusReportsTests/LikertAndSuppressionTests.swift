// Likert summaries and small-cell suppression.
import Testing

@testable import KursusReports

@Suite("Likert summary")
struct LikertTests {
    @Test("counts, median and diverging shares on a 5-point scale")
    func fivePoint() throws {
        let summary = try #require(Likert.summarize([1, 2, 2, 3, 5, 5, 5, 9], scale: 1...5))
        #expect(summary.counts == [1, 2, 1, 0, 3])
        #expect(summary.answers == 7)
        #expect(summary.outOfScale == 1)
        #expect(summary.median == 3)
        #expect(summary.diverging == DivergingSplit(negative: 3.0 / 7.0, neutral: 1.0 / 7.0, positive: 3.0 / 7.0))
    }

    @Test("a 4-point scale has no neutral point; the median can be a half point")
    func fourPoint() throws {
        let summary = try #require(Likert.summarize([1, 4, 4, 2], scale: 1...4))
        #expect(summary.diverging == DivergingSplit(negative: 0.5, neutral: 0, positive: 0.5))
        #expect(summary.median == 3)
        let half = try #require(Likert.summarize([2, 3], scale: 1...4))
        #expect(half.median == 2.5)
    }

    @Test("nobody answered; everyone gave the same answer")
    func edges() throws {
        let none = try #require(Likert.summarize([], scale: 1...5))
        #expect(none.counts == [0, 0, 0, 0, 0])
        #expect(none.answers == 0)
        #expect(none.median == nil)
        #expect(none.diverging == nil)
        let same = try #require(Likert.summarize([4, 4, 4], scale: 1...5))
        #expect(same.median == 4)
        #expect(same.diverging == DivergingSplit(negative: 0, neutral: 0, positive: 1))
        #expect(Likert.summarize([1], scale: 1...1) == nil)
    }
}

@Suite("Small-cell suppression")
struct SuppressionTests {
    @Test("a group under the minimum is reported as < 5")
    func suppressed() {
        #expect(SmallCells.count(4) == .suppressed(minimum: 5))
        #expect(SmallCells.count(4).text { "\($0)" } == "< 5")
        #expect(SmallCells.count(5).text { "\($0)" } == "5")
        #expect(SmallCells.count(2, minimum: 3).text { "\($0)" } == "< 3")
        #expect(SmallCells.count(0, minimum: 0).value == 0)
    }

    @Test("a suppressed value is never computed")
    func lazy() {
        var computed = false
        let result = SmallCells.suppress(groupSize: 3) { () -> Double in
            computed = true
            return 1.5
        }
        #expect(result.isSuppressed)
        #expect(result.value == nil)
        #expect(!computed)
        #expect(SmallCells.suppress(groupSize: 6) { 1.5 }.value == 1.5)
    }
}
