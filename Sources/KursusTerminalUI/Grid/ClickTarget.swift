/// A cell position on the grid: column `x`, row `y`, both from 0.
public struct GridPoint: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A rectangle of the grid a mouse click acts on, registered by a screen while it draws.
public struct ClickTarget: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public var action: ClickAction

    public init(x: Int, y: Int, width: Int, height: Int = 1, action: ClickAction) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.action = action
    }

    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < x + width && row >= y && row < y + height
    }
}

/// What a click on a target asks for, in the engine's own commands (`MouseRouting`
/// turns it into events). The screen knows what is selected when it draws, so a click
/// on the selected item opens or answers it and a click elsewhere selects.
public enum ClickAction: Hashable, Sendable {
    /// Line `index` of a list whose selected line is `selected` (the menu, the catalogue,
    /// the start screen's learners): a click moves the selection there with ↑/↓, a click
    /// on the selected line opens it (Enter).
    case listRow(index: Int, selected: Int)
    /// Option `number` (1-based, as its digit key) of a choice: a click chooses it, a
    /// click on the option already chosen answers (Enter).
    case option(number: Int, chosen: Bool)
    /// The digit key `number`: ticks or unticks a multiple-response option, gives the
    /// focused matching prompt choice `number`. Enter answers.
    case digit(number: Int)
    /// Row `index` of a list where the focus is on row `focused` (a matching prompt, an
    /// ordering item): a click moves the focus there with ↑/↓, and never answers.
    case row(index: Int, focused: Int)
    /// Any other command (a key hint, a button).
    case command(ClickCommand)
}

/// The commands a click target can send on its own.
public enum ClickCommand: Hashable, Sendable {
    case open, back, pageUp, pageDown
}

/// What one notch of the mouse wheel does on a screen.
public enum WheelAction: Hashable, Sendable {
    /// Three lines (↑/↓ three times): lessons, transcripts, lists.
    case lines
    /// A page (PgUp/PgDn): where ↑/↓ would change an answer (a question's options).
    case pages
    /// Nothing.
    case none
}

extension Grid {
    /// Registers a click target, clipped to the grid; a later target lies on top of earlier ones.
    public mutating func addTarget(x: Int, y: Int, width: Int, height: Int = 1, _ action: ClickAction) {
        let left = max(0, x)
        let top = max(0, y)
        let right = min(self.width, x + width)
        let bottom = min(self.height, y + height)
        guard right > left, bottom > top else { return }
        targets.append(ClickTarget(x: left, y: top, width: right - left, height: bottom - top, action: action))
    }

    /// The topmost target at a cell, if any.
    public func target(atX x: Int, y: Int) -> ClickTarget? {
        targets.last { $0.contains(x: x, y: y) }
    }

    /// An overlay (help, a message, a list of problems) covers the screen: what lay under
    /// it can no longer be clicked or focused.
    public mutating func cover() {
        targets = []
        cursor = nil
        wheel = .lines
    }
}
