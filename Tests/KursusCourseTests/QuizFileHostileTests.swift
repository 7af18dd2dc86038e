import Testing
@testable import KursusCourse

/// Files written to hurt: each gives errors with a place, never a crash, and never costs
/// unbounded time or memory.
@Suite("Quiz files: hostile and oversized input")
struct QuizFileHostileTests {
    typealias T = QuizFileTest

    func trueFalseQuestions(_ count: Int) -> String {
        var text = "format: kursus-quiz/1\nquestions:\n"
        text.reserveCapacity(count * 60)
        for index in 1...count { text += "  - {type: true-false, text: \"Spørgsmål \(index)\", answer: true}\n" }
        return text
    }

    @Test("10,000 questions are read")
    func tenThousand() throws {
        let (quiz, diagnostics) = T.parse(trueFalseQuestions(10_000))
        #expect(diagnostics.isEmpty)
        let questions = try #require(quiz).questions
        #expect(questions.count == 10_000)
        #expect(questions.last?.id == "q10000")
        #expect(questions.last?.text == "Spørgsmål 10000")
    }

    @Test("10,001 questions are refused")
    func tenThousandAndOne() {
        let (quiz, diagnostics) = T.parse(trueFalseQuestions(10_001))
        #expect(quiz == nil)
        #expect(
            diagnostics.map(\.description) == [
                "q.yaml:3:3: error: a quiz may have at most 10000 questions; this one has 10001. Split it into several quiz units"
            ])
    }

    @Test(
        "deeply nested YAML is an error, not a crash",
        arguments: [
            String(repeating: "[", count: 100_000),
            "format: kursus-quiz/1\nquestions:\n" + String(repeating: "- ", count: 5_000) + "x\n",
            "format: kursus-quiz/1\nquestions:\n  - type: likert\n    text: x\n    scale: " + String(repeating: "{a: ", count: 2_000) + "b"
                + String(repeating: "}", count: 2_000) + "\n",
        ])
    func deepNesting(text: String) {
        let (quiz, diagnostics) = T.parse(text)
        #expect(quiz == nil)
        #expect(diagnostics.map(\.message) == ["lists and mappings are nested too deeply here (more than 1000 levels)"])
    }

    @Test("nesting below libyaml's limit is read and rejected by shape")
    func nestingBelowLimit() {
        let text =
            "format: kursus-quiz/1\nquestions:\n  - type: likert\n    text: x\n    scale: " + String(repeating: "[", count: 900) + "b"
            + String(repeating: "]", count: 900) + "\n"
        let (quiz, diagnostics) = T.parse(text)
        #expect(quiz == nil)
        #expect(diagnostics.map(\.description) == ["q.yaml:5:12: error: question 'q1': 'scale' must have at least 2 items, not 1"])
    }

    @Test("a billion laughs is refused at its first alias, before anything is expanded")
    func billionLaughs() {
        var text = "format: kursus-quiz/1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let (quiz, diagnostics) = T.parse(text)
        #expect(quiz == nil)
        #expect(diagnostics.map(\.description) == ["q.yaml:3:10: error: \(YAMLAliasGuard.message)"])
    }

    @Test(
        "aliases are refused wherever they start a node; a '*' inside text is not an alias",
        arguments: [
            ("format: kursus-quiz/1\nx: &k [a]\n*k : 1\n", "q.yaml:3:1"),
            ("format: kursus-quiz/1\nscale: &s [a, b]\nother: [x, *s]\n", "q.yaml:3:12"),
            ("format: kursus-quiz/1\nquestions:\n  - *q\n", "q.yaml:3:5"),
            ("format: kursus-quiz/1\nquestions: {a: *q}\n", "q.yaml:2:16"),
        ])
    func aliases(text: String, place: String) {
        let (quiz, diagnostics) = T.parse(text)
        #expect(quiz == nil)
        #expect(diagnostics.map(\.description) == ["\(place): error: \(YAMLAliasGuard.message)"])
    }

    @Test("stars in text are not aliases: in plain text, quotes, block scalars and comments")
    func starsInText() {
        let text = T.quiz(
            """
              - type: text
                text: Tjek lyden, *vigtigt* og **fed**
                feedback: "*citeret*"
              - type: text
                text: |
                  *kursiv* i en blok
                  * et punkt
              - type: text  # *kommentar*
                text: '*enkelt*'
            """)
        #expect(T.parse(text).diagnostics.isEmpty)
    }

    @Test(
        "keys that are lists or mappings are reported, never a crash",
        arguments: [
            "format: kursus-quiz/1\n? [a, b]\n: 1\n",
            "format: kursus-quiz/1\nquestions:\n  - {type: text, {text: x}: y}\n",
        ])
    func complexKeys(text: String) {
        let (quiz, diagnostics) = T.parse(text)
        #expect(quiz == nil)
        #expect(diagnostics.hasErrors)
    }

    @Test("a text over 64 KiB is refused; exactly 64 KiB is fine")
    func hugeText() {
        let limit = String(repeating: "a", count: 65_536)
        #expect(T.parse(T.quiz("  - type: text\n    text: \(limit)\n")).diagnostics.isEmpty)
        let over = T.quiz("  - type: text\n    text: \(limit)æ\n    feedback: \(limit)b\n")
        let (quiz, diagnostics) = T.parse(over)
        #expect(quiz == nil)
        #expect(
            diagnostics.map(\.description) == [
                "q.yaml:4:11: error: question 'q1': 'text' is 65538 bytes long; the limit is 65536 bytes. Shorten it",
                "q.yaml:5:15: error: question 'q1': 'feedback' is 65537 bytes long; the limit is 65536 bytes. Shorten it",
            ])
    }

    @Test("NaN and infinity are refused wherever a number goes")
    func notFinite() {
        let text = T.quiz(
            """
              - type: single
                text: x
                weight: .nan
                options:
                  - {text: a, weight: .NaN}
                  - {text: b, weight: -.inf}
              - type: numeric
                text: y
                answers:
                  - {value: 1, tolerance: .Inf}
                  - {min: -.INF, max: 1e999}
            """, settings: "pass-mark: .inf\ndraw: .nan\n")
        let (quiz, diagnostics) = T.parse(text)
        #expect(quiz == nil)
        #expect(
            diagnostics.map(\.message) == [
                "'pass-mark' must be a whole number",
                "'draw' must be a whole number",
                "question 'q1': 'weight' must be a finite number, not '.nan'",
                "question 'q1': option 1: 'weight' must be a finite number, not '.NaN'",
                "question 'q1': option 2: 'weight' must be a finite number, not '-.inf'",
                "question 'q2': answer 1: 'tolerance' must be a finite number, not '.Inf'",
                "question 'q2': answer 2: 'min' must be a finite number, not '-.INF'",
                "question 'q2': answer 2: 'max' must be a finite number, not '1e999'",
            ])
    }

    /// A valid question of each type, one key per line, so that any key can be replaced.
    static let validQuestions: [String: [(String, String)]] = [
        "single": [
            ("text", "x"), ("weight", "1"), ("category", "c"), ("feedback", "f"), ("correct-feedback", "f"), ("partial-feedback", "f"),
            ("incorrect-feedback", "f"), ("options", "[{text: a, correct: true}, {text: b}]"), ("id", "a"),
        ],
        "multiple": [("text", "x"), ("options", "[{text: a, correct: true}, {text: b}]")],
        "true-false": [("text", "x"), ("answer", "true"), ("true-feedback", "t"), ("false-feedback", "f")],
        "short": [("text", "x"), ("answers", "[a]"), ("case-sensitive", "true")],
        "numeric": [("text", "x"), ("answers", "[{value: 1, tolerance: 1, weight: 100, feedback: f}, {min: 1, max: 2}]")],
        "matching": [("text", "x"), ("pairs", "[{prompt: a, match: b}, {prompt: c, match: d}]"), ("distractors", "[e]")],
        "ordering": [("text", "x"), ("items", "[a, b]")],
        "likert": [("text", "x"), ("scale", "[a, b]"), ("feedback", "f")],
        "text": [("text", "x"), ("max-length", "10")],
        "description": [("text", "x"), ("category", "c")],
    ]

    static let listKeys: Set<String> = ["options", "answers", "pairs", "distractors", "items", "scale"]

    @Test("every key given a value of the wrong kind is an error at that value")
    func wrongTypesEverywhere() throws {
        for (type, keys) in Self.validQuestions.sorted(by: { $0.key < $1.key }) {
            func file(_ lines: [(String, String)]) -> String {
                T.quiz("  - type: \(type)\n" + lines.map { "    \($0.0): \($0.1)\n" }.joined())
            }
            #expect(T.parse(file(keys)).diagnostics.isEmpty, "\(type): \(T.parse(file(keys)).diagnostics)")
            for (index, (key, _)) in keys.enumerated() {
                let wrongValues = Self.listKeys.contains(key) ? ["nej", "{a: 1}"] : ["[a, b]", "{a: 1}"]
                for wrong in wrongValues {
                    var lines = keys
                    lines[index].1 = wrong
                    let text = file(lines)
                    let (quiz, diagnostics) = T.parse(text)
                    let place = T.place(of: "\(key): \(wrong)", in: text, skip: key.count + 2)
                    #expect(quiz == nil, "\(type).\(key) = \(wrong)")
                    #expect(diagnostics.errors.map(\.location) == [place], "\(type).\(key) = \(wrong): \(diagnostics)")
                }
            }
        }
        let topLevel = [
            "title", "intro", "pass-mark", "attempts", "counting", "feedback", "shuffle-questions", "shuffle-options", "draw", "compare-with",
            "format",
        ]
        for key in topLevel {
            let text = T.quiz("  - {type: text, text: x}\n", settings: "\(key): {a: [1]}\n").replacingOccurrences(
                of: "format: kursus-quiz/1\nformat:", with: "format:")
            let (quiz, diagnostics) = T.parse(text)
            #expect(quiz == nil, "\(key)")
            #expect(diagnostics.errors.map(\.location) == [T.place(of: "{a: [1]}", in: text)], "\(key): \(diagnostics)")
        }
    }

    @Test("more than 50 options, and a mapping with too many keys, are refused")
    func caps() {
        let options = (1...51).map { "      - {text: o\($0)}\n" }.joined()
        let text = T.quiz("  - type: single\n    text: x\n    options:\n" + options)
        #expect(T.parse(text).diagnostics.map(\.description) == ["q.yaml:6:7: error: question 'q1': 'options' may have at most 50 options, not 51"])
        let keys = (1...65).map { "k\($0): 1" }.joined(separator: ", ")
        let wide = T.quiz("  - {\(keys)}\n")
        #expect(T.parse(wide).diagnostics.map(\.description) == ["q.yaml:3:5: error: question 1 has 65 keys; at most 64 are read"])
    }

    @Test("at most 1,000 problems are listed, then one line says how many more there are")
    func manyProblems() {
        let text = T.quiz(String(repeating: "  - nej\n", count: 1_500))
        let (quiz, diagnostics) = T.parse(text)
        #expect(quiz == nil)
        #expect(diagnostics.count == 1_001)
        #expect(diagnostics.first?.description == "q.yaml:3:5: error: question 1 must be a mapping of 'key: value' lines")
        #expect(diagnostics.last?.message == "500 more problems were not listed; fix those above first")
    }

    @Test("random damage to a good file never crashes, and a quiz comes back exactly when there is no error")
    func fuzz() {
        var random = SeededRandom(seed: 0x5EED)
        let good = QuizFileDocumentationTests.documentationExample
        let alphabet = Array("\n :-[]{}&*!|>'\"#?,%@`\t0123456789.abcxyzæø\u{0}\u{1B}")
        var sawQuiz = 0
        for round in 0..<400 {
            var characters = Array(good)
            for _ in 0...(round % 8) {
                let position = Int(random.next() % UInt64(characters.count))
                switch random.next() % 3 {
                case 0: characters.remove(at: position)
                case 1: characters.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: position)
                default: characters[position] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                }
            }
            let (quiz, diagnostics) = T.parse(String(characters))
            #expect((quiz == nil) == diagnostics.hasErrors, "round \(round)")
            if quiz != nil { sawQuiz += 1 }
        }
        #expect(sawQuiz > 0, "some damage (in comments, say) leaves a good file")
    }
}

/// A small deterministic generator (SplitMix64), so a failing round can be repeated.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
