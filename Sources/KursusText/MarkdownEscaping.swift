/// Which characters Markdown would read as syntax, so text can be written into Markdown
/// and still show exactly as typed: GIFT text converted to Markdown, and a learner's own
/// answers shown in a review.
public enum MarkdownEscaping {
    /// Characters Markdown could read as syntax anywhere in a line. A switch, not a set:
    /// this runs once per character of every text.
    @inline(__always)
    public static func escapesEverywhere(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\\", "`", "*", "_", "[", "]", "<", ">", "~", "|", "&": return true
        default: return false
        }
    }

    /// Characters that start a heading, list, quote or setext line at a line start.
    @inline(__always)
    public static func escapesAtLineStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "#", "-", "+", "=": return true
        default: return false
        }
    }

    /// `text` with a backslash before every character Markdown would read as syntax.
    public static func literal(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var atLineStart = true
        for scalar in text.unicodeScalars {
            if escapesEverywhere(scalar) || (atLineStart && escapesAtLineStart(scalar)) { result.append("\\") }
            result.append(scalar)
            atLineStart = scalar == "\n"
        }
        return String(result)
    }
}
