import KursusText
/// Builds the text a GIFT string turns into, one scalar at a time. In Markdown mode
/// every character that Markdown would read as syntax is escaped, so text shows exactly
/// as the trainer wrote it; in plain mode (short answers, match choices) nothing is.
/// Spaces and breaks are held back until text follows, so output never starts or ends
/// with whitespace and never has more than one blank line in a row.
struct GiftTextWriter {
    enum Mode { case markdown, plain }

    private enum Break: Int { case none = 0, item = 1, line = 2, paragraph = 3 }

    let mode: Mode
    /// The scalars written so far (an array: appending to a string one scalar at a time
    /// was a tenth of the time of converting a large GIFT file).
    private(set) var output: [Unicode.Scalar] = []
    private var pendingSpace = false
    private var pendingBreak = Break.none
    private var atLineStart = true
    private var inLeadingDigits = false
    /// Output length before the last opening emphasis marker while no text followed it.
    private var openMarkerStart: Int?
    private var count = 0

    init(mode: Mode) { self.mode = mode }

    var text: String { String(scalars: output) }

    mutating func space() {
        if openMarkerStart == nil && count > 0 { pendingSpace = true }
    }

    mutating func lineBreak() {
        if count > 0 && pendingBreak.rawValue < Break.line.rawValue { pendingBreak = .line }
        pendingSpace = false
    }

    /// A new line for a list item: a plain newline, since a hard break cannot end an item.
    mutating func itemBreak() {
        if count > 0 && pendingBreak.rawValue < Break.item.rawValue { pendingBreak = .item }
        pendingSpace = false
    }

    mutating func paragraph() {
        if count > 0 { pendingBreak = .paragraph }
        pendingSpace = false
    }

    /// A character of text, escaped as the mode needs.
    mutating func character(_ scalar: Unicode.Scalar) {
        flushPending()
        openMarkerStart = nil
        if mode == .markdown {
            let isDigit = scalar.value >= 0x30 && scalar.value <= 0x39
            var escape = MarkdownEscaping.escapesEverywhere(scalar)
            if atLineStart && MarkdownEscaping.escapesAtLineStart(scalar) { escape = true }
            if inLeadingDigits && (scalar == "." || scalar == ")") { escape = true }
            inLeadingDigits = (atLineStart || inLeadingDigits) && isDigit
            if escape { append("\\") }
        }
        append(scalar)
        atLineStart = false
    }

    /// Markdown syntax written on purpose (`**`, `- `); nothing in plain mode unless `always`.
    /// After a block marker (`- `) the text starts a block of its own, so line-start
    /// characters are still escaped there.
    mutating func markup(_ text: String, always: Bool = false, startsBlock: Bool = false) {
        guard mode == .markdown || always else { return }
        flushPending()
        for scalar in text.unicodeScalars { append(scalar) }
        atLineStart = startsBlock
        inLeadingDigits = false
    }

    /// An opening emphasis marker: spaces right after it are dropped (`** x**` would not
    /// be emphasis), and it is taken back if nothing follows before it closes.
    mutating func openEmphasis(_ marker: String) {
        guard mode == .markdown else { return }
        flushPending()
        let start = count
        markup(marker)
        openMarkerStart = start
    }

    mutating func closeEmphasis(_ marker: String) {
        guard mode == .markdown else { return }
        if let start = openMarkerStart {
            while count > start {
                output.removeLast()
                count -= 1
            }
            openMarkerStart = nil
            return
        }
        guard count > 0 else { return }
        for scalar in marker.unicodeScalars { append(scalar) }
    }

    private mutating func flushPending() {
        switch pendingBreak {
        case .none:
            if pendingSpace && !atLineStart { append(" ") }
        case .item:
            append("\n")
            atLineStart = true
        case .line:
            if mode == .markdown { append("\\") }
            append("\n")
            atLineStart = true
        case .paragraph:
            append("\n")
            append("\n")
            atLineStart = true
        }
        pendingBreak = .none
        pendingSpace = false
        if atLineStart { inLeadingDigits = false }
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
        output.append(scalar)
        count += 1
    }
}

extension String {
    /// The string of `scalars`, encoded as UTF-8 in one pass.
    init(scalars: [Unicode.Scalar]) {
        var length = 0
        for scalar in scalars { length += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            var index = 0
            for scalar in scalars {
                let value = scalar.value
                switch value {
                case 0..<0x80:
                    buffer[index] = UInt8(value)
                    index += 1
                case 0x80..<0x800:
                    buffer[index] = UInt8(0xC0 | (value >> 6))
                    buffer[index + 1] = UInt8(0x80 | (value & 0x3F))
                    index += 2
                case 0x800..<0x10000:
                    buffer[index] = UInt8(0xE0 | (value >> 12))
                    buffer[index + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    buffer[index + 2] = UInt8(0x80 | (value & 0x3F))
                    index += 3
                default:
                    buffer[index] = UInt8(0xF0 | (value >> 18))
                    buffer[index + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
                    buffer[index + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    buffer[index + 3] = UInt8(0x80 | (value & 0x3F))
                    index += 4
                }
            }
            return index
        }
    }
}
