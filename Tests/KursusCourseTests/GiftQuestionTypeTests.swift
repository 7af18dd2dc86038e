import Testing
@testable import KursusCourse

/// Parses `text` and returns its questions, recording an issue for any error.
func giftQuestions(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Question] {
    let (quiz, diagnostics) = GiftParser.parse(text, file: "t.gift")
    #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))", sourceLocation: sourceLocation)
    return quiz?.questions ?? []
}

func giftQuestion(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Question? {
    let questions = giftQuestions(text, sourceLocation: sourceLocation)
    #expect(questions.count == 1, sourceLocation: sourceLocation)
    return questions.first
}

@Suite("GIFT question types")
struct GiftQuestionTypeTests {
    @Test("multiple choice with = is single choice, with feedback per answer")
    func singleChoice() throws {
        let question = try #require(giftQuestion("Who's buried in Grant's tomb?{~Grant#No. ~Jefferson =no one#Right!}"))
        #expect(question.text == "Who's buried in Grant's tomb?")
        #expect(question.id == "q1")
        #expect(
            question.kind
                == .singleChoice([
                    QuizOption(
                        id: "1", text: "Grant", weightPercent: 0, feedback: "No.", location: SourceLocation(file: "t.gift", line: 1, column: 31)),
                    QuizOption(id: "2", text: "Jefferson", weightPercent: 0, location: SourceLocation(file: "t.gift", line: 1, column: 42)),
                    QuizOption(
                        id: "3", text: "no one", weightPercent: 100, feedback: "Right!", location: SourceLocation(file: "t.gift", line: 1, column: 53)
                    ),
                ]))
    }

    @Test("percent weights without = make multiple response; = answers may carry a weight")
    func multipleResponse() throws {
        let question = try #require(giftQuestion("Fruits? {~%50%Apple ~%50%Pear ~%-100%Carrot}"))
        guard case .multipleResponse(let options) = question.kind else {
            Issue.record("expected multiple response, got \(question.kind)")
            return
        }
        #expect(options.map(\.text) == ["Apple", "Pear", "Carrot"])
        #expect(options.map(\.weightPercent) == [50, 50, -100])

        // Partial credit in a single-choice question is '~%50%'; after '=' Moodle ignores a
        // weight and gives full credit (this test expected 50 before; Moodle imports 100).
        let partial = try #require(giftQuestion("Pick {=%100%best ~%50%good =%50%also ~bad}"))
        guard case .singleChoice(let choices) = partial.kind else {
            Issue.record("expected single choice, got \(partial.kind)")
            return
        }
        #expect(choices.map(\.weightPercent) == [100, 50, 100, 0])
    }

    @Test("missing word: the answer block becomes a blank in the text")
    func missingWord() throws {
        let question = try #require(giftQuestion("Grant is {~buried =entombed ~living} in Grant's tomb."))
        #expect(question.text == "Grant is _____ in Grant's tomb.")
        guard case .singleChoice(let options) = question.kind else {
            Issue.record("expected single choice")
            return
        }
        #expect(options.map(\.text) == ["buried", "entombed", "living"])
    }

    @Test("true/false: the first # is feedback for a wrong answer, the second for a right one")
    func trueFalse() throws {
        let answerTrue = try #require(giftQuestion("The sun is a star.{TRUE#Wrong: it is.#Right: it is.}"))
        #expect(answerTrue.kind == .trueFalse(correct: true, feedbackTrue: "Right: it is.", feedbackFalse: "Wrong: it is."))
        let answerFalse = try #require(giftQuestion("The moon is a star.{F#Wrong: it is not.#Right: it is not.}"))
        #expect(answerFalse.kind == .trueFalse(correct: false, feedbackTrue: "Wrong: it is not.", feedbackFalse: "Right: it is not."))
        let plain = try #require(giftQuestion("Water is wet.{T}"))
        #expect(plain.kind == .trueFalse(correct: true, feedbackTrue: nil, feedbackFalse: nil))
        let onlyWrong = try #require(giftQuestion("Ice is hot.{FALSE#No, cold.}"))
        #expect(onlyWrong.kind == .trueFalse(correct: false, feedbackTrue: "No, cold.", feedbackFalse: nil))
    }

    @Test("short answer with weights and feedback")
    func shortAnswer() throws {
        let question = try #require(giftQuestion("Who's buried in Grant's tomb?{=no one =%50%nobody#Almost.}"))
        guard case .shortAnswer(let rules) = question.kind else {
            Issue.record("expected short answer, got \(question.kind)")
            return
        }
        #expect(rules.answers.map(\.text) == ["no one", "nobody"])
        #expect(rules.answers.map(\.weightPercent) == [100, 50])
        #expect(rules.answers.map(\.feedback) == [nil, "Almost."])
        #expect(rules.caseSensitive == false)
    }

    @Test("numerical: value with tolerance, range, several weighted answers and other-number feedback")
    func numeric() throws {
        let single = try #require(giftQuestion("Pi?{#3.14:0.01}"))
        #expect(
            single.kind
                == .numeric([NumericAnswer(target: .value(3.14, tolerance: 0.01), location: SourceLocation(file: "t.gift", line: 1, column: 6))]))
        let range = try #require(giftQuestion("One to five?{#1..5}"))
        guard case .numeric(let rangeAnswers) = range.kind else {
            Issue.record("expected numeric")
            return
        }
        #expect(rangeAnswers.map(\.target) == [.range(1...5)])

        let several = try #require(giftQuestion("Three?{#\n=%100%3:0#Exactly.\n=%50%3:1#Close.\n~#Not even close.\n}"))
        guard case .numeric(let answers) = several.kind else {
            Issue.record("expected numeric")
            return
        }
        #expect(answers.map(\.target) == [.value(3, tolerance: 0), .value(3, tolerance: 1)])
        #expect(answers.map(\.weightPercent) == [100, 50])
        #expect(answers.map(\.feedback) == ["Exactly.", "Close."])
        #expect(several.feedbackIncorrect == "Not even close.")
        #expect(several.text == "Three?")
    }

    @Test("matching: pairs, and an empty left side is a distractor")
    func matching() throws {
        let question = try #require(giftQuestion("Capitals.{=Canada -> Ottawa =Italy->Rome =Japan -> Tokyo = -> Paris}"))
        guard case .matching(let spec) = question.kind else {
            Issue.record("expected matching, got \(question.kind)")
            return
        }
        #expect(spec.pairs.map(\.prompt) == ["Canada", "Italy", "Japan"])
        #expect(spec.pairs.map(\.match) == ["Ottawa", "Rome", "Tokyo"])
        #expect(spec.distractors == ["Paris"])
    }

    @Test("matching answers are escaped like other GIFT text, so the screen's Markdown shows them as written")
    func matchingAnswersEscaped() throws {
        let question = try #require(giftQuestion("Tegn.{=Stjerne -> *y* =Og -> AT&amp;T = -> _x_}"))
        guard case .matching(let spec) = question.kind else {
            Issue.record("expected matching, got \(question.kind)")
            return
        }
        #expect(spec.pairs.map(\.match) == ["\\*y\\*", "AT\\&T"])
        #expect(spec.distractors == ["\\_x\\_"])
    }

    @Test("essay, description and general feedback")
    func essayAndDescription() throws {
        let questions = giftQuestions("Tell us about your day.{####Thanks for writing.}\n\nThis is just an introduction.")
        #expect(questions.count == 2)
        #expect(questions.first?.kind == .freeText)
        #expect(questions.first?.generalFeedback == "Thanks for writing.")
        #expect(questions.last?.kind == .description)
        #expect(questions.last?.text == "This is just an introduction.")
        #expect(questions.map(\.id) == ["q1", "q2"])
        #expect(questions.first?.isScored == false)
    }

    @Test("general feedback works on every type")
    func generalFeedback() throws {
        let question = try #require(giftQuestion("Pick.{=a ~b ####Because a.}"))
        #expect(question.generalFeedback == "Because a.")
        guard case .singleChoice(let options) = question.kind else {
            Issue.record("expected single choice")
            return
        }
        #expect(options.map(\.text) == ["a", "b"])
    }

    @Test("answers may span lines as Moodle exports them")
    func multiLineBlock() throws {
        let question = try #require(giftQuestion("::Q1::What is 1+1?{\n\t=2\n\t~3\n\t~11#Binary?\n}"))
        guard case .singleChoice(let options) = question.kind else {
            Issue.record("expected single choice")
            return
        }
        #expect(options.map(\.text) == ["2", "3", "11"])
        #expect(options.last?.feedback == "Binary?")
        #expect(question.text == "What is 1+1?")
    }
}
