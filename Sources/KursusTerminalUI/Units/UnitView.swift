import KursusEngine

/// How one unit kind looks: it draws the unit's state into the grid and measures the
/// unit's scrolling content, so the engine learns its length through one event
/// (`contentMeasured`). A view may keep caches (a laid-out lesson, portraits); it is
/// the only place such caches live.
protocol UnitView: AnyObject {
    associatedtype State

    func draw(_ player: PlayerState, _ state: State, _ context: ScreenContext, into grid: inout Grid)

    /// The unit's scrolling content at this size, when it differs from what the state
    /// already knows; nil when there is nothing new to tell.
    func measure(_ player: PlayerState, _ state: State, _ context: ScreenContext, columns: Int, rows: Int) -> ContentMeasure?
}

/// What a view found when it measured a unit's content.
enum ContentMeasure: Equatable {
    case lines(Int)
    /// Content shown in a window smaller than the body (a scenario's conversation box):
    /// its lines, and the window's rows.
    case window(lines: Int, rows: Int)
    /// The content could not be read or laid out; the message says why.
    case unavailable(String)
}
