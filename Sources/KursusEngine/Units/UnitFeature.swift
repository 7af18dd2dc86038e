import Foundation
import KursusCourse

/// One unit kind as a self-contained feature, in the spirit of The Composable
/// Architecture's `Scope`: its own state, its own reducer, and a context that lets it see
/// the course, the viewport and the time, and change only its own record. The player
/// (`PlayerReducer`) scopes into the unit on screen and lifts what it asks for in one place.
///
/// Adding a unit kind: a folder under `Units/` with a `State` and a type conforming to
/// this protocol, a case in `UnitState` (with its three dispatch lines), and its view
/// under `KursusTerminalUI/Units/`. Nothing else in the engine knows unit kinds.
public protocol UnitFeature {
    associatedtype State: Hashable & Sendable

    /// The unit's first state when it opens (or resumes), or why it cannot open. The
    /// context's record is already marked as opened.
    static func open(_ context: inout UnitContext) -> Result<(State, [UnitEffect]), UnitFailure>

    /// One event for the unit on screen. What the unit records goes into
    /// `context.record` (its progress) and `context.note(_:)` (its learning record).
    static func reduce(_ state: inout State, _ event: UnitEvent, _ context: inout UnitContext) -> [UnitEffect]

    /// How the terminal should read keys on the unit's screen now.
    static func inputMode(_ state: State, record: UnitRecord?) -> InputMode
}

/// What can happen to the unit on screen. The player forwards these; the unit's own
/// commands arrive as `PlayerCommand`s and text edits.
public enum UnitEvent: Hashable, Sendable {
    case command(PlayerCommand)
    case edit(TextEdit)
    /// Whole seconds of active time passed. `paused` while help or a message box covers
    /// the unit (clocks inside the unit, such as a response timer, stand still).
    case tick(seconds: Int, paused: Bool)
    /// The terminal changed size; the context has the new viewport.
    case resized(from: Viewport)
    /// The screen measured the unit's scrolling content at the current size: this many lines.
    case contentMeasured(lines: Int)
    /// The package was loaded again (trainer preview with `--watch`); the context has the new content.
    case reloaded
    /// The screen measured content shown in a window smaller than the body (a scenario's
    /// conversation box): its length in lines and the window's rows.
    case windowMeasured(lines: Int, rows: Int)
}

/// What a unit asks the player to do.
public enum UnitEffect: Hashable, Sendable {
    /// The learner's progress changed in a way that must reach the disk now.
    case save
    /// Back to the menu; the bookmark keeps this unit selected there.
    case leave
    /// Something the status line must tell the learner.
    case notice(PlayerState.Notice)
}

/// Why a unit could not be opened or shown, in words for the status line.
public struct UnitFailure: Error, Hashable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
