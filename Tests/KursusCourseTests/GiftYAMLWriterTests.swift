import Testing
import Yams
@testable import KursusCourse

/// The keys of a mapping node in order.
private func keys(_ node: Node?) -> [String] {
    node?.mapping?.keys.compactMap(\.string) ?? []
}

private func composed(_ yaml: String) throws -> Node {
    try #require(try Yams.compose(yaml: yaml))
}

private let here = SourceLocation(file: "m.yaml")

@Suite("Quiz YAML writer (GIFT import)")
struct GiftYAMLWriterTests {
    @Test("a GIFT file converts to YAML that reads back with the same content")
    func fromGift() throws {
        let gift = """
            $CATEGORY: Video

            ::A::Pick one.{=Right#Yes ~Wrong ~%50%Half}

            ::B::The moon is a star.{FALSE#No, it is.#Right.####Moons reflect light.}

            ::C::Name it.{=true =%50%80#close}

            ::D::Pi?{#=3.14:0.01 =%50%3..4#roughly ~#no}

            ::E::Match.{=a -> 1 =b -> 2 = -> 3}

            ::F::Fruits?{~%50%Apple ~%50%Pear ~%-100%Carrot}

            ::G::Tell us.{}

            Just text.
            """
        let (quiz, diagnostics) = GiftParser.parse(gift, file: "c.gift")
        #expect(diagnostics.isEmpty)
        let yaml = QuizYAMLWriter.yaml(for: try #require(quiz))
        #expect(yaml.hasPrefix("# Converted from Moodle GIFT by `kursus import-gift`"))
        let root = try composed(yaml)
        #expect(keys(root) == ["format", "questions"])
        #expect(root["format"]?.string == "kursus-quiz/1")
        let questions = try #require(root["questions"]?.sequence)
        #expect(questions.map { $0["type"]?.string } == ["single", "true-false", "short", "numeric", "matching", "multiple", "text", "description"])
        #expect(questions.map { $0["id"]?.string } == ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"])

        let single = questions[0]
        #expect(keys(single) == ["id", "type", "text", "category", "options"])
        #expect(single["category"]?.string == "Video")
        let options = try #require(single["options"]?.sequence)
        #expect(keys(options[0]) == ["text", "correct", "feedback"])
        #expect(options[0]["correct"]?.bool == true)
        #expect(keys(options[1]) == ["text"])
        #expect(options[2]["weight"]?.int == 50)

        let trueFalse = questions[1]
        #expect(trueFalse["answer"]?.bool == false)
        #expect(trueFalse["true-feedback"]?.string == "No, it is.")
        #expect(trueFalse["false-feedback"]?.string == "Right.")
        #expect(trueFalse["feedback"]?.string == "Moons reflect light.")

        let short = try #require(questions[2]["answers"]?.sequence)
        #expect(short[0].scalar?.string == "true")
        #expect(short[0].bool == nil, "the answer 'true' must stay a string")
        #expect(short[1]["text"]?.string == "80")
        #expect(short[1]["text"]?.int == nil, "the answer '80' must stay a string")
        #expect(short[1]["weight"]?.int == 50)
        #expect(short[1]["feedback"]?.string == "close")

        let numeric = questions[3]
        #expect(numeric["incorrect-feedback"]?.string == "no")
        let numbers = try #require(numeric["answers"]?.sequence)
        #expect(keys(numbers[0]) == ["value", "tolerance"])
        #expect(numbers[0]["value"]?.float == 3.14)
        #expect(numbers[0]["tolerance"]?.float == 0.01)
        #expect(keys(numbers[1]) == ["min", "max", "weight", "feedback"])
        #expect(numbers[1]["min"]?.int == 3)
        #expect(numbers[1]["max"]?.int == 4)

        let matching = questions[4]
        let pairs = try #require(matching["pairs"]?.sequence)
        #expect(pairs.map { keys($0) } == [["prompt", "match"], ["prompt", "match"]])
        #expect(pairs.map { $0["match"]?.string } == ["1", "2"])
        #expect(matching["distractors"]?.sequence?.map(\.string) == ["3"])

        let multiple = try #require(questions[5]["options"]?.sequence)
        #expect(multiple.map { $0["weight"]?.int } == [50, 50, -100])
        #expect(multiple.allSatisfy { $0["correct"] == nil })

        #expect(keys(questions[6]) == ["id", "type", "text", "category"])
        #expect(questions[7]["text"]?.string == "Just text.")
    }

    @Test("quiz settings away from their defaults are written; strings YAML would misread are quoted")
    func settingsAndQuoting() throws {
        let tricky = ["true", "80", "null", "~", "- item", "key: value", "#hash", "line one\nline two", "  padded", "Æbleø"]
        let quiz = Quiz(
            title: "yes", intro: "Read *this*.", passMark: 70, attempts: .limited(3), counting: .last,
            feedbackTiming: .atEnd, shuffleQuestions: true, shuffleOptions: true, pool: QuestionPool(draw: 2),
            questions: [
                Question(id: "order", text: "Order them.", weight: 2.5, kind: .ordering(tricky), location: here),
                Question(id: "scale", text: "How sure?", kind: .likert(scale: ["Low", "High"]), location: here),
                Question(
                    id: "case", text: "Code?", feedbackCorrect: "Good", feedbackPartial: "Some",
                    kind: .shortAnswer(ShortAnswerRules(accepting: ["ABC"], caseSensitive: true)), location: here),
                Question(
                    id: "ids", text: "Pick.",
                    kind: .singleChoice([
                        QuizOption(id: "x", text: "A", weightPercent: 100), QuizOption(id: "2", text: "B", weightPercent: 0),
                    ]), location: here),
                Question(id: "small", text: "Tiny?", kind: .numeric([NumericAnswer(target: .value(0.00001, tolerance: 0))]), location: here),
            ],
            location: here
        )
        let yaml = QuizYAMLWriter.yaml(for: quiz)
        let root = try composed(yaml)
        #expect(
            keys(root) == [
                "format", "title", "intro", "pass-mark", "attempts", "counting", "feedback", "shuffle-questions", "shuffle-options", "draw",
                "questions",
            ])
        #expect(root["title"]?.string == "yes")
        #expect(root["title"]?.bool == nil)
        #expect(root["pass-mark"]?.int == 70)
        #expect(root["attempts"]?.int == 3)
        #expect(root["counting"]?.string == "last")
        #expect(root["feedback"]?.string == "at-end")
        #expect(root["shuffle-questions"]?.bool == true)
        #expect(root["draw"]?.int == 2)
        let questions = try #require(root["questions"]?.sequence)
        #expect(questions[0]["weight"]?.float == 2.5)
        #expect(questions[0]["items"]?.sequence?.map(\.string) == tricky)
        #expect(questions[0]["items"]?.sequence?[2].null == nil, "'null' must stay a string")
        #expect(questions[1]["type"]?.string == "likert")
        #expect(questions[1]["scale"]?.sequence?.map(\.string) == ["Low", "High"])
        #expect(keys(questions[2]) == ["id", "type", "text", "correct-feedback", "partial-feedback", "answers", "case-sensitive"])
        #expect(questions[2]["case-sensitive"]?.bool == true)
        let options = try #require(questions[3]["options"]?.sequence)
        #expect(keys(options[0]) == ["text", "correct", "id"])
        #expect(options[0]["id"]?.string == "x")
        #expect(keys(options[1]) == ["text"])
        #expect(questions[4]["answers"]?.sequence?.first?["value"]?.float == 0.00001)
    }

    @Test("a quiz at every default writes only format and questions")
    func defaultsOmitted() throws {
        let quiz = Quiz(
            questions: [Question(id: "q1", text: "Ok?", kind: .trueFalse(correct: true, feedbackTrue: nil, feedbackFalse: nil), location: here)],
            location: here)
        let yaml = QuizYAMLWriter.yaml(for: quiz)
        let root = try composed(yaml)
        #expect(keys(root) == ["format", "questions"])
        #expect(keys(root["questions"]?.sequence?.first) == ["id", "type", "text", "answer"])
        #expect(yaml.split(separator: "\n").first?.hasPrefix("#") == true)
    }

    @Test("numbers are written so YAML reads them as numbers")
    func numberText() {
        #expect(QuizYAMLWriter.numberText(50) == "50")
        #expect(QuizYAMLWriter.numberText(-100) == "-100")
        #expect(QuizYAMLWriter.numberText(33.5) == "33.5")
        #expect(QuizYAMLWriter.numberText(0.00001) == "0.00001")
    }
}
