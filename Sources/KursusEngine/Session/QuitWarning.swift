import Foundation

/// The warning shown when the learner asks to quit (`q`, Ctrl-C, the linear mode's `q`,
/// the end of its input) while saving is failing: the last answers are not on disk yet.
/// The learner may try to save again now, wait (go back; saving keeps trying in the
/// background), or quit anyway, knowing the unsaved answers are lost (the runtime then
/// says so on standard error and ends with a non-zero status).
///
/// Leaving the course another way while saving fails (switching learner with `s`, going
/// back to the catalogue) shows the same warning, its third answer leaving that way: the
/// session closes the course, and the answers not yet on disk would be lost with it.
/// (The idle lock does not ask: no one is there to answer. The next sign-in says what
/// was not kept.)
public struct QuitWarning: Hashable, Sendable {
    /// What the learner asked to do.
    public enum Leaving: Hashable, Sendable {
        /// End the program.
        case quit
        /// Sign out for the next learner.
        case switchLearner
        /// Close the course and go back to the catalogue.
        case catalogue
    }

    /// A save asked for from the warning is under way; its result decides: saved quits
    /// (or leaves as asked), failed shows the warning again with the new reason.
    public var retrying: Bool
    /// What the learner asked to do when the warning opened.
    public var leaving: Leaving

    public init(retrying: Bool = false, leaving: Leaving = .quit) {
        self.retrying = retrying
        self.leaving = leaving
    }

    /// The learner's three answers.
    public enum Choice: Hashable, Sendable {
        case retry
        case wait
        case quitAnyway
    }

    /// The command's meaning in the warning: `r` or 1 retry; `w`, 2, Esc or Backspace
    /// wait; `q` (so `q` twice, or Ctrl-C twice), or 3 quit anyway. Other keys do nothing.
    public static func choice(for command: PlayerCommand) -> Choice? {
        switch command {
        case .letter("r"), .letter("R"), .number(1): .retry
        case .letter("w"), .letter("W"), .number(2), .back: .wait
        case .quit, .number(3): .quitAnyway
        default: nil
        }
    }
}

extension PlayerState {
    /// The last save failed and no save has succeeded since: the newest progress is not on disk.
    public var savesFailing: Bool {
        if case .failed = saveStatus { return true }
        return false
    }
}

extension PlayerReducer {
    /// A command while the quit warning shows.
    static func quitWarning(_ state: inout PlayerState, _ command: PlayerCommand) -> [PlayerEffect] {
        guard var warning = state.quitWarning, !warning.retrying, let choice = QuitWarning.choice(for: command) else { return [] }
        switch choice {
        case .retry:
            warning.retrying = true
            state.quitWarning = warning
            return [save(&state)]
        case .wait:
            state.quitWarning = nil
            return []
        case .quitAnyway:
            state.quitWarning = nil
            return leave(&state, warning.leaving)
        }
    }

    /// Goes on with what the learner asked: quits, or hands the leave to the session
    /// (`approvedLeave`), which closes the course.
    static func leave(_ state: inout PlayerState, _ leaving: QuitWarning.Leaving) -> [PlayerEffect] {
        guard leaving != .quit else { return quitNow(&state) }
        state.approvedLeave = leaving
        return []
    }

    /// A save's result while the quit warning shows: after a retry that saved, the quit
    /// the learner asked for goes ahead; one that failed shows the warning again.
    static func quitWarningSaveFinished(_ state: inout PlayerState, _ outcome: SaveOutcome) -> [PlayerEffect] {
        guard state.quitWarning != nil else { return [] }
        switch outcome {
        case .saved:
            let leaving = state.quitWarning?.leaving ?? .quit
            state.quitWarning = nil
            return leave(&state, leaving)
        case .failed:
            state.quitWarning?.retrying = false
            return []
        }
    }
}
