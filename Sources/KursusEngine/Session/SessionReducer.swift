import Foundation

/// The session's behaviour: start screen, opening and closing learners, the idle lock and
/// the clock. The course player (`PlayerReducer`) runs under it while a learner plays.
public enum SessionReducer {
    /// Key presses older than this stop counting as active time.
    public static let activeWindow: TimeInterval = 180

    public static func reduce(_ state: inout SessionState, _ event: SessionEvent) -> [SessionEffect] {
        switch event {
        case let .started(viewport, now):
            state.viewport = viewport
            state.now = now
            state.lastActivity = now
            return start(&state)
        case .tick(let now):
            return tick(&state, now)
        case .resized(let viewport):
            state.viewport = viewport
            return player(&state, .resized(viewport))
        case .command, .text, .deleteBackward, .edit, .nextField, .switchLearner:
            state.lastActivity = state.now ?? state.lastActivity
            return input(&state, event)
        case .player(let event):
            return player(&state, event)
        default:
            return StartScreenReducer.reduce(&state, event)
        }
    }

    static func start(_ state: inout SessionState) -> [SessionEffect] {
        guard state.configuration.preview else { return [.loadLearners] }
        let trainer = LearnerSummary(id: "preview", displayName: "")
        var player = PlayerState(course: state.course, progress: .empty, viewport: state.viewport, unlockAll: true)
        player.timersEnabled = !state.configuration.plain
        player.now = state.now
        state.phase = .playing(trainer, player)
        var effects = self.player(&state, .started(state.viewport))
        if let unit = state.configuration.initialUnit {
            effects += self.player(&state, .openUnit(unit))
        }
        return effects
    }

    static func input(_ state: inout SessionState, _ event: SessionEvent) -> [SessionEffect] {
        guard case .playing = state.phase else { return StartScreenReducer.reduce(&state, event) }
        switch event {
        case .command(let command): return player(&state, .command(command))
        case .switchLearner: return signOut(&state, notice: nil)
        case .text(let character): return player(&state, .edit(.insert(character)))
        case .deleteBackward: return player(&state, .edit(.deleteBackward))
        case .edit(let edit): return player(&state, .edit(edit))
        default: return []
        }
    }

    static func tick(_ state: inout SessionState, _ now: Date) -> [SessionEffect] {
        state.now = now
        let idle = state.lastActivity.map { now.timeIntervalSince($0) } ?? 0
        let limit = state.configuration.idleLockSeconds.map(TimeInterval.init)
        let active = idle < min(activeWindow, limit ?? activeWindow)
        switch state.phase {
        case .playing:
            var effects = player(&state, .tick(now, active: active))
            if let limit, idle >= limit, !state.configuration.preview {
                effects += signOut(&state, notice: .idleLocked(minutes: max(1, Int(limit) / 60)))
            }
            return effects
        case .start(var screen):
            // Half-typed ids, names and PINs do not wait for the next person.
            if let limit, idle >= limit, screen.mode != initialMode(state), screen.learners != nil {
                screen.mode = initialMode(state)
                screen.notice = nil
                state.phase = .start(screen)
            }
            return []
        }
    }

    /// Saves and closes the learner, and shows the start screen: the next person at the
    /// workstation can neither see nor change this learner's work.
    static func signOut(_ state: inout SessionState, notice: StartScreen.Notice?) -> [SessionEffect] {
        guard case .playing(let learner, let player) = state.phase, !state.configuration.preview else { return [] }
        // With a hidden list, not even the name of who was here is shown to the next person.
        let name = state.configuration.hideLearnerList ? nil : learner.displayName
        state.phase = .start(StartScreen(mode: initialMode(state), notice: notice ?? .signedOut(name: name)))
        state.lastActivity = state.now
        return [.closeLearner(player.progress), .loadLearners]
    }

    static func initialMode(_ state: SessionState) -> StartScreen.Mode {
        state.configuration.hideLearnerList ? .typeID(TextField(maximumLength: 64)) : .list(selection: 0)
    }

    /// Runs the course player and lifts its effects. Its quit becomes a final save, the
    /// learner's release and the end of the program; in preview nothing is saved.
    static func player(_ state: inout SessionState, _ event: PlayerEvent) -> [SessionEffect] {
        guard case .playing(let learner, var player) = state.phase else { return [] }
        let effects = PlayerReducer.reduce(&player, event)
        state.phase = .playing(learner, player)
        var lifted: [SessionEffect] = []
        for effect in effects {
            switch effect {
            case .saveProgress:
                if !state.configuration.preview, !effects.contains(.quit) { lifted.append(.player(effect)) }
            case .layoutLesson, .loadQuiz, .loadScenario:
                lifted.append(.player(effect))
            case .quit:
                state.isQuitting = true
                if !state.configuration.preview { lifted.append(.closeLearner(player.progress)) }
                lifted.append(.quit)
            }
        }
        return lifted
    }
}
