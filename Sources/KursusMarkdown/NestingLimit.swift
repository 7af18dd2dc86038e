/// The deepest nesting of block quotes and list items Kursus follows.
///
/// Why 16: a lesson needs three or four levels at most, and 16 levels of two-column
/// markers already take 32 of a terminal's 80 columns. The limit is what keeps hostile
/// Markdown cheap: every container marker at the start of a line makes cmark-gfm build
/// two nodes of about 250 bytes each, so a 4 MiB lesson of `- - - - … x` lines once took
/// a gigabyte to parse. Markers beyond the limit on one line are shown as text (the
/// source gets a backslash before the first of them before cmark-gfm sees it), and
/// containers nested deeper than the limit across lines add no further indentation
/// (`ContainerStack`). `kursus validate` warns where a line goes deeper
/// (`MarkdownScanner.findings(in:)`). See docs/course-format.md.
public enum NestingLimit {
    /// Block quotes and list items nested deeper than this are shown flat.
    public static let maximumDepth = 16

    /// A line whose container markers go deeper than the limit.
    struct Flattened: Equatable {
        /// 1-based line in the source.
        var line: Int
        /// 1-based column (in bytes, which are ASCII up to here) of the first marker beyond the limit.
        var column: Int
        /// 0-based byte offset in the source before which a backslash goes.
        var escapeOffset: Int
    }

    /// Where the line `bytes[start..<end]` (without its line break) has more than
    /// `maximumDepth` container markers at its start: the marker beyond the limit, or nil.
    /// Counts `>` and list markers (`-`, `*`, `+`, `1.`, `1)`) followed by a space, a tab
    /// or the end of the line; indentation between them is skipped. A line that ends as
    /// a thematic break (`- - - -`) is left alone.
    static func flattened(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, start: Int, end: Int) -> Flattened? {
        var position = start
        var depth = 0
        while position < end {
            var byte = bytes[position]
            while byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                position += 1
                guard position < end else { return nil }
                byte = bytes[position]
            }
            let markerStart = position
            var escapeAt = position
            switch byte {
            case UInt8(ascii: ">"):
                position += 1
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                guard position + 1 == end || isBlank(bytes[position + 1]) else { return nil }
                position += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var digits = position
                while digits < end && digits - position < 9 && isDigit(bytes[digits]) { digits += 1 }
                guard digits < end, bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")"),
                    digits + 1 == end || isBlank(bytes[digits + 1])
                else { return nil }
                escapeAt = digits
                position = digits + 1
            default:
                return nil
            }
            depth += 1
            if depth > maximumDepth {
                if isThematicBreak(bytes, from: markerStart, to: end) { return nil }
                return Flattened(line: line, column: markerStart - start + 1, escapeOffset: escapeAt)
            }
        }
        return nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Whether `bytes[from..<to]` is only one of `-`, `*`, `_` (three or more) and blanks.
    private static func isThematicBreak(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        let symbol = bytes[from]
        guard symbol == UInt8(ascii: "-") || symbol == UInt8(ascii: "*") || symbol == UInt8(ascii: "_") else { return false }
        var count = 0
        for index in from..<to {
            let byte = bytes[index]
            if byte == symbol {
                count += 1
            } else if !isBlank(byte) {
                return false
            }
        }
        return count >= 3
    }
}
