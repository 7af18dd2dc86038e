import CNcursesw
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The only code that talks to ncurses: copies grids to the screen and reads keys.
public final class NcursesBackend: TerminalBackend {
    public enum StartError: Error, CustomStringConvertible {
        case noTerminal
        public var description: String {
            "cannot start the terminal UI: standard input and output must be a terminal with a known TERM"
        }
    }

    private var screen: OpaquePointer?
    private var active = false
    private var pairs: [Tint: Int16] = [:]
    private let useColor: Bool
    private var mouseEnabled = false
    /// How long the rest of an escape sequence may take after its ESC, in milliseconds
    /// (curses has already waited its own ESCDELAY for the sequences it knows).
    static let sequenceMilliseconds: Int32 = 25
    /// Whether the terminal's character set is UTF-8; when not, screens use ASCII symbols.
    public let isUTF8: Bool

    /// Starts curses: raw keys (Ctrl-C and Ctrl-Z arrive as keys, so quitting and
    /// suspending go through the runtime), no echo, hidden cursor, colours on the
    /// terminal's own background, and the mouse unless `mouse` is false.
    public init(theme: ColorTheme, color: Bool, mouse: Bool = true) throws(StartError) {
        isUTF8 = kursus_set_locale_from_environment() == 1
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, let screen = kursus_newterm() else {
            throw .noTerminal
        }
        self.screen = screen
        active = true
        kursus_install_crash_restore()
        useColor = color && has_colors()
        raw()
        noecho()
        nonl()
        keypad(kursus_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        if useColor {
            start_color()
            use_default_colors()
            for (index, tint) in Tint.allCases.enumerated() {
                let pair = Int16(index + 1)
                init_pair(pair, Int16(theme.colors[tint] ?? -1), -1)
                pairs[tint] = pair
            }
        }
        setMouse(enabled: mouse)
    }

    public func size() -> (columns: Int, rows: Int) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        kursus_screen_size(&rows, &columns)
        return (Int(columns), Int(rows))
    }

    public func draw(_ grid: Grid) {
        guard active else { return }
        let (columns, rows) = size()
        for y in 0..<min(rows, grid.height) {
            // Without UTF-8 each row is spelled in ASCII and laid out anew (ø → oe); the
            // row covers the whole width, so nothing of an earlier screen is left on it.
            let runs = isUTF8 ? grid.runs(row: y) : ASCIIRows.runs(grid, row: y)
            for run in runs where run.x < columns {
                var wide = run.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                let count = Int32(wide.count)
                wide.append(0)
                _ = kursus_draw_wide(Int32(y), Int32(run.x), &wide, count, attributes(run.style), useColor ? pairs[run.style.tint] ?? 0 : 0)
            }
            if grid.width < columns { kursus_clear_to_end_of_line(Int32(y), Int32(grid.width)) }
        }
        // The cursor on the focused item, for screen readers and magnifiers; hidden when
        // nothing has focus.
        if let cursor = grid.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < min(columns, grid.width), cursor.y < min(rows, grid.height) {
            kursus_place_cursor(1, Int32(cursor.y), Int32(cursor.x))
        } else {
            kursus_place_cursor(0, 0, 0)
        }
        wnoutrefresh(kursus_stdscr())
        doupdate()
    }

    /// Turns mouse reports on or off (the learner's "mouse off" setting turns them off).
    public func setMouse(enabled: Bool) {
        guard active, enabled != mouseEnabled else { return }
        mouseEnabled = enabled
        _ = kursus_mouse_enable(enabled ? 1 : 0)
    }

    private func attributes(_ style: CellStyle) -> attr_t {
        var value = kursus_attr_normal()
        if style.attributes.contains(.bold) { value |= kursus_attr_bold() }
        if style.attributes.contains(.reverse) { value |= kursus_attr_reverse() }
        if style.attributes.contains(.underline) { value |= kursus_attr_underline() }
        if style.attributes.contains(.italic) { value |= kursus_attr_italic() }
        if style.attributes.contains(.dim), useColor { value |= kursus_attr_dim() }
        return value
    }

    public func read(timeout milliseconds: Int) -> TerminalInput {
        guard active else { return .none }
        wtimeout(kursus_stdscr(), Int32(milliseconds))
        var key: wint_t = 0
        let result = kursus_read_key(&key)
        if result == kursus_err() { return .none }
        if result == kursus_key_code_yes() { return Int32(key) == kursus_key_mouse() ? mouse() : Self.functionKey(Int32(key)) }
        guard let scalar = Unicode.Scalar(UInt32(key)) else { return .none }
        switch key {
        case 3: return .controlC
        case 26: return .controlZ
        case 27: return escapeSequence()
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 9: return .tab
        case 0..<32: return .none
        default: return .character(Character(scalar))
        }
    }

    /// Reads what follows an ESC that curses did not recognise as a key, whatever the
    /// terminfo says: Home, End, PgUp, PgDn, arrows and Delete in their common forms, SGR
    /// mouse reports; an unknown sequence is swallowed; a lone ESC is Escape.
    private func escapeSequence() -> TerminalInput {
        var sequence = EscapeSequence()
        wtimeout(kursus_stdscr(), Self.sequenceMilliseconds)
        while true {
            var next: wint_t = 0
            let result = kursus_read_key(&next)
            if result == kursus_err() { return sequence.timedOut() }
            if result == kursus_key_code_yes() {
                // Curses recognised a key of its own: what came before it is dropped.
                return Int32(next) == kursus_key_mouse() ? mouse() : Self.functionKey(Int32(next))
            }
            guard let scalar = Unicode.Scalar(UInt32(next)) else { return .none }
            if case .done(let input) = sequence.feed(scalar) { return input }
        }
    }

    /// A mouse report curses decoded.
    private func mouse() -> TerminalInput {
        var x: Int32 = 0
        var y: Int32 = 0
        switch kursus_read_mouse(&x, &y) {
        case 1: return .mouse(MouseInput(.press, x: Int(x), y: Int(y)))
        case 2: return .mouse(MouseInput(.release, x: Int(x), y: Int(y)))
        case 3: return .mouse(MouseInput(.wheelUp, x: Int(x), y: Int(y)))
        case 4: return .mouse(MouseInput(.wheelDown, x: Int(x), y: Int(y)))
        default: return .none
        }
    }

    static func functionKey(_ code: Int32) -> TerminalInput {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_RESIZE: return .resize
        default:
            for n in 1...12 where code == kursus_key_f(Int32(n)) { return .function(n) }
            // Modified and other editing keys, by name (kEND5 is Ctrl-End).
            guard let name = keyname(code) else { return .none }
            return CursesKeyName.input(String(cString: name))
        }
    }

    public func suspend() {
        guard active else { return }
        def_prog_mode()
        // The shell gets no mouse reports while the player is stopped.
        if mouseEnabled { _ = kursus_mouse_enable(0) }
        endwin()
        raise(SIGSTOP)
        // Resumed (fg): take the terminal back and repaint everything.
        reset_prog_mode()
        if mouseEnabled { _ = kursus_mouse_enable(1) }
        kursus_force_full_redraw()
        refresh()
    }

    public func shutdown() {
        guard active else { return }
        active = false
        if mouseEnabled { _ = kursus_mouse_enable(0) }
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    deinit { shutdown() }
}

extension NcursesBackend: TerminalBell {
    /// ncurses' audible bell (a visible flash where the terminal has none).
    public func bell() {
        _ = beep()
    }
}
