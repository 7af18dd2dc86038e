import Foundation
import KursusCourse
import KursusEngine
@testable import KursusRecords
import KursusTestSupport
import Testing

/// Statements of a course in Danish and English, played in English, accepted by a real
/// Ralph LRS and read back with both languages in every language map.
@Suite(.ralph, .serialized) struct StatementLanguageRalphTests {
    @Test func ralphStoresAndReturnsBothLanguages() throws {
        let ralph = try RalphScope.current()
        let package = try #require(CoursePackageLoader.load(StatementLanguageTests.fixture, shownAs: "k", language: "en").package)
        let content = CourseContent(package)
        let builder = StatementBuilder(
            course: content.course, quizzes: content.quizzes, scenarios: content.scenarios, learnerID: "anna", settings: .default,
            siteSecret: Data(repeating: 9, count: 32), team: "Hold 1", translations: content.translations)
        guard case .singleChoice(let options) = package.quizzes["tjek"]?.questions.first?.kind else { throw CancellationError() }
        let step = ScenarioStep(
            node: "valg", option: 0, text: "Yes. Can you hear me well?", feedback: "Good. You check the sound too.", quality: .good, timedOut: false)
        let kinds: [LearningEvent.Kind] = [
            .sessionLaunched(session: 1),
            .questionAnswered(unitID: "tjek", attempt: 1, questionID: "foerste-skridt", answer: .option(options[0].id), seconds: 5),
            .scenarioChoice(unitID: "samtale", run: 1, step: 1, choice: step),
        ]
        let made = kinds.flatMap { builder.statements(for: LearningEvent(at: StatementLanguageTests.time, $0)) }
        let client = try ralph.client()
        #expect(try client.postStatements(made.map(\.json)).storedIDs == made.map(\.id))
        let stored = try client.statements(LRSStatementQuery(limit: 100)).filter { fetched in made.contains { $0.id == fetched.id } }
        #expect(stored.count == 3)
        for fetched in stored {
            let value = try JSONParser.parse(fetched.json)
            #expect(value["context"]?["language"] == "en")
            let names = [value["object"]?["definition"]?["name"], value["object"]?["definition"]?["description"]].compactMap { $0 }
            #expect(!names.isEmpty)
            for map in names { #expect(Set(map.objectValue?.keys.map { $0 } ?? []) == ["da", "en"], "\(map)") }
        }
    }
}
