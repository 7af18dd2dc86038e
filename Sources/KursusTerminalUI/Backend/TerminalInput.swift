import KursusEngine

/// A key or terminal happening, as the backend reports it.
public enum TerminalInput: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab
    case controlC, controlZ
    case function(Int)
    case resize
    /// Nothing happened within the poll interval (or an unknown escape sequence was swallowed).
    case none
    /// A mouse button or the wheel, at a cell of the screen. The runtime hit-tests it
    /// against the last drawn grid (`MouseRouting`), so the key map ignores it.
    case mouse(MouseInput)
}

/// One mouse report: what happened, at which cell (0-based column and row).
public struct MouseInput: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The left button went down: a click.
        case press
        case release
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Turns keys into session events. Pure, so the whole key map is unit tested. When a
/// text field has focus, printable keys are text; otherwise they are commands.
public enum KeyMap {
    public static func event(for input: TerminalInput, mode: InputMode) -> KeyResult {
        switch input {
        case .controlC: return .event(.command(.quit))
        case .controlZ: return .suspend
        case .resize: return .resize
        case .none, .mouse: return .ignored
        default: break
        }
        switch mode {
        case .text: return textEvent(for: input)
        case .choices: if let result = choiceEvent(for: input) { return result }
        case .navigation: break
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
        case .character("c"), .character("C"): return .event(.showCatalogue)
        // Preview --watch: the list of problems in a change that could not be loaded.
        case .character("e"), .character("E"): return .event(.command(.letter("e")))
        // The learner's settings, from the course menu or the catalogue.
        case .character("o"), .character("O"): return .event(.openSettings)
        default: return .event(.command(.other))
        }
    }
}

extension KeyMap {
    /// A text field has focus: characters are text, arrows move the cursor.
    static func textEvent(for input: TerminalInput) -> KeyResult {
        switch input {
        case .character(let character): return .event(.text(character))
        case .backspace: return .event(.deleteBackward)
        case .delete: return .event(.edit(.deleteForward))
        case .left: return .event(.edit(.left))
        case .right: return .event(.edit(.right))
        case .home: return .event(.edit(.home))
        case .end: return .event(.edit(.end))
        case .tab: return .event(.nextField)
        case .enter: return .event(.command(.open))
        case .escape: return .event(.command(.back))
        case .up: return .event(.command(.lineUp))
        case .down: return .event(.command(.lineDown))
        case .pageUp: return .event(.command(.pageUp))
        case .pageDown: return .event(.command(.pageDown))
        default: return .event(.command(.other))
        }
    }

    /// Choices on screen: digits choose, space toggles, left and right change a value,
    /// other letters reach the screen; `q`, `?`, `s`, `j` and `k` keep their meaning.
    /// nil leaves the key to the navigation map.
    static func choiceEvent(for input: TerminalInput) -> KeyResult? {
        switch input {
        case .character(let character):
            if let digit = character.wholeNumberValue, character.isASCII { return .event(.command(.number(digit == 0 ? 10 : digit))) }
            switch character {
            case " ": return .event(.command(.toggle))
            case "q", "Q", "?", "s", "S", "j", "k", "g", "G": return nil
            default: return character.isLetter ? .event(.command(.letter(character))) : .event(.command(.other))
            }
        case .left: return .event(.command(.left))
        case .right: return .event(.command(.right))
        case .backspace: return .event(.command(.back))
        default: return nil
        }
    }
}

public enum KeyResult: Hashable, Sendable {
    case event(SessionEvent)
    case suspend
    case resize
    case ignored
}
