import Testing
import KursusCourse
@testable import KursusEngine

/// Which feedback an answer gets: the screen, the review and the learning record all ask here.
@Suite("Quiz feedback")
struct QuizFeedbackTests {
    let place = SourceLocation(file: "q.yaml")

    func question(_ kind: QuestionKind) -> Question {
        Question(
            id: "q", text: "?", generalFeedback: "Generelt.", feedbackCorrect: "Rigtigt.", feedbackPartial: "Delvis.", feedbackIncorrect: "Forkert.",
            kind: kind, location: place
        )
    }

    @Test("the chosen options' own feedback, then the verdict's, then the general feedback")
    func order() {
        let options = [
            QuizOption(id: "a", text: "A", weightPercent: 50, feedback: "A er halvt."),
            QuizOption(id: "b", text: "B", weightPercent: 50, feedback: "  "),
            QuizOption(id: "c", text: "C", weightPercent: -50, feedback: "C trækker fra."),
        ]
        let multiple = question(.multipleResponse(options))
        #expect(QuizFeedback.texts(for: .options(["a"]), to: multiple) == ["A er halvt.", "Delvis.", "Generelt."])
        #expect(QuizFeedback.texts(for: .options(["a", "b"]), to: multiple) == ["A er halvt.", "Rigtigt.", "Generelt."])
        #expect(QuizFeedback.texts(for: .options(["c"]), to: multiple) == ["C trækker fra.", "Forkert.", "Generelt."])
        #expect(QuizFeedback.texts(for: nil, to: multiple) == ["Forkert.", "Generelt."])
    }

    @Test("true/false branches, the matching short answer and the best numeric answer")
    func branches() {
        let trueFalse = question(.trueFalse(correct: false, feedbackTrue: "Nej.", feedbackFalse: "Ja."))
        #expect(QuizFeedback.texts(for: .bool(true), to: trueFalse) == ["Nej.", "Forkert.", "Generelt."])
        let short = question(
            .shortAnswer(
                ShortAnswerRules(answers: [
                    AcceptedAnswer(text: "video*", feedback: "Fint."), AcceptedAnswer(text: "vid", weightPercent: 50, feedback: "Næsten."),
                ])))
        #expect(QuizFeedback.texts(for: .text("Videoopkald"), to: short) == ["Fint.", "Rigtigt.", "Generelt."])
        #expect(QuizFeedback.texts(for: .text("vid"), to: short) == ["Næsten.", "Delvis.", "Generelt."])
        let numeric = question(
            .numeric([
                NumericAnswer(target: .range(90...100), weightPercent: 50, feedback: "Bredt."),
                NumericAnswer(target: .value(95, tolerance: 1), feedback: "Præcist."),
            ]))
        #expect(QuizFeedback.texts(for: .number(95.5), to: numeric) == ["Præcist.", "Rigtigt.", "Generelt."])
        // Unscored questions get only the general feedback.
        #expect(QuizFeedback.texts(for: .likert(1), to: question(.likert(scale: ["a", "b"]))) == ["Generelt."])
    }
}
