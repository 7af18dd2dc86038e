import KursusText

/// The numbered link targets of a document. A link's text stays in the
/// flow followed by `[n]`; the URLs are listed once, at the end.
struct LinkList {
    private(set) var urls: [String] = []
    private var numbers: [Key: Int] = [:]

    /// The number of `url` (terminal-safe), the same each time the same
    /// URL is linked; nil for an empty URL.
    mutating func number(for url: String) -> Int? {
        guard !url.isEmpty else { return nil }
        let key = Key(url)
        if let number = numbers[key] { return number }
        urls.append(url)
        numbers[key] = urls.count
        return urls.count
    }

    /// A URL with a hash computed once with FNV-1a, so the dictionary's
    /// hasher only mixes eight bytes instead of the whole URL.
    private struct Key: Hashable {
        let url: String
        let digest: UInt64

        init(_ url: String) {
            var url = url
            var digest: UInt64 = 0xcbf2_9ce4_8422_2325
            url.withUTF8 { bytes in
                for byte in bytes {
                    digest = (digest ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                }
            }
            self.url = url
            self.digest = digest
        }

        static func == (left: Key, right: Key) -> Bool {
            left.digest == right.digest && left.url == right.url
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(digest)
        }
    }

    /// The list as lines handed to `sink`: a rule, then `[n] URL` per
    /// link, long URLs broken with a hanging indent (anywhere: a URL has no
    /// spaces to break at).
    func lines<Sink: LineSink>(width: Int, symbols: MarkdownGlyphs, into sink: inout Sink, scratch: inout LineBuilder) {
        guard !urls.isEmpty else { return }
        var line = LineBuilder()
        line.appendRepeated(symbols.rule, count: width, style: SpanStyle(role: .rule))
        sink.take(line)
        let labelWidth = "[\(urls.count)] ".utf8.count
        let hanging = labelWidth < width / 2 ? labelWidth : 0
        let numberStyle = SpanStyle(role: .linkNumber)
        let urlStyle = SpanStyle(role: .link, attributes: .underline)
        for (index, url) in urls.enumerated() {
            let label = "[" + String(index + 1) + "]"
            var url = url
            let handled = url.withUTF8 { bytes -> Bool in
                // The common case, an ASCII URL: cut it into slices.
                guard hanging > 0, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return false }
                let room = width - hanging
                var start = 0
                repeat {
                    let end = min(bytes.count, start + room)
                    scratch.reset()
                    if start == 0 {
                        scratch.append(label, style: numberStyle, width: label.utf8.count)
                        scratch.appendSpaces(hanging - label.utf8.count)
                    } else {
                        scratch.appendSpaces(hanging)
                    }
                    scratch.append(UnsafeBufferPointer(rebasing: bytes[start..<end]), style: urlStyle, width: end - start)
                    sink.take(scratch)
                    start = end
                } while start < bytes.count
                return true
            }
            if handled { continue }
            var text = InlineText()
            if hanging == 0 {
                text.append(label, style: numberStyle)
                text.append(" ", style: .body)
            }
            text.append(url, style: urlStyle)
            let wrapped = LineWrapper<CollectingSink>.lines(text, width: width - hanging)
            for (lineIndex, urlLine) in wrapped.enumerated() {
                var line = LineBuilder()
                if hanging > 0 {
                    if lineIndex == 0 {
                        line.append(label, style: numberStyle, width: label.utf8.count)
                        line.appendSpaces(hanging - label.utf8.count)
                    } else {
                        line.appendSpaces(hanging)
                    }
                }
                line.append(contentsOf: urlLine)
                sink.take(line)
            }
        }
    }
}
