import Foundation
import KursusCourse
import KursusEngine
import Testing
@testable import KursusRecords

/// Golden statements, written out by hand from docs/records.md. The ids were computed
/// apart from this code, with Python's `uuid.uuid5` and `hmac` on the names the
/// documentation gives.
@Suite("Statement builder")
struct StatementBuilderTests {
    typealias F = RecordFixtures

    static let anna = #"{"objectType": "Agent", "account": {"homePage": "https://kursus.invalid", "name": "anna"}}"#
    static let courseIRI = "https://kursus.invalid/xapi/courses/digital-kompetence"
    /// The course as the object of a session statement.
    static let describedCourse = #"""
        {"objectType": "Activity", "id": "https://kursus.invalid/xapi/courses/digital-kompetence",
         "definition": {"type": "http://adlnet.gov/expapi/activities/course", "name": {"da": "Bliv digitalt kompetent"},
                        "description": {"da": "Et kursus om videokonsultationer."}}}
        """#
    /// The course in the context of every other statement.
    static let course = #"""
        {"objectType": "Activity", "id": "https://kursus.invalid/xapi/courses/digital-kompetence",
         "definition": {"type": "http://adlnet.gov/expapi/activities/course", "name": {"da": "Bliv digitalt kompetent"}}}
        """#
    static let module = #"""
        {"objectType": "Activity", "id": "https://kursus.invalid/xapi/courses/digital-kompetence/modules/videokonsultation",
         "definition": {"type": "http://adlnet.gov/expapi/activities/module", "name": {"da": "Videokonsultationer i praksis"}}}
        """#
    static let quizUnit = #"""
        {"objectType": "Activity", "id": "https://kursus.invalid/xapi/courses/digital-kompetence/units/quiz-teknik",
         "definition": {"type": "http://adlnet.gov/expapi/activities/assessment", "name": {"da": "Quiz: teknik"}}}
        """#
    static let scenarioUnit = #"""
        {"objectType": "Activity", "id": "https://kursus.invalid/xapi/courses/digital-kompetence/units/scenarie-inger",
         "definition": {"type": "http://adlnet.gov/expapi/activities/simulation", "name": {"da": "Billedet fryser"}}}
        """#
    static let registration = "c57ae70f-018e-5716-a16b-515553c49f3c"
    static let version = #""https://kursus.invalid/xapi/extensions/course-version": "1.0.0""#

    func made(_ kind: LearningEvent.Kind, builder: StatementBuilder = F.builder()) throws -> JSONValue {
        let values = builder.statementValues(for: LearningEvent(at: F.time, kind))
        #expect(values.count == 1)
        return try #require(values.first)
    }

    func expect(
        _ kind: LearningEvent.Kind, equals json: String, builder: StatementBuilder = F.builder(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let expected = try JSONParser.parse(json)
        let actual = try made(kind, builder: builder)
        #expect(actual == expected, "builder made:\n\(JSONWriter.pretty(actual))", sourceLocation: sourceLocation)
    }

    @Test("a session: initialized on the course, then terminated with its duration")
    func session() throws {
        try expect(
            .sessionLaunched(session: 3),
            equals: """
                {"id": "0c83d350-6301-573e-99c1-a5ca8a8880f2", "actor": \(Self.anna),
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/initialized", "display": {"en": "initialized", "da": "startede"}},
                 "object": \(Self.describedCourse),
                 "context": {"registration": "\(Self.registration)", "language": "da", "platform": "Kursus", "extensions": {\(Self.version)}},
                 "timestamp": "2025-03-04T09:15:02.250Z"}
                """)
        try expect(
            .sessionEnded(session: 3, seconds: 754),
            equals: """
                {"id": "725222a7-940a-51a8-aea3-91cbf4e6a0cb", "actor": \(Self.anna),
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/terminated", "display": {"en": "terminated", "da": "afsluttede"}},
                 "object": \(Self.describedCourse), "result": {"duration": "PT12M34S"},
                 "context": {"registration": "\(Self.registration)", "language": "da", "platform": "Kursus", "extensions": {\(Self.version)}},
                 "timestamp": "2025-03-04T09:15:02.250Z"}
                """)
    }

    @Test("a unit opened is launched; a lesson read to its end is completed")
    func unitAndLesson() throws {
        let lesson = #"""
            {"objectType": "Activity", "id": "https://kursus.invalid/xapi/courses/digital-kompetence/units/forberedelse",
             "definition": {"type": "http://adlnet.gov/expapi/activities/lesson", "name": {"da": "Før konsultationen"}}}
            """#
        let context = """
            {"registration": "\(Self.registration)", "language": "da", "platform": "Kursus", "extensions": {\(Self.version)},
             "contextActivities": {"parent": [\(Self.module)], "grouping": [\(Self.course)]}}
            """
        try expect(
            .unitOpened(unitID: "forberedelse", opening: 2),
            equals: """
                {"id": "471dc164-4419-51a8-8929-71d6a998c3ac", "actor": \(Self.anna),
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/launched", "display": {"en": "launched", "da": "åbnede"}},
                 "object": \(lesson), "context": \(context), "timestamp": "2025-03-04T09:15:02.250Z"}
                """)
        try expect(
            .lessonCompleted(unitID: "forberedelse"),
            equals: """
                {"id": "904ed97a-ec7e-5d57-a3db-8673d6b26c8a", "actor": \(Self.anna),
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en": "completed", "da": "gennemførte"}},
                 "object": \(lesson), "result": {"completion": true}, "context": \(context), "timestamp": "2025-03-04T09:15:02.250Z"}
                """)
    }

    @Test("a quiz answer: a choice interaction with its options, the right one, the response, score, success and the feedback shown")
    func quizAnswer() throws {
        try expect(
            .questionAnswered(unitID: "quiz-teknik", attempt: 1, questionID: "kamera", answer: .option("ring-op"), seconds: 42),
            equals: """
                {"id": "f84056ed-0ce6-550d-ab6f-e835ce3af859", "actor": \(Self.anna),
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en": "answered", "da": "besvarede"}},
                 "object": {"objectType": "Activity", "id": "\(Self.courseIRI)/units/quiz-teknik/questions/kamera",
                            "definition": {"type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                                           "description": {"da": "Borgeren kan ikke se dig. Hvad gør du **først**?"},
                                           "interactionType": "choice",
                                           "choices": [{"id": "ring-op", "description": {"da": "Ringer op igen."}},
                                                       {"id": "spoerg", "description": {"da": "Spørger, om kameraet er dækket."}}],
                                           "correctResponsesPattern": ["spoerg"]}},
                 "result": {"response": "ring-op", "success": false, "duration": "PT42S",
                            "score": {"scaled": 0, "raw": 0, "min": 0, "max": 1},
                            "extensions": {"https://kursus.invalid/xapi/extensions/feedback": {"da": "Det kan virke, men spørg først.\\n\\nStart altid med det enkleste."}}},
                 "context": {"registration": "\(Self.registration)", "language": "da", "platform": "Kursus",
                             "extensions": {\(Self.version), "https://kursus.invalid/xapi/extensions/attempt": 1},
                             "contextActivities": {"parent": [\(Self.quizUnit)], "grouping": [\(Self.module), \(Self.course)]}},
                 "timestamp": "2025-03-04T09:15:02.250Z"}
                """)
    }

    @Test("a quiz attempt: passed or failed with the scaled score and the attempt's time")
    func attempt() throws {
        let context = """
            {"registration": "\(Self.registration)", "language": "da", "platform": "Kursus",
             "extensions": {\(Self.version), "https://kursus.invalid/xapi/extensions/attempt": %d},
             "contextActivities": {"parent": [\(Self.module)], "grouping": [\(Self.course)]}}
            """
        try expect(
            .attemptFinished(unitID: "quiz-teknik", attempt: 1, scorePercent: 62.5, passed: true, seconds: 300),
            equals: """
                {"id": "e6153fe8-78b5-583b-bfac-307cc8daa715", "actor": \(Self.anna),
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/passed", "display": {"en": "passed", "da": "bestod"}},
                 "object": \(Self.quizUnit),
                 "result": {"score": {"scaled": 0.625}, "success": true, "completion": true, "duration": "PT5M"},
                 "context": \(String(format: context, 1)), "timestamp": "2025-03-04T09:15:02.250Z"}
                """)
        let failed = try made(.attemptFinished(unitID: "quiz-teknik", attempt: 2, scorePercent: 25, passed: false, seconds: 200))
        #expect(failed["verb"] == XAPIVerb.failed.json)
        #expect(failed["result"] == ["score": ["scaled": 0.25], "success": false, "completion": true, "duration": "PT3M20S"])
        #expect(failed["context"] == (try JSONParser.parse(String(format: context, 2))))
    }

    @Test("a survey: a likert answer without correct pattern or score, and a completed attempt")
    func survey() throws {
        let answer = try made(.questionAnswered(unitID: "selvvurdering", attempt: 1, questionID: "tryg", answer: .likert(2), seconds: 4))
        #expect(answer["id"] == "74d0c5e8-aa50-5ba5-8cbc-d087da01defe")
        #expect(
            answer["object"]?["definition"]
                == (try JSONParser.parse(
                    """
                    {"type": "http://adlnet.gov/expapi/activities/cmi.interaction", "description": {"da": "Jeg er tryg ved video."}, "interactionType": "likert",
                     "scale": [{"id": "1", "description": {"da": "Uenig"}}, {"id": "2", "description": {"da": "Hverken/eller"}}, {"id": "3", "description": {"da": "Enig"}}]}
                    """)))
        #expect(answer["result"] == ["response": "3", "duration": "PT4S"])
        let finished = try made(.attemptFinished(unitID: "selvvurdering", attempt: 1, scorePercent: nil, passed: nil, seconds: 30))
        #expect(finished["id"] == "6374197d-40cc-50d9-8055-9e3d9554b7b4")
        #expect(finished["verb"] == XAPIVerb.completed.json)
        #expect(finished["object"]?["definition"] == ["type": "http://id.tincanapi.com/activitytype/survey", "name": ["da": "Selvvurdering"]])
        #expect(finished["result"] == ["completion": true, "duration": "PT30S"])
        // A survey never gets a score, even if one is reported.
        #expect(
            try made(.attemptFinished(unitID: "selvvurdering", attempt: 1, scorePercent: 100, passed: true, seconds: 30))["result"]
                == finished["result"])
    }

    @Test("a scenario choice: a choice interaction on the node, with the option taken, its quality, the timer and the feedback")
    func scenarioChoice() throws {
        let step = ScenarioStep(
            node: "valg", option: 1, text: "Du venter i stilhed.", feedback: "Stilhed føles lang.", quality: .poor, timedOut: true)
        try expect(
            .scenarioChoice(unitID: "scenarie-inger", run: 1, step: 0, choice: step),
            equals: """
                {"id": "f087b6c8-1e0b-578b-adc7-53f4c102433f", "actor": \(Self.anna),
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en": "answered", "da": "besvarede"}},
                 "object": {"objectType": "Activity", "id": "\(Self.courseIRI)/units/scenarie-inger/nodes/valg",
                            "definition": {"type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                                           "description": {"da": "Billedet fryser. Hvad gør du?"}, "interactionType": "choice",
                                           "choices": [{"id": "1", "description": {"da": "\\"Dit billede står stille hos mig.\\""}},
                                                       {"id": "2", "description": {"da": "Du venter i stilhed."}}]}},
                 "result": {"response": "2",
                            "extensions": {"https://kursus.invalid/xapi/extensions/quality": "poor",
                                           "https://kursus.invalid/xapi/extensions/timed-out": true,
                                           "https://kursus.invalid/xapi/extensions/feedback": {"da": "Stilhed føles lang."}}},
                 "context": {"registration": "\(Self.registration)", "language": "da", "platform": "Kursus",
                             "extensions": {\(Self.version), "https://kursus.invalid/xapi/extensions/run": 1},
                             "contextActivities": {"parent": [\(Self.scenarioUnit)], "grouping": [\(Self.module), \(Self.course)]}},
                 "timestamp": "2025-03-04T09:15:02.250Z"}
                """)
    }

    @Test("a scenario ending: passed or failed by the pass rule, the score within the reachable range, the ending and its rating")
    func scenarioEnding() throws {
        let outcome = ScenarioOutcome(ending: "godt", title: "Godt håndteret", score: 2, rating: .good, passed: true)
        try expect(
            .scenarioEnded(unitID: "scenarie-inger", run: 1, outcome: outcome, seconds: 95),
            equals: """
                {"id": "c357a702-39b5-53a6-8624-2d79d9c37104", "actor": \(Self.anna),
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/passed", "display": {"en": "passed", "da": "bestod"}},
                 "object": \(Self.scenarioUnit),
                 "result": {"score": {"raw": 2, "min": 0, "max": 2, "scaled": 1}, "success": true, "completion": true, "duration": "PT1M35S",
                            "extensions": {"https://kursus.invalid/xapi/extensions/ending": "godt", "https://kursus.invalid/xapi/extensions/rating": "good"}},
                 "context": {"registration": "\(Self.registration)", "language": "da", "platform": "Kursus",
                             "extensions": {\(Self.version), "https://kursus.invalid/xapi/extensions/run": 1},
                             "contextActivities": {"parent": [\(Self.module)], "grouping": [\(Self.course)]}},
                 "timestamp": "2025-03-04T09:15:02.250Z"}
                """)
        let failed = try made(
            .scenarioEnded(
                unitID: "scenarie-inger", run: 2, outcome: ScenarioOutcome(ending: "skidt", title: "x", score: 0, rating: nil, passed: false),
                seconds: 40))
        #expect(failed["verb"] == XAPIVerb.failed.json)
        #expect(
            failed["result"] == [
                "score": ["raw": 0, "min": 0, "max": 2, "scaled": 0], "success": false, "completion": true, "duration": "PT40S",
                "extensions": ["https://kursus.invalid/xapi/extensions/ending": "skidt"],
            ])
    }

    @Test("a scenario without a pass rule ends completed, without success")
    func scenarioWithoutPassRule() throws {
        var scenario = F.scenario
        scenario.pass = nil
        let builder = StatementBuilder(
            course: F.course, quizzes: F.quizzes, scenarios: ["scenarie-inger": scenario], learnerID: "anna", settings: .default, siteSecret: F.secret
        )
        let ended = try made(
            .scenarioEnded(
                unitID: "scenarie-inger", run: 1, outcome: ScenarioOutcome(ending: "skidt", title: "x", score: 0, rating: nil, passed: true),
                seconds: 40), builder: builder)
        #expect(ended["verb"] == XAPIVerb.completed.json)
        #expect(ended["result"]?["success"] == nil)
        #expect(ended["result"]?["completion"] == true)
    }
}
