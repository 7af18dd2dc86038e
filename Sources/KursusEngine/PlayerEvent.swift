/// Everything that can happen to the player. The reducer handles each one purely.
public enum PlayerEvent: Hashable, Sendable {
    /// The player has started and the first viewport is known.
    case started(Viewport)
    case command(PlayerCommand)
    /// The terminal changed size.
    case resized(Viewport)
    /// The runtime laid out a lesson for a width; `lineCount` lines of body text.
    case lessonLaidOut(unitID: String, width: Int, lineCount: Int)
    /// A lesson could not be read or laid out.
    case lessonFailed(unitID: String, message: String)
    /// The last save attempt finished.
    case saveFinished(SaveOutcome)
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
