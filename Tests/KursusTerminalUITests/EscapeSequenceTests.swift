import Testing
@testable import KursusTerminalUI

/// The escape-sequence recogniser, fed character by character as the backend feeds it
/// what follows an ESC.
@Suite("Escape sequences")
struct EscapeSequenceTests {
    /// What the characters after ESC mean, fed one at a time; nil while incomplete.
    func meaning(_ afterEscape: String) -> TerminalInput? {
        EscapeSequence.recognise(afterEscape)
    }

    @Test("Home, End, PgUp, PgDn in every common form, whatever the terminfo says")
    func editingKeys() {
        let expected: [(String, TerminalInput)] = [
            ("[1~", .home), ("[7~", .home), ("[H", .home), ("OH", .home),
            ("[4~", .end), ("[8~", .end), ("[F", .end), ("OF", .end),
            ("[5~", .pageUp), ("[6~", .pageDown), ("[3~", .delete),
        ]
        for (sequence, input) in expected {
            #expect(meaning(sequence) == input, "ESC \(sequence)")
        }
    }

    @Test("arrows in CSI and SS3 form")
    func arrows() {
        #expect(meaning("[A") == .up)
        #expect(meaning("[B") == .down)
        #expect(meaning("[C") == .right)
        #expect(meaning("[D") == .left)
        #expect(meaning("OA") == .up)
        #expect(meaning("OB") == .down)
        #expect(meaning("OC") == .right)
        #expect(meaning("OD") == .left)
    }

    @Test("modifier parameters are tolerated: Ctrl-Home is Home, Shift-PgDn is PgDn")
    func modifiers() {
        #expect(meaning("[1;5H") == .home)
        #expect(meaning("[1;2F") == .end)
        #expect(meaning("[5;5~") == .pageUp)
        #expect(meaning("[6;2~") == .pageDown)
        #expect(meaning("[1;3A") == .up)
        #expect(meaning("O5H") == .home)
    }

    @Test("function keys: SS3 P-S, the tilde forms and the Linux console's")
    func functionKeys() {
        #expect(meaning("OP") == .function(1))
        #expect(meaning("OS") == .function(4))
        #expect(meaning("[11~") == .function(1))
        #expect(meaning("[15~") == .function(5))
        #expect(meaning("[17~") == .function(6))
        #expect(meaning("[24~") == .function(12))
        #expect(meaning("[[A") == .function(1))
        #expect(meaning("[1;2P") == .function(1))
    }

    @Test("an unknown sequence is swallowed whole, never Escape and stray keys")
    func unknownSwallowed() {
        var sequence = EscapeSequence()
        // ESC [ 2 0 0 ~ (bracketed paste start): every character is taken until the final one.
        #expect(sequence.feed("[") == .more)
        #expect(sequence.feed("2") == .more)
        #expect(sequence.feed("0") == .more)
        #expect(sequence.feed("0") == .more)
        #expect(sequence.feed("~") == .done(.none))
        #expect(meaning("[2~") == TerminalInput.none, "Insert")
        #expect(meaning("[99~") == TerminalInput.none)
        #expect(meaning("[Z") == TerminalInput.none, "Shift-Tab")
        #expect(meaning("[I") == TerminalInput.none, "focus in")
        #expect(meaning("[?1;2c") == TerminalInput.none, "a device attributes report")
        #expect(meaning("OX") == TerminalInput.none)
        #expect(meaning("x") == TerminalInput.none, "Alt-x")
        #expect(meaning("[12345678901234567890123456789012345") == TerminalInput.none, "too long")
    }

    @Test("a lone ESC is Escape; ESC ESC is Escape; a sequence cut off in the middle is swallowed")
    func loneEscape() {
        #expect(EscapeSequence().timedOut() == .escape)
        var sequence = EscapeSequence()
        #expect(sequence.feed("\u{1B}") == .done(.escape))
        var partial = EscapeSequence()
        #expect(partial.feed("[") == .more)
        #expect(partial.feed("1") == .more)
        #expect(partial.timedOut() == TerminalInput.none)
    }

    @Test("SGR mouse reports: a left press, its release, the wheel; other buttons and motion are dropped")
    func sgrMouse() {
        #expect(meaning("[<0;5;7M") == .mouse(MouseInput(.press, x: 4, y: 6)))
        #expect(meaning("[<0;5;7m") == .mouse(MouseInput(.release, x: 4, y: 6)))
        #expect(meaning("[<64;10;3M") == .mouse(MouseInput(.wheelUp, x: 9, y: 2)))
        #expect(meaning("[<65;10;3M") == .mouse(MouseInput(.wheelDown, x: 9, y: 2)))
        #expect(meaning("[<2;10;3M") == TerminalInput.none, "right button")
        #expect(meaning("[<32;10;3M") == TerminalInput.none, "drag")
        #expect(meaning("[<0;x;3M") == TerminalInput.none, "garbled")
        #expect(meaning("[<0;201;50M") == .mouse(MouseInput(.press, x: 200, y: 49)), "beyond X10's 223 columns")
    }

    @Test("X10 mouse reports: ESC [ M and three characters")
    func x10Mouse() {
        var sequence = EscapeSequence()
        #expect(sequence.feed("[") == .more)
        #expect(sequence.feed("M") == .more)
        #expect(sequence.feed(" ") == .more)  // button 0
        #expect(sequence.feed("%") == .more)  // column 5
        #expect(sequence.feed("'") == .done(.mouse(MouseInput(.press, x: 4, y: 6))))  // row 7
        #expect(meaning("[Ma%'") == .mouse(MouseInput(.wheelDown, x: 4, y: 6)))
    }
}

/// Keys curses decoded under a code of their own, read by name.
@Suite("Curses key names")
struct CursesKeyNameTests {
    @Test("Home, End, PgUp, PgDn and the arrows with a modifier mean the key itself")
    func modified() {
        #expect(CursesKeyName.input("kHOM5") == .home)
        #expect(CursesKeyName.input("kEND5") == .end)
        #expect(CursesKeyName.input("kEND3") == .end)
        #expect(CursesKeyName.input("kPRV5") == .pageUp)
        #expect(CursesKeyName.input("kNXT2") == .pageDown)
        #expect(CursesKeyName.input("kUP5") == .up)
        #expect(CursesKeyName.input("kDN") == .down)
        #expect(CursesKeyName.input("kDC5") == .delete)
        #expect(CursesKeyName.input("KEY_SHOME") == .home)
        #expect(CursesKeyName.input("KEY_SEND") == .end)
    }

    @Test("the Find and Select keys some terminfo entries give Home and End")
    func findSelect() {
        #expect(CursesKeyName.input("KEY_FIND") == .home)
        #expect(CursesKeyName.input("KEY_SELECT") == .end)
        #expect(CursesKeyName.input("KEY_A1") == .home)
        #expect(CursesKeyName.input("KEY_C3") == .pageDown)
    }

    @Test("keys Kursus does not use are nothing")
    func unused() {
        #expect(CursesKeyName.input("KEY_BTAB") == TerminalInput.none)
        #expect(CursesKeyName.input("kxIN") == TerminalInput.none)
        #expect(CursesKeyName.input("KEY_F(13)") == TerminalInput.none)
    }
}
