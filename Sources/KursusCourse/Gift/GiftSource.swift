/// A GIFT file as an array of Unicode scalars with a table of line starts, so that any
/// scalar offset turns into a `path:line:col` location in logarithmic time. Columns
/// count Unicode scalars, starting at 1.
struct GiftSource {
    let file: String
    let scalars: [Unicode.Scalar]
    /// The offset of the first scalar of each line; the first line starts at 0.
    let lineStarts: [Int]
    /// Each line's scalar range, without its line break (`\n`, `\r\n` or `\r`).
    let lines: [Range<Int>]

    init(file: String, scalars: [Unicode.Scalar]) {
        self.file = file
        self.scalars = scalars
        var starts = [0]
        var lines: [Range<Int>] = []
        var index = 0
        var lineStart = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                lines.append(lineStart..<index)
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                index += 1
                lineStart = index
                starts.append(lineStart)
            } else {
                index += 1
            }
        }
        if lineStart < scalars.count { lines.append(lineStart..<scalars.count) }
        self.lineStarts = starts
        self.lines = lines
    }

    /// The text as scalars, without a leading byte order mark.
    init(file: String, text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.init(file: file, scalars: scalars)
    }

    func location(ofOffset offset: Int) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(file: file, line: low + 1, column: offset - lineStarts[low] + 1)
    }
}

/// Checking raw bytes before they become text: a file that is not UTF-8 is refused
/// with the place of its first bad byte, since silently replacing characters would put
/// wrong letters in front of learners.
enum GiftUTF8 {
    /// The location of the first byte that is not part of valid UTF-8, or nil.
    static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>, file: String) -> (location: SourceLocation, byte: UInt8)? {
        var index = 0
        var line = 1
        var column = 1
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; highest = 0x9F
            case 0xF0: length = 4; lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; highest = 0x8F
            default: return (SourceLocation(file: file, line: line, column: column), lead)
            }
            for k in 1..<max(1, length) {
                guard index + k < count else {
                    return (SourceLocation(file: file, line: line, column: column), lead)
                }
                let next = bytes[index + k]
                let low = k == 1 ? lowest : 0x80
                let high = k == 1 ? highest : 0xBF
                guard next >= low && next <= high else {
                    return (SourceLocation(file: file, line: line, column: column), lead)
                }
            }
            if lead == 0x0A || (lead == 0x0D && (index + 1 >= count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if lead != 0x0D {
                column += 1
            }
            index += length
        }
        return nil
    }

    /// The scalars of bytes already checked by `firstInvalidByte` to be valid UTF-8.
    static func scalars(of bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = UInt32(bytes[index])
            var value: UInt32
            var length: Int
            if lead < 0x80 {
                value = lead
                length = 1
            } else if lead < 0xE0 {
                value = lead & 0x1F
                length = 2
            } else if lead < 0xF0 {
                value = lead & 0x0F
                length = 3
            } else {
                value = lead & 0x07
                length = 4
            }
            length = min(length, count - index)
            for offset in 1..<max(1, length) { value = (value << 6) | UInt32(bytes[index + offset] & 0x3F) }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            index += length
        }
        return scalars
    }
}
