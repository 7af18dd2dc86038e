import KursusEngine

/// Draws the whole screen for a state: the one entry point the runtime and tests use.
public enum ScreenRenderer {
    public static func render(_ state: PlayerState, lesson: RenderedLesson?, context: ScreenContext, columns: Int, rows: Int) -> Grid {
        var grid = Grid(width: columns, height: rows)
        if Chrome.isTooSmall(columns: columns, rows: rows) {
            TooSmallScreen.draw(context, into: &grid)
            return grid
        }
        switch state.screen {
        case .menu:
            MenuScreen.draw(state, context, into: &grid)
        case .lesson(let position):
            ReaderScreen.draw(state, position, lesson, context, into: &grid)
        }
        if state.helpVisible { HelpOverlay.draw(context, into: &grid) }
        return grid
    }

    /// The viewport the engine works with for a terminal size.
    public static func viewport(columns: Int, rows: Int) -> Viewport {
        Viewport(columns: columns, rows: rows, bodyRows: Chrome.bodyRows(forHeight: rows))
    }
}
