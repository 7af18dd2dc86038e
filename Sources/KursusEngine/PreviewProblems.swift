import KursusCourse

/// Trainer preview `--watch`: a change that could not be loaded leaves the course as it
/// was and keeps every error and warning found. The status line counts them, and `e`
/// opens the list, which scrolls one entry at a time; any other key closes it.
extension PlayerReducer {
    /// Entries a page key moves the list by.
    static let problemsPage = 3

    static func reloadFailed(_ state: inout PlayerState, _ problems: [Diagnostic]) -> [PlayerEffect] {
        state.problems = problems.filter { $0.severity != .note }
        if state.notice == .reloaded { state.notice = nil }
        if let top = state.problemsTop {
            state.problemsTop = state.problems.isEmpty ? nil : min(top, state.problems.count - 1)
        }
        return []
    }

    /// A command while the list is open: the movement keys scroll it, any other closes it.
    static func problemsList(_ state: inout PlayerState, _ command: PlayerCommand) -> [PlayerEffect] {
        let last = max(0, state.problems.count - 1)
        let top = state.problemsTop ?? 0
        switch command {
        case .lineUp: state.problemsTop = max(0, top - 1)
        case .lineDown: state.problemsTop = min(last, top + 1)
        case .pageUp: state.problemsTop = max(0, top - problemsPage)
        case .pageDown, .toggle: state.problemsTop = min(last, top + problemsPage)
        case .top: state.problemsTop = 0
        case .bottom: state.problemsTop = last
        default: state.problemsTop = nil
        }
        return []
    }
}
