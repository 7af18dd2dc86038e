/// What the runtime needs from a terminal. The ncurses backend implements it for real
/// terminals; tests use an in-memory one.
public protocol TerminalBackend: AnyObject {
    /// Current size in columns and rows.
    func size() -> (columns: Int, rows: Int)
    /// Shows a grid, changing only what differs from the last one.
    func draw(_ grid: Grid)
    /// Waits up to `milliseconds` for input.
    func read(timeout milliseconds: Int) -> TerminalInput
    /// Restores the terminal, stops the process until it is resumed, then takes the terminal back.
    func suspend()
    /// Restores the terminal. Safe to call more than once.
    func shutdown()
    /// Turns mouse reports (clicks and the wheel) on or off; off leaves the terminal's own
    /// selection and scrolling to the learner.
    func setMouse(enabled: Bool)
}

extension TerminalBackend {
    /// A terminal without a mouse ignores the request.
    public func setMouse(enabled: Bool) {}
}
