import KursusText

/// Receives the lines a `LineWrapper` fills.
protocol LineSink {
    mutating func take(_ line: LineBuilder)
}

/// Keeps every line (for table cells and other small pieces).
struct CollectingSink: LineSink {
    var lines: [LineBuilder] = []
    mutating func take(_ line: LineBuilder) { lines.append(line) }
}

/// Fills lines greedily with the words of inline text, measuring display
/// columns. Breaks only at spaces and hard breaks; a word wider than the
/// whole line is broken between grapheme clusters. Runs of spaces collapse
/// to one; spaces at a line's start or end are dropped.
struct LineWrapper<Sink: LineSink> {
    private let width: Int
    private var sink: Sink
    private var line = LineBuilder()
    private var lineCount = 0
    private var markIndex = 0
    /// The widest word seen.
    private var longestWord = 0
    /// The widest line produced.
    private var widest = 0
    /// False when only measuring: lines are not handed to the sink.
    private var keep = true
    /// The text being wrapped, and its bytes while `run` runs.
    private var text = InlineText()
    private var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Words placed on the line but not yet copied into it: with single
    /// spaces between them they are one range of the text.
    private var pendingStart = 0
    private var pendingEnd = 0
    private var pendingWidth = 0

    private init(width: Int, sink: Sink) {
        self.width = max(1, width)
        self.sink = sink
    }

    /// Lays `text` out in lines no wider than `width` (at least one line)
    /// and hands them to `sink`.
    static func wrap(_ text: InlineText, width: Int, into sink: inout Sink) {
        var scratch = LineBuilder()
        wrap(text, width: width, into: &sink, scratch: &scratch)
    }

    /// As `wrap(_:width:into:)`, building lines in `scratch` (whose storage
    /// is reused from call to call).
    static func wrap(_ text: InlineText, width: Int, into sink: inout Sink, scratch: inout LineBuilder) {
        if text.marks.count == 1, text.bytes.count <= width, SafeText.isPlainLine(text.bytes) {
            // What the general way gives for it: the text as itself on one line.
            scratch.reset()
            text.bytes.withUnsafeBufferPointer { scratch.append($0, style: text.marks[0].style, width: $0.count) }
            sink.take(scratch)
            return
        }
        wrapInGeneral(text, width: width, into: &sink, scratch: &scratch)
    }

    /// As `wrap(_:width:into:scratch:)`, without its shortcut for text that is one plain
    /// line (for the tests that hold the shortcut to this).
    static func wrapInGeneral(_ text: InlineText, width: Int, into sink: inout Sink, scratch: inout LineBuilder) {
        var wrapper = LineWrapper(width: width, sink: sink)
        scratch.reset()
        swap(&wrapper.line, &scratch)
        wrapper.run(text)
        swap(&wrapper.line, &scratch)
        sink = wrapper.sink
    }

    /// Lines of `text` wrapped to `width`, kept.
    static func lines(_ text: InlineText, width: Int) -> [LineBuilder] where Sink == CollectingSink {
        var sink = CollectingSink()
        wrap(text, width: width, into: &sink)
        return sink.lines
    }

    /// The width `text` needs on one line (its widest line between hard
    /// breaks) and the width of its widest word.
    static func measure(_ text: InlineText) -> (natural: Int, longestWord: Int) where Sink == CollectingSink {
        var wrapper = LineWrapper(width: Int.max / 4, sink: CollectingSink())
        wrapper.keep = false
        wrapper.run(text)
        return (wrapper.widest, wrapper.longestWord)
    }

    private var lineIsEmpty: Bool { line.isEmpty && pendingEnd == pendingStart }
    private var lineWidth: Int { line.width + pendingWidth }

    private mutating func run(_ text: InlineText) {
        self.text = text
        text.bytes.withUnsafeBufferPointer { buffer in
            bytes = buffer
            defer { bytes = UnsafeBufferPointer(start: nil, count: 0) }
            let count = buffer.count
            var wordStart = 0
            var ascii = true
            var gapAt: Int? = nil
            var index = 0
            while index < count {
                if index + 8 <= count, let base = buffer.baseAddress,
                    LineWrapper.isPlainWordBytes(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                    continue
                }
                let byte = buffer[index]
                if byte == UInt8(ascii: " ") || byte == InlineText.hardBreak {
                    if index > wordStart {
                        place(wordStart, index, ascii: ascii, gapAt: gapAt)
                        gapAt = nil
                    }
                    if byte == InlineText.hardBreak {
                        endLine()
                        gapAt = nil
                    } else if gapAt == nil && !lineIsEmpty {
                        gapAt = index
                    }
                    ascii = true
                    index += 1
                    wordStart = index
                    continue
                }
                if byte >= 0x80 { ascii = false }
                index += 1
            }
            if count > wordStart {
                place(wordStart, count, ascii: ascii, gapAt: gapAt)
            }
            if !lineIsEmpty || lineCount == 0 {
                endLine()
            }
        }
    }

    /// Whether eight bytes are ASCII with no space and no hard break.
    @inline(__always)
    private static func isPlainWordBytes(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        if word & high != 0 { return false }
        let spaces = word ^ (ones &* 0x20)
        let breaks = word ^ (ones &* 0x0A)
        return ((spaces &- ones) & ~spaces & high) | ((breaks &- ones) & ~breaks & high) == 0
    }

    private mutating func endLine() {
        flushPending()
        widest = max(widest, line.width)
        if keep { sink.take(line) }
        line.reset()
        lineCount += 1
    }

    private mutating func flushPending() {
        if pendingEnd > pendingStart {
            copy(pendingStart, pendingEnd, width: pendingWidth)
        }
        pendingStart = pendingEnd
        pendingWidth = 0
    }

    /// The style in force at `offset`; offsets only grow between calls.
    private mutating func style(at offset: Int) -> SpanStyle {
        let marks = text.marks
        guard !marks.isEmpty else { return .body }
        while markIndex + 1 < marks.count && marks[markIndex + 1].offset <= offset {
            markIndex += 1
        }
        return marks[markIndex].style
    }

    /// Puts the word `bytes[start..<end]` on this line, the next, or
    /// breaks it across lines when it is wider than a line.
    private mutating func place(_ start: Int, _ end: Int, ascii: Bool, gapAt: Int?) {
        let wordWidth = ascii ? end - start : DisplayWidth.of(utf8: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        longestWord = max(longestWord, wordWidth)
        let gap = gapAt != nil && !lineIsEmpty
        if lineWidth + (gap ? 1 : 0) + wordWidth <= width {
            if gap, let gapAt {
                if gapAt == start - 1 && pendingEnd == gapAt && pendingEnd > pendingStart {
                    // One space after the pending words: extend the range.
                    pendingEnd = end
                    pendingWidth += 1 + wordWidth
                    return
                }
                flushPending()
                line.appendSpace(style: style(at: gapAt))
            } else {
                flushPending()
            }
        } else if wordWidth <= width {
            endLine()
        } else {
            if !lineIsEmpty { endLine() }
            placeBroken(start, end)
            return
        }
        pendingStart = start
        pendingEnd = end
        pendingWidth = wordWidth
    }

    /// Copies `bytes[start..<end]` onto the line, style by style.
    private mutating func copy(_ start: Int, _ end: Int, width rangeWidth: Int) {
        var position = start
        while position < end {
            let style = style(at: position)
            let next = markIndex + 1 < text.marks.count ? min(end, text.marks[markIndex + 1].offset) : end
            let piece = UnsafeBufferPointer(rebasing: bytes[position..<next])
            let pieceWidth = position == start && next == end ? rangeWidth : DisplayWidth.of(utf8: piece)
            line.append(piece, style: style, width: pieceWidth)
            position = next
        }
    }

    /// Places a word wider than a line, filling lines to the edge: runs of
    /// ASCII go in slices, other text grapheme cluster by grapheme cluster.
    private mutating func placeBroken(_ start: Int, _ end: Int) {
        var position = start
        while position < end {
            if line.width >= width { endLine() }
            // ASCII up to the room left; the last ASCII byte before other
            // text stays behind, as it may begin a grapheme cluster with it.
            var stop = position
            let room = width - line.width
            while stop < end && bytes[stop] < 0x80 && stop - position < room { stop += 1 }
            if stop < end && bytes[stop] >= 0x80 && stop > position { stop -= 1 }
            if stop > position {
                copy(position, stop, width: stop - position)
                position = stop
                continue
            }
            // Other text: up to the next ASCII byte that is followed by ASCII.
            var segmentEnd = position + 1
            while segmentEnd < end && !(bytes[segmentEnd] < 0x80 && (segmentEnd + 1 == end || bytes[segmentEnd + 1] < 0x80)) {
                segmentEnd += 1
            }
            let segment = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<segmentEnd]), as: UTF8.self)
            for character in segment {
                let size = character.utf8.count
                let characterWidth = DisplayWidth.of(character)
                if line.width + characterWidth > width && !line.isEmpty { endLine() }
                if characterWidth > width {
                    // Only possible at width 1: a wide character cannot be shown.
                    line.append("…", style: style(at: position), width: 1)
                } else {
                    copy(position, position + size, width: characterWidth)
                }
                position += size
            }
        }
    }
}
