import Foundation
@testable import KursusCourse
import Testing

/// Random damage to the bundled GIFT quiz and scenarios: reading and checking them never
/// crashes, and a model comes back exactly when no error was reported.
@Suite("Damaged GIFT and scenario files")
struct DamagedContentTests {
    static let course = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/digital-kompetence-v1")

    static func damaged(_ text: String, round: Int, random: inout SeededRandom, alphabet: [Character]) -> String {
        var characters = Array(text)
        for _ in 0...(round % 10) where !characters.isEmpty {
            let position = Int(random.next() % UInt64(characters.count))
            switch random.next() % 4 {
            case 0: characters.remove(at: position)
            case 1: characters.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: position)
            case 2: characters[position] = alphabet[Int(random.next() % UInt64(alphabet.count))]
            default:
                // Cut the file short, as a half-written copy would be.
                characters.removeSubrange(position...)
            }
        }
        return String(characters)
    }

    @Test("the bundled Moodle export, damaged 300 ways")
    func gift() throws {
        let good = try String(contentsOf: Self.course.appendingPathComponent("quizzer/teknik-moodle.gift"), encoding: .utf8)
        var random = SeededRandom(seed: 0x6F1F7)
        let alphabet = Array("{}=~#%:\\-> \n\t[]<>&;/$0123456789.TFabcæø\u{0}\u{1B}\u{FEFF}")
        var sawQuiz = 0
        for round in 0..<300 {
            let (quiz, diagnostics) = GiftParser.parse(Self.damaged(good, round: round, random: &random, alphabet: alphabet), file: "g.gift")
            #expect((quiz == nil) == diagnostics.hasErrors, "round \(round)")
            if let quiz {
                sawQuiz += 1
                _ = QuizChecks.diagnostics(for: quiz, isSurvey: false, surveyUnitIDs: [])
                _ = QuizYAMLWriter.yaml(for: quiz)
            }
        }
        #expect(sawQuiz > 0)
    }

    @Test("the bundled scenarios, damaged 150 ways each: parse, check and search scores")
    func scenarios() throws {
        let folder = Self.course.appendingPathComponent("scenarier")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 3)
        var random = SeededRandom(seed: 0x5CE7A)
        let alphabet = Array("\n :-[]{}&*!|>'\"#?,()<=@`\t0123456789.abcæø\u{0}\u{1B}")
        for file in files {
            let good = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for round in 0..<150 {
                let (scenario, diagnostics) = ScenarioFile.parse(Self.damaged(good, round: round, random: &random, alphabet: alphabet), file: file)
                // A scenario may come back with errors (the loader then refuses it), but
                // never is one missing without an error that says why.
                #expect(scenario != nil || diagnostics.hasErrors, "\(file) round \(round)")
                if let scenario {
                    // Even a partly read one: checking it must not crash.
                    _ = ScenarioValidator.check(scenario)
                    if !diagnostics.hasErrors, scenario.nodes.count < 100 { _ = ScenarioValidator.scoreRange(scenario) }
                }
            }
        }
    }
}
