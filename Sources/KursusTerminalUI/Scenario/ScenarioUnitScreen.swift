import KursusCourse
import KursusEngine

/// A scenario unit inside the player: the call or the debrief once the file is read,
/// with the learner's name (or the preview banner) on the title line.
enum ScenarioUnitScreen {
    static func draw(_ state: PlayerState, _ play: ScenarioPlay, portraits: [String: [String]], maximumScore: Int? = nil, _ context: ScreenContext, into grid: inout Grid) {
        guard let scenario = play.scenario, let session = play.session else {
            let title = state.course.unit(withID: play.unitID)?.title ?? ""
            Chrome.draw(into: &grid, title: title, titleRight: context.titleRight, hints: context.strings(.readerHints), hintsRight: "", symbols: context.symbols)
            grid.put("  " + context.strings(.quizLoading), x: 0, y: Chrome.bodyTop, style: .muted)
            return
        }
        // A failed save or a notice takes the right of the key line, as on every screen.
        let status = StatusLine.text(state, context).map { (text: $0, style: StatusLine.style(state)) }
        if session.mode == .call {
            ScenarioCallScreen.draw(session, scenario: scenario, portraits: portraits, context: context, status: status, into: &grid)
        } else {
            ScenarioDebriefScreen.draw(session, scenario: scenario, context: context, maximumScore: maximumScore, status: status, into: &grid)
        }
    }
}
