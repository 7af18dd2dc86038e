import KursusText

/// Which characters decorations use: Unicode symbols, or plain ASCII for
/// terminals whose locale is not UTF-8.
public enum SymbolSet: Sendable {
    case unicode
    case ascii
}

/// How to lay Markdown out.
public struct MarkdownLayoutOptions: Sendable {
    /// The number of terminal columns no line may exceed.
    public var width: Int
    public var symbols: SymbolSet
    /// The word an image shows as, `[Image: alt text]`, in the reader's language (the
    /// layout has no strings of its own: the terminal UI passes its own).
    public var imageWord: String

    public init(width: Int, symbols: SymbolSet = .unicode, imageWord: String = "Image") {
        self.width = width
        self.symbols = symbols
        self.imageWord = TerminalSafe.clean(imageWord)
    }
}

/// A heading of the laid-out document, for a table of contents or jumps.
public struct MarkdownHeading: Hashable, Sendable {
    /// Index into `MarkdownDocument.lines` of the heading's first line.
    public var line: Int
    /// 1 to 6.
    public var level: Int
    /// The heading's text without styling (terminal-safe).
    public var text: String

    public init(line: Int, level: Int, text: String) {
        self.line = line
        self.level = level
        self.text = text
    }
}

/// Markdown laid out as terminal lines.
public struct MarkdownDocument: Hashable, Sendable {
    /// The lines, none wider than the layout width.
    public var lines: [StyledLine]
    /// The link targets; `links[n - 1]` is the URL marked `[n]` in the text.
    public var links: [String]
    /// The headings in document order.
    public var headings: [MarkdownHeading]

    public init(lines: [StyledLine], links: [String], headings: [MarkdownHeading]) {
        self.lines = lines
        self.links = links
        self.headings = headings
    }
}

/// Lays Markdown (CommonMark with the GFM extensions tables,
/// strikethrough, task lists and autolinks) out as lines for a terminal of
/// a given width. See docs/markdown.md for what each construct looks like.
public enum MarkdownLayout {
    /// `markdown` laid out for `options.width` columns. No line is wider
    /// than the width (at least 1), and no text in the result holds a
    /// control character.
    public static func layout(_ markdown: String, options: MarkdownLayoutOptions) -> MarkdownDocument {
        let engine = LayoutEngine(options: options, output: StyledLinesOutput())
        engine.run(markdown)
        let result = engine.finish()
        return MarkdownDocument(lines: result.output.lines, links: result.links, headings: result.headings)
    }

    /// The lines of `layout(markdown, options:)`, kept compactly (`StyledLines`): what the
    /// lesson reader keeps while a lesson is open, so a lesson of a million short lines
    /// stays in tens of megabytes.
    public static func lines(_ markdown: String, options: MarkdownLayoutOptions) -> StyledLines {
        let engine = LayoutEngine(options: options, output: StyledLinesCompactOutput())
        engine.run(markdown)
        return engine.finish().output.lines
    }
}
