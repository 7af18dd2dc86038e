import Testing

@testable import KursusCourse

/// A choice that adds to the score and can be taken again and again makes a new search
/// state for every total: the score search stops at its own bound, far below the run
/// graph's, and says that the range it found may be narrower than the true one
/// (issue 16: a fuzzed scenario of this shape took 18 s to validate).
struct ScenarioScoreSearchBoundTests {
    static let loop = """
        nodes:
          - id: spoerg
            choice: Hvad gør du?
            options:
              - {text: Spørg igen, feedback: Hun svarer igen, goto: spoerg, effects: [{add: score, value: 1}]}
              - {text: Afslut, feedback: Tak for i dag, goto: slut}
          - {id: slut, ending: Slut, debrief: D}
        """

    @Test func aScoreThatGrowsInALoopStopsTheSearchAtItsOwnBound() throws {
        let scenario = try ScenarioFixtures.valid(Self.loop)
        let range = try #require(ScenarioValidator.scoreRange(scenario))
        #expect(!range.complete)
        #expect(range.minimum == 0)
        #expect(range.maximum > 0 && range.maximum < ScenarioScoreSearch.searchLimit)
        #expect(ScenarioScoreSearch.searchLimit <= 25_000)
        #expect(range.description.contains("search stopped at 25000 states"))
    }

    @Test func aLoopThatDoesNotTouchTheScoreIsSearchedToTheEnd() throws {
        let scenario = try ScenarioFixtures.valid(Self.loop.replacingOccurrences(of: ", effects: [{add: score, value: 1}]", with: ""))
        let range = try #require(ScenarioValidator.scoreRange(scenario))
        #expect(range == ScoreRange(minimum: 0, maximum: 0, complete: true))
    }

    @Test func theRunChecksOfSuchALoopWithAPassRuleStopAtTheSameBound() throws {
        // A pass rule keeps the score in the run states, so the loop makes one per total.
        let scenario = try ScenarioFixtures.valid("pass:\n  endings: [slut]\n" + Self.loop)
        let space = ScenarioStateSpace(scenario)
        #expect(!space.complete)
        #expect(space.states.count <= ScenarioScoreSearch.searchLimit)
        let poor = ScenarioStateSpace(scenario, trackPoor: true)
        #expect(poor.states.count <= ScenarioScoreSearch.searchLimit)
        // Without a pass rule the score is left out and the same loop is two states.
        let unscored = try ScenarioFixtures.valid(Self.loop)
        #expect(ScenarioStateSpace(unscored).complete)
    }
}
