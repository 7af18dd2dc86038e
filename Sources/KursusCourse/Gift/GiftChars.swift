/// One character of a GIFT question after escapes are resolved: `escaped` characters
/// (`\{`, `\=`, …) are plain text and never act as GIFT syntax. `offset` is where the
/// character (or its backslash) stands in the file, for diagnostics.
struct GiftChar: Sendable {
    var scalar: Unicode.Scalar
    var escaped: Bool
    var offset: Int
}

typealias GiftSlice = ArraySlice<GiftChar>

/// Splitting a GIFT file into questions as Moodle does: trimmed lines, a blank line
/// ends a question, lines starting with `//` are comments.
enum GiftChunker {
    /// Each question's characters, lines joined with `\n` and escapes resolved, handed to
    /// `body` one question at a time (only one is held at once: a large file's
    /// characters would take 16 bytes each). Chunks holding only comments are left out.
    static func forEachChunk(of source: GiftSource, _ body: ([GiftChar]) -> Void) {
        var current: [GiftChar] = []
        var hasLines = false
        for line in source.lines {
            if isBlank(line, in: source.scalars) {
                if hasLines { body(resolveEscapes(current)) }
                current.removeAll(keepingCapacity: true)
                hasLines = false
                continue
            }
            // A line of other invisible characters (a no-break space) does not end the
            // question, as in Moodle, but adds nothing to it either.
            let range = trimmedRange(line, in: source.scalars)
            if range.isEmpty { continue }
            if range.count >= 2 && source.scalars[range.lowerBound] == "/" && source.scalars[range.lowerBound + 1] == "/" {
                continue
            }
            if hasLines { current.append(GiftChar(scalar: "\n", escaped: false, offset: range.lowerBound)) }
            for offset in range { current.append(GiftChar(scalar: source.scalars[offset], escaped: false, offset: offset)) }
            hasLines = true
        }
        if hasLines { body(resolveEscapes(current)) }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // ASCII first: almost every character is, and the Unicode property lookup is slow.
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) || value == 0 }
        return scalar.properties.isWhitespace
    }

    /// Whether a line ends a question: Moodle trims lines with PHP's `trim()`, which
    /// removes only spaces, tabs, NUL and vertical tabs, so a line holding a no-break
    /// space is not blank there.
    private static func isBlank(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        range.allSatisfy { scalars[$0] == " " || scalars[$0] == "\t" || scalars[$0] == "\u{0}" || scalars[$0] == "\u{0B}" }
    }

    /// A line without the white space around it; a byte order mark at its start (left
    /// where exported files were joined with `cat`) is dropped too, since it is invisible.
    private static func trimmedRange(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int> {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high && (isSpace(scalars[low]) || scalars[low] == "\u{FEFF}") { low += 1 }
        while high > low && isSpace(scalars[high - 1]) { high -= 1 }
        return low..<high
    }

    /// `\\ \: \# \= \{ \} \~` become the plain character, `\n` a newline; any other
    /// backslash stays as it is.
    static func resolveEscapes(_ chars: [GiftChar]) -> [GiftChar] {
        var result: [GiftChar] = []
        result.reserveCapacity(chars.count)
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char.scalar == "\\", index + 1 < chars.count {
                let next = chars[index + 1].scalar
                switch next {
                case "\\", ":", "#", "=", "{", "}", "~":
                    result.append(GiftChar(scalar: next, escaped: true, offset: char.offset))
                    index += 2
                    continue
                case "n":
                    result.append(GiftChar(scalar: "\n", escaped: true, offset: char.offset))
                    index += 2
                    continue
                default:
                    break
                }
            }
            result.append(char)
            index += 1
        }
        return result
    }
}

extension ArraySlice where Element == GiftChar {
    func trimmedGift() -> GiftSlice {
        var low = startIndex
        var high = endIndex
        while low < high && !self[low].escaped && GiftChunker.isSpace(self[low].scalar) { low += 1 }
        while high > low && !self[high - 1].escaped && GiftChunker.isSpace(self[high - 1].scalar) { high -= 1 }
        return self[low..<high]
    }

    /// Whether the character at `index` is the unescaped `scalar`.
    func isMarker(_ scalar: Unicode.Scalar, at index: Int) -> Bool {
        index >= startIndex && index < endIndex && !self[index].escaped && self[index].scalar == scalar
    }

    /// Whether the unescaped `text` starts at `index`.
    func hasMarker(_ text: String, at index: Int) -> Bool {
        var position = index
        for scalar in text.unicodeScalars {
            guard isMarker(scalar, at: position) else { return false }
            position += 1
        }
        return true
    }

    func firstMarker(_ scalar: Unicode.Scalar, from start: Int? = nil) -> Int? {
        var index = start ?? startIndex
        while index < endIndex {
            if isMarker(scalar, at: index) { return index }
            index += 1
        }
        return nil
    }

    func firstMarker(_ text: String, from start: Int? = nil) -> Int? {
        guard let first = text.unicodeScalars.first else { return nil }
        var index = start ?? startIndex
        while index < endIndex {
            if isMarker(first, at: index) && hasMarker(text, at: index) { return index }
            index += 1
        }
        return nil
    }

    func lastMarker(_ text: String) -> Int? {
        var index = endIndex - 1
        while index >= startIndex {
            if hasMarker(text, at: index) { return index }
            index -= 1
        }
        return nil
    }

    /// Pieces between unescaped `markers`; each piece but the first starts with the
    /// marker that opened it (`marker` is nil for the text before the first marker).
    func split(atMarkers markers: Set<Unicode.Scalar>) -> [(marker: GiftChar?, body: GiftSlice)] {
        var pieces: [(marker: GiftChar?, body: GiftSlice)] = []
        var marker: GiftChar?
        var start = startIndex
        var index = startIndex
        // ASCII markers (all GIFT's) as bits, so most characters need no hashing.
        var ascii: (low: UInt64, high: UInt64) = (0, 0)
        for scalar in markers where scalar.value < 0x80 {
            if scalar.value < 64 { ascii.low |= 1 << UInt64(scalar.value) } else { ascii.high |= 1 << UInt64(scalar.value - 64) }
        }
        func isMarker(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            if value < 64 { return ascii.low & (1 << UInt64(value)) != 0 }
            if value < 128 { return ascii.high & (1 << UInt64(value - 64)) != 0 }
            return markers.contains(scalar)
        }
        while index < endIndex {
            let char = self[index]
            if !char.escaped && isMarker(char.scalar) {
                pieces.append((marker, self[start..<index]))
                marker = char
                start = index + 1
            }
            index += 1
        }
        pieces.append((marker, self[start..<endIndex]))
        return pieces
    }

    var giftString: String { String(scalars: scalars) }

    var scalars: [Unicode.Scalar] { map(\.scalar) }
}
