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
        if session.mode == .call {
            ScenarioCallScreen.draw(session, scenario: scenario, portraits: portraits, context: context, into: &grid)
        } else {
            ScenarioDebriefScreen.draw(session, scenario: scenario, context: context, maximumScore: maximumScore, into: &grid)
        }
        if let status = StatusLine.text(state, context) {
            // A failed save or a notice outranks the screen's own right-hand hint.
            let width = min(grid.width - 4, status.count)
            grid.fill(x: grid.width - width - 2, y: grid.height - 1, width: width + 1)
            grid.put(status, x: grid.width - width - 1, y: grid.height - 1, style: StatusLine.style(state), maxWidth: width)
        }
    }
}
