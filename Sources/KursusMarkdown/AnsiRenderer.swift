/// Turns a laid-out document into text for a terminal: one line per
/// `StyledLine`, each ended by "\n". With `color`, spans carry SGR escape
/// sequences (attributes plus a foreground colour per role, reset after
/// each span); without, the text is plain. The span texts are terminal-safe,
/// so the only escape sequences in the output are the ones added here.
public enum AnsiRenderer {
    public static func render(_ document: MarkdownDocument, color: Bool) -> String {
        var capacity = document.lines.count
        for line in document.lines { capacity += line.plainText.utf8.count }
        var output = ""
        output.reserveCapacity(color ? capacity * 2 : capacity)
        for line in document.lines {
            if color {
                for span in line.spans {
                    let codes = sgrCodes(span.style)
                    if codes.isEmpty {
                        output += span.text
                    } else {
                        output += "\u{1B}[" + codes + "m" + span.text + "\u{1B}[0m"
                    }
                }
            } else {
                output += line.plainText
            }
            output += "\n"
        }
        return output
    }

    /// The SGR parameters for a style, e.g. "1;36"; "" for plain body text.
    static func sgrCodes(_ style: SpanStyle) -> String {
        var codes: [String] = []
        let attributes = style.attributes
        if attributes.contains(.bold) { codes.append("1") }
        if attributes.contains(.dim) { codes.append("2") }
        if attributes.contains(.italic) { codes.append("3") }
        if attributes.contains(.underline) { codes.append("4") }
        if attributes.contains(.reverse) { codes.append("7") }
        if attributes.contains(.strikethrough) { codes.append("9") }
        if let color = foreground(style.role) { codes.append(color) }
        return codes.joined(separator: ";")
    }

    private static func foreground(_ role: TextRole) -> String? {
        switch role {
        case .body, .tableHeader: return nil
        case .heading: return "36"
        case .code, .codeBlock: return "33"
        case .link, .linkNumber: return "34"
        case .listMarker: return "36"
        case .image: return "35"
        case .quote, .rule, .tableBorder, .html, .wrapMarker: return "90"
        }
    }
}

extension AnsiRenderer {
    /// Lays `markdown` out and renders it in one pass, handing the output
    /// to `write` in pieces as it is produced, without keeping the lines.
    /// The bytes equal `render(MarkdownLayout.layout(markdown, options:
    /// options), color: color)`, split into pieces; this is the fast path
    /// for printing large documents.
    public static func render(
        markdown: String, options: MarkdownLayoutOptions, color: Bool, write: (UnsafeRawBufferPointer) -> Void
    ) {
        withoutActuallyEscaping(write) { write in
            let engine = LayoutEngine(options: options, output: TerminalOutput(color: color, write: write))
            engine.run(markdown)
            var output = engine.finish().output
            output.flush()
        }
    }
}
