import Foundation
import KursusCourse
import KursusEngine
import Testing
@testable import KursusRecords

/// A small course with every unit kind and every question kind, for the statement tests.
enum RecordFixtures {
    static let location = KursusCourse.SourceLocation(file: "course.yaml")
    /// Tuesday 2025-03-04 09:15:02.250 UTC.
    static let time = Date(timeIntervalSince1970: 1_741_079_702.25)
    static let secret = Data((0..<32).map { UInt8($0) })

    static let course = Course(
        id: "digital-kompetence", title: "Bliv digitalt kompetent", language: "da", version: "1.0.0",
        description: "Et kursus om videokonsultationer.",
        modules: [
            CourseModule(
                id: "videokonsultation", title: "Videokonsultationer i praksis",
                units: [
                    CourseUnit(id: "forberedelse", kind: .lesson, title: "Før konsultationen", file: "l.md", location: location),
                    CourseUnit(id: "quiz-teknik", kind: .quiz, title: "Quiz: teknik", file: "q.yaml", location: location),
                    CourseUnit(id: "scenarie-inger", kind: .scenario, title: "Billedet fryser", file: "s.yaml", location: location),
                ], location: location),
            CourseModule(
                id: "afslutning", title: "Afslutning",
                units: [
                    CourseUnit(id: "selvvurdering", kind: .survey, title: "Selvvurdering", file: "sv.yaml", location: location),
                    CourseUnit(id: "evaluering", kind: .survey, title: "Evaluering af kurset", file: "ev.yaml", location: location),
                ], location: location),
        ],
        location: location
    )

    static let quizYAML = """
        format: kursus-quiz/1
        pass-mark: 60
        questions:
          - id: kamera
            type: single
            text: Borgeren kan ikke se dig. Hvad gør du **først**?
            feedback: Start altid med det enkleste.
            options:
              - id: ring-op
                text: Ringer op igen.
                feedback: Det kan virke, men spørg først.
              - id: spoerg
                text: Spørger, om kameraet er dækket.
                correct: true
                feedback: Ja.
          - id: udstyr
            type: multiple
            text: Hvad skal borgeren bruge?
            weight: 2
            partial-feedback: Næsten.
            options:
              - {id: tablet, text: En tablet, correct: true}
              - {id: net, text: Internet, correct: true}
              - {id: printer, text: En printer}
          - id: kamera-kraeves
            type: true-false
            text: En videokonsultation kræver altid et kamera.
            answer: false
            false-feedback: Rigtigt, lyd kan række.
          - id: app
            type: short
            text: Hvad hedder appen?
            answers: [Videoopkald, "Video opkald"]
          - id: app-wild
            type: short
            text: Hvad hedder appen (begyndelsen er nok)?
            case-sensitive: true
            answers: ["Video*"]
          - id: ilt
            type: numeric
            text: Normal iltmætning (nedre grænse)?
            answers:
              - value: 95
                tolerance: 1
              - min: 90
                max: 93
          - id: par
            type: matching
            text: Sæt sammen.
            pairs:
              - {prompt: Ingen lyd, match: Mikrofon}
              - {prompt: Sort billede, match: Kamera}
            distractors: [Router]
          - id: trin
            type: ordering
            text: Sæt i rækkefølge.
            items: [Tjek forbindelsen, Hils, Aftal plan B]
        """

    static let surveyYAML = """
        format: kursus-quiz/1
        questions:
          - id: tryg
            type: likert
            text: Jeg er tryg ved video.
            scale: [Uenig, Hverken/eller, Enig]
        """

    static let evaluationYAML = """
        format: kursus-quiz/1
        anonymous: true
        questions:
          - id: relevans
            type: likert
            text: Kurset var relevant.
            scale: [Helt uenig, Uenig, Hverken enig eller uenig, Enig, Helt enig]
          - id: mangler
            type: text
            text: Hvad manglede du?
        """

    static let scenarioYAML = """
        format: kursus-scenario/1
        id: kort-eksempel
        title: Billedet fryser
        participants:
          - {id: inger, name: Inger, age: 81, role: citizen}
        variables:
          score: 0
        pass:
          min-score: 2
        nodes:
          - id: start
            say: inger
            text: Hallo? Kan du høre mig?
            next: valg
          - id: valg
            choice: Billedet fryser. Hvad gør du?
            timer: {seconds: 30, default: 2}
            options:
              - text: '"Dit billede står stille hos mig."'
                feedback: Du siger højt, hvad du ser.
                quality: good
                effects: [{add: score, value: 2}]
                goto: godt
              - text: Du venter i stilhed.
                feedback: Stilhed føles lang.
                quality: poor
                goto: skidt
          - id: godt
            ending: Godt håndteret
            rating: good
            debrief: Du fik Inger med.
          - id: skidt
            ending: Inger blev usikker
            debrief: Inger vidste ikke, hvad der skete.
        """

    static func quiz(_ text: String) -> Quiz {
        let (quiz, diagnostics) = QuizFile.parse(text, file: "q.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return quiz ?? Quiz(questions: [], location: location)
    }

    static var quizzes: [String: Quiz] {
        ["quiz-teknik": quiz(quizYAML), "selvvurdering": quiz(surveyYAML), "evaluering": quiz(evaluationYAML)]
    }

    static var scenario: Scenario {
        let (scenario, diagnostics) = ScenarioFile.parse(scenarioYAML, file: "s.yaml")
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return scenario ?? Scenario(id: "x", title: "x", participants: [], nodes: [], location: location)
    }

    static func builder(learner: String = "anna", settings: RecordSettings = .default, course: Course = course) -> StatementBuilder {
        StatementBuilder(
            course: course, quizzes: quizzes, scenarios: ["scenarie-inger": scenario], learnerID: learner, settings: settings, siteSecret: secret
        )
    }

    /// Every kind of event, as the engine makes them.
    static var everyEvent: [LearningEvent] {
        let step = ScenarioStep(
            node: "valg", option: 0, text: "\"Dit billede står stille hos mig.\"", feedback: "Du siger højt, hvad du ser.", quality: .good,
            timedOut: false)
        return [
            LearningEvent(at: time, .sessionLaunched(session: 3)),
            LearningEvent(at: time, .sessionEnded(session: 3, seconds: 754)),
            LearningEvent(at: time, .unitOpened(unitID: "forberedelse", opening: 2)),
            LearningEvent(at: time, .lessonCompleted(unitID: "forberedelse")),
            LearningEvent(
                at: time, .questionAnswered(unitID: "quiz-teknik", attempt: 1, questionID: "kamera", answer: .option("ring-op"), seconds: 42)),
            LearningEvent(
                at: time, .questionAnswered(unitID: "quiz-teknik", attempt: 1, questionID: "udstyr", answer: .options(["net"]), seconds: 12)),
            LearningEvent(
                at: time, .questionAnswered(unitID: "quiz-teknik", attempt: 1, questionID: "kamera-kraeves", answer: .bool(false), seconds: 5)),
            LearningEvent(
                at: time, .questionAnswered(unitID: "quiz-teknik", attempt: 1, questionID: "app", answer: .text("videoopkald"), seconds: 9)),
            LearningEvent(
                at: time, .questionAnswered(unitID: "quiz-teknik", attempt: 1, questionID: "app-wild", answer: .text("Videomøde"), seconds: 9)),
            LearningEvent(at: time, .questionAnswered(unitID: "quiz-teknik", attempt: 1, questionID: "ilt", answer: .number(94.5), seconds: 7)),
            LearningEvent(
                at: time,
                .questionAnswered(
                    unitID: "quiz-teknik", attempt: 1, questionID: "par", answer: .pairs(["Ingen lyd": "Mikrofon", "Sort billede": "Router"]),
                    seconds: 20)),
            LearningEvent(
                at: time,
                .questionAnswered(
                    unitID: "quiz-teknik", attempt: 1, questionID: "trin", answer: .order(["Hils", "Tjek forbindelsen", "Aftal plan B"]), seconds: 15)
            ),
            LearningEvent(at: time, .attemptFinished(unitID: "quiz-teknik", attempt: 1, scorePercent: 62.5, passed: true, seconds: 300)),
            LearningEvent(at: time, .attemptFinished(unitID: "quiz-teknik", attempt: 2, scorePercent: 25, passed: false, seconds: 200)),
            LearningEvent(at: time, .questionAnswered(unitID: "selvvurdering", attempt: 1, questionID: "tryg", answer: .likert(2), seconds: 4)),
            LearningEvent(at: time, .attemptFinished(unitID: "selvvurdering", attempt: 1, scorePercent: nil, passed: nil, seconds: 30)),
            LearningEvent(at: time, .unitOpened(unitID: "evaluering", opening: 1)),
            LearningEvent(at: time, .questionAnswered(unitID: "evaluering", attempt: 1, questionID: "relevans", answer: .likert(3), seconds: 6)),
            LearningEvent(
                at: time, .questionAnswered(unitID: "evaluering", attempt: 1, questionID: "mangler", answer: .freeText("Mere om lyd."), seconds: 60)),
            LearningEvent(at: time, .attemptFinished(unitID: "evaluering", attempt: 1, scorePercent: nil, passed: nil, seconds: 90)),
            LearningEvent(at: time, .scenarioChoice(unitID: "scenarie-inger", run: 1, step: 0, choice: step)),
            LearningEvent(
                at: time,
                .scenarioEnded(
                    unitID: "scenarie-inger", run: 1,
                    outcome: ScenarioOutcome(ending: "godt", title: "Godt håndteret", score: 2, rating: .good, passed: true), seconds: 95)),
            LearningEvent(
                at: time,
                .scenarioEnded(
                    unitID: "scenarie-inger", run: 2,
                    outcome: ScenarioOutcome(ending: "skidt", title: "Inger blev usikker", score: 0, rating: nil, passed: false), seconds: 40)),
        ]
    }
}
