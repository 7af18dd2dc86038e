import KursusText

/// The numbered link targets of a document. A link's text stays in the
/// flow followed by `[n]`; the URLs are listed once, at the end.
struct LinkList {
    private(set) var urls: [String] = []
    private var numbers: [String: Int] = [:]

    /// The number of `url` (terminal-safe), the same each time the same
    /// URL is linked; nil for an empty URL.
    mutating func number(for url: String) -> Int? {
        guard !url.isEmpty else { return nil }
        if let number = numbers[url] { return number }
        urls.append(url)
        numbers[url] = urls.count
        return urls.count
    }

    /// The list as lines handed to `sink`: a rule, then `[n] URL` per
    /// link, long URLs broken with a hanging indent.
    func lines<Sink: LineSink>(width: Int, symbols: Symbols, into sink: inout Sink, scratch: inout LineBuilder) {
        guard !urls.isEmpty else { return }
        var line = LineBuilder()
        line.appendRepeated(symbols.rule, count: width, style: SpanStyle(role: .rule))
        sink.take(line)
        let labelWidth = "[\(urls.count)] ".utf8.count
        let hanging = labelWidth < width / 2 ? labelWidth : 0
        let numberStyle = SpanStyle(role: .linkNumber)
        let urlStyle = SpanStyle(role: .link, attributes: .underline)
        for (index, url) in urls.enumerated() {
            let label = "[\(index + 1)]"
            let urlWidth = DisplayWidth.of(url)
            if hanging > 0 && hanging + urlWidth <= width {
                // The common case: label and URL fit on one line.
                scratch.reset()
                scratch.append(label, style: numberStyle, width: label.utf8.count)
                scratch.appendSpaces(hanging - label.utf8.count)
                scratch.append(url, style: urlStyle, width: urlWidth)
                sink.take(scratch)
                continue
            }
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
