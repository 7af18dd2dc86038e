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
    /// The runtime laid out a lesson for a width; `lineCount` lines of body text.
    case lessonLaidOut(unitID: String, width: Int, lineCount: Int)
    /// A lesson could not be read or laid out.
    case lessonFailed(unitID: String, message: String)
    /// The runtime read a quiz or survey file.
    case quizLoaded(unitID: String, Quiz)
    case quizFailed(unitID: String, message: String)
    /// The runtime read a scenario file.
    case scenarioLoaded(unitID: String, Scenario)
    case scenarioFailed(unitID: String, message: String)
    /// An input for the scenario on screen that comes from the runtime, not a key (the
    /// debrief's length after drawing).
    case scenarioInput(ScenarioInput)
    /// The runtime drew a scrolling quiz page of this many lines.
    case pageMeasured(lines: Int)
    /// An edit in the focused text field (a short, numeric or free-text answer).
    case edit(TextEdit)
    /// The last save attempt finished.
    case saveFinished(SaveOutcome)
    /// The package changed on disk and was loaded again (trainer preview with `--watch`).
    case courseReloaded(Course)
    case courseReloadFailed(message: String)
    /// Something the learner must read before going on; shown in a box until the next key.
    case inform(String)
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
