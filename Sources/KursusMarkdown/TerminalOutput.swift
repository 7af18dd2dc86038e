/// Renders lines to terminal bytes as they are laid out, without keeping
/// them: the fast path for printing a whole document. The bytes are the
/// same `AnsiRenderer.render(_:color:)` produces for the laid-out document.
struct TerminalOutput: LayoutOutput {
    private let color: Bool
    /// Where output goes; nil keeps it all in `buffer`.
    private let write: ((UnsafeRawBufferPointer) -> Void)?
    private var buffer: [UInt8] = []
    private(set) var count = 0
    /// Escape sequences already built, per style.
    private var sequences: [(style: SpanStyle, start: [UInt8])] = []
    private static let reset: [UInt8] = Array("\u{1B}[0m".utf8)
    private static let flushSize = 1 << 16

    init(color: Bool, write: ((UnsafeRawBufferPointer) -> Void)?) {
        self.color = color
        self.write = write
        buffer.reserveCapacity(TerminalOutput.flushSize + 4096)
    }

    mutating func append(_ line: LineBuilder, prefix: LinePrefix) {
        _ = line.forEachFinishedSpan(prefix: prefix) { bytes, style in
            if color {
                appendStyled(bytes, style)
            } else {
                buffer.append(contentsOf: bytes)
            }
        }
        buffer.append(UInt8(ascii: "\n"))
        count += 1
        if buffer.count >= TerminalOutput.flushSize && write != nil { flush() }
    }

    /// Hands everything buffered to `write`.
    mutating func flush() {
        guard !buffer.isEmpty, let write else { return }
        buffer.withUnsafeBytes { write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func appendStyled(_ text: UnsafeBufferPointer<UInt8>, _ style: SpanStyle) {
        let start = sequence(for: style)
        if start.isEmpty {
            buffer.append(contentsOf: text)
        } else {
            buffer.append(contentsOf: start)
            buffer.append(contentsOf: text)
            buffer.append(contentsOf: TerminalOutput.reset)
        }
    }

    private mutating func sequence(for style: SpanStyle) -> [UInt8] {
        for entry in sequences where entry.style == style { return entry.start }
        let codes = AnsiRenderer.sgrCodes(style)
        let start: [UInt8] = codes.isEmpty ? [] : Array("\u{1B}[\(codes)m".utf8)
        sequences.append((style, start))
        return start
    }
}
