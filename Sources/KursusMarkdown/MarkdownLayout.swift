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
}
