import KursusCourse
import KursusEngine

/// A scenario unit's view: the call or the debrief, with the learner's name (or the
/// preview banner) on the title line. Portraits are read once per scenario; the debrief
/// is measured again only when the run or the size changes.
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
        if state.session.mode == .call {
            ScenarioCallScreen.draw(
                state.session, scenario: state.scenario, portraits: portraits(state), context: context, status: status, into: &grid)
        } else {
            ScenarioDebriefScreen.draw(
                state.session, scenario: state.scenario, context: context, maximumScore: state.maximumScore, status: status, into: &grid)
        }
    }

    func measure(_ player: PlayerState, _ state: ScenarioState, _ context: ScreenContext, columns: Int, rows: Int) -> ContentMeasure? {
        guard state.session.mode != .call else { return nil }
        if let measured, measured.columns == columns, measured.rows == rows, measured.session.run == state.session.run,
            measured.session.mode == state.session.mode, state.session.debrief.lineCount != nil
        {
            return nil
        }
        measured = (columns, rows, state.session)
        let lines = ScenarioDebriefScreen.lineCount(
            state.session, scenario: state.scenario, context: context, maximumScore: state.maximumScore, columns: columns)
        return lines == state.session.debrief.lineCount ? nil : .lines(lines)
    }

    private func portraits(_ state: ScenarioState) -> [String: [String]] {
        if let portraits, portraits.unitID == state.unitID, portraits.scenario == state.scenario { return portraits.byParticipant }
        let loaded = readPortraits(state.scenario)
        portraits = (state.unitID, state.scenario, loaded)
        return loaded
    }
}
