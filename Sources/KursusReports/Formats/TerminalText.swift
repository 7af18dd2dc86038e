import KursusText

/// Content made safe for one line of a terminal.
enum TerminalText {
    /// `text` on one line: line breaks and tabs become spaces, every other control
    /// character (and bidi control) its visible stand-in.
    static func line(_ text: String) -> String {
        if TerminalSafe.isSafe(text) { return text }
        let spaced = String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
        return TerminalSafe.clean(spaced)
    }

    /// `text` wrapped to `width` columns, keeping its own line breaks, each line safe.
    static func wrapped(_ text: String, width: Int) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { paragraph -> [String] in
                let lines = WordWrap.lines(line(String(paragraph)), width: width)
                return lines.isEmpty ? [""] : lines
            }
    }
}
