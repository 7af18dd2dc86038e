import Foundation
import KursusCourse
import Testing

/// The checks that follow runs under the values variables really take (issue 13): each
/// builds a broken package in a temporary folder, validates it, and checks the message
/// and its file:line:col.
@Suite("Scenario run checks in a package")
struct ScenarioRunCheckTests {
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
              - {id: sc, kind: scenario, file: sc.yaml}
        """

    /// Lines 1-7; the body starts at line 8.
    static let header = """
        format: kursus-scenario/1
        id: sc
        title: Scenarie
        participants:
          - {id: p, name: Inger, role: citizen, portrait: "assets:aeldre-kvinde"}
        variables:
          score: 0

        """

    static func validate(_ body: String) throws -> [String] {
        let package = try TemporaryPackage(files: ["course.yaml": manifest, "sc.yaml": header + body])
        defer { package.remove() }
        return PackageValidator(scanAssets: { _ in [] }).validate(package.root, shownAs: "p").diagnostics.map(\.description)
    }

    /// A choice worth 6 or 0 points, then one ending.
    static let sixOrNothing = """
        nodes:
          - id: v
            choice: Hvad gør du?
            options:
              - {text: A, feedback: F, effects: [{add: score, value: 6}], goto: slut}
              - {text: B, feedback: F, goto: slut}
          - {id: slut, ending: Slut, debrief: D}
        """

    @Test("a min-score above the highest reachable score is an error at the pass rule")
    func minScoreTooHigh() throws {
        let lines = try Self.validate("pass:\n  min-score: 40\n" + Self.sixOrNothing)
        #expect(
            lines.contains(
                "p/sc.yaml:9:3: error: 'min-score: 40' is more than the highest score a run can reach (6), so no learner can pass. Lower 'min-score' to 6 or less, or give more points for good choices"
            ), "\(lines)")
    }

    @Test("a pass rule only the highest score meets is a warning; a lower one is clean")
    func onlyPerfectPasses() throws {
        let lines = try Self.validate("pass:\n  min-score: 6\n" + Self.sixOrNothing)
        #expect(
            lines.contains(
                "p/sc.yaml:9:3: warning: only a run with the highest score a run can reach (6) passes 'min-score: 6': one choice short of the best fails the unit. Lower 'min-score', or pass by 'endings'"
            ), "\(lines)")
        let body = Self.sixOrNothing.replacingOccurrences(
            of: "{text: B, feedback: F, goto: slut}", with: "{text: B, feedback: F, effects: [{add: score, value: 5}], goto: slut}")
        let lower = try Self.validate("pass:\n  min-score: 5\n" + body)
        #expect(lower == ["p/sc.yaml:1:1: note: reachable scores 5 to 6"], "\(lower)")
    }

    @Test("a condition that is never true: the run that gets stuck is an error with its way there, the ending it guarded a warning")
    func conditionNeverTrue() throws {
        let lines = try Self.validate(
            """
            nodes:
              - id: v
                choice: Hvad gør du?
                options:
                  - {text: A, feedback: F, goto: b}
                  - {text: B, feedback: F, goto: slut}
              - id: b
                narration: Noget sker
                next:
                  - {if: false, goto: end-poor}
              - {id: slut, ending: Slut, debrief: D}
              - {id: end-poor, ending: Skidt, debrief: D}
            """)
        #expect(
            lines.contains(
                "p/sc.yaml:14:5: error: a run can reach 'b' when none of its conditions holds, so it goes no further. Add a last item with only 'goto'. The way there: choice 1 (v) option 1 → b"
            ), "\(lines)")
        #expect(
            lines.contains(
                "p/sc.yaml:19:5: warning: no run can reach the ending 'end-poor': the conditions on the way to it never let a run through"),
            "\(lines)")
        #expect(!lines.contains { $0.contains("has no way on when none") }, "the exact error replaces the guess: \(lines)")
    }

    @Test("a choice whose options are all switched off by a flag is an error naming the flag's value")
    func choiceWithNothingOffered() throws {
        let package = try TemporaryPackage(files: [
            "course.yaml": Self.manifest,
            "sc.yaml": Self.header.replacingOccurrences(of: "  score: 0\n", with: "  score: 0\n  klar: false\n")
                + """
                nodes:
                  - {id: a, narration: x, effects: [{set: klar, value: false}], next: v}
                  - id: v
                    choice: Hvad gør du?
                    options:
                      - {text: A, feedback: F, if: klar, goto: slut}
                  - {id: slut, ending: Slut, debrief: D}
                """,
        ])
        defer { package.remove() }
        let report = PackageValidator(scanAssets: { _ in [] }).validate(package.root, shownAs: "p").diagnostics.map(\.description)
        #expect(
            report.contains(
                "p/sc.yaml:11:5: error: a run can reach the choice 'v' when none of its options is offered (klar = false), so the learner is stuck. Give one option neither 'if' nor 'once'. The way there: v"
            ), "\(report)")
    }

    @Test("values that keep a run going round for ever are an error even when the arrows lead to an ending")
    func loopUnderValues() throws {
        let lines = try Self.validate(
            """
            nodes:
              - id: a
                narration: Igen
                next:
                  - {if: "score > 5", goto: slut}
                  - {goto: a}
              - {id: slut, ending: Slut, debrief: D}
            """)
        #expect(
            lines.contains(
                "p/sc.yaml:9:5: error: a run can reach 'a' with values from which no ending can be reached: it would go round for ever. The way there: a"
            ), "\(lines)")
    }

    static let poorThenGood = """
        nodes:
          - id: v-start
            choice: Hvordan starter du?
            options:
              - {text: A, feedback: F, quality: good, goto: v-lyd}
              - {text: B, feedback: F, quality: mixed, goto: v-lyd}
          - id: v-lyd
            choice: Lyden forsvinder. Hvad gør du?
            options:
              - {text: A, feedback: F, quality: good, goto: slut-god}
              - {text: B, feedback: F, quality: poor, goto: slut-god}
          - id: slut-god
            ending: Godt
            rating: good
            debrief: Du gjorde det hele rigtigt.
        """

    @Test("an ending rated good after an option rated poor: a warning at the option with the shortest way; allow-poor silences it")
    func poorBeforeGood() throws {
        let lines = try Self.validate(Self.poorThenGood)
        #expect(
            lines.contains(
                "p/sc.yaml:18:9: warning: option 2 of 'v-lyd' is rated poor, yet a run that chose it can reach 'slut-god', which is rated good, so its debrief would praise what the learner did not do: choice 1 (v-start) option 1 → choice 2 (v-lyd) option 2 → slut-god. Lead such runs to another ending (set a flag here and test it on the way), or add 'allow-poor: true' to 'slut-god'"
            ), "\(lines)")
        let allowed = try Self.validate(Self.poorThenGood + "\n    allow-poor: true")
        #expect(!allowed.contains { $0.contains("rated poor") }, "\(allowed)")
        let strict = ScenarioValidator.check(try ScenarioFixtures.valid(Self.poorThenGood), poorBeforeGood: .error)
        #expect(strict.errors.count == 1)
    }

    @Test("a run that can pass at an ending rated poor is a warning at that ending")
    func passAtPoorEnding() throws {
        let lines = try Self.validate(
            """
            nodes:
              - id: v
                choice: Hvad gør du?
                options:
                  - {text: A, feedback: F, goto: slut}
                  - {text: B, feedback: F, goto: skidt}
              - {id: slut, ending: Slut, debrief: D}
              - {id: skidt, ending: Skidt, rating: poor, debrief: D}
            """.replacingOccurrences(of: "nodes:", with: "pass:\n  min-score: 0\nnodes:"))
        #expect(
            lines.contains(
                "p/sc.yaml:17:5: warning: a run can pass at the ending 'skidt', which is rated poor: choice 1 (v) option 2 → skidt. Tighten 'pass' or change the rating"
            ), "\(lines)")
    }
}
