/// How headings look, per level:
/// - level 1: bold, underlined with a double rule (`═`, ASCII `=`);
/// - level 2: bold, underlined with a single rule (`─`, ASCII `-`);
/// - levels 3–6: a dim `###`-style prefix (one `#` per level) and bold
///   text (5: bold italic, 6: italic); wrapped lines hang under the text;
///   the prefix is left out when it would take more than half the width.
enum HeadingStyle {
    /// "### " and so on, by level, and as many spaces.
    private static let markers = (0...6).map { String(repeating: "#", count: $0) + " " }
    private static let indents = markers.map { String(repeating: " ", count: $0.utf8.count) }

    static func style(level: Int) -> SpanStyle {
        switch level {
        case 5: return SpanStyle(role: .heading(level: level), attributes: [.bold, .italic])
        case 6: return SpanStyle(role: .heading(level: level), attributes: .italic)
        default: return SpanStyle(role: .heading(level: level), attributes: .bold)
        }
    }

    /// Lays the heading out within `width` columns into `sink`.
    static func layout<Output: LayoutOutput>(
        _ text: InlineText, level: Int, width: Int, symbols: MarkdownGlyphs, into sink: inout PrefixingSink<Output>,
        scratch: inout LineBuilder
    ) {
        if level <= 2 {
            var measuring = WidestLineSink(inner: sink)
            LineWrapper.wrap(text, width: width, into: &measuring, scratch: &scratch)
            sink = measuring.inner
            guard measuring.widest > 0 else { return }
            let symbol = level == 1 ? symbols.headingUnderline1 : symbols.headingUnderline2
            scratch.reset()
            scratch.appendRepeated(symbol, count: measuring.widest, style: SpanStyle(role: .heading(level: level)))
            sink.take(scratch)
            return
        }
        let marker = HeadingStyle.markers[min(level, 6)]
        let markerWidth = marker.utf8.count
        let markerStyle = SpanStyle(role: .heading(level: level), attributes: .dim)
        guard markerWidth <= width / 2 else {
            // Too narrow for the marker: the text alone.
            LineWrapper.wrap(text, width: width, into: &sink, scratch: &scratch)
            return
        }
        var hanging = sink.withPrefixes(
            first: sink.first.appending(marker, style: markerStyle, width: markerWidth),
            rest: sink.rest.appending(HeadingStyle.indents[min(level, 6)], style: .body, width: markerWidth))
        LineWrapper.wrap(text, width: width - markerWidth, into: &hanging, scratch: &scratch)
    }
}

/// Passes lines on, remembering the widest.
struct WidestLineSink<Inner: LineSink>: LineSink {
    var inner: Inner
    private(set) var widest = 0

    init(inner: Inner) {
        self.inner = inner
    }

    mutating func take(_ line: LineBuilder) {
        widest = max(widest, line.width)
        inner.take(line)
    }
}
