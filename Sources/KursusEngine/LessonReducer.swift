import KursusCourse

/// A lesson's own small state machine: scrolling, layout, completion and the bookmark.
/// A lesson is completed once its last line has been on screen.
enum LessonReducer {
    static func open(_ state: inout PlayerState, _ unit: CourseUnit) -> [PlayerEffect] {
        var scroll = 0
        if let bookmark = state.progress.bookmark, bookmark.unitID == unit.id, state.progress.record(unit.id)?.outcome.isDone != true {
            scroll = bookmark.scroll
        }
        return PlayerReducer.enter(
            &state, unit, screen: .lesson(LessonPosition(unitID: unit.id, scroll: scroll)),
            load: .layoutLesson(unitID: unit.id, width: state.viewport.columns), scroll: scroll
        )
    }

    static func reduce(_ state: inout PlayerState, _ event: PlayerEvent) -> [PlayerEffect] {
        switch event {
        case let .lessonLaidOut(unitID, width, lineCount):
            guard case .lesson(var position) = state.screen, position.unitID == unitID else { return [] }
            let oldCount = position.lineCount
            position.lineCount = lineCount
            position.width = width
            if let oldCount, oldCount > 0, oldCount != lineCount {
                // Laid out again at a new width: keep the same part of the text in view.
                position.scroll = position.scroll * lineCount / oldCount
            }
            position.scroll = min(position.scroll, position.maximumScroll(bodyRows: state.viewport.bodyRows))
            state.screen = .lesson(position)
            return updateProgress(&state, position)
        case let .lessonFailed(unitID, message):
            guard case .lesson(let position) = state.screen, position.unitID == unitID else { return [] }
            return PlayerReducer.unitFailed(&state, message: message)
        default:
            return []
        }
    }

    static func command(_ state: inout PlayerState, _ command: PlayerCommand) -> [PlayerEffect] {
        guard case .lesson(var position) = state.screen else { return [] }
        let body = state.viewport.bodyRows
        let maximum = position.maximumScroll(bodyRows: body)
        let before = position.scroll
        switch command {
        case .lineUp: position.scroll -= 1
        case .lineDown: position.scroll += 1
        case .pageUp: position.scroll -= max(1, body - 1)
        case .pageDown: position.scroll += max(1, body - 1)
        case .top: position.scroll = 0
        case .bottom: position.scroll = maximum
        case .back:
            return PlayerReducer.leave(&state, unitID: position.unitID, scroll: position.scroll)
        default:
            return []
        }
        position.scroll = max(0, min(position.scroll, maximum))
        state.screen = .lesson(position)
        return position.scroll != before ? updateProgress(&state, position) : []
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
        return updateProgress(&state, position)
    }

    /// Moves the bookmark with the reader and completes the lesson once its end is on screen.
    static func updateProgress(_ state: inout PlayerState, _ position: LessonPosition) -> [PlayerEffect] {
        guard position.lineCount != nil else { return [] }
        var changed = false
        let bookmark = Bookmark(unitID: position.unitID, scroll: position.scroll, inUnit: true)
        if state.progress.bookmark != bookmark {
            state.progress.bookmark = bookmark
            changed = true
        }
        if position.endVisible(bodyRows: state.viewport.bodyRows), state.progress.record(position.unitID)?.outcome.isDone != true {
            state.progress.markCompleted(position.unitID, at: state.now)
            changed = true
        }
        return changed ? [PlayerReducer.save(&state)] : []
    }
}
