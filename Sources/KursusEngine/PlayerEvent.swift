import Foundation
import KursusCourse

/// Everything that can happen to the player inside one course. The reducer handles each one purely.
public enum PlayerEvent: Hashable, Sendable {
    /// The player has started and the first viewport is known.
    case started(Viewport)
    case command(PlayerCommand)
    /// The terminal changed size.
    case resized(Viewport)
    /// Time passed. `active` is false when the learner has been idle too long for it to count.
    case tick(Date, active: Bool)
    /// Open a unit directly (trainer preview `--unit`).
    case openUnit(String)
    /// The screen measured the scrolling content of the unit on screen (a lesson, a quiz
    /// page, a debrief) at the current size.
    case contentMeasured(unitID: String, lines: Int)
    /// The unit's content could not be read or laid out (a lesson file gone, say).
    case contentUnavailable(unitID: String, message: String)
    /// An edit in the focused text field (a short, numeric or free-text answer).
    case edit(TextEdit)
    /// The last save attempt finished.
    case saveFinished(SaveOutcome)
    /// The package changed on disk and was loaded again (trainer preview with `--watch`).
    case courseReloaded(CourseContent)
    /// The same course in another of its languages (the learner's language setting): ids,
    /// and so progress, are the same; a unit on screen opens again in the new language.
    case languageChanged(CourseContent)
    /// The package changed on disk but could not be loaded: every error and warning found.
    case courseReloadFailed([Diagnostic])
    /// Something the learner must read before going on; shown in a box until the next key.
    case inform(String)
    /// The background sync found the learner's records like this (nil: no LRS set up).
    case recordsStatus(RecordsStatus?)
    /// The screen measured content shown in a window smaller than the body (a scenario's
    /// conversation box): its length in lines, and the window's rows.
    case windowMeasured(unitID: String, lines: Int, rows: Int)
}

/// The terminal's size and how many rows the current screen's body gets.
public struct Viewport: Hashable, Sendable {
    public var columns: Int
    public var rows: Int
    /// Rows left for scrolling content after the title and key-hint lines.
    public var bodyRows: Int

    public init(columns: Int, rows: Int, bodyRows: Int) {
        self.columns = columns
        self.rows = rows
        self.bodyRows = max(1, bodyRows)
    }
}

public enum SaveOutcome: Hashable, Sendable {
    case saved
    case failed(message: String)
}
