import Foundation
import KursusCourse
@testable import KursusEngine
import Testing

/// A scenario unit inside the course player: open, load, play to an ending, resume,
/// an edited file, timers and plain mode.
@Suite("Scenario units in the player")
struct ScenarioUnitTests {
    static let here = SourceLocation(file: "course.yaml")
    static let course = course(completion: .passed)

    static func course(completion: UnitCompletion) -> Course {
        Course(
            id: "k", title: "K", language: "da", version: "1",
            modules: [
                CourseModule(
                    id: "m", title: "M",
                    units: [
                        CourseUnit(id: "sc", kind: .scenario, title: "Scenarie", file: "s.yaml", completion: completion, location: here),
                        CourseUnit(
                            id: "after", kind: .lesson, title: "Efter", file: "a.md", requires: [Requirement("sc", location: here)], location: here),
                    ], location: here)
            ],
            location: here)
    }

    /// No random branches, so every path's ending is known.
    static func scenario() throws -> Scenario {
        try ScenarioEngineFixtures.scenario(
            """
              - {id: start, narration: Du ringer op., next: hej}
              - {id: hej, say: inger, text: Hallo?, next: v1}
              - id: v1
                choice: Hvad gør du?
                timer: {seconds: 30, default: 3}
                options:
                  - {text: Aftaler plan B, feedback: Godt, quality: good, once: true, goto: v1, effects: [{set: plan_b, value: true}]}
                  - {text: Siger det højt, feedback: Fint, quality: good, goto: slut-godt, effects: [{add: score, value: 2}]}
                  - {text: Venter, feedback: Nej, quality: poor, goto: slut-skidt}
              - {id: slut-godt, ending: Godt, debrief: D, learning-points: [L1]}
              - {id: slut-skidt, ending: Skidt, debrief: D}
            """, variables: "score: 0\n  plan_b: false", extra: "pass: {min-score: 2}")
    }

    static func content(_ scenario: Scenario?, completion: UnitCompletion = .passed) -> CourseContent {
        CourseContent(course: course(completion: completion), scenarios: scenario.map { ["sc": $0] } ?? [:])
    }

    static func opened(progress: LearnerProgress = .empty, timers: Bool = true) throws -> (PlayerState, Scenario) {
        let scenario = try scenario()
        var state = PlayerState(content: content(scenario), progress: progress, viewport: Fixtures.viewport)
        state.timersEnabled = timers
        _ = PlayerReducer.reduce(&state, .openUnit("sc"))
        return (state, scenario)
    }

    @Test("opening starts a run at its first choice, notes the opening, and saves the run and a bookmark at once")
    func open() throws {
        var state = PlayerState(content: Self.content(try Self.scenario()), progress: .empty, viewport: Fixtures.viewport)
        let effects = PlayerReducer.reduce(&state, .command(.open))
        let run = try #require(state.scenarioPlay?.session.run)
        #expect(run.current == "v1", "the run advances to the first choice point")
        #expect(state.scenarioRecord("sc").current == run)
        #expect(state.scenarioRecord("sc").runNumber == 1)
        #expect(effects == [.save(state.progress, .unitOpened(unitID: "sc", opening: 1))])
        #expect(state.progress.bookmark == Bookmark(unitID: "sc", scroll: 0, inUnit: true))
        #expect(state.inputMode == .choices)
    }

    @Test("choices are saved as they are made; an ending completes the unit, a passing one passes it and unlocks what requires it")
    func playToEnding() throws {
        var (state, _) = try Self.opened()
        let effects = PlayerReducer.reduce(&state, .command(.number(2)))
        #expect(effects.isEmpty, "a digit only moves the cursor")
        let confirmed = PlayerReducer.reduce(&state, .command(.open))
        #expect(confirmed.saves(state.progress))
        let record = state.scenarioRecord("sc")
        #expect(record.finished.count == 1)
        #expect(record.finished[0].path.map(\.option) == [1])
        #expect(record.current?.isFinished == true)
        #expect(state.progress.record("sc")?.outcome == .passed)
        #expect(!state.status(of: Self.course.allUnits[1]).isLocked)
        #expect(state.scenarioPlay?.session.mode == .ended, "the call's last lines stay on screen")
        #expect(PlayerReducer.reduce(&state, .command(.open)).isEmpty, "Enter shows the debrief; nothing more to record")
        #expect(state.scenarioPlay?.session.mode == .debrief)
    }

    @Test(
        "a run below the pass rule fails the unit (✗, not done, what requires it stays locked); a pass later passes it, and a fail after that keeps the pass"
    )
    func failedThenPassed() throws {
        var (state, _) = try Self.opened()
        _ = PlayerReducer.reduce(&state, .command(.number(3)))
        _ = PlayerReducer.reduce(&state, .command(.open))
        #expect(state.scenarioRecord("sc").finished.last?.outcome?.title == "Skidt")
        #expect(state.progress.record("sc")?.outcome == .failed)
        #expect(state.status(of: Self.course.allUnits[0]) == .failed)
        #expect(state.completion(of: [Self.course.allUnits[0]]).done == 0)
        #expect(state.status(of: Self.course.allUnits[1]).isLocked)
        // Retry from the debrief and pass: the unit is passed and both runs are kept.
        _ = PlayerReducer.reduce(&state, .command(.open))
        _ = PlayerReducer.reduce(&state, .command(.letter("r")))
        _ = PlayerReducer.reduce(&state, .command(.number(2)))
        _ = PlayerReducer.reduce(&state, .command(.open))
        #expect(state.scenarioRecord("sc").finished.count == 2)
        #expect(state.progress.record("sc")?.outcome == .passed)
        // A third run below the rule: still passed.
        _ = PlayerReducer.reduce(&state, .command(.open))
        _ = PlayerReducer.reduce(&state, .command(.letter("r")))
        _ = PlayerReducer.reduce(&state, .command(.number(3)))
        _ = PlayerReducer.reduce(&state, .command(.open))
        #expect(state.scenarioRecord("sc").finished.count == 3)
        #expect(state.progress.record("sc")?.outcome == .passed)
    }

    @Test("leaving mid-run keeps the run; reopening resumes at the same choice with the same path")
    func resume() throws {
        var (state, scenario) = try Self.opened()
        _ = PlayerReducer.reduce(&state, .command(.number(1)))
        _ = PlayerReducer.reduce(&state, .command(.open))
        let before = try #require(state.scenarioPlay?.session.run)
        #expect(before.path.count == 1)
        _ = PlayerReducer.reduce(&state, .command(.back))
        #expect(state.screen == .menu)
        var later = PlayerState(content: Self.content(scenario), progress: state.progress, viewport: Fixtures.viewport)
        #expect(PlayerReducer.reduce(&later, .started(Fixtures.viewport)).isEmpty, "the bookmark says the menu")
        _ = PlayerReducer.reduce(&later, .openUnit("sc"))
        let after = try #require(later.scenarioPlay?.session.run)
        #expect(after.path == before.path)
        #expect(after.current == before.current)
        #expect(after.variables == before.variables)
        #expect(later.scenarioPlay?.restartedAfterEdit == false)
    }

    @Test("a run that no longer fits the edited file starts again with its seed, and the learner is told")
    func editedFile() throws {
        var (state, _) = try Self.opened()
        _ = PlayerReducer.reduce(&state, .command(.number(1)))
        _ = PlayerReducer.reduce(&state, .command(.open))
        let seed = try #require(state.scenarioPlay?.session.run.seed)
        let edited = try ScenarioEngineFixtures.scenario(
            """
              - {id: start, narration: Ny begyndelse, next: valg}
              - id: valg
                choice: Hvad nu?
                options:
                  - {text: A, feedback: F, goto: slut}
              - {id: slut, ending: Slut, debrief: D}
            """)
        var later = PlayerState(content: Self.content(edited), progress: state.progress, viewport: Fixtures.viewport)
        _ = PlayerReducer.reduce(&later, .openUnit("sc"))
        #expect(later.scenarioPlay?.restartedAfterEdit == true)
        #expect(later.notice == .scenarioRestarted)
        #expect(later.scenarioPlay?.session.run.seed == seed)
        #expect(later.scenarioPlay?.session.run.current == "valg")
    }

    @Test("the clock runs the call clock and the response timer; the default option is taken when it runs out")
    func timer() throws {
        var (state, _) = try Self.opened()
        let start = Date(timeIntervalSince1970: 2_000_000)
        for second in 0...31 { _ = PlayerReducer.reduce(&state, .tick(start.addingTimeInterval(Double(second)), active: true)) }
        let run = try #require(state.scenarioPlay?.session.run)
        #expect(run.elapsedSeconds >= 30)
        #expect(run.path.first?.timedOut == true)
        #expect(state.scenarioRecord("sc").current?.path.first?.timedOut == true, "the timed-out choice is saved")
    }

    @Test("plain mode: no response timer, however long the learner takes")
    func plainMode() throws {
        var (state, _) = try Self.opened(timers: false)
        let start = Date(timeIntervalSince1970: 2_000_000)
        for second in 0...90 { _ = PlayerReducer.reduce(&state, .tick(start.addingTimeInterval(Double(second)), active: true)) }
        #expect(state.scenarioPlay?.session.run.path.isEmpty == true)
    }

    @Test("the session's plain flag comes from the workstation configuration")
    func plainFromConfiguration() {
        var configuration = SessionConfiguration(preview: true)
        configuration.plain = true
        var session = SessionState(content: Self.content(nil), configuration: configuration, viewport: Fixtures.viewport)
        _ = SessionReducer.reduce(&session, .started(Fixtures.viewport, now: Date(timeIntervalSince1970: 0)))
        #expect(session.player?.timersEnabled == false)
    }

    @Test("a scenario whose file could not be read stays closed; the notice says it is the scenario")
    func unreadableScenario() {
        var state = PlayerState(content: Self.content(nil), progress: .empty, viewport: Fixtures.viewport)
        _ = PlayerReducer.reduce(&state, .openUnit("sc"))
        #expect(state.screen == .menu)
        #expect(
            state.notice
                == .unitFailed(kind: .scenario, message: "'Scenarie': its scenario file could not be read; run 'kursus validate' for the reason"))
        #expect(state.progress.record("sc") == nil, "a unit that did not open is not recorded as opened")
    }

    @Test("the key that opens the scenario, and a key within 300 ms of a choice, do not answer it (times from the clock ticks)")
    func answerGuardThroughPlayer() throws {
        let scenario = try Self.scenario()
        let start = Date(timeIntervalSince1970: 1_900_000_000)
        var state = PlayerState(content: Self.content(scenario), progress: .empty, viewport: Fixtures.viewport)
        _ = PlayerReducer.reduce(&state, .tick(start, active: true))
        _ = PlayerReducer.reduce(&state, .command(.open))
        #expect(state.scenarioPlay?.session.choiceShownAt == ScenarioSession.milliseconds(start))
        // The runtime sends a tick with the key's time before the key.
        _ = PlayerReducer.reduce(&state, .tick(start.addingTimeInterval(0.08), active: true))
        #expect(PlayerReducer.reduce(&state, .command(.open)).isEmpty)
        #expect(state.scenarioPlay?.session.run.path.isEmpty == true, "the double Enter from the menu is not an answer")
        _ = PlayerReducer.reduce(&state, .tick(start.addingTimeInterval(0.45), active: true))
        _ = PlayerReducer.reduce(&state, .command(.open))
        #expect(state.scenarioPlay?.session.run.path.count == 1)
        // Plan B led back to the choice at 0.45 s; an Enter at 0.6 s is too soon.
        _ = PlayerReducer.reduce(&state, .tick(start.addingTimeInterval(0.6), active: true))
        _ = PlayerReducer.reduce(&state, .command(.open))
        #expect(state.scenarioPlay?.session.run.path.count == 1)
        _ = PlayerReducer.reduce(&state, .tick(start.addingTimeInterval(0.8), active: true))
        _ = PlayerReducer.reduce(&state, .command(.open))
        #expect(state.scenarioPlay?.session.run.path.count == 2)
    }

    @Test("the player's timer scale reaches the scenario: ×2 doubles the response timer")
    func timerScaleFromPlayer() throws {
        let scenario = try Self.scenario()
        var state = PlayerState(content: Self.content(scenario), progress: .empty, viewport: Fixtures.viewport)
        state.timerScale = 2
        _ = PlayerReducer.reduce(&state, .openUnit("sc"))
        #expect(state.scenarioPlay?.session.secondsLeft(scenario) == 60)
        let start = Date(timeIntervalSince1970: 2_000_000)
        for second in 0...45 { _ = PlayerReducer.reduce(&state, .tick(start.addingTimeInterval(Double(second)), active: true)) }
        #expect(state.scenarioPlay?.session.run.path.isEmpty == true, "45 s of 60: not yet")
        for second in 46...61 { _ = PlayerReducer.reduce(&state, .tick(start.addingTimeInterval(Double(second)), active: true)) }
        #expect(state.scenarioPlay?.session.run.path.first?.timedOut == true)
        state.timersEnabled = false
        #expect(state.timerScale == nil)
        state.timersEnabled = true
        #expect(state.timerScale == 1)
    }

    @Test("the conversation's measurement from the screen reaches the session; a finished run resumes on its debrief")
    func measuredAndResumedFinished() throws {
        var (state, scenario) = try Self.opened()
        _ = PlayerReducer.reduce(&state, .windowMeasured(unitID: "sc", lines: 9, rows: 4))
        #expect(state.scenarioPlay?.session.conversation.position == ScrollPosition(offset: 5, lineCount: 9))
        _ = PlayerReducer.reduce(&state, .windowMeasured(unitID: "other", lines: 1, rows: 1))
        #expect(state.scenarioPlay?.session.conversation.rows == 4, "a measurement for another unit is ignored")
        _ = PlayerReducer.reduce(&state, .command(.number(2)))
        _ = PlayerReducer.reduce(&state, .command(.open))
        #expect(state.scenarioPlay?.session.mode == .ended)
        // kill -9 here: the outcome is already in the progress; the next start shows the debrief.
        var later = PlayerState(content: Self.content(scenario), progress: state.progress, viewport: Fixtures.viewport)
        _ = PlayerReducer.reduce(&later, .openUnit("sc"))
        #expect(later.scenarioPlay?.session.mode == .debrief)
        #expect(later.progress.record("sc")?.outcome == .passed)
    }
}
