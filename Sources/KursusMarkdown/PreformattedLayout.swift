import KursusText

/// Lays out preformatted text (code blocks, raw HTML blocks): lines are kept
/// as they are, never reflowed. A line wider than the space is broken, and
/// each continuation starts with a visible wrap marker.
struct PreformattedLayout {
    let style: SpanStyle
    /// Columns of indentation, used when the width leaves room for it.
    let indent: Int
    let symbols: MarkdownGlyphs

    /// Lays out the lines of `literal` (UTF-8, lines ended by LF) no wider
    /// than `width` and hands them to `sink`.
    func layout<Sink: LineSink>(
        _ literal: UnsafeBufferPointer<UInt8>, width: Int, into sink: inout Sink, scratch line: inout LineBuilder
    ) {
        let indent = width > self.indent + 10 ? self.indent : 0
        let contentWidth = max(1, width - indent)
        var start = 0
        let count = literal.count
        while start < count {
            var end = start
            while end < count && literal[end] != UInt8(ascii: "\n") { end += 1 }
            layoutLine(UnsafeBufferPointer(rebasing: literal[start..<end]), indent, contentWidth, &line, &sink)
            start = end + 1
        }
    }

    private func layoutLine<Sink: LineSink>(
        _ source: UnsafeBufferPointer<UInt8>, _ indent: Int, _ contentWidth: Int, _ line: inout LineBuilder,
        _ sink: inout Sink
    ) {
        line.reset()
        line.appendSpaces(indent)
        if source.count <= contentWidth && source.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            line.append(source, style: style, width: source.count)
            sink.take(line)
            return
        }
        let text = SafeText.preformatted(source)
        let textWidth = DisplayWidth.of(text)
        if textWidth <= contentWidth {
            line.append(text, style: style, width: textWidth)
            sink.take(line)
            return
        }
        // Too wide: break between grapheme clusters; continuations begin
        // with the marker when there is room for it.
        let marker = symbols.wrapMarker
        let markerWidth = DisplayWidth.of(marker)
        let markerStyle = SpanStyle(role: .wrapMarker, attributes: .dim)
        let useMarker = contentWidth > markerWidth
        var chunk = ""
        var chunkWidth = 0
        var capacity = contentWidth
        for character in text {
            var character = character
            var characterWidth = DisplayWidth.of(character)
            if chunkWidth > 0, chunkWidth + characterWidth > capacity {
                line.append(chunk, style: style, width: chunkWidth)
                sink.take(line)
                line.reset()
                line.appendSpaces(indent)
                if useMarker {
                    line.append(marker, style: markerStyle, width: markerWidth)
                    capacity = contentWidth - markerWidth
                }
                chunk = ""
                chunkWidth = 0
            }
            if characterWidth > capacity {
                // Only at the narrowest widths: a wide character cannot be shown.
                character = "…"
                characterWidth = 1
            }
            chunk.append(character)
            chunkWidth += characterWidth
        }
        line.append(chunk, style: style, width: chunkWidth)
        sink.take(line)
    }
}
