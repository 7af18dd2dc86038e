/// The text formats a GIFT text may name in a leading `[format]`, as Moodle reads them.
enum GiftTextFormat: String, Sendable {
    /// Moodle's auto-format, the default: HTML allowed, a newline is a line break.
    case moodle
    case html
    /// Shown literally: every Markdown-special character is escaped.
    case plain
    case markdown
}

/// Turning a GIFT text (question, answer, feedback) into what the quiz model holds:
/// Markdown for anything shown as formatted text, plain text for short answers and
/// match choices that are compared or listed as they are.
enum GiftText {
    /// Stands where a missing-word answer block stood until the text is converted.
    static let blankPlaceholder: Unicode.Scalar = "\u{E000}"
    static let blank = "_____"

    /// The format named by a leading `[moodle]`, `[html]`, `[plain]` or `[markdown]`
    /// (any case) and the text after it; `fallback` when there is none. Like Moodle, an
    /// unknown name in brackets is ordinary text.
    static func format(of text: GiftSlice, fallback: GiftTextFormat) -> (GiftTextFormat, GiftSlice) {
        let trimmed = text.trimmedGift()
        guard trimmed.isMarker("[", at: trimmed.startIndex), let close = trimmed.firstMarker("]") else {
            return (fallback, trimmed)
        }
        let name = trimmed[(trimmed.startIndex + 1)..<close].giftString.lowercased()
        guard let format = GiftTextFormat(rawValue: name) else { return (fallback, trimmed) }
        return (format, trimmed[(close + 1)...].trimmedGift())
    }

    /// The text converted for display (`.markdown`) or comparison (`.plain`).
    static func convert(_ text: GiftSlice, format: GiftTextFormat, mode: GiftTextWriter.Mode) -> String {
        let scalars = text.trimmedGift().scalars
        let result: String
        switch format {
        case .markdown:
            result = String(scalars: scalars)
        case .plain:
            var writer = GiftTextWriter(mode: mode)
            for scalar in scalars {
                if scalar == "\n" {
                    writer.lineBreak()
                } else if GiftChunker.isSpace(scalar) {
                    writer.space()
                } else {
                    writer.character(scalar)
                }
            }
            result = writer.text
        case .html, .moodle:
            var writer = GiftTextWriter(mode: mode)
            GiftHTML.convert(scalars, newlinesBreakLines: format == .moodle, into: &writer)
            result = writer.text
        }
        return fillBlank(result.trimmingGiftSpace(), mode: mode)
    }

    /// Replaces the placeholder with `_____`; alone on a line in Markdown its first
    /// underscore is escaped so it is not read as a horizontal rule.
    private static func fillBlank(_ text: String, mode: GiftTextWriter.Mode) -> String {
        guard text.unicodeScalars.contains(blankPlaceholder) else { return text }
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let alone = line.unicodeScalars.allSatisfy { $0 == blankPlaceholder || $0 == " " || $0 == "\\" }
            let replacement = (mode == .markdown && alone) ? "\\" + blank : blank
            var view = String.UnicodeScalarView()
            for scalar in line.unicodeScalars {
                if scalar == blankPlaceholder {
                    view.append(contentsOf: replacement.unicodeScalars)
                } else {
                    view.append(scalar)
                }
            }
            lines.append(String(view))
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingGiftSpace() -> String {
        func isTrimmed(_ scalar: Unicode.Scalar) -> Bool { GiftChunker.isSpace(scalar) || scalar == "\n" }
        // Most text has nothing to trim: no copy then.
        guard let first = unicodeScalars.first, let last = unicodeScalars.last, isTrimmed(first) || isTrimmed(last) else {
            return self
        }
        let scalars = Array(unicodeScalars)
        var low = 0
        var high = scalars.count
        while low < high && (GiftChunker.isSpace(scalars[low]) || scalars[low] == "\n") { low += 1 }
        while high > low && (GiftChunker.isSpace(scalars[high - 1]) || scalars[high - 1] == "\n") { high -= 1 }
        if low == 0 && high == scalars.count { return self }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[low..<high])
        return String(view)
    }
}
