import Foundation
import KursusCourse

extension ScenarioSession {
    static func reduceDebrief(_ session: inout ScenarioSession, _ input: ScenarioInput, _ scenario: Scenario, now: Date?) -> [ScenarioSessionEffect] {
        let page = max(1, session.debriefRows - 1)
        switch input {
        case .retry:
            return replace(&session, with: ScenarioMachine.start(scenario, seed: session.run.seed), now: now)
        case .pickRetryPoint:
            if !session.run.path.isEmpty { session.mode = .pickRetry(cursor: session.run.path.count - 1) }
        case .confirm, .back:
            return [.leave]
        case .up: moveDebrief(&session, by: -1)
        case .down: moveDebrief(&session, by: 1)
        case .scroll(let lines): moveDebrief(&session, by: lines)
        case .page(let pages): moveDebrief(&session, by: pages * page)
        case .top: session.debrief.offset = 0
        case .bottom:
            session.debrief.offset = session.debrief.lineCount == nil ? session.debrief.offset : session.debrief.maximum(rows: session.debriefRows)
        case .choose, .toggleTranscript, .tick, .debriefMeasured, .conversationMeasured:
            break
        }
        return []
    }

    static func moveDebrief(_ session: inout ScenarioSession, by lines: Int) {
        session.debrief.offset = max(0, session.debrief.offset.addingReportingOverflow(lines).partialValue)
        session.debrief.clamp(rows: session.debriefRows)
    }

    static func reducePicker(_ session: inout ScenarioSession, _ input: ScenarioInput, _ scenario: Scenario, cursor: Int, now: Date?)
        -> [ScenarioSessionEffect]
    {
        let count = session.run.path.count
        switch input {
        case .up: session.mode = .pickRetry(cursor: max(0, cursor - 1))
        case .down: session.mode = .pickRetry(cursor: min(max(0, count - 1), cursor + 1))
        case .top: session.mode = .pickRetry(cursor: 0)
        case .bottom: session.mode = .pickRetry(cursor: max(0, count - 1))
        case .choose(let number):
            if number >= 1, number <= count { session.mode = .pickRetry(cursor: number - 1) }
        case .confirm:
            guard let replay = ScenarioMachine.restart(session.run, scenario, from: cursor) else {
                session.mode = .debrief
                return []
            }
            return replace(&session, with: replay, now: now)
        case .back:
            session.mode = .debrief
        default:
            break
        }
        return []
    }
}
