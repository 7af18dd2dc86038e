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

    private mutating func run(_ text: InlineText) {
        text.bytes.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            var wordStart = 0
            var ascii = true
            var gapAt: Int? = nil
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: " ") || byte == InlineText.hardBreak {
                    if index > wordStart {
                        place(bytes, wordStart, index, ascii: ascii, gapAt: gapAt, text)
                        gapAt = nil
                    }
                    if byte == InlineText.hardBreak {
                        endLine()
                        gapAt = nil
                    } else if gapAt == nil && !line.isEmpty {
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
                place(bytes, wordStart, count, ascii: ascii, gapAt: gapAt, text)
            }
        }
        if !line.isEmpty || lineCount == 0 {
            endLine()
        }
    }

    private mutating func endLine() {
        widest = max(widest, line.width)
        if keep { sink.take(line) }
        line.reset()
        lineCount += 1
    }

    /// The style in force at `offset`; offsets only grow between calls.
    private mutating func style(at offset: Int, _ text: InlineText) -> SpanStyle {
        let marks = text.marks
        guard !marks.isEmpty else { return .body }
        while markIndex + 1 < marks.count && marks[markIndex + 1].offset <= offset {
            markIndex += 1
        }
        return marks[markIndex].style
    }

    /// Puts the word `bytes[start..<end]` on this line, the next, or
    /// breaks it across lines when it is wider than a line.
    private mutating func place(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, ascii: Bool, gapAt: Int?, _ text: InlineText
    ) {
        let wordWidth = ascii ? end - start : DisplayWidth.of(utf8: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        longestWord = max(longestWord, wordWidth)
        let gap = gapAt != nil && !line.isEmpty ? 1 : 0
        if line.width + gap + wordWidth <= width {
            if let gapAt, gap == 1 {
                line.append(" ", style: style(at: gapAt, text), width: 1)
            }
        } else if wordWidth <= width {
            endLine()
        } else {
            if !line.isEmpty { endLine() }
            placeBroken(bytes, start, end, text)
            return
        }
        copy(bytes, start, end, width: wordWidth, text)
    }

    /// Copies the word `bytes[start..<end]` onto the line, style by style.
    private mutating func copy(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, width wordWidth: Int, _ text: InlineText
    ) {
        var position = start
        while position < end {
            let style = style(at: position, text)
            let next = markIndex + 1 < text.marks.count ? min(end, text.marks[markIndex + 1].offset) : end
            let piece = UnsafeBufferPointer(rebasing: bytes[position..<next])
            let pieceWidth = position == start && next == end ? wordWidth : DisplayWidth.of(utf8: piece)
            line.append(piece, style: style, width: pieceWidth)
            position = next
        }
    }

    /// Places a word character by character, starting new lines as needed.
    private mutating func placeBroken(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ text: InlineText) {
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        var offset = start
        for character in word {
            let size = character.utf8.count
            var characterWidth = DisplayWidth.of(character)
            var shown = String(character)
            if characterWidth > width {
                // Only possible at width 1: a wide character cannot be shown.
                shown = "…"
                characterWidth = 1
            }
            if line.width + characterWidth > width && !line.isEmpty {
                endLine()
            }
            line.append(shown, style: style(at: offset, text), width: characterWidth)
            offset += size
        }
    }
}
