/// Bidirectional control characters: they change the order in which a terminal shows the
/// text around them, so text can read differently from how it is stored (the "Trojan
/// Source" trick). `validate` warns about a course file or portrait that holds one.
public enum BidiControls {
    /// Every bidirectional control, with its Unicode name for messages.
    public static let names: [UInt32: String] = [
        0x061C: "ARABIC LETTER MARK",
        0x200E: "LEFT-TO-RIGHT MARK",
        0x200F: "RIGHT-TO-LEFT MARK",
        0x202A: "LEFT-TO-RIGHT EMBEDDING",
        0x202B: "RIGHT-TO-LEFT EMBEDDING",
        0x202C: "POP DIRECTIONAL FORMATTING",
        0x202D: "LEFT-TO-RIGHT OVERRIDE",
        0x202E: "RIGHT-TO-LEFT OVERRIDE",
        0x2066: "LEFT-TO-RIGHT ISOLATE",
        0x2067: "RIGHT-TO-LEFT ISOLATE",
        0x2068: "FIRST STRONG ISOLATE",
        0x2069: "POP DIRECTIONAL ISOLATE",
    ]

    /// Whether `scalar` is a bidirectional control.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool { names[scalar.value] != nil }

    /// Whether the UTF-8 bytes hold a bidirectional control: D8 9C (U+061C), E2 80 8E–8F
    /// (U+200E–U+200F), E2 80 AA–AE (U+202A–U+202E) or E2 81 A6–A9 (U+2066–U+2069).
    /// Found on the bytes, so text with other characters that start with E2 (dashes,
    /// quotation marks, arrows) costs one pass and no decoding.
    static func containsControl(utf8: String.UTF8View) -> Bool {
        ByteScan.contains(0xE2, in: utf8) { bytes, index in
            guard index + 2 < bytes.count else { return false }
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            return (second == 0x80 && ((0x8E...0x8F).contains(third) || (0xAA...0xAE).contains(third)))
                || (second == 0x81 && (0xA6...0xA9).contains(third))
        } || ByteScan.contains(0xD8, in: utf8) { bytes, index in index + 1 < bytes.count && bytes[index + 1] == 0x9C }
    }

    /// A warning at the first bidirectional control in `text` (line and column counted in
    /// characters from 1, plus `lineOffset`), naming it and how many more the file holds;
    /// nil when there is none. Bytes are scanned first (`containsControl`), so text without
    /// one costs one pass.
    public static func warning(in text: String, file: String, lineOffset: Int = 0) -> Diagnostic? {
        guard containsControl(utf8: text.utf8) else { return nil }
        var line = 1
        var column = 1
        var first: (line: Int, column: Int, scalar: Unicode.Scalar)?
        var more = 0
        for character in text {
            if character.isNewline {
                line += 1
                column = 1
                continue
            }
            for scalar in character.unicodeScalars where isControl(scalar) {
                if first == nil { first = (line, column, scalar) } else { more += 1 }
            }
            column += 1
        }
        guard let first else { return nil }
        let code = String(first.scalar.value, radix: 16, uppercase: true)
        let name = "U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code) \(names[first.scalar.value] ?? "")"
        let others = more == 0 ? "" : " (and \(more) more in this file)"
        return .warning(
            SourceLocation(file: file, line: first.line + lineOffset, column: first.column),
            "holds a bidirectional control character (\(name))\(others) that can make text show in another order than it is stored; remove it unless the text needs it"
        )
    }
}
