import Foundation
import KursusMarkdown
import KursusText

/// Plain lines for the linear mode: terminal-safe, without box drawing or rules (a
/// screen reader would read them out as "box drawings light horizontal"), and in ASCII
/// when the locale is not UTF-8.
enum LinearText {
    /// One line as it is printed: control characters cleaned out, box-drawing characters
    /// turned into spaces, trailing spaces dropped; ASCII only when `ascii`.
    static func clean(_ text: String, ascii: Bool) -> String {
        var line = ""
        for scalar in TerminalSafe.clean(text).unicodeScalars {
            // Box drawing (U+2500–U+257F) and block elements (U+2580–U+259F) are decoration.
            if (0x2500...0x259F).contains(scalar.value) {
                line.unicodeScalars.append(" ")
            } else {
                line.unicodeScalars.append(scalar)
            }
        }
        if ascii { line = transliterated(line) }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// Whether a line holds only decoration (rules, heading underlines, table borders):
    /// no letter and no digit, but something other than spaces.
    static func isDecoration(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return false }
        return !trimmed.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) }
    }

    /// Lines ready to print: cleaned, decoration dropped, runs of blank lines made one,
    /// with no blank line first or last.
    static func printable(_ lines: [String], ascii: Bool) -> [String] {
        var result: [String] = []
        for raw in lines {
            let line = clean(raw, ascii: ascii)
            if isDecoration(line) { continue }
            if line.isEmpty, result.last?.isEmpty ?? true { continue }
            result.append(line)
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result
    }

    /// Markdown laid out for `width` as plain lines.
    static func markdown(_ source: String, width: Int, options: MarkdownLayoutOptions) -> [String] {
        var options = options
        options.width = max(20, width)
        let lines = MarkdownLayout.lines(source, options: options)
        return lines.indices.map { lines.plainText(at: $0) }
    }

    /// ASCII for a locale that is not UTF-8, spelt as the full screen spells it
    /// (`ASCIITransliteration`: æ→ae, ø→oe, å→aa, accents dropped, `?` for the rest).
    static func transliterated(_ text: String) -> String {
        ASCIITransliteration.transliterate(text)
    }
}
