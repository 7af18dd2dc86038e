// Before and after: surveys linked with compare-with, paired per learner and item,
// checked against values worked out by hand.
import Foundation
import KursusCourse
import Testing

@testable import KursusReports

@Suite("Before and after (compare-with)")
struct BeforeAfterTests {
    typealias A = AnalysisPackage

    /// `tryg` before → after per learner (nil: not answered):
    ///   team A: a1 2→4 (+2), a2 3→4 (+1), a3 1→4 (+3)
    ///   team B: b1 4→4 (0), b2 2→5 (+3), b3 3→– (only before)
    ///   no team: n1 –→5 (only after), n2 3→2 (−1)
    /// a1 answered `efter` three times: 1 (finished, 1), 2 (finished, 4), 3 (unfinished, 5);
    /// the latest finished attempt, 2, counts.
    static let learners: [LearnerRecord] = [
        A.learner(
            "a1", team: "A",
            attempts: [
                "foer": [1: A.attempt(["tryg": "2"])],
                "efter": [1: A.attempt(["tryg": "1"]), 2: A.attempt(["tryg": "4"]), 3: A.attempt(["tryg": "5"], finished: false)],
            ]),
        A.learner("a2", team: "A", attempts: ["foer": [1: A.attempt(["tryg": "3"])], "efter": [1: A.attempt(["tryg": "4"])]]),
        A.learner("a3", team: "A", attempts: ["foer": [1: A.attempt(["tryg": "1"])], "efter": [1: A.attempt(["tryg": "4"])]]),
        A.learner("b2", team: "B", attempts: ["foer": [1: A.attempt(["tryg": "2"])], "efter": [1: A.attempt(["tryg": "5"])]]),
        A.learner("b1", team: "B", attempts: ["foer": [1: A.attempt(["tryg": "4"])], "efter": [1: A.attempt(["tryg": "4"])]]),
        A.learner("b3", team: "B", attempts: ["foer": [1: A.attempt(["tryg": "3"])]]),
        A.learner("n1", attempts: ["efter": [1: A.attempt(["tryg": "5"])]]),
        A.learner("n2", team: " ", attempts: ["foer": [1: A.attempt(["tryg": "3"])], "efter": [1: A.attempt(["tryg": "2"])]]),
    ]

    @Test("pairs by question id, Likert items of the same scale only; everyone first, then teams in order")
    func rowsAndPairing() throws {
        let sections = SurveyAnalysis.beforeAfter(package: try A.load(), learners: Self.learners, policy: CellPolicy(minimum: 5))
        #expect(sections.map(\.afterUnitID) == ["efter", "eval-igen"])
        let section = try #require(sections.first)
        #expect(section.beforeUnitID == "foer" && section.beforeTitle == "Før" && section.afterTitle == "Efter")
        #expect(!section.anonymous)
        // `ny` is not in `foer`, `fire` has 4 points before and 5 after, `tanker` is free text:
        // only `tryg` pairs. n2's blank team counts as no team, so the teams are A and B.
        #expect(section.items.map(\.questionID) == ["tryg", "tryg", "tryg"])
        #expect(section.items.map(\.team) == [nil, "A", "B"])
        #expect(section.items.first?.text == "Jeg er tryg ved video nu.")
    }

    @Test("everyone: 6 pairs, means, t interval, exact Wilcoxon with ties and a zero")
    func everyoneStatistics() throws {
        let sections = SurveyAnalysis.beforeAfter(package: try A.load(), learners: Self.learners, policy: CellPolicy(minimum: 5))
        let row = try #require(sections.first?.items.first)
        #expect(row.pairs == .value(6))
        // b3 only before, n1 only after: 1 each, below the minimum of 5.
        #expect(row.onlyBefore == .belowMinimum(5) && row.onlyAfter == .belowMinimum(5))
        let statistics = try #require(row.statistics)
        // before 2 3 1 4 2 3 = 15 / 6; after 4 4 4 4 5 2 = 23 / 6; changes 2 1 3 0 3 −1 = 8 / 6.
        #expect(abs(statistics.meanBefore - 2.5) < 1e-12)
        #expect(abs(statistics.meanAfter - 23.0 / 6.0) < 1e-12)
        #expect(abs(statistics.meanChange - 4.0 / 3.0) < 1e-12)
        // Deviations from 4/3: 2/3 −1/3 5/3 −4/3 5/3 −7/3, squares sum 120/9, s² = 120/45 = 8/3,
        // s/√6 = √(8/18) = 2/3; t(0.975, 5) = 2.5705818366; half width = 2t/3.
        let half = 2 * 2.5705818366147395 / 3
        #expect(abs((statistics.changeLower ?? .nan) - (4.0 / 3.0 - half)) < 1e-6)
        #expect(abs((statistics.changeUpper ?? .nan) - (4.0 / 3.0 + half)) < 1e-6)
        // Wilcoxon: the zero (b1) is dropped; |d| 2 1 3 3 1 → ranks 3, 1.5, 4.5, 4.5, 1.5;
        // W+ = 1.5 + 3 + 4.5 + 4.5 = 13.5. Doubled ranks 3 3 6 9 9 (sum 30), 2W+ = 27: the sign
        // patterns with 2W+ ≥ 27 have a minus set summing to ≤ 3: none, or one of the 3s → 3/32.
        // p = 2 · 3/32 = 0.1875, exact (5 differences ≤ 25).
        #expect(statistics.wilcoxonMethod == "exact")
        #expect(abs((statistics.wilcoxonP ?? .nan) - 0.1875) < 1e-12)
        // z = (13.5 − 7.5 − 0.5) / √(5·6·11/24 − (6 + 6)/48) = 5.5 / √13.5; r = z / √5.
        #expect(abs((statistics.effectSize ?? .nan) - 5.5 / 13.5.squareRoot() / 5.0.squareRoot()) < 1e-12)
    }

    @Test("teams below the minimum: counts shown as < 5, no statistics")
    func teamsSuppressed() throws {
        let rows = try #require(
            SurveyAnalysis.beforeAfter(package: try A.load(), learners: Self.learners, policy: CellPolicy(minimum: 5)).first?.items)
        let teamA = rows[1]
        #expect(teamA.pairs == .belowMinimum(5) && teamA.onlyBefore == .value(0) && teamA.onlyAfter == .value(0))
        #expect(teamA.statistics == nil)
        let teamB = rows[2]
        #expect(teamB.pairs == .belowMinimum(5) && teamB.onlyBefore == .belowMinimum(5) && teamB.statistics == nil)
    }

    @Test("with a minimum of 1 the teams' statistics: three pairs, and one change beside a zero")
    func teamsShown() throws {
        let rows = try #require(
            SurveyAnalysis.beforeAfter(package: try A.load(), learners: Self.learners, policy: CellPolicy(minimum: 1)).first?.items)
        // Team A: changes 2 1 3, mean 2, s = 1, half width t(0.975, 2)/√3 = 4.3026527297/√3.
        let a = try #require(rows[1].statistics)
        #expect(rows[1].pairs == .value(3))
        #expect(abs(a.meanChange - 2) < 1e-12)
        #expect(abs((a.changeUpper ?? .nan) - (2 + 4.302652729749464 / 3.0.squareRoot())) < 1e-6)
        // All three up, ranks 1 2 3: W+ = 6, the largest of 8 patterns, p = 2/8.
        #expect(abs((a.wilcoxonP ?? .nan) - 0.25) < 1e-12)
        // Team B: b1 0, b2 +3 (b3 only before): one non-zero difference, p = 2·min(1, ½) = 1.
        let b = try #require(rows[2].statistics)
        #expect(rows[2].pairs == .value(2) && rows[2].onlyBefore == .value(1))
        #expect(abs(b.meanChange - 1.5) < 1e-12)
        #expect(b.wilcoxonP == 1 && b.wilcoxonMethod == "exact")
    }

    @Test("an anonymous survey on either side is never paired, even if records name learners")
    func anonymousNeverPaired() throws {
        let learners = (1...6).map { n in
            A.learner("l\(n)", attempts: ["eval": [1: A.attempt(["relevans": "2"])], "eval-igen": [1: A.attempt(["relevans": "5"])]])
        }
        let sections = SurveyAnalysis.beforeAfter(package: try A.load(), learners: learners, policy: CellPolicy(minimum: 1))
        let section = try #require(sections.last)
        #expect(section.beforeUnitID == "eval" && section.afterUnitID == "eval-igen")
        #expect(section.anonymous && section.items.isEmpty)
    }

    @Test("n = 0 and n = 1, every change zero, every change the same")
    func edges() throws {
        let policy = CellPolicy(minimum: 1)
        // n = 0: nobody answered both sides.
        let none = BeforeAfterAnalysis.row(questionID: "q", text: "Q", team: nil, observations: [(1, nil), (nil, 2)], policy: policy)
        #expect(none.pairs == .value(0) && none.onlyBefore == .value(1) && none.onlyAfter == .value(1) && none.statistics == nil)
        // n = 1: a mean change, no interval (no spread), Wilcoxon of one difference p = 1.
        let one = try #require(BeforeAfterAnalysis.row(questionID: "q", text: "Q", team: nil, observations: [(2, 4)], policy: policy).statistics)
        #expect(one.meanChange == 2 && one.changeLower == nil && one.changeUpper == nil && one.wilcoxonP == 1)
        // Every change zero: no interval, no test, no effect size.
        let zero = try #require(
            BeforeAfterAnalysis.row(questionID: "q", text: "Q", team: nil, observations: [(3, 3), (4, 4), (1, 1)], policy: policy).statistics)
        #expect(zero.meanChange == 0 && zero.changeLower == nil && zero.wilcoxonP == nil && zero.wilcoxonMethod == nil && zero.effectSize == nil)
        // Every change +1 (all |d| tied): no spread, so no interval; the exact conditional
        // distribution puts each of the 2⁴ sign patterns at 1/16, all-plus is the extreme: p = 2/16.
        let same = try #require(
            BeforeAfterAnalysis.row(questionID: "q", text: "Q", team: nil, observations: [(1, 2), (2, 3), (3, 4), (4, 5)], policy: policy)
                .statistics)
        #expect(same.meanChange == 1 && same.changeLower == nil)
        #expect(abs((same.wilcoxonP ?? .nan) - 0.125) < 1e-12 && same.wilcoxonMethod == "exact")
    }

    @Test("numeric questions pair; other kinds, other scales and answers off the scale do not count")
    func numericAndOffScale() throws {
        let place = KursusCourse.SourceLocation(file: "q.yaml")
        let before = Quiz(
            questions: [
                Question(id: "timer", text: "Timer?", kind: .numeric([]), location: place),
                Question(id: "skala", text: "Skala", kind: .likert(scale: ["a", "b", "c"]), location: place),
                Question(id: "blandet", text: "Blandet", kind: .freeText, location: place),
            ], location: place)
        var after = before
        after.questions[2] = Question(id: "blandet", text: "Blandet", kind: .likert(scale: ["a", "b"]), location: place)
        #expect(BeforeAfterAnalysis.pairedQuestions(earlier: before, later: after).map(\.after.id) == ["timer", "skala"])
        let learners = [
            A.learner("x", attempts: ["f": [1: A.attempt(["timer": "1.5", "skala": "3"])], "e": [1: A.attempt(["timer": "4", "skala": "4"])]]),
            A.learner("y", attempts: ["f": [1: A.attempt(["timer": "2", "skala": "0"])], "e": [1: A.attempt(["timer": "nan", "skala": "2"])]]),
        ]
        let rows = BeforeAfterAnalysis.items(earlier: ("f", before), later: ("e", after), learners: learners, policy: CellPolicy(minimum: 1))
        // timer: x 1.5 → 4 pairs; y's "nan" is no number, so y answered only before.
        #expect(rows[0].pairs == .value(1) && rows[0].onlyBefore == .value(1) && rows[0].statistics?.meanChange == 2.5)
        // skala: x's 4 after and y's 0 before are off the 3-point scale: x counts only before, y only after.
        #expect(rows[1].pairs == .value(0) && rows[1].onlyBefore == .value(1) && rows[1].onlyAfter == .value(1))
    }
}
