import Foundation
import KursusCourse

/// A scenario unit inside the course player, beside `LessonReducer` and `QuizReducer`:
/// loading, starting or resuming a run, handing the learner's commands to the scenario's
/// own session reducer, and recording what it reports. A run is completed at any
/// ending and passed when the ending meets the file's pass rule; once passed, a unit
/// stays passed.
enum ScenarioUnitReducer {
    static func open(_ state: inout PlayerState, _ unit: CourseUnit) -> [PlayerEffect] {
        PlayerReducer.enter(&state, unit, screen: .scenario(ScenarioPlay(unitID: unit.id)), load: .loadScenario(unitID: unit.id))
    }

    static func loaded(_ state: inout PlayerState, unitID: String, scenario: Scenario) -> [PlayerEffect] {
        guard var play = state.scenarioPlay, play.unitID == unitID else { return [] }
        play.scenario = scenario
        var record = state.scenarioRecord(unitID)
        if let saved = record.current {
            if let resumed = ScenarioMachine.restart(saved, scenario, from: saved.path.count) {
                var run = resumed
                run.elapsedSeconds = saved.elapsedSeconds
                play.session = ScenarioSession(run: run, timersEnabled: state.timersEnabled)
            } else {
                // The file changed under the saved run: start again with the same seed.
                play.session = ScenarioSession.start(scenario, seed: saved.seed, timersEnabled: state.timersEnabled)
                play.restartedAfterEdit = true
                state.notice = .scenarioRestarted
            }
        } else {
            let seed = AttemptBuilder.seed(unitID: unitID, number: record.finished.count + 1, time: state.now)
            play.session = ScenarioSession.start(scenario, seed: seed, timersEnabled: state.timersEnabled)
        }
        state.screen = .scenario(play)
        guard let run = play.session?.run, record.current != run else { return [] }
        record.current = run
        state.progress.update(unitID, at: state.now) { [record] in $0.scenario = record }
        return [PlayerReducer.save(&state)]
    }

    static func failed(_ state: inout PlayerState, unitID: String, message: String) -> [PlayerEffect] {
        guard let play = state.scenarioPlay, play.unitID == unitID else { return [] }
        return PlayerReducer.unitFailed(&state, message: message)
    }

    /// Learner commands as the scenario session's inputs.
    static func command(_ state: inout PlayerState, _ command: PlayerCommand) -> [PlayerEffect] {
        guard let play = state.scenarioPlay else { return [] }
        guard play.session != nil else { return command == .back ? leave(&state) : [] }
        let page = max(1, state.viewport.bodyRows - 1)
        let input: ScenarioInput
        switch command {
        case .lineUp: input = .up
        case .lineDown: input = .down
        case .pageUp: input = .scroll(-page)
        case .pageDown: input = .scroll(page)
        case .number(let n): input = .choose(n)
        case .open, .right: input = .confirm
        case .back, .left: input = .back
        case .letter("t"), .letter("T"): input = .toggleTranscript
        case .letter("r"), .letter("R"): input = .retry
        case .letter("v"), .letter("V"): input = .pickRetryPoint
        default: return []
        }
        return send(&state, input)
    }

    /// Hands one input to the session and carries out what it asks for.
    static func send(_ state: inout PlayerState, _ input: ScenarioInput) -> [PlayerEffect] {
        guard var play = state.scenarioPlay, let scenario = play.scenario, var session = play.session else { return [] }
        let effects = ScenarioSession.reduce(&session, input, scenario)
        play.session = session
        if case .tick = input {} else { play.restartedAfterEdit = false }
        state.screen = .scenario(play)
        var result: [PlayerEffect] = []
        var changed = false
        for effect in effects {
            var record = state.scenarioRecord(play.unitID)
            switch effect {
            case .progressChanged(let run):
                record.current = run
                state.progress.update(play.unitID, at: state.now) { [record] in $0.scenario = record }
                changed = true
            case .runFinished(let run):
                record.current = run
                record.finished.append(run)
                state.progress.update(play.unitID, at: state.now) { [record] in $0.scenario = record }
                if run.outcome?.passed == true {
                    state.progress.setAssessed(play.unitID, passed: true, at: state.now)
                } else {
                    state.progress.markCompleted(play.unitID, at: state.now)
                }
                changed = true
            case .leave:
                result += leave(&state)
            }
        }
        if changed { result.insert(PlayerReducer.save(&state), at: 0) }
        return result
    }

    /// Clock seconds for the call clock and response timers; saved only when the
    /// timer ran out and moved the run on (that arrives as progressChanged).
    static func tick(_ state: inout PlayerState, seconds: Int) -> [PlayerEffect] {
        guard let play = state.scenarioPlay, play.session != nil else { return [] }
        state.progress.addActiveTime(seconds, to: play.unitID)
        return send(&state, .tick(seconds))
    }

    /// Back to the menu; the run stays saved and resumes at the same choice.
    static func leave(_ state: inout PlayerState) -> [PlayerEffect] {
        guard let play = state.scenarioPlay else { return [] }
        var record = state.scenarioRecord(play.unitID)
        if let run = play.session?.run, record.current != run {
            record.current = run
            state.progress.update(play.unitID, at: state.now) { [record] in $0.scenario = record }
        }
        return PlayerReducer.leave(&state, unitID: play.unitID)
    }
}
