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

/// Turns keys into session events. Pure, so the whole key map is unit tested. When a
/// text field has focus, printable keys are text; otherwise they are commands.
public enum KeyMap {
    public static func event(for input: TerminalInput, acceptsText: Bool) -> KeyResult {
        switch input {
        case .controlC: return .event(.command(.quit))
        case .controlZ: return .suspend
        case .resize: return .resize
        case .none: return .ignored
        default: break
        }
        if acceptsText {
            switch input {
            case .character(let character): return .event(.text(character))
            case .backspace: return .event(.deleteBackward)
            case .tab: return .event(.nextField)
            case .enter: return .event(.command(.open))
            case .escape: return .event(.command(.back))
            case .up: return .event(.command(.lineUp))
            case .down: return .event(.command(.lineDown))
            default: return .event(.command(.other))
            }
        }
        switch input {
        case .up, .character("k"): return .event(.command(.lineUp))
        case .down, .character("j"): return .event(.command(.lineDown))
        case .pageUp, .character("b"): return .event(.command(.pageUp))
        case .pageDown, .character(" "), .character("f"): return .event(.command(.pageDown))
        case .home, .character("g"): return .event(.command(.top))
        case .end, .character("G"): return .event(.command(.bottom))
        case .enter, .right, .character("l"): return .event(.command(.open))
        case .escape, .backspace, .left, .character("h"): return .event(.command(.back))
        case .character("?"), .function(1): return .event(.command(.toggleHelp))
        case .character("q"), .character("Q"): return .event(.command(.quit))
        case .character("s"), .character("S"): return .event(.switchLearner)
        default: return .event(.command(.other))
        }
    }
}

public enum KeyResult: Hashable, Sendable {
    case event(SessionEvent)
    case suspend
    case resize
    case ignored
}
