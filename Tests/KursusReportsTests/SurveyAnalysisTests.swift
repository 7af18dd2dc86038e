// Each survey's answers: Likert distributions, free text, anonymous submissions and
// their stricter minimum, checked against values worked out by hand.
import Foundation
import KursusCourse
import Testing

@testable import KursusReports

@Suite("Survey answers")
struct SurveyAnalysisTests {
    typealias A = AnalysisPackage

    /// Seven learners finished `foer` (`tryg` 2 3 1 4 2 3 3); o1 only opened it.
    static let learners: [LearnerRecord] = [
        A.learner("a1", attempts: ["foer": [1: A.attempt(["tryg": "5"]), 2: A.attempt(["tryg": "2", "fire": "4", "tanker": "  Godt kursus \n"])]]),
        A.learner("a2", attempts: ["foer": [1: A.attempt(["tryg": "3", "fire": "9", "tanker": ""])]]),
        A.learner("a3", attempts: ["foer": [1: A.attempt(["tryg": "1", "tanker": " \n "])]]),
        A.learner("b1", attempts: ["foer": [1: A.attempt(["tryg": "4", "tanker": "Alt for langt"])]]),
        A.learner("b2", attempts: ["foer": [1: A.attempt(["tryg": "2", "tanker": "Bedre lyd,\ntak"])]]),
        A.learner("b3", attempts: ["foer": [1: A.attempt(["tryg": "3"])]]),
        A.learner("n2", attempts: ["foer": [4: A.attempt(["tryg": "3"])]]),
        A.learner("o1", attempts: ["foer": [1: A.attempt(["tryg": "1"], finished: false)]]),
        // A survey and a question an earlier version of the course had: never shown.
        A.learner("v1", attempts: ["gammel": [1: A.attempt(["tryg": "1"])], "efter": [1: A.attempt(["fjernet": "Tekst"])]]),
    ]

    static func section(_ unit: String, _ sections: [SurveySection]) throws -> SurveySection {
        try #require(sections.first { $0.unitID == unit })
    }

    @Test("a Likert item: counts per point, median, the diverging split in percent, labels from the file")
    func likertItem() throws {
        let sections = SurveyAnalysis.surveys(
            package: try A.load(), learners: Self.learners, anonymous: [], teamFiltered: false, policy: CellPolicy(minimum: 5))
        #expect(sections.map(\.unitID) == ["foer", "efter", "eval", "eval-igen"])
        // v1 submitted `efter`, with only an answer to a question the file no longer has.
        let efter = try Self.section("efter", sections)
        #expect(efter.respondents == .belowMinimum(5) && efter.likert.allSatisfy { $0.answers == .value(0) })
        let foer = try Self.section("foer", sections)
        // a1's latest finished attempt (2) counts, o1's unfinished one does not.
        #expect(foer.respondents == .value(7) && !foer.anonymous && !foer.notFilteredByTeam)
        let tryg = try #require(foer.likert.first)
        #expect(tryg.questionID == "tryg" && tryg.text == "Jeg er tryg ved video.")
        #expect(tryg.labels == ["Helt uenig", "Uenig", "Neutral", "Enig", "Helt enig"])
        // Points 2 3 1 4 2 3 3 → 1: one, 2: two, 3: three, 4: one, 5: none.
        #expect(tryg.answers == .value(7) && tryg.counts == [1, 2, 3, 1, 0])
        // Sorted 1 2 2 3 3 3 4: the median is the 4th, 3.
        #expect(tryg.median == .value(3))
        // Below the middle (1, 2): 3 of 7; at 3: 3 of 7; above: 1 of 7.
        #expect(abs((tryg.negative ?? .nan) - 300.0 / 7.0) < 1e-9)
        #expect(abs((tryg.neutral ?? .nan) - 300.0 / 7.0) < 1e-9)
        #expect(abs((tryg.positive ?? .nan) - 100.0 / 7.0) < 1e-9)
    }

    @Test("an item nobody answered, and one answered by fewer than the minimum")
    func emptyAndSmallItems() throws {
        let foer = try Self.section(
            "foer",
            SurveyAnalysis.surveys(package: try A.load(), learners: Self.learners, anonymous: [], teamFiltered: false, policy: CellPolicy(minimum: 5))
        )
        let nobody = try #require(foer.likert.first { $0.questionID == "kun-foer" })
        #expect(nobody.answers == .value(0) && nobody.counts == nil && nobody.median == nil && nobody.negative == nil)
        // `fire`: a1's 4 counts, a2's 9 is off the 4-point scale: one answer, hidden.
        let one = try #require(foer.likert.first { $0.questionID == "fire" })
        #expect(one.answers == .belowMinimum(5) && one.counts == nil && one.median == .belowMinimum(5) && one.positive == nil)
    }

    @Test("free text: trimmed, empty answers left out, sorted, every answer in full")
    func freeText() throws {
        let foer = try Self.section(
            "foer",
            SurveyAnalysis.surveys(package: try A.load(), learners: Self.learners, anonymous: [], teamFiltered: false, policy: CellPolicy(minimum: 5))
        )
        let tanker = try #require(foer.freeText.first)
        #expect(tanker.questionID == "tanker" && tanker.text == "Tanker?")
        // Seven respondents, three wrote something: the list shows them, so the count is shown.
        #expect(tanker.answerCount == .value(3))
        #expect(tanker.answers == ["Alt for langt", "Bedre lyd,\ntak", "Godt kursus"])
    }

    @Test("every answer the same")
    func allTheSame() throws {
        let learners = (1...5).map { A.learner("s\($0)", attempts: ["efter": [1: A.attempt(["tryg": "5"])]]) }
        let efter = try Self.section(
            "efter",
            SurveyAnalysis.surveys(package: try A.load(), learners: learners, anonymous: [], teamFiltered: false, policy: CellPolicy(minimum: 5)))
        let tryg = try #require(efter.likert.first { $0.questionID == "tryg" })
        #expect(tryg.counts == [0, 0, 0, 0, 5] && tryg.median == .value(5))
        #expect(tryg.negative == 0 && tryg.neutral == 0 && tryg.positive == 100)
    }

    static func submission(_ unit: String, _ answers: [String: String], submitted: Bool = true) -> AnonymousSubmission {
        AnonymousSubmission(unitID: unit, week: A.moment, answers: answers.mapValues(A.answer), submitted: submitted)
    }

    @Test("anonymous: submitted submissions only, never below 5 even when the report's minimum is lower")
    func anonymousBelowFive() throws {
        let four = (1...4).map { Self.submission("eval", ["relevans": "\($0)", "kommentar": "Svar \($0)"]) }
        let others = [Self.submission("eval", ["relevans": "5"], submitted: false), Self.submission("foer", ["tryg": "5"])]
        // Records of learners under the anonymous unit (a data directory's progress) are not used.
        let learners = [A.learner("l1", attempts: ["eval": [1: A.attempt(["relevans": "1"])]])]
        let sections = SurveyAnalysis.surveys(
            package: try A.load(), learners: learners, anonymous: four + others, teamFiltered: true, policy: CellPolicy(minimum: 2))
        let eval = try Self.section("eval", sections)
        #expect(eval.anonymous && eval.notFilteredByTeam)
        #expect(eval.respondents == .belowMinimum(5))
        let relevans = try #require(eval.likert.first)
        #expect(relevans.answers == .belowMinimum(5) && relevans.counts == nil && relevans.median == .belowMinimum(5))
        let kommentar = try #require(eval.freeText.first)
        #expect(kommentar.answerCount == .belowMinimum(5) && kommentar.answers == nil)
        // The same minimum of 2 shows l1's own survey: not anonymous, not filtered apart.
        #expect(try Self.section("foer", sections).notFilteredByTeam == false)
    }

    @Test("anonymous: five submissions are shown, one per submission")
    func anonymousShown() throws {
        let five = (1...5).map { Self.submission("eval", ["relevans": "\(min($0, 4))", "kommentar": $0 == 3 ? "" : "Svar \(6 - $0)"]) }
        let eval = try Self.section(
            "eval", SurveyAnalysis.surveys(package: try A.load(), learners: [], anonymous: five, teamFiltered: false, policy: CellPolicy(minimum: 1)))
        #expect(eval.respondents == .value(5) && !eval.notFilteredByTeam)
        // Points 1 2 3 4 4: median 3; below the middle 2 of 5 = 40 %, at it 20 %, above 40 %.
        let relevans = try #require(eval.likert.first)
        #expect(relevans.counts == [1, 1, 1, 2, 0] && relevans.median == .value(3))
        #expect(relevans.negative == 40 && relevans.neutral == 20 && relevans.positive == 40)
        #expect(eval.freeText.first?.answers == ["Svar 1", "Svar 2", "Svar 4", "Svar 5"])
    }

    @Test("plain one-line texts from Markdown")
    func plainText() {
        #expect(PlainText.oneLine("  Jeg er **tryg**\n\tved `video`.\u{1B}[2J ") == "Jeg er tryg ved video. [2J")
        #expect(PlainText.firstLine(ofMarkdown: "\n\n## *Godt* klaret\nMere tekst") == "Godt klaret")
        #expect(PlainText.firstLine(ofMarkdown: "> - Punkt et\n") == "Punkt et")
        #expect(PlainText.firstLine(ofMarkdown: "12. Trin\n") == "Trin")
        #expect(PlainText.firstLine(ofMarkdown: " \n ") == "")
    }
}
