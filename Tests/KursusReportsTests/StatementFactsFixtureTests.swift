import Foundation
import KursusCourse
import KursusEngine
import KursusRecords
import Testing

@testable import KursusReports

/// A small course with every unit kind, and statements made for it by the real
/// `StatementBuilder`, so the report reads exactly what Kursus writes.
enum FactsFixture {
    static let location = KursusCourse.SourceLocation(file: "course.yaml")
    /// Tuesday 2025-03-04 09:00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_741_078_800)
    static let secret = Data((0..<32).map { UInt8($0) })
    static let settings = RecordSettings(activityBase: "https://kursus.region.example/xapi", accountHomePage: "https://login.region.example")

    static func at(minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    static let course = Course(
        id: "digital kompetence", title: "Bliv digitalt kompetent", language: "da", version: "2.0.0",
        modules: [
            CourseModule(
                id: "grundlag", title: "Grundlag",
                units: [
                    CourseUnit(id: "intro", kind: .lesson, title: "Introduktion", file: "intro.md", location: location),
                    CourseUnit(id: "quiz", kind: .quiz, title: "Quiz: teknik", file: "quiz.yaml", location: location),
                    CourseUnit(id: "scenarie", kind: .scenario, title: "Billedet fryser", file: "s.yaml", location: location),
                    CourseUnit(id: "ekstra", kind: .lesson, title: "Ekstra", file: "ekstra.md", optional: true, location: location),
                ], location: location),
            CourseModule(
                id: "afslutning", title: "Afslutning",
                units: [
                    CourseUnit(id: "foer", kind: .survey, title: "Før", file: "foer.yaml", location: location),
                    CourseUnit(id: "evaluering", kind: .survey, title: "Evaluering", file: "ev.yaml", location: location),
                ], location: location),
        ],
        location: location
    )

    static let quizYAML = """
        format: kursus-quiz/1
        pass-mark: 60
        questions:
          - id: enkelt
            type: single
            text: |
              Borgeren kan ikke se dig.
              Hvad gør du **først**?
            options:
              - {id: a, text: Spørger om kameraet, correct: true}
              - {id: b, text: Ringer op igen}
              - {id: c, text: Lægger på}
          - id: flere
            type: multiple
            text: Hvad skal borgeren bruge?
            weight: 2
            options:
              - {id: x, text: En tablet, correct: true}
              - {id: y, text: Internet, correct: true}
              - {id: z, text: En printer}
          - id: sandt
            type: true-false
            text: En videokonsultation kræver altid et kamera.
            answer: false
          - id: ingen
            type: single
            text: Ingen svarer på dette.
            options:
              - {id: ja, text: Ja, correct: true}
              - {id: nej, text: Nej}
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
        """

    static let scenarioYAML = """
        format: kursus-scenario/1
        id: kort
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
            text: Hallo?
            next: valg
          - id: valg
            choice: Billedet fryser. Hvad gør du?
            timer: {seconds: 30, default: 2}
            options:
              - text: Siger det højt.
                feedback: Du siger, hvad du ser.
                quality: good
                effects: [{add: score, value: 2}]
                goto: godt
              - text: Venter.
                feedback: Stilhed føles lang.
                quality: poor
                goto: skidt
          - id: godt
            ending: Godt
            rating: good
            debrief: Fint.
          - id: skidt
            ending: Skidt
            debrief: Ikke godt.
        """

    static func quiz(_ text: String) -> Quiz {
        let (quiz, diagnostics) = QuizFile.parse(text, file: "q.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return quiz ?? Quiz(questions: [], location: location)
    }

    static let scenario: Scenario = {
        let (scenario, diagnostics) = ScenarioFile.parse(scenarioYAML, file: "s.yaml")
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return scenario ?? Scenario(id: "x", title: "x", participants: [], nodes: [], location: location)
    }()

    static let quizzes: [String: Quiz] = { ["quiz": quiz(quizYAML), "foer": quiz(surveyYAML), "evaluering": quiz(evaluationYAML)] }()

    static func package(course: Course = course) -> CoursePackage {
        CoursePackage(
            course: course, storage: FolderStorage(URL(fileURLWithPath: "/nonexistent/course")), displayRoot: "course", lessonFiles: [:],
            quizzes: quizzes, scenarios: ["scenarie": scenario])
    }

    static func builder(_ learner: String, course: Course = course) -> StatementBuilder {
        StatementBuilder(
            course: course, quizzes: quizzes, scenarios: ["scenarie": scenario], learnerID: learner, settings: settings, siteSecret: secret)
    }

    /// The statements Kursus makes for these events of one learner.
    static func statements(_ learner: String, _ events: [LearningEvent], course: Course = course) -> [Data] {
        let builder = builder(learner, course: course)
        return events.flatMap { builder.statements(for: $0).map(\.json) }
    }

    // MARK: - Events

    static func answer(_ unit: String = "quiz", attempt: Int, _ question: String, _ answer: Answer, minute: Double, seconds: Int = 10)
        -> LearningEvent
    {
        LearningEvent(
            at: at(minutes: minute), .questionAnswered(unitID: unit, attempt: attempt, questionID: question, answer: answer, seconds: seconds))
    }

    static func finished(_ unit: String = "quiz", attempt: Int, score: Double?, passed: Bool?, minute: Double, seconds: Int) -> LearningEvent {
        LearningEvent(
            at: at(minutes: minute), .attemptFinished(unitID: unit, attempt: attempt, scorePercent: score, passed: passed, seconds: seconds))
    }

    static func opened(_ unit: String, _ opening: Int, minute: Double) -> LearningEvent {
        LearningEvent(at: at(minutes: minute), .unitOpened(unitID: unit, opening: opening))
    }

    static func choice(run: Int, good: Bool, timedOut: Bool = false, minute: Double) -> LearningEvent {
        let step = ScenarioStep(
            node: "valg", option: good ? 0 : 1, text: good ? "Siger det højt." : "Venter.", feedback: "", quality: good ? .good : .poor,
            timedOut: timedOut)
        return LearningEvent(at: at(minutes: minute), .scenarioChoice(unitID: "scenarie", run: run, step: 0, choice: step))
    }

    static func ended(run: Int, good: Bool, minute: Double, seconds: Int) -> LearningEvent {
        let outcome = ScenarioOutcome(
            ending: good ? "godt" : "skidt", title: good ? "Godt" : "Skidt", score: good ? 2 : 0, rating: good ? .good : nil, passed: good)
        return LearningEvent(at: at(minutes: minute), .scenarioEnded(unitID: "scenarie", run: run, outcome: outcome, seconds: seconds))
    }
}

@Suite struct StatementFactsFixtureTests {
    @Test func theFixtureCourseIsValidAndItsStatementsAreKursusStatements() throws {
        #expect(FactsFixture.quizzes.count == 3)
        let statements = FactsFixture.statements("anna", [FactsFixture.opened("intro", 1, minute: 0)])
        #expect(statements.count == 1)
        let value = try JSONParser.parse(try #require(statements.first))
        #expect(value["object"]?["id"]?.stringValue == "https://kursus.region.example/xapi/courses/digital%20kompetence/units/intro")
    }
}
