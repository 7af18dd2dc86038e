import Foundation
import KursusText

/// Everything the command line prints goes through `TerminalSafe`: course text, learner
/// names, file paths and config lines are untrusted, so an escape sequence in any of them
/// (a colour, a cursor move, OSC 52 setting the clipboard) is shown inert instead of acting
/// on the terminal. This `print` shadows the standard library's in the `kursus` target,
/// so a new `print` call is safe without thinking about it; line breaks and tabs are kept.
/// The only raw writers are the ones that draw on purpose (`render --color`, the progress
/// bar of `sync`), and they clean what they draw.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator) + terminator
    ConsoleOutput.write(text, to: .standardOutput)
}

/// Writes cleaned text to standard output or standard error.
enum ConsoleOutput {
    /// `text` with every line cleaned by `TerminalSafe.cleanLines`, written at once.
    static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(TerminalSafe.cleanLines(text).utf8))
    }

    /// A message on standard error, cleaned, with a line break.
    static func error(_ text: String) {
        write(text + "\n", to: .standardError)
    }
}
