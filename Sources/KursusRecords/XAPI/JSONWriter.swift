import Foundation

/// Writes a `JSONValue` as deterministic JSON: object keys sorted by their UTF-8 bytes,
/// numbers in one form, and every character that could act on a terminal escaped.
///
/// Course content is untrusted, and statements are read back by people (an LRS viewer,
/// `cat` on a transfer file, a log). So besides `"` and `\`, every C0 control
/// (U+0000–U+001F), DEL (U+007F), every C1 control (U+0080–U+009F), the bidirectional
/// controls U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, and the line and
/// paragraph separators U+2028 and U+2029 are written as `\uXXXX` (lowercase hex), also
/// a newline (`\u000a`, never `\n`). Everything else is written as UTF-8 as it is.
///
/// Numbers: a whole number below 2^53 in size is written without a fraction (`3`, not
/// `3.0`); any other finite number in Swift's shortest form that reads back to the same
/// value (`0.6666666666666666`, `1e-05`). NaN and infinities, which JSON lacks, become
/// `null` (the builder never makes them; the validator reports a `null`).
public enum JSONWriter {
    /// The compact form, the bytes a statement is stored and sent as.
    public static func data(_ value: JSONValue) -> Data {
        Data(string(value).utf8)
    }

    public static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: nil, level: 0)
        return out
    }

    /// Indented by two spaces, keys sorted the same way: for documentation only.
    public static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: "  ", level: 0)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String, indent: String?, level: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += format(number)
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                newline(&out, indent, level + 1)
                write(item, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (index, key) in sortedKeys(members).enumerated() {
                if index > 0 { out += "," }
                newline(&out, indent, level + 1)
                writeString(key, into: &out)
                out += indent == nil ? ":" : ": "
                if let member = members[key] { write(member, into: &out, indent: indent, level: level + 1) }
            }
            newline(&out, indent, level)
            out += "}"
        }
    }

    /// Keys in the order of their UTF-8 bytes (not Swift's `<`, which compares by
    /// canonical equivalence), so the order is the same on every platform.
    static func sortedKeys(_ members: [String: JSONValue]) -> [String] {
        members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: indent, count: level)
    }

    /// Whether a scalar is written as `\uXXXX`.
    public static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Runs of characters that need no escape are copied whole (a statement is mostly
    /// such text), the others escaped one by one.
    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        let scalars = text.unicodeScalars
        var run = scalars.startIndex
        var index = run
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if scalar == "\"" || scalar == "\\" || mustEscape(scalar) {
                out += Substring(scalars[run..<index])
                if scalar == "\"" {
                    out += "\\\""
                } else if scalar == "\\" {
                    out += "\\\\"
                } else {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                }
                run = next
            }
            index = next
        }
        out += Substring(scalars[run..<scalars.endIndex])
        out += "\""
    }

    /// A number in its one written form (see the type's comment).
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return number.description
    }
}
