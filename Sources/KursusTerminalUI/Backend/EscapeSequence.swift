/// Recognises what follows an ESC key byte, whatever the terminfo entry says, so Home,
/// End, PgUp, PgDn, the arrows and Delete mean what they say when TERM names another
/// terminal (PuTTY or a thin client with `TERM=xterm`, `TERM=vt100`). Pure: the backend
/// feeds it the characters that arrive after an ESC, one at a time, and tells it when
/// none came in time.
///
/// - A lone ESC (nothing follows in time) is Escape.
/// - `ESC [` starts a CSI sequence: parameters (digits, `;`, `<`, `=`, `>`, `?`),
///   intermediates and one final character. `ESC O` starts an SS3 sequence.
/// - A sequence it does not know is swallowed (`.none`), never read as Escape
///   followed by stray keys. So is `ESC` with any other character (Alt+key).
/// - Modifier parameters (`ESC [1;5H`, `ESC [5;2~`) are tolerated: Ctrl-Home is Home.
/// - SGR mouse reports (`ESC [<b;x;yM`, `m` on release) and X10 ones (`ESC [M` and three
///   characters) become `.mouse`.
public struct EscapeSequence: Sendable, Equatable {
    /// What the recogniser needs after one more character.
    public enum Step: Sendable, Equatable {
        /// The sequence goes on: feed the next character.
        case more
        /// The sequence is complete: this is what it meant (`.none` when swallowed).
        case done(TerminalInput)
    }

    /// Characters after the ESC so far.
    public private(set) var characters: [Unicode.Scalar] = []
    /// Longer sequences are not keys: they are swallowed.
    public static let maximumLength = 32

    public init() {}

    /// Takes the next character after the ESC.
    public mutating func feed(_ scalar: Unicode.Scalar) -> Step {
        characters.append(scalar)
        guard characters.count <= Self.maximumLength else { return .done(.none) }
        let first = characters[0]
        switch first {
        case "[": return csi()
        case "O": return ss3()
        case "\u{1B}": return .done(.escape)  // ESC ESC: Escape pressed twice quickly
        default: return .done(.none)  // Alt+key or another escape: swallowed
        }
    }

    /// Nothing more arrived in time: a lone ESC is Escape; a cut-off sequence is swallowed.
    public func timedOut() -> TerminalInput {
        characters.isEmpty ? .escape : .none
    }

    /// Feeds every character of `text` (tests and tools); what the sequence meant, or nil
    /// when it is not complete yet.
    public static func recognise(_ text: String) -> TerminalInput? {
        var sequence = EscapeSequence()
        for scalar in text.unicodeScalars {
            if case .done(let input) = sequence.feed(scalar) { return input }
        }
        return nil
    }

    // MARK: - CSI

    private func csi() -> Step {
        let body = characters.dropFirst()
        guard let last = body.last else { return .more }
        // X10 mouse: ESC [ M and three characters (button, column, row, each + 32).
        if body.first == "M" {
            guard body.count == 4 else { return .more }
            let values = body.dropFirst().map { Int($0.value) - 32 }
            return .done(Self.mouse(button: values[0], x: values[1] - 1, y: values[2] - 1, released: false))
        }
        // The Linux console's F1-F5: ESC [ [ A … E.
        if body.first == "[" {
            guard body.count == 2 else { return .more }
            let index = Int(last.value) - Int(("A" as Unicode.Scalar).value)
            return .done((0..<5).contains(index) ? .function(index + 1) : .none)
        }
        switch last.value {
        case 0x20...0x3F: return .more  // parameters and intermediates
        case 0x40...0x7E: return .done(Self.csiMeaning(parameters: String(String.UnicodeScalarView(body.dropLast())), final: last))
        default: return .done(.none)  // a control character inside a sequence: not a key
        }
    }

    static func csiMeaning(parameters: String, final: Unicode.Scalar) -> TerminalInput {
        if parameters.hasPrefix("<"), final == "M" || final == "m" {
            let numbers = parameters.dropFirst().split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
            guard numbers.count == 3, let button = numbers[0], let x = numbers[1], let y = numbers[2] else { return .none }
            return mouse(button: button, x: x - 1, y: y - 1, released: final == "m")
        }
        // Private parameters (`?`, `>`, `=`) are reports, not keys.
        if let first = parameters.unicodeScalars.first, first.value >= 0x3C { return .none }
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
        let number = fields.first.flatMap { Int($0) }
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "P", "Q", "R", "S": return .function(Int(final.value) - Int(("P" as Unicode.Scalar).value) + 1)
        case "~": return tilde(number)
        default: return .none
        }
    }

    /// `ESC [ n ~`: the keys of the editing pad and the function keys.
    static func tilde(_ number: Int?) -> TerminalInput {
        switch number {
        case 1, 7: return .home
        case 4, 8: return .end
        case 3: return .delete
        case 5: return .pageUp
        case 6: return .pageDown
        case 11, 12, 13, 14, 15: return .function((number ?? 0) - 10)
        case 17, 18, 19, 20, 21: return .function((number ?? 0) - 11)
        case 23, 24: return .function((number ?? 0) - 12)
        default: return .none
        }
    }

    // MARK: - SS3

    private func ss3() -> Step {
        guard let last = characters.last, characters.count > 1 else { return .more }
        switch last.value {
        case 0x30...0x3B: return .more  // a modifier some terminals put here (ESC O 5 H)
        case 0x40...0x7E:
            switch last {
            case "A": return .done(.up)
            case "B": return .done(.down)
            case "C": return .done(.right)
            case "D": return .done(.left)
            case "H": return .done(.home)
            case "F": return .done(.end)
            case "M": return .done(.enter)  // Enter on the keypad
            case "P", "Q", "R", "S": return .done(.function(Int(last.value) - Int(("P" as Unicode.Scalar).value) + 1))
            default: return .done(.none)
            }
        default: return .done(.none)
        }
    }

    // MARK: - Mouse

    /// A mouse report's button code (xterm's: low bits the button, 32 motion, 64 wheel)
    /// as an input; motion and the middle and right buttons are not used.
    static func mouse(button code: Int, x: Int, y: Int, released: Bool) -> TerminalInput {
        guard x >= 0, y >= 0 else { return .none }
        if code & 64 != 0 {
            switch code & 3 {
            case 0: return .mouse(MouseInput(.wheelUp, x: x, y: y))
            case 1: return .mouse(MouseInput(.wheelDown, x: x, y: y))
            default: return .none
            }
        }
        if code & 32 != 0 { return .none }  // motion while a button is held
        switch code & 3 {
        case 0: return .mouse(MouseInput(released ? .release : .press, x: x, y: y))
        case 3: return .mouse(MouseInput(.release, x: x, y: y))  // X10's release of any button
        default: return .none
        }
    }
}
