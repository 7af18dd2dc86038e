import CNcursesw
import Foundation

/// Whether the full-screen player can run here, and if not, why. Besides the ncurses
/// backend, this is the one place that asks terminfo anything: a terminal type unknown
/// to terminfo, `TERM=dumb`, a type without cursor addressing (`cup`) or output that is
/// not a terminal cannot show the full screen (it would stay blank), so the player starts
/// the linear mode there instead, with a note saying why.
public enum TerminalCapabilities {
    /// Why the full screen cannot be used.
    public enum Limitation: Hashable, Sendable {
        /// Standard input or output is not a terminal (a pipe, a file).
        case notATerminal
        /// `TERM` is not set, or empty.
        case termUnset
        /// `TERM=dumb`: a terminal that only prints lines.
        case dumb
        /// terminfo has no entry for this terminal type.
        case unknown(term: String)
        /// The terminal type cannot move the cursor (no `cup` in terminfo).
        case noCursorAddressing(term: String)
    }

    /// What terminfo says about one terminal type.
    public enum Entry: Hashable, Sendable {
        case addressable
        case noCursorAddressing
        case unknown
    }

    /// Why the full screen is impossible in this environment; nil when it can run.
    /// `isTerminal` is whether both standard input and output are terminals.
    public static func limitation(environment: [String: String], isTerminal: Bool) -> Limitation? {
        guard isTerminal else { return .notATerminal }
        return limitation(term: environment["TERM"], entry: entry(for:))
    }

    /// The decision for a `TERM` value, with terminfo's answer for it given by `entry`.
    public static func limitation(term: String?, entry: (String) -> Entry) -> Limitation? {
        guard let term, !term.trimmingCharacters(in: .whitespaces).isEmpty else { return .termUnset }
        if term == "dumb" { return .dumb }
        switch entry(term) {
        case .addressable: return nil
        case .noCursorAddressing: return .noCursorAddressing(term: term)
        case .unknown: return .unknown(term: term)
        }
    }

    /// terminfo's entry for a terminal type, read from the system's terminfo database.
    public static func entry(for term: String) -> Entry {
        switch term.withCString({ kursus_terminal_has_cursor_addressing($0) }) {
        case 1: return .addressable
        case 0: return .noCursorAddressing
        default: return .unknown
        }
    }

    /// Whether standard input and standard output are both terminals.
    public static var standardStreamsAreTerminals: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }
}

extension TerminalCapabilities.Limitation {
    /// The one-line note the linear mode starts with: why the full screen is not used here
    /// and how to get it.
    public func note(_ strings: UIStrings) -> String {
        switch self {
        case .notATerminal: strings(.linearNoteNotATerminal)
        case .termUnset: strings(.linearNoteTermUnset)
        case .dumb: strings(.linearNoteDumb)
        case .unknown(let term): strings(.linearNoteUnknown, ["term": term])
        case .noCursorAddressing(let term): strings(.linearNoteNoCursor, ["term": term])
        }
    }
}
