import KursusText

/// One line being put together: terminal-safe UTF-8, the points where the
/// style changes, and the width in display columns. Reused from line to
/// line; `finish` turns it into a `StyledLine`.
struct LineBuilder {
    private(set) var bytes: [UInt8] = []
    private(set) var marks: [InlineText.StyleMark] = []
    private(set) var width = 0

    var isEmpty: Bool { bytes.isEmpty }

    private mutating func setStyle(_ style: SpanStyle) {
        if let last = marks.last {
            if last.style == style { return }
            if last.offset == bytes.count {
                marks[marks.count - 1].style = style
                return
            }
        }
        marks.append(InlineText.StyleMark(offset: bytes.count, style: style))
    }

    /// Appends UTF-8 text whose display width the caller has measured.
    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>, style: SpanStyle, width pieceWidth: Int) {
        guard !utf8.isEmpty else { return }
        setStyle(style)
        bytes.append(contentsOf: utf8)
        width += pieceWidth
    }

    /// Appends terminal-safe text, measuring it unless told its width.
    mutating func append(_ text: String, style: SpanStyle, width pieceWidth: Int? = nil) {
        guard !text.isEmpty else { return }
        setStyle(style)
        bytes.append(contentsOf: text.utf8)
        width += pieceWidth ?? DisplayWidth.of(text)
    }

    /// Appends one space in `style`.
    mutating func appendSpace(style: SpanStyle) {
        setStyle(style)
        bytes.append(UInt8(ascii: " "))
        width += 1
    }

    /// Appends `symbol` (one column wide) `count` times in `style`.
    mutating func appendRepeated(_ symbol: String, count: Int, style: SpanStyle) {
        guard count > 0 else { return }
        setStyle(style)
        let utf8 = symbol.utf8
        bytes.reserveCapacity(bytes.count + utf8.count * count)
        for _ in 0..<count { bytes.append(contentsOf: utf8) }
        width += count
    }

    /// Appends `count` spaces in `style`.
    mutating func appendSpaces(_ count: Int, style: SpanStyle = .body) {
        guard count > 0 else { return }
        setStyle(style)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        width += count
    }

    /// Appends everything `other` holds.
    mutating func append(contentsOf other: LineBuilder) {
        for (index, mark) in other.marks.enumerated() {
            let end = index + 1 < other.marks.count ? other.marks[index + 1].offset : other.bytes.count
            guard end > mark.offset else { continue }
            setStyle(mark.style)
            bytes.append(contentsOf: other.bytes[mark.offset..<end])
        }
        width += other.width
    }

    /// Empties the line, keeping its storage.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        marks.removeAll(keepingCapacity: true)
        width = 0
    }

    /// The number of bytes without trailing spaces.
    var trimmedCount: Int {
        var end = bytes.count
        while end > 0 && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return end
    }

    /// Calls `body` with each run of one style in `bytes[0..<end]`.
    func forEachSegment(upTo end: Int, _ body: (UnsafeBufferPointer<UInt8>, SpanStyle) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            for (index, mark) in marks.enumerated() {
                let segmentEnd = min(end, index + 1 < marks.count ? marks[index + 1].offset : end)
                guard segmentEnd > mark.offset else { continue }
                body(UnsafeBufferPointer(rebasing: buffer[mark.offset..<segmentEnd]), mark.style)
            }
        }
    }

    /// Calls `body` with each span of the finished line (as `finish` makes it: `prefix`
    /// in front, trailing spaces removed, a line with no content the trimmed prefix
    /// alone) and returns its width; for outputs that keep bytes, not `StyledLine`s.
    func forEachFinishedSpan(prefix: LinePrefix, _ body: (UnsafeBufferPointer<UInt8>, SpanStyle) -> Void) -> Int {
        let end = trimmedCount
        let prefix = end == 0 ? prefix.trimmed : prefix
        for span in prefix.spans {
            var text = span.text
            text.withUTF8 { body($0, span.style) }
        }
        guard end > 0 else { return prefix.width }
        forEachSegment(upTo: end, body)
        return prefix.width + width - (bytes.count - end)
    }

    /// The finished line with `prefix` in front; trailing spaces are
    /// removed (a line with no content is the trimmed prefix alone).
    func finish(prefix: LinePrefix = .none) -> StyledLine {
        let end = trimmedCount
        guard end > 0 else {
            let prefix = prefix.trimmed
            return StyledLine(spans: prefix.spans, width: prefix.width, plainText: prefix.plain)
        }
        let contentWidth = width - (bytes.count - end)
        var spans: [StyledSpan] = []
        spans.reserveCapacity(prefix.spans.count + marks.count)
        spans.append(contentsOf: prefix.spans)
        forEachSegment(upTo: end) { segment, style in
            spans.append(StyledSpan(text: String(decoding: segment, as: UTF8.self), style: style))
        }
        let plain: String
        if spans.count == 1 {
            plain = spans[0].text
        } else {
            plain = bytes.withUnsafeBufferPointer { prefix.joined(with: UnsafeBufferPointer(rebasing: $0[0..<end])) }
        }
        return StyledLine(spans: spans, width: prefix.width + contentWidth, plainText: plain)
    }
}
