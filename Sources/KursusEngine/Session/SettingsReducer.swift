import Foundation

/// The settings screen's state machine. It opens from the course menu or the catalogue
/// (`openSettings`, the `o` key), moves with ↑/↓, changes the row's value with ←/→, Enter
/// or space, and closes with Esc. Every change applies at once (the screens read
/// `SessionState.learnerSettings`) and is saved in the learner's profile (`saveSettings`).
enum SettingsReducer {
    /// `o`: opens the screen where a signed-in learner is on the course menu or in the
    /// catalogue. Elsewhere the key means nothing (and closes help, as any key does).
    static func open(_ state: inout SessionState) -> [SessionEffect] {
        guard !state.configuration.preview else { return SessionReducer.player(&state, .command(.other)) }
        switch state.phase {
        case .start:
            return []
        case .catalogue(_, let screen):
            guard screen.opening == nil else { return [] }
        case .playing(_, let player):
            guard player.screen == .menu, !player.helpVisible, player.messageBox == nil, player.problemsTop == nil, !player.isQuitting
            else { return SessionReducer.player(&state, .command(.other)) }
        }
        state.settingsScreen = SettingsScreen()
        return []
    }

    static func reduce(_ state: inout SessionState, _ event: SessionEvent) -> [SessionEffect] {
        guard var screen = state.settingsScreen else { return [] }
        switch event {
        case .command(let command):
            switch command {
            case .quit:
                // Quitting saves and ends as from the screen below.
                state.settingsScreen = nil
                return SessionReducer.input(&state, event)
            case .back, .letter("o"), .letter("O"):
                state.settingsScreen = nil
                return []
            case .lineUp: screen.selection = SettingsScreen.Row(rawValue: max(0, screen.selection.rawValue - 1)) ?? screen.selection
            case .lineDown:
                screen.selection =
                    SettingsScreen.Row(rawValue: min(SettingsScreen.Row.allCases.count - 1, screen.selection.rawValue + 1)) ?? screen.selection
            case .top, .pageUp: screen.selection = .timers
            case .bottom, .pageDown: screen.selection = SettingsScreen.Row.allCases.last ?? screen.selection
            case .left: return change(&state, &screen, forward: false)
            case .right, .open, .toggle: return change(&state, &screen, forward: true)
            default: break
            }
            state.settingsScreen = screen
            return []
        case .switchLearner:
            state.settingsScreen = nil
            return SessionReducer.input(&state, event)
        case .settingsSaveFailed(let message):
            screen.notice = .saveFailed(message: message)
            state.settingsScreen = screen
            return []
        default:
            return []
        }
    }

    /// Changes the selected setting, applies it and asks for it to be saved.
    static func change(_ state: inout SessionState, _ screen: inout SettingsScreen, forward: Bool) -> [SessionEffect] {
        let learner: LearnerSummary
        switch state.phase {
        case .start: return []
        case .catalogue(let signedIn, _), .playing(let signedIn, _): learner = signedIn
        }
        let settings = learner.settings.changing(screen.selection, forward: forward)
        apply(&state, settings)
        screen.notice = nil
        state.settingsScreen = screen
        return [.saveSettings(learnerID: learner.id, settings)]
    }

    /// Makes `settings` the signed-in learner's, and applies what the engine itself uses.
    static func apply(_ state: inout SessionState, _ settings: LearnerSettings) {
        switch state.phase {
        case .start:
            break
        case .catalogue(var learner, let screen):
            learner.settings = settings
            state.phase = .catalogue(learner, screen)
        case .playing(var learner, var player):
            learner.settings = settings
            player.timerScale = timerScale(settings, state.configuration)
            state.phase = .playing(learner, player)
        }
    }

    /// Whether scenario response timers run: the learner's setting, and never with `--plain`.
    static func timersEnabled(_ settings: LearnerSettings, _ configuration: SessionConfiguration) -> Bool {
        timerScale(settings, configuration) != nil
    }

    /// How many times their written seconds response timers run: the learner's setting
    /// (1, 2 or 4; nil for off), and never with `--plain` or in the linear mode.
    static func timerScale(_ settings: LearnerSettings, _ configuration: SessionConfiguration) -> Int? {
        configuration.plain ? nil : settings.timers.scale
    }
}
