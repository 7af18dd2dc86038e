import Foundation
import KursusCourse

extension ScenarioSession {
    /// Applies one input; returns what the player must do (save, record, leave). `now` is
    /// the time of the input (the runtime's clock just before the key), used only to keep
    /// a key pressed within `answerGuardMilliseconds` of a new choice from answering it;
    /// nil leaves the guard out.
    public static func reduce(_ session: inout ScenarioSession, _ input: ScenarioInput, _ scenario: Scenario, now: Date? = nil)
        -> [ScenarioSessionEffect]
    {
        switch input {
        case .debriefMeasured(let lines, let rows):
            session.debriefRows = max(1, rows)
            session.debrief.measured(lines, rows: session.debriefRows)
            return []
        case .conversationMeasured(let lines, let rows):
            let entries = session.run.transcript.count + (session.run.stuck == nil ? 0 : 1)
            let relaidOut = entries == session.measuredEntries
            session.measuredEntries = entries
            session.activeScroll.measured(lines: lines, rows: rows, relaidOut: relaidOut)
            return []
        default:
            break
        }
        switch session.mode {
        case .call, .ended:
            if session.transcriptOpen { return reduceTranscript(&session, input) }
            return session.mode == .call ? reduceCall(&session, input, scenario, now: now) : reduceEnded(&session, input)
        case .debrief: return reduceDebrief(&session, input, scenario, now: now)
        case .pickRetry(let cursor): return reducePicker(&session, input, scenario, cursor: cursor, now: now)
        }
    }

    static func reduceCall(_ session: inout ScenarioSession, _ input: ScenarioInput, _ scenario: Scenario, now: Date?) -> [ScenarioSessionEffect] {
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
            // A key right after the choice appeared was meant for what came before it.
            if let now, let shown = session.choiceShownAt, milliseconds(now) - shown < answerGuardMilliseconds { return [] }
            ScenarioMachine.choose(&session.run, scenario, optionIndex: offered[session.cursor])
            // The learner acted: the reply is shown, wherever they had scrolled to.
            session.conversation.toNewest()
            return afterMove(&session, now: now)
        case .back:
            return [.leave]
        case .toggleTranscript:
            openTranscript(&session)
        case .scroll, .page, .top, .bottom:
            scroll(&session, input)
        case .retry, .pickRetryPoint, .debriefMeasured, .conversationMeasured:
            break
        case .tick(let seconds):
            guard seconds > 0 else { return [] }
            ScenarioMachine.tick(&session.run, seconds: seconds)
            guard let limit = session.timerSeconds(scenario) else { return [] }
            session.choiceSeconds += seconds
            if session.choiceSeconds >= limit, ScenarioMachine.timeout(&session.run, scenario) {
                return afterMove(&session, now: now)
            }
        }
        return []
    }

    /// The call has ended: its last lines stay on screen; Enter goes on to the debrief.
    static func reduceEnded(_ session: inout ScenarioSession, _ input: ScenarioInput) -> [ScenarioSessionEffect] {
        switch input {
        case .confirm:
            session.mode = .debrief
        case .back:
            return [.leave]
        case .toggleTranscript:
            openTranscript(&session)
        case .up:
            session.conversation.scroll(by: -1)
        case .down:
            session.conversation.scroll(by: 1)
        case .scroll, .page, .top, .bottom:
            scroll(&session, input)
        default:
            break
        }
        return []
    }

    /// The full transcript covers the call: arrows, pages, Home and End scroll it; `t` or
    /// Esc closes it. The call clock runs on, but the response timer stands still while
    /// the learner reads back (as it does under help).
    static func reduceTranscript(_ session: inout ScenarioSession, _ input: ScenarioInput) -> [ScenarioSessionEffect] {
        switch input {
        case .tick(let seconds):
            ScenarioMachine.tick(&session.run, seconds: seconds)
        case .toggleTranscript, .back:
            session.transcriptOpen = false
        case .up:
            session.transcript.scroll(by: -1)
        case .down:
            session.transcript.scroll(by: 1)
        case .scroll, .page, .top, .bottom:
            scroll(&session, input)
        default:
            break
        }
        return []
    }

    static func openTranscript(_ session: inout ScenarioSession) {
        session.transcriptOpen = true
        // It opens at the newest line; its length is measured at its own width.
        session.transcript = ConversationScroll()
    }

    /// Line, page, first and newest for the conversation or the open transcript.
    static func scroll(_ session: inout ScenarioSession, _ input: ScenarioInput) {
        switch input {
        case .scroll(let lines): session.activeScroll.scroll(by: lines)
        case .page(let pages): session.activeScroll.scroll(pages: pages)
        case .top: session.activeScroll.toTop()
        case .bottom: session.activeScroll.toNewest()
        default: break
        }
    }

    static func replace(_ session: inout ScenarioSession, with run: ScenarioRun, now: Date?) -> [ScenarioSessionEffect] {
        session.run = run
        session.cursor = 0
        session.choiceSeconds = 0
        session.conversation = ConversationScroll()
        session.transcriptOpen = false
        session.measuredEntries = 0
        session.debrief = ScrollPosition()
        session.choiceShownAt = now.map(milliseconds)
        session.mode = run.isWaiting ? .call : .ended
        return run.isFinished ? [.progressChanged(run), .runFinished(run)] : [.progressChanged(run)]
    }

    /// After a choice (the learner's or the timer's): a new choice appears now, or the run
    /// has ended and its outcome is recorded at once while the call stays on screen.
    static func afterMove(_ session: inout ScenarioSession, now: Date?) -> [ScenarioSessionEffect] {
        session.cursor = 0
        session.choiceSeconds = 0
        session.choiceShownAt = now.map(milliseconds)
        if session.run.isFinished {
            session.mode = .ended
            return [.progressChanged(session.run), .runFinished(session.run)]
        }
        if session.run.stuck != nil { session.mode = .ended }
        return [.progressChanged(session.run)]
    }

    static func finishIfStuck(_ session: inout ScenarioSession) -> [ScenarioSessionEffect] {
        if !session.run.isWaiting { session.mode = .ended }
        return []
    }
}
