import Foundation

/// A strict JSON reader (RFC 8259) for the validator. Unlike `JSONSerialization` it
/// keeps booleans apart from numbers, refuses a key that occurs twice in one object
/// (xAPI: "a Statement MUST use each property no more than one time"), and stops at a
/// nesting depth of 256 or at 8 MiB, so hostile input cannot exhaust the stack or memory.
public enum JSONParser {
    public static let maximumDepth = 256
    public static let maximumBytes = 8 << 20

    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// Byte offset into the input where the problem is.
        public var offset: Int
        public var message: String

        public var description: String { "at byte \(offset): \(message)" }
    }

    public static func parse(_ data: Data) throws(Failure) -> JSONValue {
        guard data.count <= maximumBytes else { throw Failure(offset: 0, message: "larger than \(maximumBytes >> 20) MiB") }
        var reader = Reader(bytes: [UInt8](data))
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.position == reader.bytes.count else { throw reader.failure("unexpected text after the JSON value") }
        return value
    }

    public static func parse(_ text: String) throws(Failure) -> JSONValue {
        try parse(Data(text.utf8))
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        func failure(_ message: String) -> Failure { Failure(offset: position, message: message) }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
        }

        mutating func expect(_ word: String, _ value: JSONValue) throws(Failure) -> JSONValue {
            for byte in word.utf8 {
                guard current == byte else { throw failure("expected '\(word)'") }
                position += 1
            }
            return value
        }

        mutating func value(depth: Int) throws(Failure) -> JSONValue {
            guard depth < JSONParser.maximumDepth else { throw failure("nested more than \(JSONParser.maximumDepth) levels deep") }
            guard let byte = current else { throw failure("unexpected end of the text") }
            switch byte {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try expect("true", .bool(true))
            case UInt8(ascii: "f"): return try expect("false", .bool(false))
            case UInt8(ascii: "n"): return try expect("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw failure("unexpected character")
            }
        }

        mutating func object(depth: Int) throws(Failure) -> JSONValue {
            position += 1
            var members: [String: JSONValue] = [:]
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
                let keyStart = position
                let key = try string()
                guard members[key] == nil else { throw Failure(offset: keyStart, message: "the key \"\(key)\" occurs twice in one object") }
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
                position += 1
                skipWhitespace()
                members[key] = try value(depth: depth + 1)
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard current == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
                position += 1
                return .object(members)
            }
        }

        mutating func array(depth: Int) throws(Failure) -> JSONValue {
            position += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard current == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
                position += 1
                return .array(items)
            }
        }

        mutating func string() throws(Failure) -> String {
            position += 1
            var scalars = String.UnicodeScalarView()
            var runStart = position
            func flush() throws(Failure) {
                guard runStart < position else { return }
                guard let text = String(bytes: bytes[runStart..<position], encoding: .utf8) else {
                    throw Failure(offset: runStart, message: "the text is not valid UTF-8")
                }
                scalars.append(contentsOf: text.unicodeScalars)
            }
            while true {
                guard let byte = current else { throw failure("a string is not closed") }
                switch byte {
                case UInt8(ascii: "\""):
                    try flush()
                    position += 1
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    try flush()
                    position += 1
                    scalars.append(try escape())
                    runStart = position
                case 0x00..<0x20:
                    throw failure("a control character must be escaped in a string")
                default:
                    position += 1
                }
            }
        }

        /// After a backslash: one escaped character (a surrogate pair counts as one).
        mutating func escape() throws(Failure) -> Unicode.Scalar {
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
                        throw failure("a lone surrogate \\u\(String(first, radix: 16)) is not a character")
                    }
                    position += 2
                    let second = try hex4()
                    guard (0xDC00...0xDFFF).contains(second) else { throw failure("a lone surrogate is not a character") }
                    let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    guard let scalar = Unicode.Scalar(value) else { throw failure("not a character") }
                    return scalar
                }
                guard let scalar = Unicode.Scalar(first) else { throw failure("a lone surrogate is not a character") }
                return scalar
            default:
                throw failure("unknown escape '\\\(Character(Unicode.Scalar(byte)))'")
            }
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            guard position + 4 <= bytes.count else { throw failure("expected four hex digits after \\u") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = hexValue(bytes[position]) else { throw failure("expected four hex digits after \\u") }
                value = value << 4 | digit
                position += 1
            }
            return value
        }

        func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        mutating func number() throws(Failure) -> Double {
            let start = position
            if current == UInt8(ascii: "-") { position += 1 }
            guard let first = current, isDigit(first) else { throw failure("expected a digit") }
            position += 1
            if first != UInt8(ascii: "0") { skipDigits() }
            if current == UInt8(ascii: ".") {
                position += 1
                guard let byte = current, isDigit(byte) else { throw failure("expected a digit after '.'") }
                skipDigits()
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                guard let byte = current, isDigit(byte) else { throw failure("expected a digit in the exponent") }
                skipDigits()
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            guard let number = Double(text), number.isFinite else { throw Failure(offset: start, message: "the number \(text) is out of range") }
            return number
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        mutating func skipDigits() {
            while let byte = current, isDigit(byte) { position += 1 }
        }
    }
}
