import Foundation

/// A key of an object as the scanner met it: its bytes without the quotes, decoded only
/// when it holds an escape (Kursus never writes one in a key).
package struct JSONKey {
    package let raw: UnsafeBufferPointer<UInt8>
    package let decoded: [UInt8]?

    package func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let decoded { return decoded.withUnsafeBufferPointer(body) }
        return body(raw)
    }

    /// Whether the key is exactly `word` (ASCII).
    package func `is`(_ word: StaticString) -> Bool {
        withBytes { bytes in
            let count = word.utf8CodeUnitCount
            guard bytes.count == count else { return false }
            for i in 0..<count where bytes[i] != word.utf8Start[i] { return false }
            return true
        }
    }

    /// Whether the key ends with `word` (ASCII), as extension keys under an unknown
    /// activity base do: `…/extensions/attempt`.
    package func hasSuffix(_ word: StaticString) -> Bool {
        withBytes { bytes in
            let count = word.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            let offset = bytes.count - count
            for i in 0..<count where bytes[offset + i] != word.utf8Start[i] { return false }
            return true
        }
    }
}

/// A string's place in the input, without its quotes.
package struct StringSpan {
    package var start: Int
    package var end: Int
    /// Whether it holds a backslash escape (and must be decoded).
    package var escaped: Bool
}

extension JSONScanner {
    /// Passes over a string (at its opening quote), validating escapes and UTF-8. Runs of
    /// plain ASCII are passed in a tight loop over the bytes: most of a statement is text.
    package mutating func stringSpan() throws(ScanFailure) -> StringSpan {
        position += 1
        let start = position
        var escaped = false
        let count = bytes.count
        guard let base = bytes.baseAddress else { throw failure("a string is not closed") }
        while true {
            var next = position
            while next < count {
                let byte = base[next]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
                next += 1
            }
            position = next
            guard position < count else { throw failure("a string is not closed") }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return StringSpan(start: start, end: position - 1, escaped: escaped)
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
                _ = try escape()
            } else if byte < 0x20 {
                throw failure("a control character must be escaped in a string")
            } else {
                try skipUTF8Sequence()
            }
        }
    }

    package mutating func keySpan() throws(ScanFailure) -> JSONKey {
        let span = try stringSpan()
        let raw = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
        return JSONKey(raw: raw, decoded: span.escaped ? decodedBytes(span) : nil)
    }

    /// The text of a string already validated by `stringSpan`.
    package func decode(_ span: StringSpan) -> String {
        if !span.escaped { return String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self) }
        return String(decoding: decodedBytes(span), as: UTF8.self)
    }

    /// The UTF-8 bytes of a validated string with its escapes resolved.
    package func decodedBytes(_ span: StringSpan) -> [UInt8] {
        var copy = self
        copy.position = span.start
        var out: [UInt8] = []
        out.reserveCapacity(span.end - span.start)
        while copy.position < span.end {
            let byte = bytes[copy.position]
            if byte == UInt8(ascii: "\\"), let scalar = try? copy.escape() {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            } else {
                out.append(byte)
                copy.position += 1
            }
        }
        return out
    }

    /// At a backslash: one escape (a surrogate pair counts as one), as a scalar.
    package mutating func escape() throws(ScanFailure) -> Unicode.Scalar {
        position += 1
        guard let byte = current else { throw failure("a string is not closed") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hex4()
            if (0xD800...0xDBFF).contains(first) {
                guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                    throw failure("a lone surrogate is not a character")
                }
                position += 2
                let second = try hex4()
                guard (0xDC00...0xDFFF).contains(second),
                    let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                else { throw failure("a lone surrogate is not a character") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else { throw failure("a lone surrogate is not a character") }
            return scalar
        default:
            throw failure("unknown escape in a string")
        }
    }

    package mutating func hex4() throws(ScanFailure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("expected four hex digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("expected four hex digits after \\u")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// At a byte ≥ 0x80: one well-formed UTF-8 sequence (no overlong forms, surrogates or
    /// values above U+10FFFF).
    package mutating func skipUTF8Sequence() throws(ScanFailure) {
        let lead = bytes[position]
        let (continuations, low, high): (Int, UInt8, UInt8) =
            switch lead {
            case 0xC2...0xDF: (1, 0x80, 0xBF)
            case 0xE0: (2, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (2, 0x80, 0xBF)
            case 0xED: (2, 0x80, 0x9F)
            case 0xF0: (3, 0x90, 0xBF)
            case 0xF1...0xF3: (3, 0x80, 0xBF)
            case 0xF4: (3, 0x80, 0x8F)
            default: (0, 0, 0)
            }
        guard continuations > 0, position + continuations < bytes.count else { throw failure("the text is not valid UTF-8") }
        let second = bytes[position + 1]
        guard second >= low, second <= high else { throw failure("the text is not valid UTF-8") }
        for i in stride(from: 2, through: continuations, by: 1) where bytes[position + i] & 0xC0 != 0x80 {
            throw failure("the text is not valid UTF-8")
        }
        position += continuations + 1
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; says whether it was a plain
    /// non-negative integer.
    package mutating func numberSpan() throws(ScanFailure) -> (start: Int, end: Int, plainInteger: Bool) {
        let start = position
        var plain = true
        if current == UInt8(ascii: "-") {
            position += 1
            plain = false
        }
        guard let first = current, isDigit(first) else { throw failure("expected a digit") }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if current == UInt8(ascii: ".") {
            plain = false
            position += 1
            guard let byte = current, isDigit(byte) else { throw failure("expected a digit after '.'") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            plain = false
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard let byte = current, isDigit(byte) else { throw failure("expected a digit in the exponent") }
            skipDigits()
        }
        return (start, position, plain)
    }

    package func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    package mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }
}
