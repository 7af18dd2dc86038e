import Foundation
@testable import KursusCourse
import Testing

/// `kursus validate` on quiz, survey and scenario units: every check reaches the report
/// with the file, line and column of the place to fix.
@Suite("Validating quizzes, surveys and scenarios in a package")
struct PackageValidatorUnitKindTests {
    static let manifest = """
        format: kursus/1
        id: t
        title: T
        language: da
        version: "1"
        modules:
          - id: m
            title: M
            units:
              - {id: quiz, kind: quiz, title: Quiz, file: q.yaml}
              - {id: survey, kind: survey, title: Survey, file: s.yaml}
              - {id: gift, kind: quiz, title: Gift, file: g.gift}
              - {id: sc, kind: scenario, title: Scenarie, file: sc.yaml}
        """

    static let quiz = """
        format: kursus-quiz/1
        compare-with: quiz
        questions:
          - id: vaegte
            type: multiple
            text: Vælg
            options:
              - {text: A, weight: 40}
              - {text: B, weight: 40}
              - {text: C, weight: -50}
          - id: dobbelt
            type: single
            text: Vælg
            options:
              - {text: Samme, correct: true}
              - {text: Samme}
        """

    static let survey = """
        format: kursus-quiz/1
        compare-with: quiz
        questions:
          - id: tf
            type: true-false
            text: Scoret i en evaluering
            answer: true
        """

    static let scenario = """
        format: kursus-scenario/1
        id: sc
        title: Scenarie
        participants:
          - {id: p, name: Inger, role: citizen, portrait: billeder/mangler.txt}
        call: {device: tablet, connection: weak}
        nodes:
          - id: v
            choice: Hvad gør du?
            options:
              - {text: A, feedback: F, goto: slut}
              - {text: B, feedback: F, goto: slut}
          - {id: ensom, narration: Hertil kommer ingen, next: slut}
          - {id: slut, ending: Slut, debrief: D}
        """

    func validate(_ files: [String: String]) throws -> ValidationReport {
        let package = try TemporaryPackage(files: files)
        defer { package.remove() }
        let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Assets")
        return PackageValidator(scanAssets: { _ in [] }, assets: assets).validate(package.root, shownAs: "p")
    }

    @Test("quiz checks, a scored question in a survey, compare-with, GIFT errors, scenario dead ends and a missing portrait")
    func everyKind() throws {
        let report = try validate([
            "course.yaml": Self.manifest, "q.yaml": Self.quiz, "s.yaml": Self.survey,
            "g.gift": "Kun ét svar {=ja}\n\nUafsluttet {=a ~b\n", "sc.yaml": Self.scenario,
        ])
        #expect(!report.passed)
        let lines = report.diagnostics.map(\.description)
        func has(_ prefix: String, _ words: String) -> Bool {
            lines.contains { $0.hasPrefix(prefix) && $0.localizedCaseInsensitiveContains(words) }
        }
        #expect(has("p/q.yaml:4:5: error:", "weights add up to only 80 %"), "\(lines)")
        #expect(has("p/q.yaml:16:9: error:", "same text as option 1"), "\(lines)")
        #expect(has("p/q.yaml:2:15: error:", "'compare-with' names 'quiz', which is not a survey"), "\(lines)")
        #expect(has("p/s.yaml:4:5: error:", "a survey may hold only unscored questions"), "\(lines)")
        #expect(has("p/g.gift:3:12: error:", "never closed"), "an unterminated answer block at its place: \(lines)")
        #expect(has("p/sc.yaml:", "ensom"), "an unreachable node: \(lines)")
        #expect(has("p/sc.yaml:5:", "portrait file 'p/billeder/mangler.txt' not found"), "a missing portrait: \(lines)")
        #expect(report.summary.units == ["quiz": 2, "survey": 1, "scenario": 1])
    }

    @Test("a clean package: scenarios get a note with their reachable score range, and it passes")
    func clean() throws {
        let scenario = Self.scenario
            .replacingOccurrences(of: ", portrait: billeder/mangler.txt", with: ", portrait: \"assets:aeldre-kvinde\"")
            .replacingOccurrences(
                of: "{text: B, feedback: F, goto: slut}", with: "{text: B, feedback: F, goto: slut, effects: [{add: score, value: 2}]}"
            )
            .replacingOccurrences(of: "  - {id: ensom, narration: Hertil kommer ingen, next: slut}\n", with: "")
            .replacingOccurrences(
                of: "call: {device: tablet, connection: weak}", with: "call: {device: tablet, connection: weak}\nvariables:\n  score: 0")
        let manifest = Self.manifest.components(separatedBy: "\n").filter {
            !$0.contains("id: quiz,") && !$0.contains("id: survey,") && !$0.contains("id: gift,")
        }.joined(separator: "\n")
        let report = try validate(["course.yaml": manifest, "sc.yaml": scenario])
        #expect(report.passed, "\(report.diagnostics.map(\.description))")
        #expect(report.diagnostics.map(\.description) == ["p/sc.yaml:1:1: note: reachable scores 0 to 2"])
    }
}
