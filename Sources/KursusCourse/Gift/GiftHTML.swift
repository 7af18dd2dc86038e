/// HTML in GIFT texts (`[html]`, `[moodle]` and unmarked texts) turned into readable
/// Markdown or plain text: tags are stripped, structure becomes line breaks,
/// paragraphs, list items and emphasis, images become their alt text in brackets,
/// script and style contents are dropped and character references decoded.
///
/// One pass over the scalars; every look-ahead either consumes what it scanned or is
/// bounded, and a failed search for `>` is remembered, so broken HTML stays linear and
/// never stops the conversion.
enum GiftHTML {
    /// Converts `html`; with `newlinesBreakLines` (Moodle's auto-format) a newline is a
    /// line break, otherwise it is a space as in HTML.
    static func convert(_ html: [Unicode.Scalar], newlinesBreakLines: Bool, into writer: inout GiftTextWriter) {
        var converter = Converter(scalars: html, newlinesBreakLines: newlinesBreakLines)
        converter.run(into: &writer)
    }

    /// Convenience for a whole string.
    static func text(fromHTML html: String, mode: GiftTextWriter.Mode, newlinesBreakLines: Bool = false) -> String {
        var writer = GiftTextWriter(mode: mode)
        convert(Array(html.unicodeScalars), newlinesBreakLines: newlinesBreakLines, into: &writer)
        return writer.text
    }

    static let paragraphTags: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre",
        "hr", "section", "article", "header", "footer", "figure", "dl", "address", "main", "nav",
    ]
    static let lineTags: Set<String> = ["tr", "dt", "dd", "caption", "figcaption"]

    private struct Converter {
        let scalars: [Unicode.Scalar]
        let newlinesBreakLines: Bool
        var index = 0
        /// Set once a search for `>` ran to the end: no later `<` can open a tag.
        var noClosingBracket = false
        /// How many `<pre>` elements are open: inside one, line breaks and spaces are kept.
        var preDepth = 0

        init(scalars: [Unicode.Scalar], newlinesBreakLines: Bool) {
            self.scalars = scalars
            self.newlinesBreakLines = newlinesBreakLines
        }

        mutating func run(into writer: inout GiftTextWriter) {
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "<", readTag(into: &writer) { continue }
                if scalar == "&", let (decoded, length) = GiftEntities.decode(scalars, at: index) {
                    emit(decoded, into: &writer)
                    index += length
                    continue
                }
                emit(scalar, into: &writer)
                index += 1
            }
        }

        private func emit(_ scalar: Unicode.Scalar, into writer: inout GiftTextWriter) {
            if preDepth > 0 {
                emitPreformatted(scalar, into: &writer)
            } else if scalar == "\n" && newlinesBreakLines {
                writer.lineBreak()
            } else if scalar == "\u{AD}" {
                return
            } else if GiftChunker.isSpace(scalar) || scalar == "\n" || scalar == "\r" {
                writer.space()
            } else {
                writer.character(scalar)
            }
        }

        /// Inside `<pre>`, as in a browser: every line break stays a line break and
        /// spaces do not collapse (written as no-break spaces, so indentation survives
        /// Markdown; a tab counts as four).
        private func emitPreformatted(_ scalar: Unicode.Scalar, into writer: inout GiftTextWriter) {
            switch scalar {
            case "\n", "\r": writer.lineBreak()
            case "\t": for _ in 0..<4 { writer.character("\u{A0}") }
            case "\u{AD}": return
            default: writer.character(GiftChunker.isSpace(scalar) ? "\u{A0}" : scalar)
            }
        }

        private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
        }

        /// Reads a tag, comment or declaration at `index` and acts on it; false (nothing
        /// consumed) when the `<` is plain text.
        private mutating func readTag(into writer: inout GiftTextWriter) -> Bool {
            let next = index + 1
            guard next < scalars.count else { return false }
            let first = scalars[next]
            guard isLetter(first) || first == "/" || first == "!" || first == "?" else { return false }
            if hasText("<!--", at: index) {
                index = find("-->", from: index + 4).map { $0 + 3 } ?? scalars.count
                return true
            }
            guard !noClosingBracket else { return false }
            var end = next
            while end < scalars.count && scalars[end] != ">" { end += 1 }
            guard end < scalars.count else {
                noClosingBracket = true
                return false
            }
            let tag = Tag(scalars[next..<end])
            index = end + 1
            apply(tag, into: &writer)
            return true
        }

        private mutating func apply(_ tag: Tag, into writer: inout GiftTextWriter) {
            switch tag.name {
            case "script", "style":
                if !tag.closing && !tag.selfClosing {
                    if let close = find("</" + tag.name, from: index) {
                        var end = close
                        while end < scalars.count && scalars[end] != ">" { end += 1 }
                        index = min(scalars.count, end + 1)
                    } else {
                        index = scalars.count
                    }
                }
            case "br":
                writer.lineBreak()
            case "li":
                writer.itemBreak()
                if !tag.closing { writer.markup("- ", always: true, startsBlock: true) }
            case "b", "strong":
                tag.closing ? writer.closeEmphasis("**") : writer.openEmphasis("**")
            case "i", "em":
                tag.closing ? writer.closeEmphasis("*") : writer.openEmphasis("*")
            case "img":
                let alt = tag.attribute("alt").map { GiftHTML.text(fromHTML: $0, mode: .plain) } ?? ""
                writer.character("[")
                for scalar in (alt.isEmpty ? "image" : alt).unicodeScalars { writer.character(scalar) }
                writer.character("]")
            case "td", "th":
                writer.space()
            case "pre":
                writer.paragraph()
                if tag.closing {
                    preDepth = max(0, preDepth - 1)
                } else if !tag.selfClosing {
                    preDepth += 1
                    // A browser drops the line break right after <pre>.
                    if index < scalars.count && scalars[index] == "\n" { index += 1 }
                }
            default:
                if GiftHTML.paragraphTags.contains(tag.name) {
                    writer.paragraph()
                } else if GiftHTML.lineTags.contains(tag.name) {
                    writer.lineBreak()
                }
            }
        }

        private func hasText(_ text: String, at start: Int) -> Bool {
            var position = start
            for scalar in text.unicodeScalars {
                guard position < scalars.count else { return false }
                let candidate = scalars[position]
                let lowered = candidate.value >= 0x41 && candidate.value <= 0x5A ? Unicode.Scalar(candidate.value + 32) : candidate
                guard lowered == scalar else { return false }
                position += 1
            }
            return true
        }

        /// The first place at or after `start` where `text` (lowercase ASCII) begins,
        /// ignoring ASCII case.
        private func find(_ text: String, from start: Int) -> Int? {
            var position = start
            while position < scalars.count {
                if hasText(text, at: position) { return position }
                position += 1
            }
            return nil
        }
    }

    /// A tag's name and attributes, read from the characters between `<` and `>`.
    struct Tag {
        var name = ""
        var closing = false
        var selfClosing = false
        private var body: ArraySlice<Unicode.Scalar>

        init(_ body: ArraySlice<Unicode.Scalar>) {
            self.body = body
            var position = body.startIndex
            if position < body.endIndex && body[position] == "/" {
                closing = true
                position += 1
            }
            var name = String.UnicodeScalarView()
            while position < body.endIndex, body[position].properties.isAlphabetic || (body[position].value >= 0x30 && body[position].value <= 0x39) {
                name.append(contentsOf: String(body[position]).lowercased().unicodeScalars)
                position += 1
            }
            self.name = String(name)
            selfClosing = body.last == "/"
        }

        /// The value of attribute `key` (lowercase), quoted or not.
        func attribute(_ key: String) -> String? {
            let keyScalars = Array(key.unicodeScalars)
            var position = body.startIndex
            while position < body.endIndex {
                var matches = position > body.startIndex && GiftChunker.isSpace(body[position - 1])
                var offset = 0
                while matches && offset < keyScalars.count {
                    let at = position + offset
                    guard at < body.endIndex, String(body[at]).lowercased() == String(keyScalars[offset]) else {
                        matches = false
                        break
                    }
                    offset += 1
                }
                if matches {
                    var cursor = position + keyScalars.count
                    while cursor < body.endIndex && GiftChunker.isSpace(body[cursor]) { cursor += 1 }
                    if cursor < body.endIndex && body[cursor] == "=" {
                        cursor += 1
                        while cursor < body.endIndex && GiftChunker.isSpace(body[cursor]) { cursor += 1 }
                        return value(from: cursor)
                    }
                }
                position += 1
            }
            return nil
        }

        private func value(from start: Int) -> String {
            var view = String.UnicodeScalarView()
            guard start < body.endIndex else { return "" }
            let quote = body[start]
            if quote == "\"" || quote == "'" {
                var position = start + 1
                while position < body.endIndex && body[position] != quote {
                    view.append(body[position])
                    position += 1
                }
            } else {
                var position = start
                while position < body.endIndex && !GiftChunker.isSpace(body[position]) && body[position] != "/" {
                    view.append(body[position])
                    position += 1
                }
            }
            return String(view)
        }
    }
}
