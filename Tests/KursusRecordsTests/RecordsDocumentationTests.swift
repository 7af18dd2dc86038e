import Foundation
import KursusCourse
import KursusEngine
import Testing
@testable import KursusRecords

/// docs/records.md shows one statement of each kind as the builder makes it from the
/// bundled course. This test makes them again and compares, so the documentation cannot
/// drift from the code. After a deliberate change, run it with
/// `KURSUS_WRITE_RECORD_EXAMPLES=/tmp/examples.md` to get the new blocks to paste.
@Suite("Records documentation")
struct RecordsDocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let settings = RecordSettings(activityBase: "https://kursus.region.example/xapi", accountHomePage: "https://login.region.example")
    /// A made-up site secret for the examples.
    static let secret = Data(repeating: 0x2A, count: 32)
    static let start = Date(timeIntervalSince1970: 1_741_079_702.25)

    static func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    static var examples: [(name: String, event: LearningEvent, pseudonymous: Bool)] {
        let choice = ScenarioStep(
            node: "v-kamera", option: 0,
            text:
                "\"Goddag Inger, det er din sygeplejerske. Jeg kan høre dig fint. Kan du se en lille tegning af et kamera nederst på skærmen? Tryk én gang på den.\"",
            feedback: "Du præsenterer dig, beroliger og giver én konkret handling ad gangen.", quality: .good, timedOut: false
        )
        return [
            ("session-launched", LearningEvent(at: at(0), .sessionLaunched(session: 4)), false),
            ("unit-opened", LearningEvent(at: at(0.5), .unitOpened(unitID: "forberedelse", opening: 1)), false),
            ("lesson-completed", LearningEvent(at: at(6), .lessonCompleted(unitID: "forberedelse")), false),
            (
                "question-answered",
                LearningEvent(
                    at: at(9),
                    .questionAnswered(
                        unitID: "quiz-videokonsultation", attempt: 2, questionID: "godkendt-loesning", answer: .option("2"), seconds: 38
                    )), false
            ),
            (
                "attempt-passed",
                LearningEvent(
                    at: at(16), .attemptFinished(unitID: "quiz-videokonsultation", attempt: 2, scorePercent: 85, passed: true, seconds: 412)), false
            ),
            (
                "scenario-choice",
                LearningEvent(at: at(18), .scenarioChoice(unitID: "scenarie-foerste-videobesoeg", run: 1, step: 0, choice: choice)), false
            ),
            (
                "scenario-ended",
                LearningEvent(
                    at: at(25),
                    .scenarioEnded(
                        unitID: "scenarie-foerste-videobesoeg", run: 1,
                        outcome: ScenarioOutcome(ending: "slut-god", title: "Godt videobesøg", score: 12, rating: .good, passed: true), seconds: 402
                    )), false
            ),
            (
                "anonymous-answer",
                LearningEvent(
                    at: at(27), .questionAnswered(unitID: "evaluering", attempt: 1, questionID: "relevans", answer: .likert(3), seconds: 7)), false
            ),
            (
                "anonymous-finished",
                LearningEvent(at: at(30), .attemptFinished(unitID: "evaluering", attempt: 1, scorePercent: nil, passed: nil, seconds: 160)), false
            ),
            ("session-ended", LearningEvent(at: at(31), .sessionEnded(session: 4, seconds: 1843)), false),
            ("pseudonymous-session-launched", LearningEvent(at: at(0), .sessionLaunched(session: 4)), true),
        ]
    }

    static func package() throws -> CoursePackage {
        let (package, diagnostics) = CoursePackageLoader.load(
            root.appendingPathComponent("Tests/Fixtures/digital-kompetence-v1"), shownAs: "digital-kompetence")
        return try #require(package, "\(diagnostics)")
    }

    static func statement(_ example: (name: String, event: LearningEvent, pseudonymous: Bool), _ package: CoursePackage) throws -> JSONValue {
        var settings = Self.settings
        settings.pseudonymous = example.pseudonymous
        let builder = StatementBuilder(
            course: package.course, quizzes: package.quizzes, scenarios: package.scenarios, learnerID: "anje04", settings: settings,
            siteSecret: secret, team: "Hold 2"
        )
        return try #require(builder.statementValues(for: example.event).first)
    }

    /// The JSON block after each `<!-- example: NAME -->` line.
    static func documentedExamples() throws -> [String: String] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/records.md"), encoding: .utf8)
        var found: [String: String] = [:]
        var name: String?
        var block: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let current = block {
                if line == "```" {
                    if let name { found[name] = current.joined(separator: "\n") }
                    block = nil
                    name = nil
                } else {
                    block = current + [line]
                }
            } else if line.hasPrefix("<!-- example: "), line.hasSuffix(" -->") {
                name = String(line.dropFirst("<!-- example: ".count).dropLast(" -->".count))
            } else if line == "```json", name != nil {
                block = []
            }
        }
        return found
    }

    @Test("every example in docs/records.md is exactly what the builder makes from the bundled course, and is valid")
    func examplesMatch() throws {
        let package = try Self.package()
        let documented = try Self.documentedExamples()
        let made = try Self.examples.map { try Self.statement($0, package) }
        if let path = ProcessInfo.processInfo.environment["KURSUS_WRITE_RECORD_EXAMPLES"] {
            let blocks = zip(Self.examples, made).map { "<!-- example: \($0.name) -->\n```json\n\(JSONWriter.pretty($1))\n```\n" }
            try blocks.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        for (example, statement) in zip(Self.examples, made) {
            #expect(StatementValidator.problems(in: statement) == [], "\(example.name)")
            let block = try #require(documented[example.name], "docs/records.md has no example '\(example.name)'")
            #expect(try JSONParser.parse(block) == statement, "docs/records.md, example '\(example.name)' differs from what the builder makes")
        }
        #expect(Set(documented.keys) == Set(Self.examples.map(\.name)))
    }

    @Test("the bundled evaluation survey is anonymous, and the other surveys are not")
    func bundledSurveys() throws {
        let package = try Self.package()
        #expect(package.quizzes["evaluering"]?.anonymous == true)
        #expect(package.quizzes["selvvurdering-start"]?.anonymous == false)
        #expect(package.quizzes["selvvurdering-slut"]?.anonymous == false)
    }
}
