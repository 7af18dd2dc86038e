import Testing
@testable import KursusCourse

/// Every question type read with all its keys, and the defaults of docs/quiz-format.md.
@Suite("Quiz files: reading questions")
struct QuizFileParsingTests {
    typealias T = QuizFileTest

    func clean(_ text: String) throws -> Quiz {
        let (quiz, diagnostics) = T.parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        return try #require(quiz)
    }

    @Test("every quiz setting is read")
    func settings() throws {
        let text = """
            format: kursus-quiz/1
            title: Videokonsultationens faser
            intro: |
              Ti spørgsmål om *faserne*.
            pass-mark: 70
            attempts: 3
            counting: last
            feedback: at-end
            shuffle-questions: true
            shuffle-options: true
            draw: 1
            compare-with: selvvurdering-start
            questions:
              - type: description
                text: Velkommen.
            """
        let quiz = try clean(text)
        #expect(quiz.title == "Videokonsultationens faser")
        #expect(quiz.intro == "Ti spørgsmål om *faserne*.\n")
        #expect(quiz.passMark == 70)
        #expect(quiz.attempts == .limited(3))
        #expect(quiz.counting == .last)
        #expect(quiz.feedbackTiming == .atEnd)
        #expect(quiz.shuffleQuestions && quiz.shuffleOptions)
        #expect(quiz.pool == QuestionPool(draw: 1))
        #expect(quiz.compareWith == "selvvurdering-start")
        #expect(quiz.location == KursusCourse.SourceLocation(file: "q.yaml", line: 1, column: 1))
    }

    @Test("defaults: pass mark 80, unlimited attempts, best, after each, no shuffling, ids q1, q2, weight 1")
    func defaults() throws {
        let text = T.quiz(
            """
              - type: true-false
                text: Et kamera er altid nødvendigt.
                answer: false
              - type: text
                text: Hvad tager du med?
            """)
        let quiz = try clean(text)
        #expect(quiz.title == "" && quiz.intro == "")
        #expect(quiz.passMark == 80)
        #expect(quiz.attempts == .unlimited)
        #expect(quiz.counting == .best)
        #expect(quiz.feedbackTiming == .afterEachQuestion)
        #expect(!quiz.shuffleQuestions && !quiz.shuffleOptions)
        #expect(quiz.pool == nil && quiz.compareWith == nil)
        #expect(quiz.questions.map(\.id) == ["q1", "q2"])
        let first = quiz.questions[0]
        #expect(first.weight == 1)
        #expect(first.generalFeedback == nil && first.feedbackCorrect == nil && first.feedbackPartial == nil && first.feedbackIncorrect == nil)
        #expect(first.category == nil)
        #expect(first.kind == .trueFalse(correct: false, feedbackTrue: nil, feedbackFalse: nil))
        #expect(first.location == T.place(of: "type: true-false", in: text))
        #expect(quiz.questions[1].kind == .freeText)
        #expect(quiz.questions[1].location == T.place(of: "type: text", in: text))
        #expect(T.parse(T.quiz("  - {type: text, text: x}\n", settings: "attempts: unlimited\n")).quiz?.attempts == .unlimited)
    }

    @Test("single choice with every key; option ids and weights by position")
    func single() throws {
        let text = T.quiz(
            """
              - type: single
                id: kamera
                text: Borgeren kan ikke se dig. Hvad gør du først?
                weight: 2.5
                category: Teknik
                feedback: Generelt.
                correct-feedback: Rigtigt.
                partial-feedback: Delvist.
                incorrect-feedback: Forkert.
                options:
                  - text: Afslutter opkaldet.
                    feedback: Spørg først.
                  - text: Spørger om kameraet.
                    correct: true
                    id: spoerg
                    feedback: Ja.
                  - text: Beder borgeren genstarte.
                    weight: 50
                  - text: Venter.
                    correct: false
            """)
        let question = try #require(try clean(text).questions.first)
        #expect(question.id == "kamera")
        #expect(question.text == "Borgeren kan ikke se dig. Hvad gør du først?")
        #expect(question.weight == 2.5)
        #expect(question.category == "Teknik")
        #expect(question.generalFeedback == "Generelt.")
        #expect(question.feedbackCorrect == "Rigtigt.")
        #expect(question.feedbackPartial == "Delvist.")
        #expect(question.feedbackIncorrect == "Forkert.")
        #expect(question.location == T.place(of: "type: single", in: text))
        #expect(
            question.kind
                == .singleChoice([
                    QuizOption(
                        id: "1", text: "Afslutter opkaldet.", weightPercent: 0, feedback: "Spørg først.",
                        location: T.place(of: "text: Afslutter", in: text)),
                    QuizOption(
                        id: "spoerg", text: "Spørger om kameraet.", weightPercent: 100, feedback: "Ja.",
                        location: T.place(of: "text: Spørger", in: text)),
                    QuizOption(id: "3", text: "Beder borgeren genstarte.", weightPercent: 50, location: T.place(of: "text: Beder", in: text)),
                    QuizOption(id: "4", text: "Venter.", weightPercent: 0, location: T.place(of: "text: Venter", in: text)),
                ]))
    }

    @Test("multiple response: correct marks split 100 evenly and wrong options weigh minus the share")
    func multipleEvenSplit() throws {
        let text = T.quiz(
            """
              - type: multiple
                text: Hvad tjekker du?
                options:
                  - {text: Lyd, correct: true}
                  - {text: Billede, correct: true}
                  - {text: Vejret}
                  - {text: Farven, correct: false}
              - type: multiple
                text: Tre rigtige
                options:
                  - {text: a, correct: true}
                  - {text: b, correct: true}
                  - {text: c, correct: true}
                  - {text: d}
            """)
        let quiz = try clean(text)
        guard case .multipleResponse(let options) = quiz.questions[0].kind else {
            Issue.record("not multiple response: \(quiz.questions[0].kind)")
            return
        }
        #expect(options.map(\.weightPercent) == [50, 50, -50, -50])
        #expect(options.map(\.id) == ["1", "2", "3", "4"])
        #expect(options[2].location == T.place(of: "{text: Vejret", in: text))
        guard case .multipleResponse(let three) = quiz.questions[1].kind else {
            Issue.record("not multiple response")
            return
        }
        let third: Double = 100.0 / 3
        #expect(three.map(\.weightPercent) == [third, third, third, -third])
    }

    @Test("multiple response with weights keeps them; options without a weight weigh 0")
    func multipleWeights() throws {
        let text = T.quiz(
            """
              - type: multiple
                text: Vælg
                options:
                  - {text: a, weight: 60}
                  - {text: b, weight: 40.5}
                  - {text: c, weight: -100}
                  - {text: d}
            """)
        guard case .multipleResponse(let options) = try clean(text).questions[0].kind else {
            Issue.record("not multiple response")
            return
        }
        #expect(options.map(\.weightPercent) == [60, 40.5, -100, 0])
    }

    @Test("true-false with its feedback")
    func trueFalse() throws {
        let text = T.quiz(
            """
              - type: true-false
                text: Kræver det kamera?
                answer: true
                true-feedback: Ja, det gør.
                false-feedback: Jo, det gør.
            """)
        #expect(try clean(text).questions[0].kind == .trueFalse(correct: true, feedbackTrue: "Ja, det gør.", feedbackFalse: "Jo, det gør."))
    }

    @Test("short answers: plain texts at full credit, mappings with weight and feedback, case-sensitive")
    func shortAnswers() throws {
        let text = T.quiz(
            """
              - type: short
                text: Hvad hedder appen?
                answers:
                  - "video*"
                  - text: videoopkald
                    weight: 50
                    feedback: Næsten.
                  - text: Kald
                  - 42
                case-sensitive: true
              - type: short
                text: Igen
                answers: [x]
            """)
        let quiz = try clean(text)
        #expect(
            quiz.questions[0].kind
                == .shortAnswer(
                    ShortAnswerRules(
                        answers: [
                            AcceptedAnswer(text: "video*", location: T.place(of: "\"video*\"", in: text)),
                            AcceptedAnswer(
                                text: "videoopkald", weightPercent: 50, feedback: "Næsten.", location: T.place(of: "text: videoopkald", in: text)),
                            AcceptedAnswer(text: "Kald", location: T.place(of: "text: Kald", in: text)),
                            AcceptedAnswer(text: "42", location: T.place(of: "42", in: text)),
                        ], caseSensitive: true)))
        guard case .shortAnswer(let rules) = quiz.questions[1].kind else {
            Issue.record("not short answer")
            return
        }
        #expect(!rules.caseSensitive)
    }

    @Test("numeric answers: value with tolerance, a range, a plain number")
    func numeric() throws {
        let text = T.quiz(
            """
              - type: numeric
                text: Normal iltmætning?
                answers:
                  - value: 95
                    tolerance: 1.5
                  - min: 90
                    max: 94
                    weight: 50
                    feedback: Lidt lavt.
                  - -3.25
                  - value: 0x10
            """)
        #expect(
            try clean(text).questions[0].kind
                == .numeric([
                    NumericAnswer(target: .value(95, tolerance: 1.5), location: T.place(of: "value: 95", in: text)),
                    NumericAnswer(target: .range(90...94), weightPercent: 50, feedback: "Lidt lavt.", location: T.place(of: "min: 90", in: text)),
                    NumericAnswer(target: .value(-3.25, tolerance: 0), location: T.place(of: "-3.25", in: text)),
                    NumericAnswer(target: .value(16, tolerance: 0), location: T.place(of: "value: 0x10", in: text)),
                ]))
    }

    @Test("matching pairs and distractors")
    func matching() throws {
        let text = T.quiz(
            """
              - type: matching
                text: Sæt sammen.
                pairs:
                  - prompt: Ingen lyd
                    match: Tjek mikrofonen
                  - prompt: Sort billede
                    match: Tjek kameraet
                distractors:
                  - Genstart routeren
            """)
        #expect(
            try clean(text).questions[0].kind
                == .matching(
                    MatchingSpec(
                        pairs: [
                            MatchPair(prompt: "Ingen lyd", match: "Tjek mikrofonen", location: T.place(of: "prompt: Ingen", in: text)),
                            MatchPair(prompt: "Sort billede", match: "Tjek kameraet", location: T.place(of: "prompt: Sort", in: text)),
                        ], distractors: ["Genstart routeren"])))
    }

    @Test("ordering, likert, free text with max-length, description")
    func unscoredAndOrdering() throws {
        let text = T.quiz(
            """
              - type: ordering
                text: Rækkefølge
                items: [Tjek forbindelsen, Hils, Aftal plan B]
              - type: likert
                id: tryg
                text: Jeg er tryg.
                feedback: Tak.
                scale: [Helt uenig, Uenig, Hverken/eller, Enig, Helt enig]
              - type: text
                text: Hvad bruger du?
                max-length: 500
              - type: description
                id: intro_2
                text: Nu kommer del to.
                category: Del 2
            """)
        let quiz = try clean(text)
        #expect(
            quiz.questions.map(\.kind) == [
                .ordering(["Tjek forbindelsen", "Hils", "Aftal plan B"]),
                .likert(scale: ["Helt uenig", "Uenig", "Hverken/eller", "Enig", "Helt enig"]),
                .freeText,
                .description,
            ])
        #expect(quiz.questions.map(\.id) == ["q1", "tryg", "q3", "intro_2"])
        #expect(quiz.questions[1].generalFeedback == "Tak.")
        #expect(quiz.questions[3].category == "Del 2")
        #expect(quiz.isScored)
    }

    @Test("empty feedback counts as none; an anchor alone is harmless")
    func emptyFeedbackAndAnchor() throws {
        let text = T.quiz(
            """
              - type: likert
                text: En
                feedback: ""
                scale: &skala [Uenig, Enig]
              - type: likert
                text: To
                scale: [Uenig, Enig]
            """)
        let quiz = try clean(text)
        #expect(quiz.questions[0].generalFeedback == nil)
        #expect(quiz.questions.map(\.kind) == [.likert(scale: ["Uenig", "Enig"]), .likert(scale: ["Uenig", "Enig"])])
        #expect(!quiz.isScored)
    }

    @Test("a free-text answer's max-length is kept")
    func maximumLength() throws {
        let quiz = try clean(T.quiz("  - type: text\n    text: Kommentar\n    max-length: 300\n"))
        #expect(quiz.questions[0].maximumLength == 300)
    }
}
