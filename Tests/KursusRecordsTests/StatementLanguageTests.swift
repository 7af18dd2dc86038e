import Foundation
import KursusCourse
import KursusEngine
@testable import KursusRecords
import Testing

/// Statements of a course in Danish and English: every language map carries both
/// languages, whichever is played, and `context.language` is the one played.
@Suite("Statements in every language of the course")
struct StatementLanguageTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bilingual-course")
    static let time = Date(timeIntervalSince1970: 1_780_000_000)

    static func builder(_ language: String) throws -> (StatementBuilder, CoursePackage) {
        let package = try #require(CoursePackageLoader.load(fixture, shownAs: "k", language: language).package)
        let content = CourseContent(package)
        let builder = StatementBuilder(
            course: content.course, quizzes: content.quizzes, scenarios: content.scenarios, learnerID: "anna", settings: .default,
            siteSecret: Data(repeating: 7, count: 32), translations: content.translations)
        return (builder, package)
    }

    static func made(_ kind: LearningEvent.Kind, _ builder: StatementBuilder) throws -> JSONValue {
        let values = builder.statementValues(for: LearningEvent(at: time, kind))
        let value = try #require(values.first)
        #expect(StatementValidator.problems(in: value) == [])
        return value
    }

    @Test func anAnswerPlayedInEnglishNamesEverythingInBothLanguages() throws {
        let (builder, package) = try Self.builder("en")
        let question = try #require(package.quizzes["tjek"]?.questions.first)
        guard case .singleChoice(let options) = question.kind else { throw CancellationError() }
        let statement = try Self.made(
            .questionAnswered(unitID: "tjek", attempt: 1, questionID: "foerste-skridt", answer: .option(options[0].id), seconds: 5), builder)
        #expect(statement["context"]?["language"] == "en")
        let definition = statement["object"]?["definition"]
        #expect(
            definition?["description"] == [
                "da": "En borger ringer og kan ikke komme ind i mødet. Hvad gør du først?",
                "en": "A citizen phones and cannot get into the meeting. What do you do first?",
            ])
        #expect(
            definition?["choices"]?.arrayValue?.first?["description"] == [
                "da": "Spørger, hvad borgeren ser på skærmen lige nu", "en": "Ask what the citizen sees on the screen right now",
            ])
        #expect(definition?["correctResponsesPattern"] == [.string(options[0].id)])
        let feedback = statement["result"]?["extensions"]?["https://kursus.invalid/xapi/extensions/feedback"]
        #expect(feedback?["da"]?.stringValue?.contains("Ja. Så ved du, hvor borgeren er.") == true)
        #expect(feedback?["en"]?.stringValue?.contains("Yes. Then you know where the citizen is.") == true)
        let activities = statement["context"]?["contextActivities"]
        #expect(activities?["parent"]?.arrayValue?.first?["definition"]?["name"] == ["da": "Tjek dig selv", "en": "Check yourself"])
        let grouping = activities?["grouping"]?.arrayValue ?? []
        #expect(
            grouping.map { $0["definition"]?["name"] } == [
                ["da": "Grundlag", "en": "Basics"], ["da": "Et kursus på to sprog", "en": "A course in two languages"],
            ])
    }

    @Test func theSameAnswerPlayedInDanishDiffersOnlyInTheContextLanguage() throws {
        let (english, package) = try Self.builder("en")
        let (danish, _) = try Self.builder("da")
        guard case .singleChoice(let options) = package.quizzes["tjek"]?.questions.first?.kind else { throw CancellationError() }
        let kind = LearningEvent.Kind.questionAnswered(
            unitID: "tjek", attempt: 1, questionID: "foerste-skridt", answer: .option(options[1].id), seconds: 5)
        var fromEnglish = try Self.made(kind, english)
        let fromDanish = try Self.made(kind, danish)
        #expect(fromDanish["context"]?["language"] == "da")
        #expect(fromEnglish["id"] == fromDanish["id"])
        #expect(fromEnglish["object"] == fromDanish["object"])
        #expect(fromEnglish["result"] == fromDanish["result"])
        if case .object(var members) = fromEnglish, case .object(var context)? = members["context"] {
            context["language"] = "da"
            members["context"] = .object(context)
            fromEnglish = .object(members)
        }
        #expect(fromEnglish == fromDanish)
    }

    @Test func aScenarioChoiceCarriesBothLanguages() throws {
        let (builder, _) = try Self.builder("en")
        let step = ScenarioStep(
            node: "valg", option: 1, text: "Yes, let us get started.", feedback: "That works, but you do not check the sound.", quality: .mixed,
            timedOut: false)
        let statement = try Self.made(.scenarioChoice(unitID: "samtale", run: 1, step: 1, choice: step), builder)
        #expect(statement["object"]?["definition"]?["description"] == ["da": "Hvad siger du?", "en": "What do you say?"])
        #expect(
            statement["object"]?["definition"]?["choices"]?.arrayValue?[1]["description"] == [
                "da": "Ja, lad os gå i gang.", "en": "Yes, let us get started.",
            ])
        #expect(
            statement["result"]?["extensions"]?["https://kursus.invalid/xapi/extensions/feedback"] == [
                "da": "Det går, men du tjekker ikke lyden.", "en": "That works, but you do not check the sound.",
            ])
    }

    @Test func aCourseInOneLanguageKeepsItsOneLanguageMaps() throws {
        let course = Course(id: "c", title: "Kursus", language: "da", version: "1", modules: [], location: SourceLocation(file: "c"))
        let builder = StatementBuilder(
            course: course, quizzes: [:], scenarios: [:], learnerID: "anna", settings: .default, siteSecret: Data(repeating: 7, count: 32))
        let statement = try Self.made(.sessionLaunched(session: 1), builder)
        #expect(statement["object"]?["definition"]?["name"] == ["da": "Kursus"])
        #expect(statement["context"]?["language"] == "da")
    }
}

extension StatementLanguageTests {
    @Test func aLearnerWhoSwitchesLanguageKeepsIdsAndTeamAndGetsTheNewContextLanguage() throws {
        let package = try #require(CoursePackageLoader.load(Self.fixture, shownAs: "k").package)
        let danish = StatementBuilder(
            course: package.course, quizzes: package.quizzes, scenarios: package.scenarios, learnerID: "anna", settings: .default,
            siteSecret: Data(repeating: 7, count: 32), team: "Hold 2", translations: package.contents)
        let english = package.inLanguage("en")
        let switched = danish.inLanguage(
            course: english.course, quizzes: english.quizzes, scenarios: english.scenarios, translations: english.contents)
        let kind = LearningEvent.Kind.lessonCompleted(unitID: "velkommen")
        let before = try Self.made(kind, danish)
        let after = try Self.made(kind, switched)
        #expect(before["context"]?["language"] == "da")
        #expect(after["context"]?["language"] == "en")
        #expect(after["id"] == before["id"])
        #expect(after["actor"] == before["actor"])
        #expect(after["context"]?["team"] == before["context"]?["team"])
        #expect(after["context"]?["team"] != nil)
        #expect(after["object"] == before["object"])
    }
}
