/// Makes untrusted text inert before it is written to a terminal.
///
/// Every control character is replaced by a visible stand-in, so no escape
/// sequence (CSI, OSC such as OSC 52 clipboard writes, DCS), bell, cursor
/// movement or line break hidden in course content can act on the terminal:
/// - C0 controls U+0000–U+001F (including ESC, BEL, TAB, LF and CR) become
///   the matching Unicode Control Picture U+2400+n (ESC → ␛, TAB → ␉);
/// - DEL U+007F becomes ␡ (U+2421);
/// - C1 controls U+0080–U+009F (including the 8-bit CSI U+009B) become U+FFFD;
/// - bidi embedding/override (U+202A–U+202E) and isolate (U+2066–U+2069)
///   controls, which can reorder what a reader sees, become U+FFFD.
///
/// Tabs and line breaks are replaced too: layout code must expand tabs and
/// split lines *before* cleaning each line.
public enum TerminalSafe {
    /// `text` with every unsafe scalar replaced by its stand-in. Returns the
    /// same string, without copying, when there is nothing to replace.
    public static func clean(_ text: String) -> String {
        if isSafe(text) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(replacement(for: scalar) ?? scalar)
        }
        return String(scalars)
    }

    /// Whether `text` contains no character `clean` would replace.
    public static func isSafe(_ text: String) -> Bool {
        if let safe = text.utf8.withContiguousStorageIfAvailable({ isSafe(utf8: $0) }) {
            return safe
        }
        for scalar in text.unicodeScalars where replacement(for: scalar) != nil {
            return false
        }
        return true
    }

    /// Whether a UTF-8 buffer is free of unsafe scalars, checked on bytes:
    /// C0/DEL are single bytes, C1 is C2 80…9F, U+202A–U+202E is E2 80 AA…AE
    /// and U+2066–U+2069 is E2 81 A6…A9.
    public static func isSafe(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count, let base = bytes.baseAddress,
                DisplayWidth.isPrintableASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 || byte == 0x7F { return false }
            } else if byte == 0xC2 {
                if index + 1 < count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F { return false }
            } else if byte == 0xE2, index + 2 < count {
                let second = bytes[index + 1]
                let third = bytes[index + 2]
                if second == 0x80, third >= 0xAA, third <= 0xAE { return false }
                if second == 0x81, third >= 0xA6, third <= 0xA9 { return false }
            }
            index += 1
        }
        return true
    }

    /// Appends UTF-8 `bytes` to `output` with the same replacements as
    /// `clean(_:)`, working on bytes. With `whitespaceAsSpace`, TAB, LF and
    /// CR become a plain space instead of a control picture (for text that
    /// is reflowed). The input must be valid UTF-8.
    public static func appendCleaned(
        utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], whitespaceAsSpace: Bool = false
    ) {
        if isSafe(utf8: bytes) {
            output.append(contentsOf: bytes)
            return
        }
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if whitespaceAsSpace && (byte == 0x09 || byte == 0x0A || byte == 0x0D) {
                    output.append(0x20)
                } else {
                    output.append(contentsOf: [0xE2, 0x90, 0x80 + byte])  // U+2400 + byte
                }
                index += 1
            } else if byte == 0x7F {
                output.append(contentsOf: [0xE2, 0x90, 0xA1])  // U+2421
                index += 1
            } else if byte == 0xC2, index + 1 < count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F {
                output.append(contentsOf: replacementCharacter)
                index += 2
            } else if byte == 0xE2, index + 2 < count,
                (bytes[index + 1] == 0x80 && (0xAA...0xAE).contains(bytes[index + 2]))
                    || (bytes[index + 1] == 0x81 && (0xA6...0xA9).contains(bytes[index + 2]))
            {
                output.append(contentsOf: replacementCharacter)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
    }

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// The inert stand-in for `scalar`, or nil when it is safe as it is.
    public static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x00...0x1F:
            return Unicode.Scalar(0x2400 + value)
        case 0x7F:
            return "\u{2421}"
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
            return "\u{FFFD}"
        default:
            return nil
        }
    }
}
