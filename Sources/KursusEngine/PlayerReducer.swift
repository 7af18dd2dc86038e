import Foundation
import KursusCourse

/// The player's behaviour inside one course: `reduce(state, event) -> effects`, with no
/// I/O inside. The menu, help, notices, the clock and saving live here; the unit on
/// screen is a feature of its own (`UnitFeature`), reached through `UnitLifecycle`.
public enum PlayerReducer {
    public static func reduce(_ state: inout PlayerState, _ event: PlayerEvent) -> [PlayerEffect] {
        switch event {
        case .started(let viewport):
            state.viewport = viewport
            return resume(&state)
        case .resized(let viewport):
            let old = state.viewport
            state.viewport = viewport
            return toUnit(&state, .resized(from: old))
        case .command(let command):
            return handle(&state, command)
        case .tick(let now, let active):
            return tick(&state, now: now, active: active)
        case .openUnit(let unitID):
            guard let index = state.units.firstIndex(where: { $0.id == unitID }) else { return [] }
            state.menuSelection = index
            return open(&state, state.units[index])
        case let .contentMeasured(unitID, lines):
            guard state.unitOnScreen?.unitID == unitID else { return [] }
            return toUnit(&state, .contentMeasured(lines: lines))
        case let .windowMeasured(unitID, lines, rows):
            guard state.unitOnScreen?.unitID == unitID else { return [] }
            return toUnit(&state, .windowMeasured(lines: lines, rows: rows))
        case let .contentUnavailable(unitID, message):
            guard state.unitOnScreen?.unitID == unitID, let unit = state.course.unit(withID: unitID) else { return [] }
            return unitFailed(&state, unit, UnitFailure(message))
        case .edit(let edit):
            if state.isQuitting || state.messageBox != nil || state.helpVisible || state.problemsTop != nil || state.quitWarning != nil { return [] }
            return toUnit(&state, .edit(edit))
        case .saveFinished(let outcome):
            switch outcome {
            case .saved: state.saveStatus = .saved
            case .failed(let message): state.saveStatus = .failed(message: message)
            }
            return quitWarningSaveFinished(&state, outcome)
        case .courseReloaded(let content):
            return reload(&state, content)
        case .languageChanged(let content):
            state.replaceContent(content)
            return state.unitOnScreen == nil ? [] : toUnit(&state, .reloaded)
        case .courseReloadFailed(let problems):
            return reloadFailed(&state, problems)
        case .recordsStatus(let status):
            state.records = status
            return []
        case .inform(let message):
            state.messageBox = [state.messageBox, message].compactMap { $0 }.joined(separator: "\n\n")
            return []
        }
    }

    static func handle(_ state: inout PlayerState, _ command: PlayerCommand) -> [PlayerEffect] {
        if state.isQuitting { return [] }
        if state.quitWarning != nil { return quitWarning(&state, command) }
        if command == .quit { return quit(&state) }
        if state.messageBox != nil {
            state.messageBox = nil
            return []
        }
        if state.helpVisible {
            // Any key closes help, `?` included.
            state.helpVisible = false
            return []
        }
        if state.problemsTop != nil { return problemsList(&state, command) }
        if command == .toggleHelp {
            state.helpVisible = true
            return []
        }
        if command == .letter("e") || command == .letter("E"), !state.problems.isEmpty {
            state.problemsTop = 0
            return []
        }
        state.notice = nil
        if case .menu = state.screen { return menu(&state, command) }
        return toUnit(&state, .command(command))
    }

    // MARK: - Start, time and reload

    /// At start, the bookmark's unit is selected, and reopened when the learner left the
    /// program inside it.
    static func resume(_ state: inout PlayerState) -> [PlayerEffect] {
        guard let bookmark = state.progress.bookmark,
            let index = state.units.firstIndex(where: { $0.id == bookmark.unitID })
        else { return [] }
        state.menuSelection = index
        let unit = state.units[index]
        guard bookmark.inUnit, !state.status(of: unit).isLocked else { return [] }
        return open(&state, unit, resuming: true)
    }

    /// Adds active time to the open unit in whole seconds. Gaps longer than a few seconds
    /// (a suspended process, a sleeping laptop) are not counted.
    static func tick(_ state: inout PlayerState, now: Date, active: Bool) -> [PlayerEffect] {
        // The unit sees this tick's time (a response timer's next choice appears now).
        let previous = state.now
        state.now = now
        guard let previous, active, state.unitOnScreen != nil else { return [] }
        let elapsed = now.timeIntervalSince(previous)
        guard elapsed > 0, elapsed <= 5 else { return [] }
        state.activeCarry += elapsed
        let whole = Int(state.activeCarry)
        guard whole > 0 else { return [] }
        state.activeCarry -= Double(whole)
        return toUnit(&state, .tick(seconds: whole, paused: state.helpVisible || state.problemsTop != nil || state.messageBox != nil))
    }

    static func reload(_ state: inout PlayerState, _ content: CourseContent) -> [PlayerEffect] {
        state.replaceContent(content)
        state.notice = .reloaded
        state.problems = []
        state.problemsTop = nil
        guard let unit = state.unitOnScreen else { return [] }
        guard content.course.unit(withID: unit.unitID) != nil else {
            state.screen = .menu
            return []
        }
        return toUnit(&state, .reloaded)
    }

    // MARK: - Menu

    static func menu(_ state: inout PlayerState, _ command: PlayerCommand) -> [PlayerEffect] {
        let count = state.units.count
        guard count > 0 else { return [] }
        let page = max(1, state.viewport.bodyRows - 1)
        switch command {
        case .lineUp: state.menuSelection = max(0, state.menuSelection - 1)
        case .lineDown: state.menuSelection = min(count - 1, state.menuSelection + 1)
        case .pageUp: state.menuSelection = max(0, state.menuSelection - page)
        case .pageDown: state.menuSelection = min(count - 1, state.menuSelection + page)
        case .top: state.menuSelection = 0
        case .bottom: state.menuSelection = count - 1
        case .open: return open(&state, state.units[state.menuSelection])
        default: break
        }
        return []
    }

    // MARK: - Saving and quitting

    /// Hands the progress and the learning events since the last save to the runtime.
    static func save(_ state: inout PlayerState) -> PlayerEffect {
        // A failure stays on show until a save succeeds: the learner's work is at risk until then.
        if !state.savesFailing { state.saveStatus = .pending }
        let events = state.unsavedEvents
        state.unsavedEvents = []
        return .saveProgress(state.progress, events: events)
    }

    /// The learner asks to quit. While saving is failing, the quit warning shows first
    /// (`QuitWarning`): quitting then would lose the answers not yet on disk.
    static func quit(_ state: inout PlayerState) -> [PlayerEffect] {
        if state.savesFailing {
            state.helpVisible = false
            state.messageBox = nil
            state.quitWarning = QuitWarning()
            return []
        }
        return quitNow(&state)
    }

    static func quitNow(_ state: inout PlayerState) -> [PlayerEffect] {
        state.isQuitting = true
        state.helpVisible = false
        state.messageBox = nil
        return [save(&state), .quit]
    }
}
