/// Whole outputs made inert: text of several lines printed by the command line, and JSON
/// or YAML documents whose strings may hold what `TerminalSafe` cleans.
extension TerminalSafe {
    /// `text` with every line cleaned as `clean(_:)` does, keeping the line breaks, tabs
    /// and the carriage return of a CRLF line end: what a command prints to a terminal.
    /// A lone carriage return (which would let text overwrite a line) is cleaned.
    public static func cleanLines(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: { replacement(for: $0) != nil && $0 != "\n" && $0 != "\t" && $0 != "\r" }),
            !text.unicodeScalars.contains("\r")
        {
            return text
        }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            let next = scalars.next()
            if scalar == "\n" || scalar == "\t" || (scalar == "\r" && next == "\n") {
                output.append(scalar)
            } else {
                output.append(replacement(for: scalar) ?? scalar)
            }
            pending = next
        }
        return String(output)
    }

    /// A JSON (or YAML double-quoted) document with each scalar `clean(_:)` would replace
    /// written as a `\uXXXX` escape instead, except line breaks. JSONEncoder escapes C0
    /// controls itself but leaves DEL, C1 controls (such as the 8-bit CSI U+009B) and bidi
    /// overrides raw; in valid JSON those can stand only inside strings, where the escape
    /// means the same character, so the document keeps its meaning and becomes inert.
    public static func escapingUnsafe(json: String) -> String {
        if !json.unicodeScalars.contains(where: { $0 != "\n" && replacement(for: $0) != nil }) { return json }
        var output = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if scalar != "\n", replacement(for: scalar) != nil {
                let hex = String(scalar.value, radix: 16)
                output.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }
}
