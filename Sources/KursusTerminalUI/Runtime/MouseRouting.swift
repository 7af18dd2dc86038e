import KursusEngine

/// Turns a mouse report into the session events the engine already understands, by
/// hit-testing it against the grid last drawn. Pure, so every case is unit tested; the
/// engine never hears of a mouse.
public enum MouseRouting {
    /// Wheel notches move this many lines.
    public static let linesPerNotch = 3

    public static func events(for mouse: MouseInput, in grid: Grid?) -> [SessionEvent] {
        guard let grid else { return [] }
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            let up = mouse.kind == .wheelUp
            switch grid.wheel {
            case .lines: return Array(repeating: .command(up ? .lineUp : .lineDown), count: linesPerNotch)
            case .pages: return [.command(up ? .pageUp : .pageDown)]
            case .none: return []
            }
        case .release:
            return []
        case .press:
            guard let target = grid.target(atX: mouse.x, y: mouse.y) else { return [] }
            return events(for: target.action)
        }
    }

    /// The events one click on a target sends.
    public static func events(for action: ClickAction) -> [SessionEvent] {
        switch action {
        case let .listRow(index, selected):
            if index == selected { return [.command(.open)] }
            let step: PlayerCommand = index > selected ? .lineDown : .lineUp
            return Array(repeating: .command(step), count: abs(index - selected))
        case let .option(number, chosen):
            return [.command(chosen ? .open : .number(number))]
        case .digit(let number):
            return [.command(.number(number))]
        case let .row(index, focused):
            return Array(repeating: .command(index > focused ? .lineDown : .lineUp), count: abs(index - focused))
        case .command(let command):
            switch command {
            case .open: return [.command(.open)]
            case .back: return [.command(.back)]
            case .pageUp: return [.command(.pageUp)]
            case .pageDown: return [.command(.pageDown)]
            }
        }
    }
}
