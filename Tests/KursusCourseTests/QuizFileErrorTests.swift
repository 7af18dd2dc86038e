import Testing
@testable import KursusCourse

/// Each mistake a trainer can make in a quiz file, reported at the exact line and column
/// with a message that says what to fix. A file with an error gives no quiz.
@Suite("Quiz files: errors and their places")
struct QuizFileErrorTests {
    typealias T = QuizFileTest

    /// Parses `text` and expects exactly `expected` (descriptions, in order) and no quiz.
    func expectProblems(_ text: String, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (quiz, diagnostics) = T.parse(text)
        #expect(diagnostics.map(\.description) == expected, sourceLocation: sourceLocation)
        #expect(quiz == nil, sourceLocation: sourceLocation)
    }

    @Test("YAML syntax errors, a file that is not a mapping, a missing or wrong format")
    func fileLevel() {
        expectProblems("format: kursus-quiz/1\nquestions: [\n", ["q.yaml:3:1: error: YAML syntax error: did not find expected node content"])
        expectProblems("- a\n- b\n", ["q.yaml:1:1: error: the quiz file must be a mapping of 'key: value' lines"])
        expectProblems("", ["q.yaml:1:1: error: the quiz file must be a mapping of 'key: value' lines"])
        let noFormat = "title: x\nquestions:\n  - {type: text, text: x}\n"
        expectProblems(noFormat, ["q.yaml:1:1: error: missing required key 'format'"])
        let courseFormat = "format: kursus/1\nquestions:\n  - {type: text, text: x}\n"
        expectProblems(
            courseFormat,
            [
                T.error(
                    "unsupported format 'kursus/1' ('kursus/1' is the format of course.yaml); quiz files are 'kursus-quiz/1'", at: "kursus/1",
                    in: courseFormat)
            ])
    }

    @Test("unknown keys name the closest known key")
    func unknownKeys() {
        let text = """
            format: kursus-quiz/1
            titel: Quiz
            pass-mrak: 50
            questions:
              - type: single
                txet: Hvad?
                options:
                  - {text: a, corect: true}
                  - {text: b}
              - type: single
                text: x
                answer: true
                options: []
            """
        expectProblems(
            text,
            [
                T.error("unknown key 'titel'; did you mean 'title'?", at: "titel", in: text),
                T.error("unknown key 'pass-mrak'; did you mean 'pass-mark'?", at: "pass-mrak", in: text),
                T.error("question 'q1': missing required key 'text'", at: "type: single", in: text),
                T.error("question 'q1': unknown key 'txet'; did you mean 'text'?", at: "txet", in: text),
                T.error("question 'q1': option 1: unknown key 'corect'; did you mean 'correct'?", at: "corect", in: text),
                T.error(
                    "question 'q2': unknown key 'answer'; known keys are 'type', 'id', 'text', 'category', 'weight', 'feedback', 'correct-feedback', 'partial-feedback', 'incorrect-feedback', 'options'",
                    at: "answer: true", in: text),
            ])
    }

    @Test("settings out of range or of the wrong kind")
    func settings() {
        let text = """
            format: kursus-quiz/1
            pass-mark: 150
            attempts: 0
            counting: bst
            feedback: [after-each]
            shuffle-questions: ja tak
            draw: 0
            compare-with: Start Survey
            title: [a]
            questions:
              - {type: text, text: x}
            """
        expectProblems(
            text,
            [
                T.error("'pass-mark' must be between 0 and 100, not 150", at: "150", in: text),
                T.error("'attempts' must be a whole number of at least 1, or 'unlimited', not '0'", at: "attempts: 0", in: text, skip: 10),
                T.error("'counting' must be one of 'best' or 'last', not 'bst'; did you mean 'best'?", at: "bst", in: text),
                T.error("'feedback' must be one of 'after-each' or 'at-end'", at: "[after-each]", in: text),
                T.error("'shuffle-questions' must be true or false", at: "ja tak", in: text),
                T.error("'draw' must be between 1 and 10000, not 0", at: "draw: 0", in: text, skip: 6),
                T.error(
                    "'compare-with' must be a unit id; 'Start Survey' must start with a lowercase letter a-z or a digit", at: "Start Survey", in: text
                ),
                T.error("'title' must be a text value, not a list", at: "[a]", in: text),
            ])
        let more = "format: kursus-quiz/1\npass-mark: 80.5\nattempts: unlimted\nquestions:\n  - {type: text, text: x}\n"
        expectProblems(
            more,
            [
                T.error("'pass-mark' must be a whole number", at: "80.5", in: more),
                T.error(
                    "'attempts' must be a whole number of at least 1, or 'unlimited', not 'unlimted'; did you mean 'unlimited'?", at: "unlimted",
                    in: more),
            ])
    }

    @Test("questions missing, empty, not a list; a question that is not a mapping")
    func questionsList() {
        expectProblems("format: kursus-quiz/1\n", ["q.yaml:1:1: error: missing required key 'questions'"])
        expectProblems(
            "format: kursus-quiz/1\nquestions: []\n",
            ["q.yaml:2:12: error: 'questions' must be a list with at least one question ('- type: ...' entries)"])
        expectProblems(
            "format: kursus-quiz/1\nquestions: nej\n",
            ["q.yaml:2:12: error: 'questions' must be a list with at least one question ('- type: ...' entries)"])
        expectProblems(T.quiz("  - Hvad?\n"), ["q.yaml:3:5: error: question 1 must be a mapping of 'key: value' lines"])
    }

    @Test("question type, id, text and weight")
    func questionBasics() {
        let text = T.quiz(
            """
              - type: singel
                text: x
              - text: y
              - type: text
                id: spørgsmål 3
                text: "   "
              - type: text
                text: z
                weight: 1
              - type: true-false
                text: w
                answer: true
                weight: -2
              - type: true-false
                id: vægt
                text: v
                answer: true
                weight: meget
            """)
        expectProblems(
            text,
            [
                T.error("question 'q1': unknown question type 'singel'; did you mean 'single'?", at: "singel", in: text),
                T.error("question 'q2': missing required key 'type'", at: "text: y", in: text),
                T.error("question 3: id 'spørgsmål 3' may only contain letters a-z and A-Z, digits, '-' and '_'", at: "spørgsmål 3", in: text),
                T.error("question 3: 'text' must not be empty", at: "\"   \"", in: text),
                T.error(
                    "question 'q4': unknown key 'weight'; known keys are 'type', 'id', 'text', 'category', 'feedback', 'max-length'", at: "weight: 1",
                    in: text),
                T.error("question 'q5': 'weight' must be 0 or more, not -2", at: "-2", in: text),
                T.error("question 6: id 'vægt' may only contain letters a-z and A-Z, digits, '-' and '_'", at: "vægt", in: text),
                T.error("question 6: 'weight' must be a number, not 'meget'", at: "meget", in: text),
            ])
    }

    @Test("option mistakes: weight out of range, correct and weight together, wrong types, duplicate ids")
    func options() {
        let text = T.quiz(
            """
              - type: single
                id: q3
                text: Hvad?
                options:
                  - text: a
                    correct: true
                  - text: b
                    weight: 150
                  - text: c
                    correct: true
                    weight: 20
                  - Bare tekst
                  - text: d
                    correct: ja tak
                  - text: e
                    id: "1"
                  - weight: 10
            """)
        expectProblems(
            text,
            [
                T.error("question 'q3': option 2: 'weight' must be between -100 and 100 (percent), not 150", at: "150", in: text),
                T.error("question 'q3': option 3: give either 'correct: true' or 'weight', not both", at: "20", in: text),
                T.error("question 'q3': option 4 must be a mapping of 'key: value' lines", at: "Bare tekst", in: text),
                T.error("question 'q3': option 5: 'correct' must be true or false", at: "ja tak", in: text),
                T.error("question 'q3': option 6: id '1' is already used by option 1", at: "\"1\"", in: text),
                T.error("question 'q3': option 7: missing required key 'text'", at: "weight: 10", in: text),
            ])
    }

    @Test("multiple response may not mix weights and 'correct: true'")
    func multipleMixed() {
        let text = T.quiz(
            """
              - type: multiple
                text: Hvad?
                options:
                  - {text: a, weight: 50}
                  - {text: b, correct: true}
                  - {text: c, correct: false}
            """)
        expectProblems(
            text,
            [
                T.error(
                    "question 'q1': option 2: this question gives its options weights, so give this option a 'weight' instead of 'correct: true'",
                    at: "true", in: text)
            ])
    }

    @Test("true-false needs answer true or false")
    func trueFalse() {
        let text = T.quiz("  - type: true-false\n    text: x\n  - type: true-false\n    text: y\n    answer: \"false\"\n")
        expectProblems(
            text,
            [
                T.error("question 'q1': missing required key 'answer' (true or false)", at: "type: true-false", in: text),
                T.error("question 'q2': 'answer' must be true or false", at: "\"false\"", in: text),
            ])
    }

    @Test("short answers: none, an unknown key, a list as an answer")
    func shortAnswers() {
        let text = T.quiz(
            """
              - type: short
                text: x
                answers: []
              - type: short
                text: y
                answers:
                  - text: ja
                    vægt: 50
                  - [nej]
                  - text: måske
                    weight: -101
            """)
        expectProblems(
            text,
            [
                T.error("question 'q1': 'answers' must have at least 1 answers, not 0", at: "[]", in: text),
                T.error("question 'q2': answer 1: unknown key 'vægt'; known keys are 'text', 'weight', 'feedback'", at: "vægt", in: text),
                T.error("question 'q2': answer 2 must be a mapping of 'key: value' lines", at: "[nej]", in: text),
                T.error("question 'q2': answer 3: 'weight' must be between -100 and 100 (percent), not -101", at: "-101", in: text),
            ])
    }

    @Test("numeric answers: NaN, value with a range, min above max, half a range, negative tolerance, no target, text")
    func numericAnswers() {
        let text = T.quiz(
            """
              - type: numeric
                text: x
                answers:
                  - value: .nan
                  - {value: 3, min: 1, max: 4}
                  - {min: 5, max: 4}
                  - {min: 5}
                  - {value: 3, tolerance: -1}
                  - {weight: 50}
                  - tre
                  - {min: 1, max: 2, tolerance: 1}
                  - .inf
            """)
        expectProblems(
            text,
            [
                T.error("question 'q1': answer 1: 'value' must be a finite number, not '.nan'", at: ".nan", in: text),
                T.error("question 'q1': answer 2: give either 'value' (with 'tolerance') or 'min' and 'max', not both", at: "1, max: 4", in: text),
                T.error("question 'q1': answer 3: 'min' (5) must not be larger than 'max' (4)", at: "5, max: 4", in: text),
                T.error("question 'q1': answer 4: a range needs both 'min' and 'max'", at: "{min: 5}", in: text),
                T.error("question 'q1': answer 5: 'tolerance' must be 0 or more, not -1", at: "-1}", in: text),
                T.error(
                    "question 'q1': answer 6: give the right number as 'value' (with an optional 'tolerance') or as a range with 'min' and 'max'",
                    at: "{weight: 50}", in: text),
                T.error(
                    "question 'q1': answer 7: must be a finite number or a mapping with 'value' or 'min' and 'max', not 'tre'", at: "tre", in: text),
                T.error(
                    "question 'q1': answer 8: 'tolerance' goes with 'value'; a range given by 'min' and 'max' needs none", at: "1}", in: text,
                    occurrence: 2),
                T.error(
                    "question 'q1': answer 9: must be a finite number or a mapping with 'value' or 'min' and 'max', not '.inf'", at: ".inf", in: text),
            ])
    }

    @Test("matching, ordering, likert and text limits")
    func listKinds() {
        let text = T.quiz(
            """
              - type: matching
                text: a
                pairs:
                  - {prompt: Ingen lyd, match: Mikrofon}
              - type: matching
                text: b
                pairs:
                  - {prompt: Ingen lyd}
                  - {prompt: Sort, match: Kamera, hint: x}
                distractors: [[x]]
              - type: ordering
                text: c
                items: [kun en]
              - type: likert
                text: d
                scale: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
              - type: text
                text: e
                max-length: 0
              - type: likert
                text: f
            """)
        expectProblems(
            text,
            [
                T.error("question 'q1': 'pairs' must have at least 2 pairs, not 1", at: "- {prompt: Ingen", in: text, skip: 0),
                T.error("question 'q2': pair 1: missing required key 'match'", at: "{prompt: Ingen lyd}", in: text),
                T.error("question 'q2': pair 2: unknown key 'hint'; known keys are 'prompt', 'match'", at: "hint", in: text),
                T.error("question 'q2': item 1 of 'distractors' must be a text value, not a list", at: "[x]", in: text),
                T.error("question 'q3': 'items' must have at least 2 items, not 1", at: "[kun en]", in: text),
                T.error("question 'q4': 'scale' may have at most 11 items, not 12", at: "[1, 2", in: text),
                T.error("question 'q5': 'max-length' must be between 1 and 65536, not 0", at: "max-length: 0", in: text, skip: 12),
                T.error("question 'q6': missing required key 'scale'", at: "type: likert", in: text, occurrence: 2),
            ])
    }
}
