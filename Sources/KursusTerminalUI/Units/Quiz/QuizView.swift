import KursusEngine

/// A quiz or survey unit's view. Pages other than a question scroll, so their length is
/// measured; the page is laid out again only when the unit, phase or width changes.
final class QuizView: UnitView {
    private var measured: (unitID: String, phase: QuizPhase, columns: Int)?

    func draw(_ player: PlayerState, _ state: QuizState, _ context: ScreenContext, into grid: inout Grid) {
        QuizScreen.draw(player, state, context, into: &grid)
    }

    func measure(_ player: PlayerState, _ state: QuizState, _ context: ScreenContext, columns: Int, rows: Int) -> ContentMeasure? {
        guard state.phase != .question else { return nil }
        if let measured, measured == (state.unitID, state.phase, columns), state.scroll.lineCount != nil { return nil }
        measured = (state.unitID, state.phase, columns)
        let lines = QuizScreen.page(player, state, context, width: LessonScreen.textWidth(forColumns: columns)).lines.count
        return lines == state.scroll.lineCount ? nil : .lines(lines)
    }
}
