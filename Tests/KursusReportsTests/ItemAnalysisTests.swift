// Item analysis against Moodle's definitions, worked out by hand.
import Testing

@testable import KursusReports

private func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}

@Suite("Item analysis")
struct ItemAnalysisTests {
    // Attempts A…D on two items worth 1 and 2 marks:
    //   A 1 2, B 1 1, C 0 1, D 0 0
    // Item 1: x = 1 1 0 0 (x̄ ½), rest = item 2 = 2 1 1 0 (mean 1)
    //   V(x) = 1/3, V(rest) = 2/3, C = (½·1 + ½·0 − ½·0 − ½·(−1))/3 = 1/3
    //   D = 100·(1/3)/√(2/9) = 100/√2; sorted pairing gives the same C → DE 100.
    // Item 2: x = 2 1 1 0 (x̄ 1, facility 50 %), SD √(2/3) of a range of 2.
    static let marks: [[Double]] = [[1, 2], [1, 1], [0, 1], [0, 0]]

    @Test("facility, SD, discrimination index and efficiency by hand")
    func handWorked() throws {
        let stats = try #require(ItemAnalysis.quiz(marks: Self.marks, maximumMarks: [1, 2]))
        #expect(stats.count == 2)
        #expect(stats[0].attempts == 4)
        #expect(close(stats[0].facility, 50))
        #expect(close(stats[0].standardDeviation, 100 * (1.0 / 3.0).squareRoot()))
        #expect(close(stats[0].discriminationIndex, 100 / 2.0.squareRoot()))
        #expect(close(stats[0].discriminativeEfficiency, 100))
        #expect(close(stats[1].facility, 50))
        #expect(close(stats[1].standardDeviation, 100 * (2.0 / 3.0).squareRoot() / 2))
        #expect(close(stats[1].discriminationIndex, 100 / 2.0.squareRoot()))
        #expect(ItemAnalysis.flags(for: stats[0]).isEmpty)
    }

    @Test("discriminative efficiency below 100 when the pairing is not the sorted one")
    func efficiencyBelowMaximum() throws {
        // x = 1 0 1 0, rest = 3 2 1 0 (means ½ and 3/2): C = (1.5·½ + 0.5·(−½)·... )
        // Σ(x−x̄)(r−r̄) = ½·1.5 − ½·0.5 + ½·(−0.5) − ½·(−1.5) = 1
        // sorted: x 0 0 1 1 with r 0 1 2 3: −½·(−1.5) − ½·(−0.5) + ½·0.5 + ½·1.5 = 2 → DE 50.
        let stats = try #require(ItemAnalysis.item(itemMarks: [1, 0, 1, 0], totalMarks: [4, 2, 2, 0], maximumMark: 1))
        #expect(close(stats.discriminativeEfficiency, 50))
        // r = (1/3)/√((1/3)·(5/3)) = 1/√5
        #expect(close(stats.discriminationIndex, 100 / 5.0.squareRoot()))
    }

    @Test("an item stronger learners get wrong has negative discrimination")
    func negative() throws {
        let stats = try #require(ItemAnalysis.item(itemMarks: [1, 1, 0, 0], totalMarks: [1, 1, 1, 1], maximumMark: 1))
        #expect(close(stats.discriminationIndex, -100))
        #expect(ItemAnalysis.flags(for: stats) == [.negativeDiscrimination])
    }

    @Test("a question nobody answered (all marks 0): too hard, no discrimination")
    func nobodyAnswered() throws {
        let stats = try #require(ItemAnalysis.item(itemMarks: [0, 0, 0], totalMarks: [3, 1, 2], maximumMark: 1))
        #expect(stats.facility == 0)
        #expect(stats.standardDeviation == 0)
        #expect(stats.discriminationIndex == nil)
        #expect(stats.discriminativeEfficiency == nil)
        #expect(ItemAnalysis.flags(for: stats) == [.tooHard])
    }

    @Test("everyone right: too easy, no discrimination")
    func everyoneRight() throws {
        let stats = try #require(ItemAnalysis.item(itemMarks: [1, 1, 1], totalMarks: [3, 1, 2], maximumMark: 1))
        #expect(stats.facility == 100)
        #expect(stats.discriminationIndex == nil)
        #expect(ItemAnalysis.flags(for: stats) == [.tooEasy])
    }

    @Test("no attempts and one attempt")
    func smallSamples() throws {
        let none = try #require(ItemAnalysis.item(itemMarks: [], totalMarks: [], maximumMark: 1))
        #expect(none.attempts == 0)
        #expect(none.facility == nil)
        #expect(ItemAnalysis.flags(for: none).isEmpty)
        let one = try #require(ItemAnalysis.item(itemMarks: [0.5], totalMarks: [2], maximumMark: 1))
        #expect(one.facility == 50)
        #expect(one.standardDeviation == nil)
        #expect(one.discriminationIndex == nil)
    }

    @Test("negative minimum mark: facility is measured over the whole range")
    func negativeMarking() throws {
        let stats = try #require(
            ItemAnalysis.item(itemMarks: [1, -1, 1, 1], totalMarks: [2, 0, 3, 1], maximumMark: 1, minimumMark: -1))
        // x̄ = ½ → (½ + 1)/2 = 75 %
        #expect(close(stats.facility, 75))
    }

    @Test("mismatched input gives no result")
    func invalid() {
        #expect(ItemAnalysis.item(itemMarks: [1], totalMarks: [], maximumMark: 1) == nil)
        #expect(ItemAnalysis.item(itemMarks: [1], totalMarks: [1], maximumMark: 0) == nil)
        #expect(ItemAnalysis.quiz(marks: [[1, 0], [1]], maximumMarks: [1, 1]) == nil)
    }

    @Test("distractors: one never picked, one picked more than the key")
    func options() {
        let flags = ItemAnalysis.optionFlags(OptionCounts(counts: [10, 0, 12, 3], correct: [0]))
        #expect(flags == [.distractorNeverPicked(option: 1), .distractorPickedMoreThanCorrect(option: 2)])
        #expect(ItemAnalysis.optionFlags(OptionCounts(counts: [0, 0, 0], correct: [1])).isEmpty)
        // With two keys, a distractor is flagged only when it beats both.
        let two = ItemAnalysis.optionFlags(OptionCounts(counts: [5, 9, 7], correct: [0, 1]))
        #expect(two.isEmpty)
    }
}
