import Foundation
import KursusCourse
@testable import KursusEngine
import Testing

/// A scenario run below its pass rule: failed, or done when the course says failing is
/// enough (`completion: attempted`), and what that does to the course's percentage.
@Suite("Scenario completion: failing is enough")
struct ScenarioCompletionTests {
    @Test("failing is enough (completion: attempted): a run below the pass rule completes the unit, counts, and unlocks; a pass later passes it")
    func failingIsEnough() throws {
        let scenario = try ScenarioUnitTests.scenario()
        var state = PlayerState(content: ScenarioUnitTests.content(scenario, completion: .attempted), progress: .empty, viewport: Fixtures.viewport)
        _ = PlayerReducer.reduce(&state, .openUnit("sc"))
        _ = PlayerReducer.reduce(&state, .command(.number(3)))
        let effects = PlayerReducer.reduce(&state, .command(.open))
        #expect(effects.saves(state.progress))
        #expect(state.scenarioRecord("sc").finished.last?.outcome?.passed == false)
        #expect(state.progress.record("sc")?.outcome == .completed)
        #expect(state.status(of: state.course.allUnits[0]) == .completed)
        #expect(state.completion(of: state.units) == (done: 1, total: 2))
        #expect(!state.status(of: state.course.allUnits[1]).isLocked)
        _ = PlayerReducer.reduce(&state, .command(.open))
        _ = PlayerReducer.reduce(&state, .command(.letter("r")))
        _ = PlayerReducer.reduce(&state, .command(.number(2)))
        _ = PlayerReducer.reduce(&state, .command(.open))
        #expect(state.progress.record("sc")?.outcome == .passed)
        _ = PlayerReducer.reduce(&state, .command(.open))
        _ = PlayerReducer.reduce(&state, .command(.letter("r")))
        _ = PlayerReducer.reduce(&state, .command(.number(3)))
        _ = PlayerReducer.reduce(&state, .command(.open))
        #expect(state.progress.record("sc")?.outcome == .passed, "a later run below the rule keeps the pass")
    }

    @Test("without the setting a failed run counts for nothing toward the course's percentage")
    func failedCountsNothing() throws {
        var (state, _) = try ScenarioUnitTests.opened()
        _ = PlayerReducer.reduce(&state, .command(.number(3)))
        _ = PlayerReducer.reduce(&state, .command(.open))
        #expect(state.completion(of: state.units) == (done: 0, total: 2))
    }

    @Test("a run failed before the course said failing is enough: opening the unit marks it done")
    func attemptedAfterTheFact() throws {
        var (state, scenario) = try ScenarioUnitTests.opened()
        _ = PlayerReducer.reduce(&state, .command(.number(3)))
        _ = PlayerReducer.reduce(&state, .command(.open))
        #expect(state.progress.record("sc")?.outcome == .failed)
        var later = PlayerState(
            content: ScenarioUnitTests.content(scenario, completion: .attempted), progress: state.progress, viewport: Fixtures.viewport)
        #expect(later.status(of: later.course.allUnits[0]) == .failed, "until it is opened")
        let effects = PlayerReducer.reduce(&later, .openUnit("sc"))
        #expect(effects.saves(later.progress))
        #expect(later.progress.record("sc")?.outcome == .completed)
        #expect(later.completion(of: later.units) == (done: 1, total: 2))
    }
}
