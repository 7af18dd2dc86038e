import Foundation
@testable import KursusCourse
import Testing

/// `kursus validate`'s language parity: a translation may change texts only, and every
/// difference is reported at the translation's place, naming the main file's.
@Suite("Language parity")
struct LanguageParityTests {
    static func errors(_ changes: [(file: String, from: String, to: String)]) throws -> [String] {
        let copy = try BilingualFixture.copy(changes)
        defer { copy.remove() }
        return BilingualFixture.validator.validate(copy.root, shownAs: "k").diagnostics.errors.map(\.description)
    }

    @Test func theFixtureIsCleanInBothLanguages() {
        let report = BilingualFixture.validator.validate(BilingualFixture.folder, shownAs: "k")
        #expect(report.diagnostics.filter { $0.severity != .note }.isEmpty, "\(report.diagnostics.map(\.description))")
        #expect(report.summary.units == ["lesson": 1, "quiz": 2, "scenario": 1, "survey": 1])
    }

    @Test func aCorrectOptionMovedInTheTranslation() throws {
        let found = try Self.errors([
            (
                "quizzer/tjek.en.yaml", "      - text: Send a new link\n        feedback",
                "      - text: Send a new link\n        correct: true\n        feedback"
            ),
            ("quizzer/tjek.en.yaml", "        correct: true\n        feedback: Yes. Then you know", "        feedback: Yes. Then you know"),
        ])
        #expect(
            found == [
                "k/quizzer/tjek.en.yaml:9:9: error: the 'en' translation differs from the main file in the weight of question 1 option 1: '0' here, '100' at k/quizzer/tjek.yaml:9:9; a translation changes only texts",
                "k/quizzer/tjek.en.yaml:11:9: error: the 'en' translation differs from the main file in the weight of question 1 option 2: '100' here, '0' at k/quizzer/tjek.yaml:12:9; a translation changes only texts",
            ])
    }

    @Test func aQuestionIdAndAnOptionCountThatDiffer() throws {
        let found = try Self.errors([
            ("quizzer/tjek.en.yaml", "id: lyd", "id: sound"),
            ("quizzer/tjek.en.yaml", "      - text: Speak louder\n        feedback: No. It does not help if the microphone is muted.\n", ""),
        ])
        #expect(found.count == 4, "\(found)")
        #expect(
            found.contains {
                $0.hasPrefix(
                    "k/quizzer/tjek.en.yaml:16:5: error: the 'en' translation differs from the main file in the id of question 2: 'sound' here, 'lyd' at k/quizzer/tjek.yaml:16:5"
                )
            })
        #expect(found.contains { $0.contains("the number of options of question 2: '2' here, '3' at k/quizzer/tjek.yaml:16:5") })
        // What the translation lacks is reported at its question 2.
        #expect(
            found.contains(
                "k/quizzer/tjek.en.yaml:16:5: error: the 'en' translation lacks the weight of question 2 option 3 (0), which the main file has at k/quizzer/tjek.yaml:25:9"
            ))
        #expect(
            found.contains(
                "k/quizzer/tjek.en.yaml:16:5: error: the 'en' translation lacks the id of question 2 option 3 (3), which the main file has at k/quizzer/tjek.yaml:25:9"
            ))
    }

    @Test func giftMarksMustMatch() throws {
        let found = try Self.errors([("quizzer/moodle.en.gift", "~Nothing#", "=Nothing#")])
        #expect(
            found.contains {
                $0.hasPrefix("k/quizzer/moodle.en.gift:")
                    && $0.contains("the weight of question 1 option 3: '100' here, '0' at k/quizzer/moodle.gift:")
            }, "\(found)")
    }

    @Test func scenarioTargetsEffectsAndEndingsMustMatch() throws {
        let found = try Self.errors([
            ("scenarier/samtale.en.yaml", "effects: [{add: score, value: 1}], goto: middel}", "effects: [{add: score, value: 2}], goto: middel}"),
            ("scenarier/samtale.en.yaml", "    rating: mixed\n", "    rating: good\n"),
        ])
        #expect(
            found == [
                "k/scenarier/samtale.en.yaml:18:9: error: the 'en' translation differs from the main file in node 2 ('valg') option 2: 'to middel, rated mixed, effects score += 2, if always' here, 'to middel, rated mixed, effects score += 1, if always' at k/scenarier/samtale.yaml:18:9; a translation changes only texts",
                "k/scenarier/samtale.en.yaml:24:5: error: the 'en' translation differs from the main file in the ending node 4 ('middel'): 'score none, rated good' here, 'score none, rated mixed' at k/scenarier/samtale.yaml:24:5; a translation changes only texts",
            ])
    }

    @Test func aParticipantsAgeMustMatch() throws {
        let found = try Self.errors([("scenarier/samtale.en.yaml", "age: 70", "age: 71")])
        #expect(found.count == 1)
        #expect(found.first?.contains("the age of participant 1: '71' here, '70' at k/scenarier/samtale.yaml:") == true, "\(found)")
    }

    @Test func lessonFrontMatterKeysMustMatch() throws {
        let found = try Self.errors([("lektioner/01-velkommen.en.md", "minutes: 1\n", "")])
        #expect(
            found == [
                "k/lektioner/01-velkommen.en.md:1:1: error: the 'en' translation's front matter lacks 'minutes'; it must have the keys of the main file k/lektioner/01-velkommen.md (title, minutes, objectives)"
            ])
    }

    @Test func surveysMustMatch() throws {
        let found = try Self.errors([("quizzer/evaluering.en.yaml", "anonymous: true\n", "")])
        #expect(found.count == 1)
        #expect(found.first?.contains("'anonymous': 'false' here, 'true' at k/quizzer/evaluering.yaml:3:") == true, "\(found)")
    }
}
