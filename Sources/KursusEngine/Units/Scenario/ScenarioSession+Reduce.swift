import KursusCourse

extension ScenarioSession {
    /// Applies one input; returns what the player must do (save, record, leave).
    public static func reduce(_ session: inout ScenarioSession, _ input: ScenarioInput, _ scenario: Scenario) -> [ScenarioSessionEffect] {
        if case .debriefMeasured(let lines, let rows) = input {
            session.debriefRows = max(1, rows)
            session.debrief.measured(lines, rows: session.debriefRows)
            return []
        }
        switch session.mode {
        case .call: return reduceCall(&session, input, scenario)
        case .debrief: return reduceDebrief(&session, input, scenario)
        case .pickRetry(let cursor): return reducePicker(&session, input, scenario, cursor: cursor)
        }
    }

    static func reduceCall(_ session: inout ScenarioSession, _ input: ScenarioInput, _ scenario: Scenario) -> [ScenarioSessionEffect] {
        let offered = ScenarioMachine.availableOptions(session.run, scenario)
        switch input {
        case .up:
            session.cursor = max(0, session.cursor - 1)
        case .down:
            session.cursor = min(max(0, offered.count - 1), session.cursor + 1)
        case .choose(let number):
            if number >= 1, number <= offered.count { session.cursor = number - 1 }
        case .confirm:
            guard session.cursor < offered.count else { return finishIfStuck(&session) }
            ScenarioMachine.choose(&session.run, scenario, optionIndex: offered[session.cursor])
            return afterMove(&session)
        case .back:
            return [.leave]
        case .toggleTranscript:
            session.showTranscript.toggle()
        case .scroll(let lines):
            session.transcriptScroll = min(max(0, session.transcriptScroll - lines), max(0, session.run.transcript.count * 4))
        case .retry, .pickRetryPoint, .debriefMeasured:
            break
        case .tick(let seconds):
            guard seconds > 0 else { return [] }
            ScenarioMachine.tick(&session.run, seconds: seconds)
            guard session.timersEnabled, let timer = ScenarioMachine.timer(session.run, scenario) else { return [] }
            session.choiceSeconds += seconds
            if session.choiceSeconds >= timer.seconds, ScenarioMachine.timeout(&session.run, scenario) {
                return afterMove(&session)
            }
        }
        return []
    }

    static func reduceDebrief(_ session: inout ScenarioSession, _ input: ScenarioInput, _ scenario: Scenario) -> [ScenarioSessionEffect] {
        switch input {
        case .retry:
            return replace(&session, with: ScenarioMachine.start(scenario, seed: session.run.seed))
        case .pickRetryPoint:
            if !session.run.path.isEmpty { session.mode = .pickRetry(cursor: session.run.path.count - 1) }
        case .confirm, .back:
            return [.leave]
        case .up, .down, .scroll:
            let lines: Int
            switch input {
            case .up: lines = -1
            case .down: lines = 1
            case .scroll(let count): lines = count
            default: lines = 0
            }
            session.debrief.offset = max(0, session.debrief.offset + lines)
            session.debrief.clamp(rows: session.debriefRows)
        case .choose, .toggleTranscript, .tick, .debriefMeasured:
            break
        }
        return []
    }

    static func reducePicker(_ session: inout ScenarioSession, _ input: ScenarioInput, _ scenario: Scenario, cursor: Int) -> [ScenarioSessionEffect] {
        let count = session.run.path.count
        switch input {
        case .up: session.mode = .pickRetry(cursor: max(0, cursor - 1))
        case .down: session.mode = .pickRetry(cursor: min(max(0, count - 1), cursor + 1))
        case .choose(let number):
            if number >= 1, number <= count { session.mode = .pickRetry(cursor: number - 1) }
        case .confirm:
            guard let replay = ScenarioMachine.restart(session.run, scenario, from: cursor) else {
                session.mode = .debrief
                return []
            }
            return replace(&session, with: replay)
        case .back:
            session.mode = .debrief
        default:
            break
        }
        return []
    }

    static func replace(_ session: inout ScenarioSession, with run: ScenarioRun) -> [ScenarioSessionEffect] {
        session.run = run
        session.cursor = 0
        session.choiceSeconds = 0
        session.transcriptScroll = 0
        session.debrief = ScrollPosition()
        session.mode = run.isWaiting ? .call : .debrief
        return session.mode == .debrief && run.isFinished ? [.progressChanged(run), .runFinished(run)] : [.progressChanged(run)]
    }

    static func afterMove(_ session: inout ScenarioSession) -> [ScenarioSessionEffect] {
        session.cursor = 0
        session.choiceSeconds = 0
        session.transcriptScroll = 0
        if session.run.isFinished {
            session.mode = .debrief
            return [.progressChanged(session.run), .runFinished(session.run)]
        }
        if session.run.stuck != nil { session.mode = .debrief }
        return [.progressChanged(session.run)]
    }

    static func finishIfStuck(_ session: inout ScenarioSession) -> [ScenarioSessionEffect] {
        if !session.run.isWaiting { session.mode = .debrief }
        return []
    }
}
