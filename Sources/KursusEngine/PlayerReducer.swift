import KursusCourse

/// The player's behaviour: `reduce(state, event) -> effects`, with no I/O inside.
public enum PlayerReducer {
    public static func reduce(_ state: inout PlayerState, _ event: PlayerEvent) -> [PlayerEffect] {
        switch event {
        case .started(let viewport):
            state.viewport = viewport
            return resume(&state)
        case .resized(let viewport):
            return resize(&state, to: viewport)
        case .command(let command):
            if state.isQuitting { return [] }
            if command == .quit { return quit(&state) }
            if state.helpVisible {
                // Any key closes help, except `?` itself which also toggles it off.
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
            case .lesson(let position): return lesson(&state, position, command)
            }
        case let .lessonLaidOut(unitID, width, lineCount):
            guard case .lesson(var position) = state.screen, position.unitID == unitID else { return [] }
            let oldCount = position.lineCount
            position.lineCount = lineCount
            position.width = width
            if let oldCount, oldCount > 0, oldCount != lineCount {
                // Relaid out at a new width: keep the same part of the text in view.
                position.scroll = position.scroll * lineCount / oldCount
            }
            position.scroll = min(position.scroll, position.maximumScroll(bodyRows: state.viewport.bodyRows))
            state.screen = .lesson(position)
            return updateLessonProgress(&state, position)
        case let .lessonFailed(unitID, message):
            guard case .lesson(let position) = state.screen, position.unitID == unitID else { return [] }
            state.screen = .menu
            state.notice = .lessonFailed(message: message)
            return []
        case .saveFinished(let outcome):
            switch outcome {
            case .saved: state.saveStatus = .saved
            case .failed(let message): state.saveStatus = .failed(message: message)
            }
            return []
        }
    }

    // MARK: - Start and resize

    static func resume(_ state: inout PlayerState) -> [PlayerEffect] {
        guard let bookmark = state.progress.bookmark,
              let index = state.units.firstIndex(where: { $0.id == bookmark.unitID })
        else { return [] }
        state.menuSelection = index
        guard bookmark.inUnit, state.units[index].kind == .lesson else { return [] }
        state.screen = .lesson(LessonPosition(unitID: bookmark.unitID, scroll: bookmark.scroll))
        return [.layoutLesson(unitID: bookmark.unitID, width: state.viewport.columns)]
    }

    static func resize(_ state: inout PlayerState, to viewport: Viewport) -> [PlayerEffect] {
        let old = state.viewport
        state.viewport = viewport
        guard case .lesson(var position) = state.screen else { return [] }
        if viewport.columns != old.columns {
            return [.layoutLesson(unitID: position.unitID, width: viewport.columns)]
        }
        position.scroll = min(position.scroll, position.maximumScroll(bodyRows: viewport.bodyRows))
        state.screen = .lesson(position)
        return updateLessonProgress(&state, position)
    }

    // MARK: - Menu

    static func menu(_ state: inout PlayerState, _ command: PlayerCommand) -> [PlayerEffect] {
        let count = state.units.count
        guard count > 0 else { return command == .back ? quit(&state) : [] }
        switch command {
        case .lineUp: state.menuSelection = max(0, state.menuSelection - 1)
        case .lineDown: state.menuSelection = min(count - 1, state.menuSelection + 1)
        case .pageUp: state.menuSelection = max(0, state.menuSelection - max(1, state.viewport.bodyRows - 1))
        case .pageDown: state.menuSelection = min(count - 1, state.menuSelection + max(1, state.viewport.bodyRows - 1))
        case .top: state.menuSelection = 0
        case .bottom: state.menuSelection = count - 1
        case .open: return open(&state, state.units[state.menuSelection])
        case .back, .toggleHelp, .quit, .other: break
        }
        return []
    }

    static func open(_ state: inout PlayerState, _ unit: CourseUnit) -> [PlayerEffect] {
        guard unit.kind == .lesson else {
            state.notice = .unsupportedUnit(kind: unit.kind.rawValue)
            return []
        }
        var scroll = 0
        if let bookmark = state.progress.bookmark, bookmark.unitID == unit.id, !state.progress.completed.contains(unit.id) {
            scroll = bookmark.scroll
        }
        state.screen = .lesson(LessonPosition(unitID: unit.id, scroll: scroll))
        state.progress.markStarted(unit.id, at: state.now)
        state.progress.bookmark = Bookmark(unitID: unit.id, scroll: scroll, inUnit: true)
        return [.layoutLesson(unitID: unit.id, width: state.viewport.columns), save(&state)]
    }

    // MARK: - Lesson reader

    static func lesson(_ state: inout PlayerState, _ position: LessonPosition, _ command: PlayerCommand) -> [PlayerEffect] {
        var position = position
        let body = state.viewport.bodyRows
        let maximum = position.maximumScroll(bodyRows: body)
        switch command {
        case .lineUp: position.scroll -= 1
        case .lineDown: position.scroll += 1
        case .pageUp: position.scroll -= max(1, body - 1)
        case .pageDown: position.scroll += max(1, body - 1)
        case .top: position.scroll = 0
        case .bottom: position.scroll = maximum
        case .back:
            state.screen = .menu
            state.progress.bookmark = Bookmark(unitID: position.unitID, scroll: position.scroll, inUnit: false)
            return [save(&state)]
        case .open, .toggleHelp, .quit, .other:
            return []
        }
        position.scroll = max(0, min(position.scroll, maximum))
        let moved = position.scroll != state.screen.lessonPosition?.scroll
        state.screen = .lesson(position)
        return moved ? updateLessonProgress(&state, position) : []
    }

    /// Moves the bookmark with the reader and completes the lesson once its end is on screen.
    static func updateLessonProgress(_ state: inout PlayerState, _ position: LessonPosition) -> [PlayerEffect] {
        guard position.lineCount != nil else { return [] }
        var changed = false
        let bookmark = Bookmark(unitID: position.unitID, scroll: position.scroll, inUnit: true)
        if state.progress.bookmark != bookmark {
            state.progress.bookmark = bookmark
            changed = true
        }
        if position.endVisible(bodyRows: state.viewport.bodyRows), !state.progress.completed.contains(position.unitID) {
            state.progress.markCompleted(position.unitID, at: state.now)
            changed = true
        }
        return changed ? [save(&state)] : []
    }

    // MARK: - Saving and quitting

    static func save(_ state: inout PlayerState) -> PlayerEffect {
        state.saveStatus = .pending
        return .saveProgress(state.progress)
    }

    static func quit(_ state: inout PlayerState) -> [PlayerEffect] {
        state.isQuitting = true
        state.helpVisible = false
        return [save(&state), .quit]
    }
}

extension PlayerState.Screen {
    public var lessonPosition: LessonPosition? {
        if case .lesson(let position) = self { return position }
        return nil
    }
}
