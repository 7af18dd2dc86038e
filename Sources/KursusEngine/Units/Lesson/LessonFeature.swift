import KursusCourse

/// A lesson on screen: the unit and how far down it is scrolled. The screen reads and
/// lays out the text itself and reports its length (`contentMeasured`).
public struct LessonState: Hashable, Sendable {
    public var unitID: String
    public var scroll: ScrollPosition

    public init(unitID: String, scroll: ScrollPosition = ScrollPosition()) {
        self.unitID = unitID
        self.scroll = scroll
    }
}

/// A lesson's own small state machine: scrolling, completion and the bookmark. A lesson
/// is completed once its last line has been on screen.
enum LessonFeature: UnitFeature {
    /// Reopening a completed lesson starts at its top; an unfinished one, or resuming
    /// where the program stopped, starts at the bookmark.
    static func open(_ context: inout UnitContext) -> Result<(LessonState, [UnitEffect]), UnitFailure> {
        let saved = context.bookmarkScroll ?? 0
        let offset = context.resuming || !context.record.outcome.isDone ? saved : 0
        context.bookmarkScroll = offset
        return .success((LessonState(unitID: context.unit.id, scroll: ScrollPosition(offset: offset)), []))
    }

    static func reduce(_ state: inout LessonState, _ event: UnitEvent, _ context: inout UnitContext) -> [UnitEffect] {
        let rows = context.viewport.bodyRows
        switch event {
        case .command(.back):
            context.bookmarkScroll = state.scroll.offset
            return [.leave]
        case .command(let command):
            let before = state.scroll.offset
            guard state.scroll.apply(command, rows: rows), state.scroll.offset != before else { return [] }
            return updateProgress(state, &context)
        case .contentMeasured(let lines):
            state.scroll.measured(lines, rows: rows)
            return updateProgress(state, &context)
        case .resized(let old):
            // At a new width the screen lays the text out again and reports its length;
            // the position is scaled then.
            guard context.viewport.columns == old.columns else { return [] }
            state.scroll.clamp(rows: rows)
            return updateProgress(state, &context)
        case .tick(let seconds, _):
            context.record.addActiveTime(seconds)
            return []
        case .reloaded:
            // The text may have changed: it is measured again, keeping the position.
            state.scroll.lineCount = nil
            return []
        case .edit, .windowMeasured:
            return []
        }
    }

    static func inputMode(_ state: LessonState, record: UnitRecord?) -> InputMode { .navigation }

    /// Moves the bookmark with the reader and completes the lesson once its end is on screen.
    static func updateProgress(_ state: LessonState, _ context: inout UnitContext) -> [UnitEffect] {
        guard state.scroll.lineCount != nil else { return [] }
        var changed = false
        if context.bookmarkScroll != state.scroll.offset {
            context.bookmarkScroll = state.scroll.offset
            changed = true
        }
        if state.scroll.endVisible(rows: context.viewport.bodyRows), !context.record.outcome.isDone {
            context.record.markCompleted(at: context.now)
            context.note(.lessonCompleted(unitID: state.unitID))
            changed = true
        }
        return changed ? [.save] : []
    }
}
