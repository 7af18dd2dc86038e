import Foundation
import KursusCourse

/// A scenario unit inside the course player: starting or resuming a run, handing the
/// learner's commands to the scenario's own session reducer, and recording what it
/// reports. A run is completed at any ending and passed when the ending meets the
/// file's pass rule; once passed, a unit stays passed.
enum ScenarioFeature: UnitFeature {
    static func open(_ context: inout UnitContext) -> Result<(ScenarioState, [UnitEffect]), UnitFailure> {
        guard let scenario = context.content.scenarios[context.unit.id] else {
            return .failure(UnitFailure("'\(context.unit.title)': its scenario file could not be read; run 'kursus validate' for the reason"))
        }
        var record = context.record.scenarioRecord
        let session: ScenarioSession
        var restarted = false
        if let saved = record.current, let resumed = ScenarioMachine.restart(saved, scenario, from: saved.path.count) {
            var run = resumed
            run.elapsedSeconds = saved.elapsedSeconds
            session = ScenarioSession(run: run, timerScale: context.timerScale)
        } else {
            // A new run, or the file changed under the saved run: start with the same seed.
            let seed = record.current?.seed ?? AttemptBuilder.seed(unitID: context.unit.id, number: record.finished.count + 1, time: context.now)
            restarted = record.current != nil
            session = ScenarioSession.start(scenario, seed: seed, timerScale: context.timerScale)
            record.beginRun()
        }
        var state = ScenarioState(unitID: context.unit.id, scenario: scenario, session: session, restartedAfterEdit: restarted)
        // The key that opened the unit does not answer its first choice.
        state.session.choiceShownAt = context.now.map(ScenarioSession.milliseconds)
        var effects: [UnitEffect] = restarted ? [.notice(.scenarioRestarted)] : []
        if record.current != session.run {
            record.current = session.run
            effects.append(.save)
        }
        context.record.scenario = record
        // A run below the pass rule finished before the course said failing is enough:
        // the unit is done now (saved with the opening).
        if context.unit.completion == .attempted, context.record.outcome == .failed, !record.finished.isEmpty {
            context.record.markCompleted(at: context.now)
        }
        searchMaximum(&state)
        return .success((state, effects))
    }

    static func reduce(_ state: inout ScenarioState, _ event: UnitEvent, _ context: inout UnitContext) -> [UnitEffect] {
        switch event {
        case .command(let command):
            guard let input = input(for: command) else { return [] }
            return send(&state, input, &context)
        case .tick(let seconds, let paused):
            // Help and message boxes pause the call clock and the response timer.
            if paused { return [] }
            context.record.addActiveTime(seconds)
            return send(&state, .tick(seconds), &context)
        case .contentMeasured(let lines):
            return send(&state, .debriefMeasured(lines: lines, rows: context.viewport.bodyRows), &context)
        case .windowMeasured(let lines, let rows):
            return send(&state, .conversationMeasured(lines: lines, rows: rows), &context)
        case .resized:
            state.session.debrief.clamp(rows: context.viewport.bodyRows)
            return []
        case .reloaded:
            // Save the run as it stands, then resume it in the edited file.
            keepRun(state, &context)
            switch open(&context) {
            case .success(let (reopened, effects)):
                state = reopened
                return effects + [.save]
            case .failure(let failure):
                return [.leave, .notice(.unitFailed(kind: context.unit.kind, message: failure.message))]
            }
        case .edit:
            return []
        }
    }

    static func inputMode(_ state: ScenarioState, record: UnitRecord?) -> InputMode { .choices }

    /// The scenario's keys. ↑/↓ move the option cursor (and scroll where there are no
    /// options); `u`/`d` scroll the conversation a line at a time in every mode, PgUp/PgDn
    /// (`b`/`f`) a page, Home/End (`g`/`G`) to the first or the newest line.
    static func input(for command: PlayerCommand) -> ScenarioInput? {
        switch command {
        case .lineUp: .up
        case .lineDown: .down
        case .letter("u"), .letter("U"): .scroll(-1)
        case .letter("d"), .letter("D"): .scroll(1)
        case .pageUp, .letter("b"), .letter("B"): .page(-1)
        case .pageDown, .letter("f"), .letter("F"): .page(1)
        case .top: .top
        case .bottom: .bottom
        case .number(let n): .choose(n)
        case .open, .right: .confirm
        case .back, .left: .back
        case .letter("t"), .letter("T"): .toggleTranscript
        case .letter("r"), .letter("R"): .retry
        case .letter("v"), .letter("V"): .pickRetryPoint
        default: nil
        }
    }

    /// Hands one input to the session and records what it reports.
    static func send(_ state: inout ScenarioState, _ input: ScenarioInput, _ context: inout UnitContext) -> [UnitEffect] {
        let before = context.record.scenarioRecord.current
        if !context.answerGuard { state.session.choiceShownAt = nil }
        let effects = ScenarioSession.reduce(&state.session, input, state.scenario, now: context.now)
        if case .tick = input {} else { state.restartedAfterEdit = false }
        var result: [UnitEffect] = []
        for effect in effects {
            var record = context.record.scenarioRecord
            switch effect {
            case .progressChanged(let run):
                noteChoices(from: before, to: run, &record, &context)
                record.current = run
                context.record.scenario = record
                result.append(.save)
            case .runFinished(let run):
                record.current = run
                record.finished.append(run)
                context.record.scenario = record
                if let outcome = run.outcome {
                    context.note(.scenarioEnded(unitID: state.unitID, run: record.runNumber, outcome: outcome, seconds: run.elapsedSeconds))
                }
                switch run.outcome?.passed {
                case true?:
                    context.record.setAssessed(passed: true, at: context.now)
                case false? where context.unit.completion == .attempted:
                    // The course says failing is enough: a finished run completes the unit
                    // (a pass, now or later, still shows as passed).
                    if context.record.outcome != .passed { context.record.markCompleted(at: context.now) }
                case false?:
                    // Below the scenario's pass rule: failed (✗ in the menu, not done), as
                    // a failed quiz; a later failed run never takes a pass away.
                    if context.record.outcome != .passed { context.record.setAssessed(passed: false, at: context.now) }
                case nil:
                    // No pass rule: every finished run completes the unit.
                    context.record.markCompleted(at: context.now)
                }
                result.append(.save)
            case .leave:
                keepRun(state, &context)
                result.append(.leave)
            }
        }
        if state.session.mode != .call { searchMaximum(&state) }
        return result
    }

    /// Notes each choice the learner made since `before`. A new run (a retry, or replay
    /// from a chosen point) gets the next run number; the choices it replays are not
    /// made again, so only the ones after them are noted.
    static func noteChoices(from before: ScenarioRun?, to run: ScenarioRun, _ record: inout ScenarioRecord, _ context: inout UnitContext) {
        let sameRun = before.map { $0.seed == run.seed && run.path.starts(with: $0.path) && !$0.isFinished } ?? false
        if !sameRun { record.beginRun() }
        let known = sameRun ? before?.path.count ?? 0 : replayedSteps(before, run)
        for step in run.path.indices where step >= known {
            context.note(.scenarioChoice(unitID: context.unit.id, run: record.runNumber, step: step, choice: run.path[step]))
        }
    }

    /// How many leading steps a new run took over from the run before it.
    static func replayedSteps(_ before: ScenarioRun?, _ run: ScenarioRun) -> Int {
        guard let before else { return 0 }
        return zip(before.path, run.path).prefix { $0 == $1 }.count
    }

    /// Writes the run on screen into the record, so it resumes at the same choice.
    static func keepRun(_ state: ScenarioState, _ context: inout UnitContext) {
        var record = context.record.scenarioRecord
        guard record.current != state.session.run else { return }
        record.current = state.session.run
        context.record.scenario = record
    }

    /// The highest reachable score, searched once, when a debrief first shows.
    static func searchMaximum(_ state: inout ScenarioState) {
        guard state.session.mode != .call, state.searchedMaximum == nil else { return }
        guard state.scenario.nodes.count <= ScenarioState.scoreSearchLimit else {
            state.searchedMaximum = .some(nil)
            return
        }
        state.searchedMaximum = .some(ScenarioValidator.scoreRange(state.scenario).flatMap { $0.complete ? $0.maximum : nil })
    }
}
