/// Keys curses reports by a code of their own, read by their curses name: the same key
/// with Shift, Ctrl or Alt (`kHOM5` is Ctrl-Home, `KEY_SEND` Shift-End), the keypad's
/// corners, and the Find and Select keys some terminfo entries give Home and End
/// (`\E[1~`, `\E[4~`). So Ctrl-PgDn pages as PgDn does, under any TERM.
public enum CursesKeyName {
    /// What the key named `name` (as curses' `keyname` gives it) means; `.none` for a
    /// key Kursus does not use.
    public static func input(_ name: String) -> TerminalInput {
        if let exact = named[name] { return exact }
        // Extended names: the key's name, then a modifier digit (kUP5, kEND3, kDN).
        let base = String(name.prefix { !$0.isNumber })
        return extended[base] ?? .none
    }

    private static let named: [String: TerminalInput] = [
        "KEY_SHOME": .home, "KEY_SEND": .end, "KEY_FIND": .home, "KEY_SELECT": .end,
        "KEY_A1": .home, "KEY_C1": .end, "KEY_A3": .pageUp, "KEY_C3": .pageDown, "KEY_B2": .none,
        "KEY_SR": .up, "KEY_SF": .down, "KEY_SLEFT": .left, "KEY_SRIGHT": .right,
        "KEY_SPREVIOUS": .pageUp, "KEY_SNEXT": .pageDown, "KEY_SDC": .delete, "KEY_BTAB": .none,
    ]

    private static let extended: [String: TerminalInput] = [
        "kUP": .up, "kDN": .down, "kLFT": .left, "kRIT": .right, "kHOM": .home, "kEND": .end,
        "kPRV": .pageUp, "kNXT": .pageDown, "kDC": .delete,
    ]
}
