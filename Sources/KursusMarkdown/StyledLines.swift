import KursusText

/// Laid-out lines kept compactly: every line's text in one byte buffer, and per span
/// only where its text ends and which style it has. A `StyledLine` is made when a line
/// is read (the lesson reader reads a screenful at a time).
///
/// A lesson of a million one-line list items made a million `StyledLine`s, each with an
/// array of spans and strings of its own: about 190 bytes a line, 200 MB for a lesson
/// the loader accepts (issue 16 allows none to take more). Here such a line takes about
/// 50 bytes. Reading a line gives what `LineBuilder.finish` gives for it: the same
/// spans, width and plain text.
public struct StyledLines: RandomAccessCollection, Equatable, Sendable {
    /// The text of every span, one after the other.
    private var text: [UInt8] = []
    /// Per span: where its text ends in `text`, and its style's index in `styles`.
    private var spanEnds: [Int] = []
    private var spanStyles: [UInt16] = []
    /// The styles spans have, each once.
    private var styles: [SpanStyle] = []
    /// Per line: the end of its spans in `spanEnds` and its width.
    private var lineEnds: [Int] = []
    private var widths: [Int] = []

    public init() {}

    /// The lines of `lines`, kept compactly.
    public init<Lines: Sequence>(_ lines: Lines) where Lines.Element == StyledLine {
        for line in lines { append(line) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { widths.count }

    public subscript(index: Int) -> StyledLine {
        let firstSpan = index == 0 ? 0 : lineEnds[index - 1]
        var start = firstSpan == 0 ? 0 : spanEnds[firstSpan - 1]
        var spans: [StyledSpan] = []
        spans.reserveCapacity(lineEnds[index] - firstSpan)
        let lineStart = start
        text.withUnsafeBufferPointer { bytes in
            for span in firstSpan..<lineEnds[index] {
                let end = spanEnds[span]
                let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
                spans.append(StyledSpan(text: String(decoding: piece, as: UTF8.self), style: styles[Int(spanStyles[span])]))
                start = end
            }
        }
        let plain: String
        switch spans.count {
        case 0: plain = ""
        case 1: plain = spans[0].text
        default: plain = text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lineStart..<start]), as: UTF8.self) }
        }
        return StyledLine(spans: spans, width: widths[index], plainText: plain)
    }

    /// The text of line `index` without styling (its `plainText`), without making the line.
    public func plainText(at index: Int) -> String {
        let firstSpan = index == 0 ? 0 : lineEnds[index - 1]
        let start = firstSpan == 0 ? 0 : spanEnds[firstSpan - 1]
        let end = lineEnds[index] == 0 ? 0 : spanEnds[lineEnds[index] - 1]
        return text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<Swift.max(start, end)]), as: UTF8.self) }
    }

    /// Appends a line.
    public mutating func append(_ line: StyledLine) {
        for span in line.spans {
            appendSpan(span.text.utf8, span.style)
        }
        endLine(width: line.width)
    }

    /// Appends `line` with `prefix` in front, as `line.finish(prefix:)` makes it.
    mutating func append(_ line: LineBuilder, prefix: LinePrefix) {
        let width = line.forEachFinishedSpan(prefix: prefix) { bytes, style in appendSpan(bytes, style) }
        endLine(width: width)
    }

    private mutating func appendSpan<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ style: SpanStyle) {
        text.append(contentsOf: bytes)
        spanEnds.append(text.count)
        spanStyles.append(styleIndex(style))
    }

    private mutating func endLine(width: Int) {
        lineEnds.append(spanEnds.count)
        widths.append(width)
    }

    /// The index of `style` in `styles`, added when new (a document has a few dozen).
    private mutating func styleIndex(_ style: SpanStyle) -> UInt16 {
        if let last = spanStyles.last, styles[Int(last)] == style { return last }
        if let index = styles.firstIndex(of: style) { return UInt16(index) }
        // Roles and attributes make far fewer styles than this; should it be reached,
        // text keeps the first style rather than stopping.
        guard styles.count < Int(UInt16.max) else { return 0 }
        styles.append(style)
        return UInt16(styles.count - 1)
    }

    public static func == (lhs: StyledLines, rhs: StyledLines) -> Bool {
        lhs.elementsEqual(rhs)
    }
}

/// Keeps the lines compactly, for the lesson reader.
struct StyledLinesCompactOutput: LayoutOutput {
    private(set) var lines = StyledLines()

    var count: Int { lines.count }

    mutating func append(_ line: LineBuilder, prefix: LinePrefix) {
        lines.append(line, prefix: prefix)
    }
}
