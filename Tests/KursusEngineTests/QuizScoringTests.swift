import Foundation
import KursusCourse
@testable import KursusEngine
import Testing

@Suite("Quiz scoring per question kind")
struct QuizScoringTests {
    typealias F = QuizFixtures
    let here = QuizFixtures.here

    func question(_ kind: QuestionKind, weight: Double = 1) -> Question {
        Question(id: "q", text: "?", weight: weight, kind: kind, location: here)
    }

    @Test("single choice: the chosen option's weight; an unknown id scores 0")
    func single() {
        let q = question(.singleChoice([F.option("a", 100), F.option("b", 50), F.option("c", 0)]))
        #expect(QuizScoring.score(q, answer: .option("a")) == QuestionScore(fraction: 1, verdict: .correct))
        #expect(QuizScoring.score(q, answer: .option("b")) == QuestionScore(fraction: 0.5, verdict: .partiallyCorrect))
        #expect(QuizScoring.score(q, answer: .option("c")).verdict == .incorrect)
        #expect(QuizScoring.score(q, answer: .option("zzz")).verdict == .incorrect)
    }

    @Test("multiple response: weights add up, negative weights subtract, the score floors at 0 and caps at 100 %")
    func multiple() {
        let q = question(.multipleResponse([F.option("a", 50), F.option("b", 50), F.option("c", -100), F.option("d", -25)]))
        #expect(QuizScoring.score(q, answer: .options(["a", "b"])).fraction == 1)
        #expect(QuizScoring.score(q, answer: .options(["a"])).fraction == 0.5)
        #expect(QuizScoring.score(q, answer: .options(["a", "b", "d"])).fraction == 0.75)
        #expect(QuizScoring.score(q, answer: .options(["a", "c"])) == QuestionScore(fraction: 0, verdict: .incorrect))
        #expect(QuizScoring.score(q, answer: .options(["c", "d"])).fraction == 0, "never below zero")
        let over = question(.multipleResponse([F.option("a", 80), F.option("b", 80)]))
        #expect(QuizScoring.score(over, answer: .options(["a", "b"])).fraction == 1, "never above full credit")
        let thirds = question(.multipleResponse([F.option("a", 33.33), F.option("b", 33.33), F.option("c", 33.34)]))
        #expect(QuizScoring.score(thirds, answer: .options(["a", "b", "c"])).verdict == .correct)
    }

    @Test("true/false is all or nothing")
    func trueFalse() {
        let q = question(.trueFalse(correct: false, feedbackTrue: nil, feedbackFalse: nil))
        #expect(QuizScoring.score(q, answer: .bool(false)).verdict == .correct)
        #expect(QuizScoring.score(q, answer: .bool(true)).verdict == .incorrect)
    }

    @Test("short answer: case, whitespace and Unicode case folding (Æ/æ, Ø/ø, Å/å)")
    func shortAnswer() {
        let rules = ShortAnswerRules(accepting: ["æblegrød", "Øre-næse-hals", "blodtryk"])
        let q = question(.shortAnswer(rules))
        #expect(QuizScoring.score(q, answer: .text("ÆBLEGRØD")).verdict == .correct)
        #expect(QuizScoring.score(q, answer: .text("  øre-NÆSE-hals ")).verdict == .correct)
        #expect(QuizScoring.score(q, answer: .text("blod   tryk")).verdict == .incorrect)
        #expect(QuizScoring.score(q, answer: .text("blodtrykket")).verdict == .incorrect)
        let sensitive = question(.shortAnswer(ShortAnswerRules(accepting: ["KOL"], caseSensitive: true)))
        #expect(QuizScoring.score(sensitive, answer: .text("KOL")).verdict == .correct)
        #expect(QuizScoring.score(sensitive, answer: .text("kol")).verdict == .incorrect)
    }

    @Test("short answer wildcards: * matches any run, also none, anywhere in the pattern")
    func wildcards() {
        let q = question(.shortAnswer(ShortAnswerRules(accepting: ["video*", "*konsultation", "tele*medicin"])))
        for given in ["video", "videoopkald", "Videokonsultation", "konsultation", "telemedicin", "tele-og-medicin"] {
            #expect(QuizScoring.score(q, answer: .text(given)).verdict == .correct, "\(given)")
        }
        for given in ["vide", "telemedicinsk", "", "   "] {
            #expect(QuizScoring.score(q, answer: .text(given)).verdict == .incorrect, "\(given)")
        }
        let stars = question(.shortAnswer(ShortAnswerRules(accepting: [String(repeating: "*a", count: 200)])))
        #expect(QuizScoring.score(stars, answer: .text(String(repeating: "b", count: 2000))).verdict == .incorrect, "no blow-up on many stars")
    }

    @Test("short answer: the best matching answer's weight counts, with its feedback")
    func weightedShortAnswers() {
        let rules = ShortAnswerRules(answers: [
            AcceptedAnswer(text: "video*", weightPercent: 50, feedback: "Næsten"), AcceptedAnswer(text: "videokonsultation"),
        ])
        let q = question(.shortAnswer(rules))
        #expect(QuizScoring.score(q, answer: .text("videoopkald")).fraction == 0.5)
        #expect(QuizScoring.score(q, answer: .text("Videokonsultation")).fraction == 1)
        #expect(ShortAnswerMatcher.bestMatch("videoopkald", rules: rules)?.feedback == "Næsten")
    }

    @Test("numeric: tolerance and range bounds are inclusive; the best-weighted accepted answer counts; NaN never does")
    func numeric() {
        let q = question(
            .numeric([
                NumericAnswer(target: .value(37.5, tolerance: 0.5)),
                NumericAnswer(target: .range(30...40), weightPercent: 50),
            ]))
        #expect(QuizScoring.score(q, answer: .number(37)).fraction == 1)
        #expect(QuizScoring.score(q, answer: .number(38)).fraction == 1)
        #expect(QuizScoring.score(q, answer: .number(38.0001)).fraction == 0.5)
        #expect(QuizScoring.score(q, answer: .number(30)).fraction == 0.5)
        #expect(QuizScoring.score(q, answer: .number(40)).fraction == 0.5)
        #expect(QuizScoring.score(q, answer: .number(40.01)).verdict == .incorrect)
        #expect(QuizScoring.score(q, answer: .number(.nan)).verdict == .incorrect)
        #expect(QuizScoring.score(q, answer: .number(.infinity)).verdict == .incorrect)
        let negativeTolerance = question(.numeric([NumericAnswer(target: .value(5, tolerance: -1))]))
        #expect(QuizScoring.score(negativeTolerance, answer: .number(6)).verdict == .correct)
    }

    @Test("typed numbers: decimal comma or point, spaces, a minus sign; words are not numbers")
    func numberReading() {
        #expect(NumberReading.number("37,5") == 37.5)
        #expect(NumberReading.number(" 37.5 ") == 37.5)
        #expect(NumberReading.number("1 000") == 1000)
        #expect(NumberReading.number("−2") == -2)
        #expect(NumberReading.number("ti") == nil)
        #expect(NumberReading.number("") == nil)
        #expect(NumberReading.number("1e999") == nil)
        #expect(NumberReading.number("nan") == nil)
    }

    @Test("matching and ordering score the share right")
    func matchingAndOrdering() {
        let match = question(
            .matching(
                MatchingSpec(pairs: [
                    MatchPair(prompt: "A", match: "1"), MatchPair(prompt: "B", match: "2"), MatchPair(prompt: "C", match: "3"),
                    MatchPair(prompt: "D", match: "4"),
                ])))
        #expect(QuizScoring.score(match, answer: .pairs(["A": "1", "B": "2", "C": "4", "D": "3"])).fraction == 0.5)
        #expect(QuizScoring.score(match, answer: .pairs([:])).verdict == .incorrect)
        let order = question(.ordering(["a", "b", "c", "d"]))
        #expect(QuizScoring.score(order, answer: .order(["a", "b", "c", "d"])).verdict == .correct)
        #expect(QuizScoring.score(order, answer: .order(["a", "c", "b", "d"])).fraction == 0.5)
        #expect(QuizScoring.score(order, answer: .order(["a"])).fraction == 0.25)
    }

    @Test("an answer of the wrong kind scores 0; Likert, free text and descriptions are unscored")
    func mismatchAndUnscored() {
        #expect(
            QuizScoring.score(question(.trueFalse(correct: true, feedbackTrue: nil, feedbackFalse: nil)), answer: .text("true")).verdict == .incorrect
        )
        #expect(QuizScoring.score(question(.likert(scale: ["a", "b"])), answer: .likert(1)).verdict == .unscored)
        #expect(QuizScoring.score(question(.freeText), answer: .freeText("x")).verdict == .unscored)
    }

    @Test("the total weighs questions, leaves unscored ones out, and exactly the pass mark passes")
    func total() {
        let heavy = question(.trueFalse(correct: true, feedbackTrue: nil, feedbackFalse: nil), weight: 3)
        let light = question(.trueFalse(correct: true, feedbackTrue: nil, feedbackFalse: nil), weight: 1)
        let survey = question(.likert(scale: ["a", "b"]))
        let result = QuizScoring.total([(heavy, .graded(1)), (light, .graded(0)), (survey, .unscored)], passMark: 75)
        #expect(result.percent == 75)
        #expect(result.passed)
        #expect(!QuizScoring.total([(heavy, .graded(1)), (light, .graded(0))], passMark: 76).passed)
        #expect(QuizScoring.total([(survey, .unscored)], passMark: 80) == (100, true))
        #expect(QuizScoring.counting([40, 90, 60], rule: .best) == 90)
        #expect(QuizScoring.counting([40, 90, 60], rule: .last) == 60)
        #expect(QuizScoring.counting([], rule: .best) == nil)
    }
}

@Suite("Line editor")
struct LineEditorTests {
    @Test("edits by character: æ, ø, å and combined accents are one step; control characters are refused")
    func editing() {
        var editor = LineEditor("")
        for character in "bør\u{1B}e\u{0007}" { editor.apply(.insert(character)) }
        #expect(editor.text == "børe")
        editor.apply(.left)
        editor.apply(.deleteBackward)
        #expect(editor.text == "bøe")
        editor.apply(.insert("e\u{301}"))
        #expect(editor.text == "bøe\u{301}e")
        #expect(editor.cursor == 3)
        editor.apply(.home)
        editor.apply(.deleteBackward)
        editor.apply(.deleteForward)
        #expect(editor.text == "øe\u{301}e")
        editor.apply(.end)
        editor.apply(.right)
        #expect(editor.cursor == 3)
        editor.apply(.insert("\u{202E}"))
        #expect(editor.text == "øe\u{301}e", "no bidirectional overrides")
    }

    @Test("the length limit holds")
    func limit() {
        var editor = LineEditor(maximumLength: 3)
        for character in "abcdef" { editor.apply(.insert(character)) }
        #expect(editor.text == "abc")
    }
}

@Suite("Answers in the progress file")
struct AnswerCodingTests {
    @Test("every kind of answer survives JSON, with one readable key each")
    func roundTrip() throws {
        let answers: [Answer] = [
            .option("2"), .options(["1", "3"]), .bool(true), .text("video"), .number(37.5), .pairs(["A": "1"]), .order(["b", "a"]), .likert(3),
            .freeText("Godt"),
        ]
        for answer in answers {
            let data = try JSONEncoder().encode(answer)
            #expect(try JSONDecoder().decode(Answer.self, from: data) == answer)
        }
        let text = String(decoding: try JSONEncoder().encode(Answer.options(["3", "1"])), as: UTF8.self)
        #expect(text == #"{"choices":["1","3"]}"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Answer.self, from: Data(#"{"choice":"1","bool":true}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Answer.self, from: Data(#"{}"#.utf8)) }
    }
}
