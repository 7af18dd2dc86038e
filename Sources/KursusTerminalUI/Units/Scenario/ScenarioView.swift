import KursusCourse
import KursusEngine

/// A scenario unit's view: the call (or its full transcript) or the debrief, with the
/// learner's name (or the preview banner) on the title line. Portraits are read once per
/// scenario; the debrief is measured again only when the run or the size changes, the
/// conversation whenever it or its box changes.
final class ScenarioView: UnitView {
    private let readPortraits: (Scenario) -> [String: [String]]
    private var portraits: (unitID: String, scenario: Scenario, byParticipant: [String: [String]])?
    private var measured: (columns: Int, rows: Int, session: ScenarioSession)?

    init(portraits: @escaping (Scenario) -> [String: [String]]) {
        readPortraits = portraits
    }

    func draw(_ player: PlayerState, _ state: ScenarioState, _ context: ScreenContext, into grid: inout Grid) {
        // A failed save or a notice takes the right of the key line, as on every screen.
        let status = StatusLine.text(player, context).map { (text: $0, style: StatusLine.style(player)) }
        switch state.session.mode {
        case .call, .ended:
            if state.session.transcriptOpen {
                ScenarioTranscriptScreen.draw(state.session, scenario: state.scenario, context: context, status: status, into: &grid)
            } else {
                ScenarioCallScreen.draw(
                    state.session, scenario: state.scenario, portraits: portraits(state), context: context, status: status, into: &grid)
            }
        case .debrief, .pickRetry:
            ScenarioDebriefScreen.draw(
                state.session, scenario: state.scenario, context: context, maximumScore: state.maximumScore, status: status, into: &grid)
        }
    }

    func measure(_ player: PlayerState, _ state: ScenarioState, _ context: ScreenContext, columns: Int, rows: Int) -> ContentMeasure? {
        let session = state.session
        switch session.mode {
        case .call, .ended:
            return measureConversation(state, context, columns: columns, rows: rows)
        case .debrief, .pickRetry:
            if let measured, measured.columns == columns, measured.rows == rows, measured.session.run == session.run,
                measured.session.mode == session.mode, session.debrief.lineCount != nil
            {
                return nil
            }
            measured = (columns, rows, session)
            let lines = ScenarioDebriefScreen.lineCount(
                session, scenario: state.scenario, context: context, maximumScore: state.maximumScore, columns: columns)
            return lines == session.debrief.lineCount ? nil : .lines(lines)
        }
    }

    /// The conversation's length and its box's rows (the full transcript's when it is
    /// open), when they differ from what the session knows.
    private func measureConversation(_ state: ScenarioState, _ context: ScreenContext, columns: Int, rows: Int) -> ContentMeasure? {
        let session = state.session
        let lines: Int
        let boxRows: Int
        if session.transcriptOpen {
            lines = ScenarioTranscriptScreen.lineCount(session, scenario: state.scenario, context: context, columns: columns)
            boxRows = Chrome.bodyRows(forHeight: rows)
        } else {
            let layout = ScenarioCallScreen.Layout(session, state.scenario, portraits: portraits(state), context, width: columns, height: rows)
            lines =
                ScenarioWords.conversation(session.run, state.scenario, width: layout.box.innerWidth, context, compact: layout.box.isCompact).count
            boxRows = max(1, layout.box.innerRows)
        }
        let scroll = session.activeScroll
        let entries = session.run.transcript.count + (session.run.stuck == nil ? 0 : 1)
        if scroll.position.lineCount == lines, scroll.rows == boxRows, session.measuredEntries == entries { return nil }
        return .window(lines: lines, rows: boxRows)
    }

    private func portraits(_ state: ScenarioState) -> [String: [String]] {
        if let portraits, portraits.unitID == state.unitID, portraits.scenario == state.scenario { return portraits.byParticipant }
        let loaded = readPortraits(state.scenario)
        portraits = (state.unitID, state.scenario, loaded)
        return loaded
    }
}
