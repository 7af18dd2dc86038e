import Foundation
import KursusCourse
import KursusEngine
import Testing
@testable import KursusRecords

/// Answers of every question kind, ids that never change, pseudonyms, anonymous surveys
/// and hostile course content.
@Suite("Statements: answers, ids, pseudonyms and anonymous surveys")
struct StatementPrivacyTests {
    typealias F = RecordFixtures

    func answer(_ question: String, _ answer: Answer) throws -> JSONValue {
        let event = LearningEvent(at: F.time, .questionAnswered(unitID: "quiz-teknik", attempt: 1, questionID: question, answer: answer, seconds: 10))
        return try #require(F.builder().statementValues(for: event).first)
    }

    @Test("each question kind gets its interaction type, components, correct pattern, response and score")
    func everyKind() throws {
        let multiple = try answer("udstyr", .options(["net"]))
        #expect(multiple["object"]?["definition"]?["interactionType"] == "choice")
        #expect(multiple["object"]?["definition"]?["correctResponsesPattern"] == ["tablet[,]net"])
        #expect(multiple["result"]?["response"] == "net")
        #expect(multiple["result"]?["score"] == ["scaled": 0.5, "raw": 1, "min": 0, "max": 2])
        #expect(multiple["result"]?["success"] == false)
        #expect(multiple["result"]?["extensions"] == ["https://kursus.invalid/xapi/extensions/feedback": ["da": "Næsten."]])
        #expect(try answer("udstyr", .options(["printer", "tablet", "net"]))["result"]?["response"] == "tablet[,]net[,]printer")
        #expect(try answer("udstyr", .options([]))["result"]?["response"] == "")

        let trueFalse = try answer("kamera-kraeves", .bool(false))
        #expect(trueFalse["object"]?["definition"]?["interactionType"] == "true-false")
        #expect(trueFalse["object"]?["definition"]?["correctResponsesPattern"] == ["false"])
        #expect(trueFalse["object"]?["definition"]?["choices"] == nil)
        #expect(trueFalse["result"]?["response"] == "false")
        #expect(trueFalse["result"]?["success"] == true)
        #expect(trueFalse["result"]?["score"] == ["scaled": 1, "raw": 1, "min": 0, "max": 1])

        let short = try answer("app", .text("videoopkald"))
        #expect(short["object"]?["definition"]?["interactionType"] == "fill-in")
        #expect(
            short["object"]?["definition"]?["correctResponsesPattern"] == ["{case_matters=false}Videoopkald", "{case_matters=false}Video opkald"])
        #expect(short["result"]?["response"] == "videoopkald")
        #expect(short["result"]?["success"] == true)
        // A wildcard cannot be written as a pattern, so there is none; the scoring still counts it.
        let wild = try answer("app-wild", .text("Videomøde"))
        #expect(wild["object"]?["definition"]?["correctResponsesPattern"] == nil)
        #expect(wild["result"]?["success"] == true)

        let numeric = try answer("ilt", .number(94.5))
        #expect(numeric["object"]?["definition"]?["interactionType"] == "numeric")
        #expect(numeric["object"]?["definition"]?["correctResponsesPattern"] == ["94[:]96", "90[:]93"])
        #expect(numeric["result"]?["response"] == "94.5")
        #expect(try answer("ilt", .number(97))["result"]?["success"] == false)

        let matching = try answer("par", .pairs(["Ingen lyd": "Mikrofon", "Sort billede": "Router"]))
        let definition = matching["object"]?["definition"]
        #expect(definition?["interactionType"] == "matching")
        #expect(definition?["source"] == [["id": "s1", "description": ["da": "Ingen lyd"]], ["id": "s2", "description": ["da": "Sort billede"]]])
        #expect(
            definition?["target"] == [
                ["id": "t1", "description": ["da": "Mikrofon"]], ["id": "t2", "description": ["da": "Kamera"]],
                ["id": "t3", "description": ["da": "Router"]],
            ])
        #expect(definition?["correctResponsesPattern"] == ["s1[.]t1[,]s2[.]t2"])
        #expect(matching["result"]?["response"] == "s1[.]t1[,]s2[.]t3")
        #expect(matching["result"]?["score"] == ["scaled": 0.5, "raw": 0.5, "min": 0, "max": 1])

        let ordering = try answer("trin", .order(["Hils", "Tjek forbindelsen", "Aftal plan B"]))
        #expect(ordering["object"]?["definition"]?["interactionType"] == "sequencing")
        #expect(ordering["object"]?["definition"]?["choices"]?.arrayValue?.count == 3)
        #expect(ordering["object"]?["definition"]?["correctResponsesPattern"] == ["1[,]2[,]3"])
        #expect(ordering["result"]?["response"] == "2[,]1[,]3")
        #expect(ordering["result"]?["success"] == false)

        let text = try #require(
            F.builder(learner: "anna").statementValues(
                for: LearningEvent(
                    at: F.time,
                    .questionAnswered(
                        unitID: "evaluering", attempt: 1, questionID: "mangler", answer: .freeText("Mere om lyd."), seconds: 60
                    ))
            ).first)
        #expect(text["object"]?["definition"]?["interactionType"] == "long-fill-in")
        #expect(text["result"] == ["response": "Mere om lyd.", "duration": "PT1M"])
    }

    @Test("an answer to a question the file no longer has, or of another kind, is kept as recorded on an 'other' interaction")
    func changedQuiz() throws {
        let gone = try answer("slettet", .option("2"))
        #expect(gone["object"]?["definition"] == ["type": "http://adlnet.gov/expapi/activities/cmi.interaction", "interactionType": "other"])
        #expect(gone["result"] == ["response": "2", "duration": "PT10S"])
        let changed = try answer("kamera", .bool(true))
        #expect(changed["object"]?["definition"]?["interactionType"] == "other")
        #expect(changed["object"]?["definition"]?["description"] == ["da": "Borgeren kan ikke se dig. Hvad gør du **først**?"])
        #expect(changed["result"]?["response"] == "true")
        #expect(StatementValidator.problems(in: gone).isEmpty)
        #expect(StatementValidator.problems(in: changed).isEmpty)
    }

    @Test("made again, every statement has the same id and the same bytes; every statement has its own id")
    func deterministic() {
        let first = F.everyEvent.flatMap { F.builder().statements(for: $0) }
        let second = F.everyEvent.flatMap { F.builder().statements(for: $0) }
        #expect(first == second)
        #expect(first.count == F.everyEvent.count)
        #expect(Set(first.map(\.id)).count == first.count)
        for statement in first {
            #expect((try? JSONParser.parse(statement.json))?["id"]?.stringValue == statement.id)
            #expect(statement.id == statement.id.lowercased())
        }
    }

    @Test("the compact bytes: sorted keys, no spaces, escapes")
    func bytes() throws {
        let statement = try #require(F.builder().statements(for: LearningEvent(at: F.time, .sessionEnded(session: 3, seconds: 754))).first)
        let text = String(decoding: statement.json, as: UTF8.self)
        #expect(
            text.hasPrefix(
                #"{"actor":{"account":{"homePage":"https://kursus.invalid","name":"anna"},"objectType":"Agent"},"context":{"extensions":{"https://kursus.invalid/xapi/extensions/course-version":"1.0.0"},"language":"da","platform":"Kursus","registration":"c57ae70f-018e-5716-a16b-515553c49f3c"},"id":"725222a7-940a-51a8-aea3-91cbf4e6a0cb","object":"#
            ))
        #expect(
            text.hasSuffix(
                #""result":{"duration":"PT12M34S"},"timestamp":"2025-03-04T09:15:02.250Z","verb":{"display":{"da":"afsluttede","en":"terminated"},"id":"http://adlnet.gov/expapi/verbs/terminated"}}"#
            ))
    }

    @Test("pseudonymous: the account name is the keyed hash, and no id can be recomputed from the learner id")
    func pseudonymous() throws {
        let builder = F.builder(settings: RecordSettings(pseudonymous: true))
        let launched = try #require(builder.statementValues(for: LearningEvent(at: F.time, .sessionLaunched(session: 3))).first)
        let pseudonym = "85a4b99320cb71724109634a3235ca732e892f76422b7566b2fcadc235feaae4"
        #expect(launched["actor"] == ["objectType": "Agent", "account": ["homePage": "https://kursus.invalid", "name": .string(pseudonym)]])
        #expect(launched["context"]?["registration"] == "d9cf7dc7-553d-507d-864f-7b895819cb01")
        #expect(launched["id"] == "b064d6c4-8f64-5267-bd7a-714026415690")
        let everything = F.everyEvent.flatMap { builder.statements(for: $0) }.map { String(decoding: $0.json, as: UTF8.self) }
        #expect(!everything.contains { $0.contains("anna") })
        // Another site secret gives another pseudonym.
        let other = StatementBuilder(
            course: F.course, quizzes: F.quizzes, scenarios: [:], learnerID: "anna", settings: RecordSettings(pseudonymous: true),
            siteSecret: Data(repeating: 9, count: 32))
        #expect(other.statementValues(for: LearningEvent(at: F.time, .sessionLaunched(session: 3))).first?["actor"] != launched["actor"])
    }

    @Test("an anonymous survey: its own actor and registration per submission, the week instead of the moment, no attempt number")
    func anonymousSurvey() throws {
        let builder = F.builder()
        func made(_ kind: LearningEvent.Kind) throws -> JSONValue {
            try #require(builder.statementValues(for: LearningEvent(at: F.time, kind)).first)
        }
        let answer = try made(.questionAnswered(unitID: "evaluering", attempt: 1, questionID: "relevans", answer: .likert(3), seconds: 6))
        let expected = try JSONParser.parse(
            """
            {"id": "434ff095-5a0e-5528-b0d9-80766de10e2d",
             "actor": {"objectType": "Agent", "account": {"homePage": "https://kursus.invalid/xapi/anonymous", "name": "anonymous-d373641eb199fe97c87cdb4ad23fc807"}},
             "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en": "answered", "da": "besvarede"}},
             "object": {"objectType": "Activity", "id": "https://kursus.invalid/xapi/courses/digital-kompetence/units/evaluering/questions/relevans",
                        "definition": {"type": "http://adlnet.gov/expapi/activities/cmi.interaction", "description": {"da": "Kurset var relevant."},
                                       "interactionType": "likert",
                                       "scale": [{"id": "1", "description": {"da": "Helt uenig"}}, {"id": "2", "description": {"da": "Uenig"}},
                                                 {"id": "3", "description": {"da": "Hverken enig eller uenig"}}, {"id": "4", "description": {"da": "Enig"}},
                                                 {"id": "5", "description": {"da": "Helt enig"}}]}},
             "result": {"response": "4", "duration": "PT6S"},
             "context": {"registration": "71c87aae-1cc4-59c0-8986-5ef9594093ce", "language": "da", "platform": "Kursus",
                         "extensions": {"https://kursus.invalid/xapi/extensions/course-version": "1.0.0"},
                         "contextActivities": {
                            "parent": [{"objectType": "Activity", "id": "https://kursus.invalid/xapi/courses/digital-kompetence/units/evaluering",
                                        "definition": {"type": "http://id.tincanapi.com/activitytype/survey", "name": {"da": "Evaluering af kurset"}}}],
                            "grouping": [{"objectType": "Activity", "id": "https://kursus.invalid/xapi/courses/digital-kompetence/modules/afslutning",
                                          "definition": {"type": "http://adlnet.gov/expapi/activities/module", "name": {"da": "Afslutning"}}},
                                         \(StatementBuilderTests.course)]}},
             "timestamp": "2025-03-03T00:00:00.000Z"}
            """)
        #expect(answer == expected, "\(JSONWriter.pretty(answer))")

        // The whole submission shares actor and registration; the opening has its own.
        let other = try made(.questionAnswered(unitID: "evaluering", attempt: 1, questionID: "mangler", answer: .freeText("x"), seconds: 6))
        let finished = try made(.attemptFinished(unitID: "evaluering", attempt: 1, scorePercent: nil, passed: nil, seconds: 90))
        let opened = try made(.unitOpened(unitID: "evaluering", opening: 1))
        #expect(other["actor"] == answer["actor"])
        #expect(finished["actor"] == answer["actor"])
        #expect(finished["id"] == "3d860870-82e2-545d-acb4-56fdddfb5d45")
        #expect(finished["context"]?["registration"] == answer["context"]?["registration"])
        #expect(finished["context"]?["extensions"] == ["https://kursus.invalid/xapi/extensions/course-version": "1.0.0"])
        #expect(opened["id"] == "c407d539-f2bd-5c59-8ee5-46eacf64d047")
        #expect(opened["actor"]?["account"]?["name"] == "anonymous-6e75dc19b6e0e44403190effa19fd816")
        #expect(opened["context"]?["registration"] == "ac3eaa75-3c4d-5206-856a-acb79b161d7a")
        #expect(opened["timestamp"] == "2025-03-03T00:00:00.000Z")

        // A second submission by the same learner cannot be linked to the first.
        let second = try made(.questionAnswered(unitID: "evaluering", attempt: 2, questionID: "relevans", answer: .likert(3), seconds: 6))
        #expect(second["actor"] != answer["actor"])
        #expect(second["context"]?["registration"] != answer["context"]?["registration"])

        // Nothing in them names the learner, their pseudonym, registration or statement-id scheme.
        let learner = try made(.sessionLaunched(session: 1))
        let pseudonymous = try #require(
            F.builder(settings: RecordSettings(pseudonymous: true)).statementValues(for: LearningEvent(at: F.time, .sessionLaunched(session: 1)))
                .first)
        let anonymousText = [answer, other, finished, opened, second].map(JSONWriter.string).joined()
        for secret in [
            "anna", StatementBuilderTests.registration, pseudonymous["actor"]?["account"]?["name"]?.stringValue ?? "?",
            pseudonymous["context"]?["registration"]?.stringValue ?? "?", learner["context"]?["registration"]?.stringValue ?? "?", "09:15",
        ] {
            #expect(!anonymousText.contains(secret), "\(secret)")
        }
        // The statement id is not the learner's scheme either.
        #expect(
            answer["id"]?.stringValue
                != UUIDv5.string(
                    name:
                        "kursus-statement:https://kursus.invalid anna https://kursus.invalid/xapi/courses/digital-kompetence/units/evaluering/attempts/1/questions/relevans"
                ))
        // Another learner's submission gets other ids.
        let bo = try #require(
            F.builder(learner: "bo").statementValues(
                for: LearningEvent(
                    at: F.time, .questionAnswered(unitID: "evaluering", attempt: 1, questionID: "relevans", answer: .likert(3), seconds: 6))
            ).first)
        #expect(bo["actor"] != answer["actor"])
        #expect(bo["id"] != answer["id"])
    }

    @Test("a survey is anonymous only when it says so; a quiz is never anonymous")
    func onlyWhenAsked() throws {
        var quizzes = F.quizzes
        quizzes["quiz-teknik"]?.anonymous = true
        let builder = StatementBuilder(
            course: F.course, quizzes: quizzes, scenarios: [:], learnerID: "anna", settings: .default, siteSecret: F.secret)
        let quizAnswer = try #require(
            builder.statementValues(
                for: LearningEvent(
                    at: F.time, .questionAnswered(unitID: "quiz-teknik", attempt: 1, questionID: "kamera", answer: .option("spoerg"), seconds: 1))
            ).first)
        #expect(quizAnswer["actor"]?["account"]?["name"] == "anna")
        let survey = try #require(
            builder.statementValues(
                for: LearningEvent(
                    at: F.time, .questionAnswered(unitID: "selvvurdering", attempt: 1, questionID: "tryg", answer: .likert(0), seconds: 1))
            ).first)
        #expect(survey["actor"]?["account"]?["name"] == "anna")
    }

    @Test("course content with control sequences never reaches the bytes unescaped, and ids are percent-encoded")
    func hostileContent() throws {
        var course = F.course
        course.title = "Kursus\u{1B}]0;hacked\u{07}\u{1B}[2J"
        course.modules[0].title = "Modul \u{202E}desrever\u{202C}"
        course.modules[0].units[0].id = "lektion 1/../x"
        course.language = "dansk sprog"
        let builder = F.builder(course: course)
        let statements = F.everyEvent.map { event -> LearningEvent in
            var event = event
            if case .unitOpened(let unit, let n) = event.kind, unit == "forberedelse" {
                event.kind = .unitOpened(unitID: "lektion 1/../x", opening: n)
            }
            return event
        }.flatMap { builder.statements(for: $0) }
        for statement in statements {
            for byte in statement.json { #expect(byte >= 0x20 && byte != 0x7F) }
            let text = String(decoding: statement.json, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { JSONWriter.mustEscape($0) })
            #expect(StatementValidator.problems(in: statement.json).isEmpty, "\(StatementValidator.problems(in: statement.json))")
        }
        let opened = try #require(builder.statementValues(for: LearningEvent(at: F.time, .unitOpened(unitID: "lektion 1/../x", opening: 1))).first)
        #expect(opened["object"]?["id"] == "https://kursus.invalid/xapi/courses/digital-kompetence/units/lektion%201%2F..%2Fx")
        // A course language that is no language tag becomes 'und', so the maps stay valid.
        #expect(opened["context"]?["language"] == "und")
        #expect(opened["context"]?["contextActivities"]?["grouping"]?.arrayValue?.first?["definition"]?["name"] == ["und": .string(course.title)])
    }

    @Test("extreme numbers from a damaged record still give valid statements")
    func extremes() {
        let outcome = ScenarioOutcome(ending: "godt", title: "x", score: Int.min, rating: nil, passed: true)
        let events: [LearningEvent.Kind] = [
            .sessionEnded(session: Int.max, seconds: Int.max),
            .attemptFinished(unitID: "quiz-teknik", attempt: -1, scorePercent: .nan, passed: true, seconds: -5),
            .attemptFinished(unitID: "quiz-teknik", attempt: 1, scorePercent: 1e300, passed: false, seconds: 0),
            .questionAnswered(unitID: "quiz-teknik", attempt: 1, questionID: "ilt", answer: .number(.infinity), seconds: 1),
            .questionAnswered(unitID: "quiz-teknik", attempt: 1, questionID: "trin", answer: .order(["?", "Hils", "Hils"]), seconds: 1),
            .questionAnswered(unitID: "selvvurdering", attempt: 1, questionID: "tryg", answer: .likert(-7), seconds: 1),
            .scenarioEnded(unitID: "scenarie-inger", run: 1, outcome: outcome, seconds: 1),
            .scenarioEnded(unitID: "ukendt", run: 1, outcome: outcome, seconds: 1),
            .scenarioChoice(
                unitID: "scenarie-inger", run: 1, step: 0,
                choice: ScenarioStep(node: "mangler", option: 99, text: "", feedback: "", quality: nil, timedOut: false)),
        ]
        for kind in events {
            for date in [F.time, Date(timeIntervalSince1970: .nan), .distantFuture] {
                let statements = F.builder().statements(for: LearningEvent(at: date, kind))
                #expect(statements.count == 1)
                for statement in statements { #expect(StatementValidator.problems(in: statement.json) == [], "\(kind)") }
            }
        }
    }

    @Test("every statement the builder makes passes the validator")
    func allValid() {
        for settings in [
            RecordSettings.default,
            RecordSettings(activityBase: "https://kursus.region.dk/xapi/", accountHomePage: "https://login.region.dk", pseudonymous: true),
        ] {
            for event in F.everyEvent {
                for statement in F.builder(settings: settings).statements(for: event) {
                    #expect(StatementValidator.problems(in: statement.json) == [], "\(event.kind)")
                }
            }
        }
    }
}
