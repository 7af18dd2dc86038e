import Foundation
import KursusCourse
import KursusEngine
import KursusRecords
import Testing

@testable import KursusReports

/// Item analysis of the fixture quiz (enkelt: single, weight 1; flere: multiple, weight 2,
/// x and y right, z wrong; sandt: true/false, false right; ingen: nobody answers), with
/// values computed by hand.
@Suite struct QuizItemAnalysisTests {
    typealias F = FactsFixture

    /// One attempt: answers to enkelt, flere, sandt (nil: not answered), then submitted.
    static func attempt(_ number: Int, _ single: String?, _ multiple: Set<String>?, _ truth: Bool?, score: Double, passed: Bool, minute: Double)
        -> [LearningEvent]
    {
        var events: [LearningEvent] = []
        if let single { events.append(F.answer(attempt: number, "enkelt", .option(single), minute: minute)) }
        if let multiple { events.append(F.answer(attempt: number, "flere", .options(multiple), minute: minute + 1)) }
        if let truth { events.append(F.answer(attempt: number, "sandt", .bool(truth), minute: minute + 2)) }
        events.append(F.finished(attempt: number, score: score, passed: passed, minute: minute + 3, seconds: 60))
        return events
    }

    static func section(_ learners: [String: [LearningEvent]], minimum: Int = 1) throws -> QuizItemsSection {
        var facts = StatementFacts(package: F.package())
        for (learner, events) in learners {
            for statement in F.statements(learner, events) { #expect(facts.add(statement) == .used) }
        }
        let records = facts.records.learners.values.sorted { $0.account < $1.account }
        let sections = QuizItemAnalysis.sections(package: F.package(), learners: records, policy: CellPolicy(minimum: minimum))
        #expect(sections.map(\.unitID) == ["quiz"])
        return try #require(sections.first)
    }

    /// L1 all right; L2 half of flere and sandt wrong (then passes a second attempt);
    /// L3 only sandt right; L4 nothing right.
    static let cohort: [String: [LearningEvent]] = [
        "l1": attempt(1, "a", ["x", "y"], false, score: 100, passed: true, minute: 0),
        "l2": attempt(1, "a", ["x"], true, score: 50, passed: false, minute: 0)
            + attempt(2, "a", ["x", "y"], false, score: 100, passed: true, minute: 10),
        "l3": attempt(1, "b", ["x", "z"], false, score: 25, passed: false, minute: 0),
        "l4": attempt(1, "c", ["z"], true, score: 0, passed: false, minute: 0),
    ]

    func option(_ id: String, _ text: String, _ correct: Bool, _ chosen: Int, _ share: Double) -> OptionRow {
        OptionRow(optionID: id, text: text, correct: correct, chosen: .value(chosen), share: .value(share))
    }

    @Test func theQuizFigures() throws {
        let quiz = try Self.section(Self.cohort)
        #expect(quiz.title == "Quiz: teknik")
        #expect(quiz.attempts == .value(4) && quiz.allAttempts == .value(5))
        #expect(quiz.meanScore == .value(43.75))  // (100 + 50 + 25 + 0) / 4
        #expect(quiz.firstAttemptPassRate == .value(25))
        #expect(quiz.passRate == .value(50))
        #expect(quiz.questions.map(\.questionID) == ["enkelt", "flere", "sandt", "ingen"])
        #expect(quiz.questions.map(\.kind) == ["single", "multiple", "true-false", "single"])
        #expect(quiz.questions[0].text == "Borgeren kan ikke se dig. Hvad gør du først?")
    }

    @Test func singleChoice() throws {
        let item = try Self.section(Self.cohort).questions[0]
        #expect(item.answered == .value(4))
        #expect(item.facility == .value(50))
        // Marks 1, 1, 0, 0; rest of the attempt (flere × 2 + sandt) 3, 1, 1, 0:
        // covariance sum 1.5, squares 1 and 4.75.
        let d = try #require(item.discrimination?.value)
        #expect(abs(d - 100 * 1.5 / 4.75.squareRoot()) < 1e-9)
        #expect(
            item.options == [
                option("a", "Spørger om kameraet", true, 2, 50), option("b", "Ringer op igen", false, 1, 25), option("c", "Lægger på", false, 1, 25),
            ])
        #expect(item.flags.isEmpty)
    }

    @Test func multipleResponseAndTrueFalse() throws {
        let quiz = try Self.section(Self.cohort)
        let multiple = quiz.questions[1]
        // Shares of credit 1, 0.5, 0 (x and z cancel out), 0.
        #expect(multiple.facility == .value(37.5))
        // Marks 2, 1, 0, 0 against rests 2, 1, 1, 0: covariance sum 2, squares 2.75 and 2.
        #expect(abs((multiple.discrimination?.value ?? 0) - 100 * 2 / (2.75 * 2).squareRoot()) < 1e-9)
        #expect(
            multiple.options == [
                option("x", "En tablet", true, 3, 75), option("y", "Internet", true, 1, 25), option("z", "En printer", false, 2, 50),
            ])
        #expect(multiple.flags.isEmpty)

        let truth = quiz.questions[2]
        #expect(truth.facility == .value(50))
        // Marks 1, 0, 1, 0 against rests 3, 2, 0, 0: covariance sum 0.5, squares 1 and 6.75.
        #expect(abs((truth.discrimination?.value ?? 0) - 100 * 0.5 / 6.75.squareRoot()) < 1e-9)
        #expect(truth.options == [option("true", "true", false, 2, 50), option("false", "false", true, 2, 50)])
    }

    @Test func aQuestionNobodyAnswered() throws {
        let item = try Self.section(Self.cohort).questions[3]
        #expect(item.answered == .value(0))
        #expect(item.facility == nil && item.discrimination == nil)
        #expect(item.options == [option("ja", "Ja", true, 0, 0), option("nej", "Nej", false, 0, 0)])
        #expect(item.flags.isEmpty)
    }

    @Test func everyoneAnsweringTheSame() throws {
        var learners: [String: [LearningEvent]] = [:]
        for index in 1...5 { learners["s\(index)"] = Self.attempt(1, "a", nil, nil, score: 25, passed: false, minute: 0) }
        let item = try Self.section(learners, minimum: 5).questions[0]
        #expect(item.answered == .value(5) && item.facility == .value(100))
        // No spread in the marks: no correlation to tell.
        #expect(item.discrimination == nil)
        #expect(item.flags == [.tooEasy, .unusedDistractor])
    }

    @Test func aDistractorBeatingTheKeyAndATooHardQuestion() throws {
        var learners: [String: [LearningEvent]] = [:]
        for index in 1...4 { learners["w\(index)"] = Self.attempt(1, "b", nil, nil, score: 0, passed: false, minute: 0) }
        learners["r"] = Self.attempt(1, "a", nil, nil, score: 25, passed: false, minute: 0)
        let item = try Self.section(learners, minimum: 5).questions[0]
        #expect(item.facility == .value(20))
        #expect(item.flags == [.unusedDistractor, .distractorBeatsKey])
        // One learner chose the key and four the distractor: both counts are under the minimum.
        #expect(item.options?.map(\.chosen) == [.belowMinimum(5), .belowMinimum(5), .value(0)])
        learners["w5"] = Self.attempt(1, "b", nil, nil, score: 0, passed: false, minute: 0)
        learners["w6"] = Self.attempt(1, "b", nil, nil, score: 0, passed: false, minute: 0)
        #expect(try Self.section(learners, minimum: 5).questions[0].flags == [.tooHard, .unusedDistractor, .distractorBeatsKey])
    }

    @Test func strongerLearnersDoingWorseIsNegativeDiscrimination() throws {
        let learners = [
            "strong": Self.attempt(1, "b", ["x", "y"], false, score: 75, passed: true, minute: 0),
            "weak": Self.attempt(1, "a", ["z"], true, score: 25, passed: false, minute: 0),
        ]
        let item = try Self.section(learners).questions[0]
        #expect(item.discrimination == .value(-100))
        // Nobody chose c either.
        #expect(item.flags == [.negativeDiscrimination, .unusedDistractor])
    }

    @Test func oneLearnerAndTheMinimum() throws {
        let learners = ["solo": Self.attempt(1, "a", ["x", "y"], false, score: 100, passed: true, minute: 0)]
        let shown = try Self.section(learners)
        #expect(shown.questions[0].facility == .value(100))
        #expect(shown.questions[0].discrimination == nil)
        let hidden = try Self.section(learners, minimum: 5)
        #expect(hidden.attempts == .belowMinimum(5) && hidden.meanScore == .belowMinimum(5))
        #expect(hidden.questions[0].answered == .belowMinimum(5))
        #expect(hidden.questions[0].facility == .belowMinimum(5) && hidden.questions[0].discrimination == .belowMinimum(5))
        #expect(hidden.questions[0].options?.map(\.share) == [.belowMinimum(5), .belowMinimum(5), .belowMinimum(5)])
        #expect(hidden.questions[0].flags.isEmpty)
    }

    @Test func noAttempts() throws {
        let quiz = try Self.section([:], minimum: 5)
        #expect(quiz.attempts == .value(0) && quiz.allAttempts == .value(0))
        #expect(quiz.meanScore == nil && quiz.firstAttemptPassRate == nil && quiz.passRate == nil)
        #expect(quiz.questions.allSatisfy { $0.answered == .value(0) && $0.facility == nil && $0.flags.isEmpty })
    }

    @Test func onlyTheFirstFinishedAttemptCounts() throws {
        // An unfinished first attempt is not the first finished one.
        let learners = [
            "late": [F.answer(attempt: 1, "enkelt", .option("b"), minute: 0)] + Self.attempt(2, "a", nil, nil, score: 25, passed: false, minute: 5)
        ]
        let quiz = try Self.section(learners)
        #expect(quiz.attempts == .value(1) && quiz.allAttempts == .value(1))
        #expect(quiz.questions[0].options?.map(\.chosen) == [.value(1), .value(0), .value(0)])
    }

    @Test func markdownBecomesOneLineOfPlainText() {
        #expect(PlainText.oneLine("# Se **her**\n\nog [linket](https://x.dk/a_(b)) `kode`\u{1B}[31m") == "Se her og linket kode [31m")
        #expect(PlainText.oneLine("") == "")
    }
}
