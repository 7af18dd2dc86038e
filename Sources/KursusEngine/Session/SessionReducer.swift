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
        case .command, .text, .deleteBackward, .edit, .nextField, .switchLearner, .showCatalogue, .openSettings:
            state.lastActivity = state.now ?? state.lastActivity
            if state.idleLockAt != nil {
                // The key only cancels the idle lock's countdown; it does nothing else.
                state.idleLockAt = nil
                return []
            }
            if state.settingsScreen != nil { return SettingsReducer.reduce(&state, event) }
            // While the quit warning shows, only its answers count (no switching learner).
            if state.player?.quitWarning != nil {
                guard case .command(let command) = event else { return [] }
                return player(&state, .command(command))
            }
            if event == .openSettings { return SettingsReducer.open(&state) }
            return input(&state, event)
        case .settingsSaveFailed:
            return SettingsReducer.reduce(&state, event)
        case .player(let event):
            return player(&state, event)
        case .catalogueLoaded, .courseLoaded, .courseLoadFailed:
            return CatalogueReducer.reduce(&state, event)
        default:
            if case .catalogue = state.phase { return CatalogueReducer.reduce(&state, event) }
            return StartScreenReducer.reduce(&state, event)
        }
    }

    static func start(_ state: inout SessionState) -> [SessionEffect] {
        guard state.configuration.preview else { return [.loadLearners] }
        var effects = begin(&state, LearnerSummary(id: "preview", displayName: ""), .empty, unlockAll: true)
        if let unit = state.configuration.initialUnit {
            effects += self.player(&state, .openUnit(unit))
        }
        return effects
    }

    /// A learner (or the trainer in preview) begins playing: a new session in their
    /// record, then the player resumes where they left off.
    static func begin(_ state: inout SessionState, _ learner: LearnerSummary, _ progress: LearnerProgress, unlockAll: Bool) -> [SessionEffect] {
        var player = PlayerState(content: state.content, progress: progress, viewport: state.viewport, unlockAll: unlockAll)
        player.timerScale = SettingsReducer.timerScale(learner.settings, state.configuration)
        player.answerGuard = !state.configuration.linear
        player.now = state.now
        let session = (player.progress.sessions ?? 0) + 1
        player.progress.sessions = session
        player.sessionStartedAt = state.now
        player.unsavedEvents.append(LearningEvent(at: state.now ?? Date(timeIntervalSince1970: 0), .sessionLaunched(session: session)))
        state.phase = .playing(learner, player)
        state.lastActivity = state.now
        var effects = self.player(&state, .started(state.viewport))
        // The session's start reaches the disk even when resuming saved nothing.
        if case .playing(let learner, var player) = state.phase, !player.unsavedEvents.isEmpty {
            let save = PlayerReducer.save(&player)
            state.phase = .playing(learner, player)
            if !state.configuration.preview { effects.append(.player(save)) }
        }
        return effects
    }

    static func input(_ state: inout SessionState, _ event: SessionEvent) -> [SessionEffect] {
        switch state.phase {
        case .start: return StartScreenReducer.reduce(&state, event)
        case .catalogue: return CatalogueReducer.reduce(&state, event)
        case .playing: break
        }
        switch event {
        case .command(let command): return player(&state, .command(command))
        case .switchLearner:
            if warnBeforeLeaving(&state, .switchLearner) { return [] }
            return signOut(&state, notice: nil)
        case .showCatalogue:
            // Elsewhere than on the course menu the key means nothing (it closes help, as any key).
            let effects = CatalogueReducer.returnToCatalogue(&state)
            return effects.isEmpty ? player(&state, .command(.other)) : effects
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
            } else {
                effects += warnBeforeLock(&state, idle: idle)
            }
            return effects
        case .start(var screen):
            // Half-typed ids, names and PINs do not wait for the next person.
            if let limit, idle >= limit, screen.mode != state.configuration.initialStartMode, screen.learners != nil {
                screen.mode = state.configuration.initialStartMode
                screen.notice = nil
                state.phase = .start(screen)
            }
            return []
        case .catalogue:
            // Nothing is open in the catalogue: the next person sees the start screen.
            guard let limit, idle >= limit else { return warnBeforeLock(&state, idle: idle) }
            state.showStart(
                StartScreen(mode: state.configuration.initialStartMode, notice: .idleLocked(minutes: max(1, Int(limit) / 60))))
            state.lastActivity = now
            return [.loadLearners]
        }
    }

    /// The idle lock's countdown: shown `idleWarningSeconds` before the lock (the bell
    /// rings once then, if the learner asked for it); any key cancels it.
    static func warnBeforeLock(_ state: inout SessionState, idle: TimeInterval) -> [SessionEffect] {
        guard state.idleLockAt == nil, !state.configuration.preview, let limit = state.configuration.idleLockSeconds,
            let warning = state.idleWarningSeconds, let last = state.lastActivity, idle >= TimeInterval(limit - warning)
        else { return [] }
        state.idleLockAt = last.addingTimeInterval(TimeInterval(limit))
        return state.learnerSettings?.idleBell == true ? [.ringBell] : []
    }

    /// Saves and closes the learner, and shows the start screen: the next person at the
    /// workstation can neither see nor change this learner's work.
    static func signOut(_ state: inout SessionState, notice: StartScreen.Notice?) -> [SessionEffect] {
        guard case .playing(let learner, let player) = state.phase, !state.configuration.preview else { return [] }
        // With a hidden list, not even the name of who was here is shown to the next person.
        let name = state.configuration.hideLearnerList ? nil : learner.displayName
        var ending = player
        let events = ending.endSession()
        state.phase = .playing(learner, ending)
        var shown = notice ?? .signedOut(name: name)
        // Saves failing as they leave: the start screen must not say the work is saved.
        if player.savesFailing {
            switch shown {
            case .idleLocked(let minutes): shown = .idleLockedUnsaved(minutes: minutes)
            case .signedOut(let name): shown = .signedOutUnsaved(name: name)
            default: break
            }
        }
        state.showStart(StartScreen(mode: state.configuration.initialStartMode, notice: shown))
        state.lastActivity = state.now
        return [.closeLearner(ending.progress, events: events), .loadLearners]
    }

    /// Runs the course player and lifts its effects. Its quit becomes a final save, the
    /// learner's release and the end of the program; in preview nothing is saved.
    static func player(_ state: inout SessionState, _ event: PlayerEvent) -> [SessionEffect] {
        guard case .playing(let learner, var player) = state.phase else { return [] }
        let effects = PlayerReducer.reduce(&player, event)
        let approved = player.approvedLeave
        player.approvedLeave = nil
        let quitting = effects.contains(.quit)
        // On quit the final save goes with the close, together with the session's end.
        let events =
            quitting
            ? effects.flatMap { effect -> [LearningEvent] in
                if case .saveProgress(_, let events) = effect { return events }
                return []
            } + player.endSession() : []
        state.phase = .playing(learner, player)
        var lifted: [SessionEffect] = []
        for effect in effects {
            switch effect {
            case .saveProgress:
                if !state.configuration.preview, !quitting { lifted.append(.player(effect)) }
            case .quit:
                state.isQuitting = true
                if !state.configuration.preview { lifted.append(.closeLearner(player.progress, events: events)) }
                lifted.append(.quit)
            }
        }
        // The learner chose in the quit warning to leave another way: the course closes.
        switch approved {
        case .switchLearner?: lifted += signOut(&state, notice: nil)
        case .catalogue?: lifted += CatalogueReducer.returnToCatalogue(&state, force: true)
        case .quit?, nil: break
        }
        return lifted
    }

    /// While saving fails, leaving the course (switching learner, the catalogue) asks
    /// first, as quitting does (`QuitWarning`): true when the warning opened instead.
    static func warnBeforeLeaving(_ state: inout SessionState, _ leaving: QuitWarning.Leaving) -> Bool {
        guard case .playing(let learner, var player) = state.phase, player.savesFailing, !state.configuration.preview else {
            return false
        }
        player.helpVisible = false
        player.messageBox = nil
        player.quitWarning = QuitWarning(leaving: leaving)
        state.phase = .playing(learner, player)
        return true
    }
}
