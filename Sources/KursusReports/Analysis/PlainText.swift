import Foundation

/// Course text (Markdown) as plain text on one line, for tables: a question's prompt, an
/// option. Not a Markdown renderer: it drops the marks trainers write in prompts.
enum PlainText {
    /// Line breaks, tabs and other control characters become spaces and runs of spaces
    /// one; emphasis (`*`, `**`, `__`) and code marks (`` ` ``) are dropped; a link or
    /// image `[text](address)` keeps its text; heading and quote marks at the start go.
    static func oneLine(_ markdown: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(markdown.unicodeScalars)
        var index = 0
        var pendingSpace = false
        func emit(_ scalar: Unicode.Scalar) {
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if isSpaceLike(scalar) {
                pendingSpace = true
            } else if scalar == "*" || scalar == "`" || (scalar == "_" && next == "_") {
                if scalar == "_" { index += 1 }
            } else if scalar == "!" && next == "[" {
                // An image: its alternative text stays, the "!" goes.
            } else if scalar == "]" && next == "(" {
                // The end of a link's text: skip the address.
                var depth = 0
                index += 1
                while index < scalars.count {
                    if scalars[index] == "(" { depth += 1 }
                    if scalars[index] == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    index += 1
                }
            } else if scalar == "[" && closesAsLink(scalars, from: index) {
                // A link's opening bracket.
            } else if (scalar == "#" || scalar == ">") && out.isEmpty {
                // Heading or quote marks at the start.
            } else {
                emit(scalar)
            }
            index += 1
        }
        return String(out)
    }

    /// Whitespace, control characters, bidirectional controls and line separators.
    static func isSpaceLike(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control { return true }
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Whether the `[` at `start` opens a link or image: a `](` follows before the line ends.
    static func closesAsLink(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        var index = start + 1
        while index + 1 < scalars.count, scalars[index] != "\n" {
            if scalars[index] == "]" { return scalars[index + 1] == "(" }
            index += 1
        }
        return false
    }

    /// The first line of Markdown that holds text, without its block marks (`#`, `>`,
    /// `-`, `*`, `+`, `1.`), made `oneLine`. Empty when there is no text.
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
            let text = oneLine(String(rest))
            if !text.isEmpty { return text }
        }
        return ""
    }
}
