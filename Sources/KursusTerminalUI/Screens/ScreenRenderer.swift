import KursusEngine

/// Draws the whole screen for a state: the one entry point the runtime and tests use.
public enum ScreenRenderer {
    /// The session: the start screen, or the course for the learner playing it.
    public static func render(_ session: SessionState, views: UnitViews, context: ScreenContext, columns: Int, rows: Int) -> Grid {
        // The signed-in learner's language and contrast, on every screen at once.
        let context = context.applying(session.learnerSettings)
        var grid = screen(session, views: views, context: context, columns: columns, rows: rows)
        if let lockAt = session.idleLockAt, let now = session.now, !Chrome.isTooSmall(columns: columns, rows: rows) {
            IdleWarningView.draw(lockAt: lockAt, now: now, context, into: &grid)
        }
        if context.highContrast { HighContrast.apply(to: &grid) }
        return grid
    }

    /// The screen under the idle lock's countdown.
    static func screen(_ session: SessionState, views: UnitViews, context: ScreenContext, columns: Int, rows: Int) -> Grid {
        if let settingsScreen = session.settingsScreen, let settings = session.learnerSettings {
            var grid = Grid(width: columns, height: rows)
            if Chrome.isTooSmall(columns: columns, rows: rows) {
                TooSmallScreen.draw(context, into: &grid)
            } else {
                var context = context
                switch session.phase {
                case .catalogue(let learner, _), .playing(let learner, _): context = playerContext(session, learner, context)
                case .start: break
                }
                SettingsView.draw(
                    settingsScreen, settings: settings, idleLockSeconds: session.configuration.idleLockSeconds, context, into: &grid)
            }
            return grid
        }
        switch session.phase {
        case .start(let screen):
            var grid = Grid(width: columns, height: rows)
            if Chrome.isTooSmall(columns: columns, rows: rows) {
                TooSmallScreen.draw(context, into: &grid)
            } else {
                let title = session.hasCatalogue ? context.strings(.catalogueTitle) : session.course.title
                StartScreenView.draw(screen, course: title, context, into: &grid)
            }
            return grid
        case .catalogue(let learner, let screen):
            var grid = Grid(width: columns, height: rows)
            if Chrome.isTooSmall(columns: columns, rows: rows) {
                TooSmallScreen.draw(context, into: &grid)
            } else {
                let name = playerContext(session, learner, context).learnerName
                CatalogueView.draw(screen, courses: session.configuration.catalogue, learnerName: name, context, into: &grid)
            }
            return grid
        case .playing(let learner, let player):
            return render(player, views: views, context: playerContext(session, learner, context), columns: columns, rows: rows)
        }
    }

    /// One course as one learner sees it.
    public static func render(_ state: PlayerState, views: UnitViews, context: ScreenContext, columns: Int, rows: Int) -> Grid {
        var grid = Grid(width: columns, height: rows)
        if Chrome.isTooSmall(columns: columns, rows: rows) {
            TooSmallScreen.draw(context, into: &grid)
            return grid
        }
        switch state.screen {
        case .menu: MenuScreen.draw(state, context, into: &grid)
        case .unit(let unit): views.draw(state, unit, context, into: &grid)
        }
        // An overlay covers the screen: nothing under it can be clicked or has the cursor.
        if state.problemsTop != nil || state.helpVisible || state.messageBox != nil { grid.cover() }
        if let top = state.problemsTop { ProblemsOverlay.draw(state, top: top, context, into: &grid) }
        if state.helpVisible { HelpOverlay.draw(context, into: &grid) }
        if let message = state.messageBox { MessageBox.draw(message, context, into: &grid) }
        if case .failed(let message) = state.saveStatus {
            SaveFailureView.drawLine(message, context, into: &grid)
            if let warning = state.quitWarning {
                grid.cover()
                SaveFailureView.drawWarning(warning, message: message, context, into: &grid)
            }
        }
        return grid
    }

    /// The context a learner's screens are drawn with: their name (or the preview banner).
    public static func playerContext(_ session: SessionState, _ learner: LearnerSummary, _ context: ScreenContext) -> ScreenContext {
        var context = context.applying(session.learnerSettings)
        context.learnerName = learner.team.map { "\(learner.displayName) \(context.symbols.separator) \($0)" } ?? learner.displayName
        context.isPreview = session.configuration.preview
        context.hasCatalogue = session.hasCatalogue
        return context
    }

    /// The viewport the engine works with for a terminal size.
    public static func viewport(columns: Int, rows: Int) -> Viewport {
        Viewport(columns: columns, rows: rows, bodyRows: Chrome.bodyRows(forHeight: rows))
    }
}
