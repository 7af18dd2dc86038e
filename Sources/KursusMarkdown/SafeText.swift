import KursusText

/// Turns text from the Markdown source into terminal-safe text for layout.
/// Everything cmark-gfm hands over passes through here or through
/// `TerminalSafe` directly.
enum SafeText {
    /// Whether text is laid out as itself on one line when it fits: printable ASCII,
    /// not empty, no space at either end and none doubled (which the wrapper drops or
    /// collapses), no hard break.
    static func isPlainLine<Bytes: Collection<UInt8>>(_ text: Bytes) -> Bool {
        guard let first = text.first, first != 0x20 else { return false }
        var previous: UInt8 = 0
        for byte in text {
            guard byte >= 0x20 && byte < 0x7F, !(byte == 0x20 && previous == 0x20) else { return false }
            previous = byte
        }
        return previous != 0x20
    }

    /// Appends text that is reflowed: TAB, LF and CR become spaces, every
    /// other control character its visible stand-in.
    static func appendFlowing(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        TerminalSafe.appendCleaned(utf8: utf8, to: &output, whitespaceAsSpace: true)
    }

    /// UTF-8 text cleaned as flowing text.
    static func flowing(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        if TerminalSafe.isSafe(utf8: utf8) { return String(decoding: utf8, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 8)
        appendFlowing(utf8, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// One line of preformatted text (code, raw HTML): tabs expand to the
    /// next multiple of `tabWidth` columns, a trailing carriage return is
    /// dropped, other control characters become visible stand-ins.
    static func preformatted(_ line: UnsafeBufferPointer<UInt8>, tabWidth: Int = 4) -> String {
        var line = line
        if line.last == UInt8(ascii: "\r") {
            line = UnsafeBufferPointer(rebasing: line.dropLast())
        }
        let text = String(decoding: line, as: UTF8.self)
        guard line.contains(UInt8(ascii: "\t")) else {
            return TerminalSafe.clean(text)
        }
        var expanded = ""
        var column = 0
        for character in text {
            if character == "\t" {
                let spaces = tabWidth - column % tabWidth
                expanded.append(String(repeating: " ", count: spaces))
                column += spaces
            } else {
                expanded.append(character)
                column += DisplayWidth.of(character)
            }
        }
        return TerminalSafe.clean(expanded)
    }
}
