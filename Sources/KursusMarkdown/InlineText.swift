/// The inline content of one block (paragraph, heading, table cell) as
/// terminal-safe UTF-8 with the points where the style changes. Spaces are
/// break opportunities; an LF byte marks a hard line break (the text itself
/// never holds one: line breaks in text become spaces when it is cleaned).
struct InlineText {
    /// From `offset` on, text has `style`.
    struct StyleMark {
        var offset: Int
        var style: SpanStyle
    }

    private(set) var bytes: [UInt8] = []
    private(set) var marks: [StyleMark] = []

    static let hardBreak = UInt8(ascii: "\n")

    var isEmpty: Bool { bytes.isEmpty }

    /// Empties the text, keeping its storage.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        marks.removeAll(keepingCapacity: true)
    }

    private mutating func setStyle(_ style: SpanStyle) {
        if let last = marks.last {
            if last.style == style { return }
            if last.offset == bytes.count {
                marks[marks.count - 1].style = style
                if marks.count > 1 && marks[marks.count - 2].style == style { marks.removeLast() }
                return
            }
        }
        marks.append(StyleMark(offset: bytes.count, style: style))
    }

    /// Appends text that flows: tabs and line breaks become spaces, other
    /// control characters visible stand-ins.
    mutating func appendFlowing(_ utf8: UnsafeBufferPointer<UInt8>, style: SpanStyle) {
        guard !utf8.isEmpty else { return }
        setStyle(style)
        SafeText.appendFlowing(utf8, to: &bytes)
    }

    /// Appends text that is already terminal-safe and has no line breaks.
    mutating func append(_ text: String, style: SpanStyle) {
        guard !text.isEmpty else { return }
        setStyle(style)
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends all of `other`, styles included.
    mutating func append(contentsOf other: InlineText) {
        for (index, mark) in other.marks.enumerated() {
            let end = index + 1 < other.marks.count ? other.marks[index + 1].offset : other.bytes.count
            guard end > mark.offset else { continue }
            setStyle(mark.style)
            bytes.append(contentsOf: other.bytes[mark.offset..<end])
        }
    }

    mutating func appendHardBreak() {
        if marks.isEmpty { setStyle(.body) }
        bytes.append(InlineText.hardBreak)
    }

    /// The text without styling, leaving out spans of `role` (link numbers
    /// in headings); hard breaks become spaces and outer spaces are trimmed.
    func plainText(omitting role: TextRole) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (index, mark) in marks.enumerated() where mark.style.role != role {
            let end = index + 1 < marks.count ? marks[index + 1].offset : bytes.count
            for byte in bytes[mark.offset..<end] {
                result.append(byte == InlineText.hardBreak ? UInt8(ascii: " ") : byte)
            }
        }
        return String(decoding: result, as: UTF8.self).trimmingSpaces
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces.
    var trimmingSpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { $0 != UInt8(ascii: " ") }),
            let last = utf8.lastIndex(where: { $0 != UInt8(ascii: " ") })
        else { return "" }
        return String(self[first..<utf8.index(after: last)])
    }
}
