import KursusEngine

/// A key or terminal happening, as the backend reports it.
public enum TerminalInput: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, tab
    case controlC, controlZ
    case function(Int)
    case resize
    /// Nothing happened within the poll interval.
    case none
}

/// Turns keys into engine commands. Pure, so the full key map is unit tested.
public enum KeyMap {
    public static func command(for input: TerminalInput) -> PlayerCommandResult {
        switch input {
        case .up, .character("k"): .command(.lineUp)
        case .down, .character("j"): .command(.lineDown)
        case .pageUp, .character("b"): .command(.pageUp)
        case .pageDown, .character(" "), .character("f"): .command(.pageDown)
        case .home, .character("g"): .command(.top)
        case .end, .character("G"): .command(.bottom)
        case .enter, .right, .character("l"): .command(.open)
        case .escape, .backspace, .left, .character("h"): .command(.back)
        case .character("?"), .function(1): .command(.toggleHelp)
        case .character("q"), .character("Q"), .controlC: .command(.quit)
        case .controlZ: .suspend
        case .resize: .resize
        case .none: .ignored
        default: .command(.other)
        }
    }
}

public enum PlayerCommandResult: Hashable, Sendable {
    case command(PlayerCommand)
    case suspend
    case resize
    case ignored
}
