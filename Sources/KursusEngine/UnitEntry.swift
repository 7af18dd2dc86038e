import KursusCourse

/// What every unit kind does on the way in and out: lessons, quizzes and scenarios
/// differ in what they show, not in how they are opened, left or given up on.
extension PlayerReducer {
    /// Shows a unit's screen, records it as opened, bookmarks it as the place to resume,
    /// asks the runtime for its file and saves.
    static func enter(_ state: inout PlayerState, _ unit: CourseUnit, screen: PlayerState.Screen, load: PlayerEffect, scroll: Int = 0) -> [PlayerEffect] {
        state.screen = screen
        state.progress.markStarted(unit.id, at: state.now)
        state.progress.bookmark = Bookmark(unitID: unit.id, scroll: scroll, inUnit: true)
        return [load, save(&state)]
    }

    /// Back to the menu; the bookmark keeps the unit selected there.
    static func leave(_ state: inout PlayerState, unitID: String, scroll: Int = 0) -> [PlayerEffect] {
        state.screen = .menu
        state.progress.bookmark = Bookmark(unitID: unitID, scroll: scroll, inUnit: false)
        return [save(&state)]
    }

    /// The unit's file could not be read or laid out: back to the menu with the reason.
    static func unitFailed(_ state: inout PlayerState, message: String) -> [PlayerEffect] {
        state.screen = .menu
        state.notice = .lessonFailed(message: message)
        return []
    }
}
