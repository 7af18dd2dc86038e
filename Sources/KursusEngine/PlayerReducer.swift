import Foundation
import KursusCourse

/// The player's behaviour inside one course: `reduce(state, event) -> effects`, with no
/// I/O inside. The menu lives here; each unit kind has its own small reducer
/// (`LessonReducer` for lessons) that this one hands the unit's events to.
public enum PlayerReducer {
    public static func reduce(_ state: inout PlayerState, _ event: PlayerEvent) -> [PlayerEffect] {
        switch event {
        case .started(let viewport):
            state.viewport = viewport
            return resume(&state)
        case .resized(let viewport):
            return LessonReducer.resize(&state, to: viewport)
        case .command(let command):
            return handle(&state, command)
        case .tick(let now, let active):
            return tick(&state, now: now, active: active)
        case .openUnit(let unitID):
            guard let index = state.units.firstIndex(where: { $0.id == unitID }) else { return [] }
            state.menuSelection = index
            return open(&state, state.units[index])
        case .lessonLaidOut, .lessonFailed:
            return LessonReducer.reduce(&state, event)
        case let .quizLoaded(unitID, quiz):
            return QuizReducer.loaded(&state, unitID: unitID, quiz: quiz)
        case let .quizFailed(unitID, message):
            return QuizReducer.failed(&state, unitID: unitID, message: message)
        case let .scenarioLoaded(unitID, scenario):
            return ScenarioUnitReducer.loaded(&state, unitID: unitID, scenario: scenario)
        case let .scenarioFailed(unitID, message):
            return ScenarioUnitReducer.failed(&state, unitID: unitID, message: message)
        case .scenarioInput(let input):
            return ScenarioUnitReducer.send(&state, input)
        case .pageMeasured(let lines):
            QuizReducer.measured(&state, lines: lines)
            return []
        case .edit(let edit):
            if state.isQuitting || state.messageBox != nil || state.helpVisible { return [] }
            return QuizAnswering.edit(&state, edit)
        case .saveFinished(let outcome):
            switch outcome {
            case .saved: state.saveStatus = .saved
            case .failed(let message): state.saveStatus = .failed(message: message)
            }
            return []
        case .courseReloaded(let course):
            return reload(&state, course)
        case .courseReloadFailed(let message):
            state.notice = .reloadFailed(message: message)
            return []
        case .inform(let message):
            state.messageBox = [state.messageBox, message].compactMap { $0 }.joined(separator: "\n\n")
            return []
        }
    }

    static func handle(_ state: inout PlayerState, _ command: PlayerCommand) -> [PlayerEffect] {
        if state.isQuitting { return [] }
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
        if command == .toggleHelp {
            state.helpVisible = true
            return []
        }
        state.notice = nil
        switch state.screen {
        case .menu: return menu(&state, command)
        case .lesson: return LessonReducer.command(&state, command)
        case .quiz: return QuizReducer.command(&state, command)
        case .scenario: return ScenarioUnitReducer.command(&state, command)
        }
    }

    // MARK: - Start, time and reload

    static func resume(_ state: inout PlayerState) -> [PlayerEffect] {
        guard let bookmark = state.progress.bookmark,
              let index = state.units.firstIndex(where: { $0.id == bookmark.unitID })
        else { return [] }
        state.menuSelection = index
        let unit = state.units[index]
        guard bookmark.inUnit, !state.status(of: unit).isLocked else { return [] }
        if unit.kind == .quiz || unit.kind == .survey { return QuizReducer.open(&state, unit) }
        if unit.kind == .scenario { return ScenarioUnitReducer.open(&state, unit) }
        guard unit.kind == .lesson else { return [] }
        state.screen = .lesson(LessonPosition(unitID: bookmark.unitID, scroll: bookmark.scroll))
        return [.layoutLesson(unitID: bookmark.unitID, width: state.viewport.columns)]
    }

    /// Adds active time to the open unit. Gaps longer than a few seconds (a suspended
    /// process, a sleeping laptop) are not counted.
    static func tick(_ state: inout PlayerState, now: Date, active: Bool) -> [PlayerEffect] {
        defer { state.now = now }
        guard let previous = state.now, active else { return [] }
        let unitID: String
        switch state.screen {
        case .lesson(let position): unitID = position.unitID
        case .quiz(let play): unitID = play.unitID
        case .scenario(let play): unitID = play.unitID
        case .menu: return []
        }
        let elapsed = now.timeIntervalSince(previous)
        guard elapsed > 0, elapsed <= 5 else { return [] }
        state.activeCarry += elapsed
        let whole = Int(state.activeCarry)
        guard whole > 0 else { return [] }
        state.activeCarry -= Double(whole)
        if state.quizPlay != nil {
            QuizReducer.addTime(&state, seconds: whole)
        } else if state.scenarioPlay != nil {
            // Help and message boxes pause the call clock and the response timer.
            if state.helpVisible || state.messageBox != nil { return [] }
            return ScenarioUnitReducer.tick(&state, seconds: whole)
        } else {
            state.progress.addActiveTime(whole, to: unitID)
        }
        return []
    }

    static func reload(_ state: inout PlayerState, _ course: Course) -> [PlayerEffect] {
        state.replaceCourse(course)
        state.notice = .reloaded
        if let play = state.quizPlay {
            guard course.unit(withID: play.unitID) != nil else {
                state.screen = .menu
                return []
            }
            return [.loadQuiz(unitID: play.unitID)]
        }
        if let play = state.scenarioPlay {
            guard let unit = course.unit(withID: play.unitID) else {
                state.screen = .menu
                return []
            }
            // Save the run as it stands, then read the edited file and resume in it.
            let effects = ScenarioUnitReducer.leave(&state)
            return effects + ScenarioUnitReducer.open(&state, unit)
        }
        guard case .lesson(var position) = state.screen else { return [] }
        guard course.unit(withID: position.unitID) != nil else {
            state.screen = .menu
            return []
        }
        // The text may have changed: lay it out again, keeping the scroll position.
        position.lineCount = nil
        state.screen = .lesson(position)
        return [.layoutLesson(unitID: position.unitID, width: state.viewport.columns)]
    }

    // MARK: - Menu

    static func menu(_ state: inout PlayerState, _ command: PlayerCommand) -> [PlayerEffect] {
        let count = state.units.count
        guard count > 0 else { return [] }
        switch command {
        case .lineUp: state.menuSelection = max(0, state.menuSelection - 1)
        case .lineDown: state.menuSelection = min(count - 1, state.menuSelection + 1)
        case .pageUp: state.menuSelection = max(0, state.menuSelection - max(1, state.viewport.bodyRows - 1))
        case .pageDown: state.menuSelection = min(count - 1, state.menuSelection + max(1, state.viewport.bodyRows - 1))
        case .top: state.menuSelection = 0
        case .bottom: state.menuSelection = count - 1
        case .open: return open(&state, state.units[state.menuSelection])
        default: break
        }
        return []
    }

    static func open(_ state: inout PlayerState, _ unit: CourseUnit) -> [PlayerEffect] {
        if case .locked(let reason) = state.status(of: unit) {
            state.notice = .locked(unitID: unit.id, requirement: reason)
            return []
        }
        switch unit.kind {
        case .lesson:
            return LessonReducer.open(&state, unit)
        case .quiz, .survey:
            return QuizReducer.open(&state, unit)
        case .scenario:
            return ScenarioUnitReducer.open(&state, unit)
        }
    }

    // MARK: - Saving and quitting

    static func save(_ state: inout PlayerState) -> PlayerEffect {
        state.saveStatus = .pending
        return .saveProgress(state.progress)
    }

    static func quit(_ state: inout PlayerState) -> [PlayerEffect] {
        state.isQuitting = true
        state.helpVisible = false
        state.messageBox = nil
        return [save(&state), .quit]
    }
}

extension PlayerState.Screen {
    public var lessonPosition: LessonPosition? {
        if case .lesson(let position) = self { return position }
        return nil
    }
}
