import KursusText

/// What stands in front of every line of a nested block: quote bars and list
/// markers or their hanging indentation.
struct LinePrefix {
    private(set) var spans: [StyledSpan] = []
    private(set) var plain = ""
    private(set) var width = 0

    static let none = LinePrefix()

    var isEmpty: Bool { spans.isEmpty }

    /// Appends a segment, merging it into the last span when the style matches.
    mutating func append(_ text: String, style: SpanStyle, width textWidth: Int? = nil) {
        guard !text.isEmpty else { return }
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text += text
        } else {
            spans.append(StyledSpan(text: text, style: style))
        }
        plain += text
        width += textWidth ?? DisplayWidth.of(text)
    }

    /// This prefix followed by `text`.
    func appending(_ text: String, style: SpanStyle, width textWidth: Int? = nil) -> LinePrefix {
        var result = self
        result.append(text, style: style, width: textWidth)
        return result
    }

    /// The prefix without trailing spaces, for a line with nothing after it
    /// (a blank line inside a quote, an empty list item).
    var trimmed: LinePrefix {
        guard plain.utf8.last == UInt8(ascii: " ") else { return self }
        var result = LinePrefix()
        var spans = spans
        while let last = spans.last {
            var text = last.text
            while text.utf8.last == UInt8(ascii: " ") { text.removeLast() }
            spans.removeLast()
            if !text.isEmpty {
                spans.append(StyledSpan(text: text, style: last.style))
                break
            }
        }
        for span in spans { result.append(span.text, style: span.style) }
        return result
    }

    /// The prefix's text followed by `content`, as one string.
    func joined(with content: UnsafeBufferPointer<UInt8>) -> String {
        let prefixBytes = plain.utf8.count
        return String(unsafeUninitializedCapacity: prefixBytes + content.count) { buffer in
            _ = buffer.initialize(from: plain.utf8)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[prefixBytes...]).initialize(from: content)
            return prefixBytes + content.count
        }
    }
}
