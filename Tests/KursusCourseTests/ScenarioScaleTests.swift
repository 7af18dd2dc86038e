import Foundation
import Testing

@testable import KursusCourse

/// Long scenarios whose score is added to at every choice: the checks and the score
/// range leave the score out of the run states, so they stay complete and exact.
struct ScenarioScaleTests {
    /// A chain of `choices` choice points, each with a scored and an unscored option,
    /// narration between them, and two endings.
    static func chain(_ choices: Int, extra: String = "") -> String {
        var lines = ["nodes:"]
        for i in 0..<choices {
            lines.append("  - id: c\(i)\n    choice: Valg \(i)\n    options:")
            lines.append("      - {text: A, feedback: Godt, goto: s\(i), effects: [{add: score, value: 2}]}")
            lines.append("      - {text: B, feedback: Mindre godt, goto: s\(i)}")
            lines.append("  - {id: s\(i), say: inger, text: Replik \(i), next: \(i + 1 < choices ? "c\(i + 1)" : "sidst")}")
        }
        lines.append("  - id: sidst\n    choice: Slut?\n    options:")
        lines.append("      - {text: A, feedback: F, goto: slut-a}\n      - {text: B, feedback: F, goto: slut-b, if: plan_b}")
        lines.append("  - {id: slut-a, ending: En, debrief: D}")
        lines.append("  - {id: slut-b, ending: To, debrief: D}")
        return lines.joined(separator: "\n") + "\n" + extra
    }

    @Test func theScoreRangeOfALongScoredChainIsExactAndComplete() throws {
        // 2,000 scored choices: 2,001 totals at the end and 2 million (node, total)
        // states on the way, ten times the search's limit.
        let scenario = try ScenarioFixtures.valid(Self.chain(2_000))
        let range = try #require(ScenarioValidator.scoreRange(scenario))
        #expect(range == ScoreRange(minimum: 0, maximum: 4_000, complete: true))
    }

    @Test func theChecksOfALongScoredChainSeeEveryRun() throws {
        // `plan_b` is never set, so no run takes the second option of 'sidst' and
        // 'slut-b' is reachable by the arrows only. Seen only when every run state is
        // explored, which the score (not read by any condition) no longer prevents.
        let scenario = try ScenarioFixtures.valid(Self.chain(2_000))
        let diagnostics = ScenarioValidator.check(scenario)
        #expect(
            diagnostics.contains { $0.message == "no run can reach the ending 'slut-b': the conditions on the way to it never let a run through" })
        #expect(ScenarioStateSpace(scenario).states.count == 4_002)
    }

    @Test func thePathsGiveTheSameRangeAsTheSearchOnEveryBundledScenario() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Courses/digital-kompetence/scenarier")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 8)
        var compared = 0
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let scenario = try #require(ScenarioFile.parse(text, file: file).scenario)
            guard let start = scenario.nodeIndex[scenario.start], let paths = ScenarioScorePaths.range(scenario) else { continue }
            #expect(paths == ScenarioScoreSearch.search(scenario, from: start), "\(file)")
            compared += 1
        }
        #expect(compared >= 4)
    }

    @Test func setsAndFixedEndingScoresFollowTheSearch() throws {
        let scenario = try ScenarioFixtures.valid(
            """
            nodes:
              - id: a
                choice: Start
                options:
                  - {text: A, feedback: F, goto: b, effects: [{add: score, value: 5}]}
                  - {text: B, feedback: F, goto: b, effects: [{set: score, value: -3}]}
                  - {text: C, feedback: F, goto: fast}
              - {id: b, say: inger, text: Hej, next: c, effects: [{add: score, value: 1}]}
              - id: c
                choice: Igen
                options:
                  - {text: A, feedback: F, goto: slut}
                  - {text: B, feedback: F, goto: slut, effects: [{set: score, value: 10}]}
              - {id: slut, ending: Slut, debrief: D}
              - {id: fast, ending: Fast, debrief: D, score: 42}
            """)
        let start = try #require(scenario.nodeIndex[scenario.start])
        let search = ScenarioScoreSearch.search(scenario, from: start)
        #expect(search == ScoreRange(minimum: -2, maximum: 42, complete: true))
        #expect(ScenarioScorePaths.range(scenario) == .some(search))
    }

    @Test func aScoreThatAConditionReadsIsSearched() throws {
        let scenario = try ScenarioFixtures.valid(
            """
            nodes:
              - id: a
                choice: Start
                options:
                  - {text: A, feedback: F, goto: b, effects: [{add: score, value: 5}]}
                  - {text: B, feedback: F, goto: b}
              - id: b
                say: inger
                text: Hej
                next:
                  - {if: "score > 3", goto: slut}
                  - {goto: slut}
              - {id: slut, ending: Slut, debrief: D}
            """)
        #expect(ScenarioScorePaths.range(scenario) == nil)
        #expect(ScenarioValidator.scoreRange(scenario) == ScoreRange(minimum: 0, maximum: 5, complete: true))
    }
}
