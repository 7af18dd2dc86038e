import Testing
@testable import KursusCourse

/// The checks of docs/quiz-format.md ("What kursus validate checks"), each seen firing
/// and not firing, on quizzes built in code as the GIFT converter builds them.
@Suite("Quiz checks")
struct QuizChecksTests {
    typealias Place = KursusCourse.SourceLocation
    typealias T = QuizFileTest

    static func at(_ line: Int, _ column: Int = 5) -> Place { Place(file: "q.yaml", line: line, column: column) }

    func option(_ text: String, _ weight: Double, line: Int) -> QuizOption {
        QuizOption(id: "\(line)", text: text, weightPercent: weight, location: Self.at(line, 9))
    }

    func question(_ id: String, _ kind: QuestionKind, line: Int = 3, weight: Double = 1) -> Question {
        Question(id: id, text: "Spørgsmål", weight: weight, kind: kind, location: Self.at(line))
    }

    func question(_ kind: QuestionKind, weight: Double = 1) -> Question {
        question("q1", kind, weight: weight)
    }

    func check(_ questions: [Question], pool: QuestionPool? = nil, compareWith: String? = nil, isSurvey: Bool = false, surveys: Set<String> = [])
        -> [String]
    {
        let quiz = Quiz(pool: pool, compareWith: compareWith, questions: questions, location: Self.at(1, 1))
        return QuizChecks.diagnostics(for: quiz, isSurvey: isSurvey, surveyUnitIDs: surveys).map(\.description)
    }

    var goodQuestions: [Question] {
        [
            question("a", .singleChoice([option("ja", 100, line: 4), option("nej", 0, line: 5)])),
            question("b", .multipleResponse([option("x", 50, line: 6), option("y", 50, line: 7), option("z", -50, line: 8)])),
            question(
                "c",
                .multipleResponse([
                    option("x", 100.0 / 3, line: 6), option("y", 100.0 / 3, line: 7), option("z", 100.0 / 3, line: 8), option("w", -100, line: 9),
                ])),
            question("d", .trueFalse(correct: true, feedbackTrue: nil, feedbackFalse: nil)),
            question("e", .shortAnswer(ShortAnswerRules(answers: [AcceptedAnswer(text: "video*"), AcceptedAnswer(text: "v", weightPercent: 50)]))),
            question("f", .numeric([NumericAnswer(target: .value(95, tolerance: 1)), NumericAnswer(target: .range(90...94), weightPercent: -100)])),
            question(
                "g", .matching(MatchingSpec(pairs: [MatchPair(prompt: "a", match: "1"), MatchPair(prompt: "b", match: "1")], distractors: [""]))),
            question("h", .ordering(["a", "b"])),
            question("i", .likert(scale: ["uenig", "enig"])),
            question("j", .freeText),
            question("k", .description, weight: 0),
        ]
    }

    @Test("a good quiz of every question type gives nothing")
    func good() {
        #expect(check(goodQuestions, pool: QuestionPool(draw: 11)) == [])
    }

    @Test("single and multiple need two options")
    func fewOptions() {
        #expect(
            check([question(.singleChoice([option("ja", 100, line: 4)]))]) == [
                "q.yaml:3:5: error: question 'q1': has only one option; a single question needs at least two"
            ])
        #expect(
            check([question(.multipleResponse([]))]) == [
                "q.yaml:3:5: error: question 'q1': has no options; a multiple question needs at least two",
                "q.yaml:3:5: error: question 'q1': no option is correct: mark the right ones 'correct: true' or give them positive weights",
            ])
    }

    @Test("a question with no correct answer")
    func noCorrectAnswer() {
        let questions = [
            question("s", .singleChoice([option("a", 0, line: 4), option("b", -50, line: 5)])),
            question("m", .multipleResponse([option("a", 0, line: 6), option("b", -50, line: 7)])),
            question("k", .shortAnswer(ShortAnswerRules(answers: [AcceptedAnswer(text: "x", weightPercent: 0)]))),
            question("t", .shortAnswer(ShortAnswerRules(answers: []))),
            question("n", .numeric([])),
            question("p", .matching(MatchingSpec(pairs: []))),
            question("o", .ordering([])),
        ]
        #expect(
            check(questions) == [
                "q.yaml:3:5: error: question 's': no option is correct: mark the right one 'correct: true'",
                "q.yaml:3:5: error: question 'm': no option is correct: mark the right ones 'correct: true' or give them positive weights",
                "q.yaml:3:5: error: question 'k': no answer gives credit: give at least one accepted answer with full credit",
                "q.yaml:3:5: error: question 't': no answer gives credit: give at least one accepted answer with full credit",
                "q.yaml:3:5: error: question 'n': no answer gives credit: give at least one accepted answer with full credit",
                "q.yaml:3:5: error: question 'p': has no pairs to match: give at least two",
                "q.yaml:3:5: error: question 'o': there is nothing to put in order: give at least two items",
            ])
    }

    @Test("weights that cannot reach 100 %")
    func cannotReachFull() {
        let questions = [
            question("m", .multipleResponse([option("a", 40, line: 4), option("b", 50, line: 5), option("c", -100, line: 6)])),
            question("s", .singleChoice([option("a", 80, line: 7), option("b", 0, line: 8)])),
            question("k", .shortAnswer(ShortAnswerRules(answers: [AcceptedAnswer(text: "x", weightPercent: 50)]))),
            question("n", .numeric([NumericAnswer(target: .value(1, tolerance: 0), weightPercent: 33.333)])),
        ]
        #expect(
            check(questions) == [
                "q.yaml:3:5: error: question 'm': the positive option weights add up to only 90 %, so a full score is impossible; make them add up to 100",
                "q.yaml:3:5: error: question 's': the best option weighs only 80 %, so a full score is impossible; one option must weigh 100 (or be 'correct: true')",
                "q.yaml:3:5: error: question 'k': the best answer gives only 50 %, so a full score is impossible; one answer must give 100",
                "q.yaml:3:5: error: question 'n': the best answer gives only 33.33 %, so a full score is impossible; one answer must give 100",
            ])
    }

    @Test("a weight above 100 % or below -100 %, at the option or answer")
    func weightOutOfRange() {
        let questions = [
            question("q3", .multipleResponse([option("a", 150, line: 4), option("b", -101, line: 5), option("c", .nan, line: 6)])),
            question("k", .shortAnswer(ShortAnswerRules(answers: [AcceptedAnswer(text: "x", weightPercent: 101, location: Self.at(8, 9))]))),
            question("n", .numeric([NumericAnswer(target: .value(1, tolerance: 0), weightPercent: -150)])),
            question("ok", .singleChoice([option("a", 100, line: 10), option("b", -100, line: 11)])),
        ]
        #expect(
            check(questions) == [
                "q.yaml:4:9: error: question 'q3': option 1: 'weight' must be between -100 and 100, not 150",
                "q.yaml:5:9: error: question 'q3': option 2: 'weight' must be between -100 and 100, not -101",
                "q.yaml:6:9: error: question 'q3': option 3: 'weight' must be between -100 and 100, not NaN",
                "q.yaml:8:9: error: question 'k': answer 1: 'weight' must be between -100 and 100, not 101",
                "q.yaml:3:5: error: question 'n': answer 1: 'weight' must be between -100 and 100, not -150",
            ])
    }

    @Test("duplicate option texts in one question")
    func duplicateOptionTexts() {
        let repeated = question("d", .singleChoice([option("Lyd", 100, line: 4), option("Billede", 0, line: 5), option(" Lyd ", 0, line: 6)]))
        #expect(check([repeated]) == ["q.yaml:6:9: error: question 'd': option 3 has the same text as option 1; each option must differ"])
        let differentCase = question("d", .singleChoice([option("Lyd", 100, line: 4), option("lyd", 0, line: 5)]))
        #expect(check([differentCase]) == [])
    }

    @Test("a pool of 0 or more than the questions")
    func pool() {
        let questions = Array(goodQuestions.prefix(3))
        #expect(
            check(questions, pool: QuestionPool(draw: 0)) == [
                "q.yaml:1:1: error: 'draw' must be at least 1: each attempt must ask at least one question"
            ])
        #expect(check(questions, pool: QuestionPool(draw: 4)) == ["q.yaml:1:1: error: 'draw' asks for 4 questions, but the quiz has only 3"])
        #expect(check(questions, pool: QuestionPool(draw: 3)) == [])
        #expect(check(questions, pool: QuestionPool(draw: 1)) == [])
    }

    @Test("a pass mark outside 0-100 (set past the model's clamp)")
    func passMark() {
        for (mark, fires) in [(150, true), (-1, true), (101, true), (0, false), (100, false), (80, false)] {
            var quiz = Quiz(questions: goodQuestions, location: Self.at(1, 1))
            quiz.passMark = mark
            let found = QuizChecks.diagnostics(for: quiz, isSurvey: false, surveyUnitIDs: []).map(\.description)
            #expect(found == (fires ? ["q.yaml:1:1: error: the pass mark must be between 0 and 100 (percent), not \(mark)"] : []), "\(mark)")
        }
    }

    @Test("duplicate question ids, at the later question")
    func duplicateIDs() {
        let questions = [
            question("a", .freeText, line: 3), question("b", .freeText, line: 5), question("a", .freeText, line: 7),
            question("a", .freeText, line: 9),
        ]
        #expect(
            check(questions) == [
                "q.yaml:7:5: error: question id 'a' is already used by question 1; each question needs its own id",
                "q.yaml:9:5: error: question id 'a' is already used by question 1; each question needs its own id",
            ])
    }

    @Test("a scored question in a survey; unscored ones are fine there and in a quiz")
    func scoredInSurvey() {
        let unscored = [question("l", .likert(scale: ["a", "b"])), question("t", .freeText), question("d", .description)]
        #expect(check(unscored, isSurvey: true) == [])
        #expect(check(unscored, isSurvey: false) == [])
        let scored = [question("tf", .trueFalse(correct: true, feedbackTrue: nil, feedbackFalse: nil), line: 8)]
        #expect(
            check(scored, isSurvey: true) == [
                "q.yaml:8:5: error: question 'tf': a survey may hold only unscored questions (likert, text, description), not a true-false question"
            ])
        #expect(check(scored, isSurvey: false) == [])
    }

    @Test("compare-with must name a survey unit, and is only for surveys")
    func compareWith() {
        let likert = [question(.likert(scale: ["a", "b"]))]
        #expect(check(likert, compareWith: "start", isSurvey: true, surveys: ["start", "slut"]) == [])
        #expect(
            check(likert, compareWith: "lektion-1", isSurvey: true, surveys: ["start"]) == [
                "q.yaml:1:1: error: 'compare-with' names 'lektion-1', which is not a survey unit of this course"
            ])
        #expect(
            check(likert, compareWith: "start", isSurvey: false, surveys: ["start"]) == [
                "q.yaml:1:1: warning: 'compare-with' is used only by surveys; this unit is a quiz, so it is ignored"
            ])
    }

    @Test("anonymous is for surveys only, reported where it is written")
    func anonymous() throws {
        let text = T.quiz("  - type: likert\n    text: Kurset var relevant.\n    scale: [Uenig, Enig]\n", settings: "anonymous: true\n")
        let quiz = try #require(T.parse(text).quiz)
        #expect(quiz.anonymous)
        #expect(T.parse(T.quiz("  - type: text\n    text: Andet?\n")).quiz?.anonymous == false)
        #expect(QuizChecks.diagnostics(for: quiz, isSurvey: true, surveyUnitIDs: []).isEmpty)
        #expect(
            QuizChecks.diagnostics(for: quiz, isSurvey: false, surveyUnitIDs: []).map(\.description) == [
                T.error(
                    "'anonymous' is only for surveys: a quiz's answers are scored and count for the learner, so they cannot be anonymous; remove it, or make the unit a survey",
                    at: "true", in: text
                )
            ])
        #expect(
            T.parse(T.quiz("  - type: text\n    text: Andet?\n", settings: "anonymous: ja\n")).diagnostics.map(\.description).first?.contains(
                "anonymous") == true)
        #expect(QuizYAMLWriter.yaml(for: quiz).contains("\nanonymous: true\n"))
    }

    @Test("warnings: repeated matching prompts, empty option, answer and pair texts")
    func warnings() {
        let pairs = [
            MatchPair(prompt: "Ingen lyd", match: "Mikrofon", location: Self.at(5, 9)),
            MatchPair(prompt: " ", match: "Kamera", location: Self.at(6, 9)),
            MatchPair(prompt: "Ingen lyd", match: "", location: Self.at(7, 9)),
        ]
        let questions = [
            question("m", .matching(MatchingSpec(pairs: pairs))),
            question("s", .singleChoice([option("", 0, line: 9), option("ja", 100, line: 10)])),
            question(
                "k", .shortAnswer(ShortAnswerRules(answers: [AcceptedAnswer(text: "ja"), AcceptedAnswer(text: "\n", location: Self.at(12, 9))]))),
        ]
        let found = check(questions)
        #expect(
            found == [
                "q.yaml:6:9: warning: question 'm': pair 2 has no prompt",
                "q.yaml:7:9: warning: question 'm': pair 3 has the same prompt as pair 1, so the learner cannot tell them apart",
                "q.yaml:7:9: warning: question 'm': pair 3 has no match",
                "q.yaml:9:9: warning: question 's': option 1 has no text",
                "q.yaml:12:9: warning: question 'k': answer 2 has no text",
            ])
    }

    @Test("a negative or infinite question weight")
    func questionWeight() {
        #expect(check([question(.freeText, weight: -1)]) == ["q.yaml:3:5: error: question 'q1': 'weight' must be 0 or more, not -1"])
        #expect(check([question(.freeText, weight: .infinity)]) == ["q.yaml:3:5: error: question 'q1': 'weight' must be 0 or more, not infinity"])
        #expect(check([question(.freeText, weight: 0)]) == [])
    }

    @Test("checks run on a parsed file point at the option in the file")
    func onParsedFile() throws {
        let text = QuizFileTest.quiz(
            """
              - type: single
                text: Hvad?
                options:
                  - text: Lyd
                    weight: 60
                  - text: Lyd
            """)
        let quiz = try #require(QuizFileTest.parse(text).quiz)
        #expect(
            QuizChecks.diagnostics(for: quiz, isSurvey: false, surveyUnitIDs: []).map(\.description) == [
                "q.yaml:8:9: error: question 'q1': option 2 has the same text as option 1; each option must differ",
                "q.yaml:3:5: error: question 'q1': the best option weighs only 60 %, so a full score is impossible; one option must weigh 100 (or be 'correct: true')",
            ])
    }
}
