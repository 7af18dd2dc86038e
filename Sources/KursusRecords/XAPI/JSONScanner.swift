import Foundation

/// A strict, allocation-light JSON reader over the bytes of one statement (RFC 8259, the
/// same limits as KursusRecords' `JSONParser`: 8 MiB, nesting depth 256, valid UTF-8,
/// no unescaped control characters, no lone surrogates). It validates every value but
/// makes Swift values only of the members a caller asks for; everything else is skipped.
/// `StatementScanner` uses it to read two million statements in seconds, where building
/// a whole `JSONValue` per statement would take minutes.
package struct JSONScanner {
    package let bytes: UnsafeBufferPointer<UInt8>
    package var position = 0
    /// The first member a reader wanted with another JSON type than it had, as a path.
    package var typeProblem: String?

    package init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    package func failure(_ message: String, at offset: Int? = nil) -> ScanFailure {
        ScanFailure(offset: offset ?? position, message: message)
    }

    package var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    package mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    // MARK: - Objects and arrays

    /// Reads an object (at `{`), calling `body` for each key with the scanner placed on
    /// the member's value. `body` reads the value and returns true, or returns false and
    /// the value is skipped.
    package mutating func members(depth: Int, _ body: (inout JSONScanner, JSONKey) throws(ScanFailure) -> Bool) throws(ScanFailure) {
        guard depth < JSONParser.maximumDepth else { throw failure("nested more than \(JSONParser.maximumDepth) levels deep") }
        position += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
            let key = try keySpan()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
            position += 1
            skipWhitespace()
            if !(try body(&self, key)) { try skipValue(depth: depth + 1) }
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard current == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
            position += 1
            return
        }
    }

    /// Reads an array (at `[`), calling `body` with the scanner on each element; the body
    /// must read the element (or call `skipValue`).
    package mutating func elements(depth: Int, _ body: (inout JSONScanner) throws(ScanFailure) -> Void) throws(ScanFailure) {
        guard depth < JSONParser.maximumDepth else { throw failure("nested more than \(JSONParser.maximumDepth) levels deep") }
        position += 1
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            try body(&self)
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard current == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
            position += 1
            return
        }
    }

    /// Validates and passes over any value.
    package mutating func skipValue(depth: Int) throws(ScanFailure) {
        guard depth < JSONParser.maximumDepth else { throw failure("nested more than \(JSONParser.maximumDepth) levels deep") }
        guard let byte = current else { throw failure("unexpected end of the text") }
        switch byte {
        case UInt8(ascii: "{"): try members(depth: depth) { _, _ throws(ScanFailure) in false }
        case UInt8(ascii: "["): try elements(depth: depth) { scanner throws(ScanFailure) in try scanner.skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): _ = try stringSpan()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try numberSpan()
        default: throw failure("unexpected character")
        }
    }

    package mutating func literal(_ word: StaticString) throws(ScanFailure) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw failure("expected '\(word)'") }
        for i in 0..<count where bytes[position + i] != word.utf8Start[i] { throw failure("expected '\(word)'") }
        position += count
    }

    // MARK: - Typed values

    /// A string, or nil (skipping the value) when the value is of another type.
    package mutating func string(depth: Int) throws(ScanFailure) -> String? {
        guard current == UInt8(ascii: "\"") else {
            try skipValue(depth: depth)
            return nil
        }
        let span = try stringSpan()
        return decode(span)
    }

    /// A number, or nil (skipping the value) when the value is of another type.
    package mutating func number(depth: Int) throws(ScanFailure) -> Double? {
        guard let byte = current, byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) else {
            try skipValue(depth: depth)
            return nil
        }
        let (start, end, plainInteger) = try numberSpan()
        if plainInteger, end - start <= 15 {
            var value = 0
            for i in start..<end { value = value * 10 + Int(bytes[i] - 0x30) }
            return Double(value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw failure("the number \(text.prefix(40)) is out of range", at: start) }
        return value
    }

    /// A boolean, or nil (skipping the value) when the value is of another type.
    package mutating func bool(depth: Int) throws(ScanFailure) -> Bool? {
        switch current {
        case UInt8(ascii: "t"):
            try literal("true")
            return true
        case UInt8(ascii: "f"):
            try literal("false")
            return false
        default:
            try skipValue(depth: depth)
            return nil
        }
    }
}

/// Why the bytes of a statement are not JSON the scanner accepts.
package struct ScanFailure: Error, Sendable, Equatable {
    /// Byte offset into the statement.
    package var offset: Int
    package var message: String

    package init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}
