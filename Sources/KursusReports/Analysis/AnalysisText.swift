import Foundation

/// Course texts (Markdown written by trainers) made into the one-line plain labels a
/// report's tables show: a question, a prompt, an option, an ending. Every format still
/// escapes them for its own output (terminal, CSV, JSON, HTML); this only shapes them.
enum AnalysisText {
    /// `text` on one line: every run of white space or control characters becomes one
    /// space, the ends are trimmed, and the inline Markdown marks `**`, `__` and `` ` ``
    /// are left out.
    static func plain(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var pendingSpace = false
        for scalar in text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "").unicodeScalars {
            if scalar == "`" { continue }
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// The first line of Markdown that holds text, without its block marks (`#`, `>`,
    /// `-`, `*`, `+`, `1.`), made `plain`. Empty when there is no text.
    static func firstLine(ofMarkdown markdown: String) -> String {
        for line in markdown.split(whereSeparator: \.isNewline) {
            var rest = Substring(line).drop { $0 == " " || $0 == "\t" }
            while let first = rest.first, "#>".contains(first) {
                rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            }
            if let first = rest.first, "-*+".contains(first), rest.dropFirst().first == " " {
                rest = rest.dropFirst(2)
            } else {
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                let after = rest.dropFirst(digits.count)
                if !digits.isEmpty, let mark = after.first, mark == "." || mark == ")", after.dropFirst().first == " " {
                    rest = after.dropFirst(2)
                }
            }
            let text = plain(String(rest))
            if !text.isEmpty { return text }
        }
        return ""
    }
}
