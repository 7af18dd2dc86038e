/// How many terminal columns text occupies, and fitting text to a width.
///
/// Rules (a portable stand-in for `wcwidth`, which we may not call):
/// - control characters (C0, DEL, C1) are 0 columns — they are sanitized
///   by `TerminalSafe` before they reach a terminal anyway;
/// - combining and enclosing marks, format characters (ZWJ, ZWNJ, bidi
///   marks, U+200B…), variation selectors and Hangul medial/final jamo are 0;
/// - East Asian Wide/Fullwidth characters and emoji with emoji presentation
///   are 2; everything else is 1.
/// A grapheme cluster is as wide as its base (its first scalar of non-zero
/// width), or 2 when the base is followed by VARIATION SELECTOR-16 (emoji
/// presentation). So "e\u{301}" is 1, "👍🏽" is 2 and "👨‍👩‍👧" is 2.
public enum DisplayWidth {
    /// The number of columns (0, 1 or 2) one grapheme cluster occupies.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        var base = scalarWidth(first)
        while let scalar = iterator.next() {
            if scalar.value == 0xFE0F {
                if base > 0 { return 2 }
            } else if base == 0 {
                base = scalarWidth(scalar)
            }
        }
        return base
    }

    /// The sum of the widths of the grapheme clusters of `text`.
    @inlinable
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        if let width = text.utf8.withContiguousStorageIfAvailable({ of(utf8: $0) }) {
            return width
        }
        var width = 0
        for character in text {
            width += of(character)
        }
        return width
    }

    /// The width of `text`; fastest for native strings.
    public static func of(_ text: String) -> Int {
        if let width = text.utf8.withContiguousStorageIfAvailable({ of(utf8: $0) }) {
            return width
        }
        var width = 0
        for character in text {
            width += of(character)
        }
        return width
    }

    /// The width of UTF-8 text. ASCII (eight bytes at a time where it can),
    /// scalars below U+0300 (Latin-1 and Latin Extended, so Danish) and the
    /// common one-column punctuation, arrows and box drawing are counted
    /// byte-wise; from the first other scalar on, grapheme clusters are
    /// measured, starting with the cluster the preceding scalar may belong
    /// to. Invalid UTF-8 is measured as its repaired form (U+FFFD, 1 column).
    public static func of(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        var width = 0
        var index = 0
        var previousStart = 0
        var previousWidth = 0
        while index < count {
            if index + 8 <= count, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if isPrintableASCII(word) {
                    width += 8
                    previousStart = index + 7
                    previousWidth = 1
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                previousWidth = byte >= 0x20 && byte != 0x7F ? 1 : 0
                previousStart = index
                index += 1
            } else if byte >= 0xC2 && byte <= 0xCB && index + 1 < count && bytes[index + 1] & 0xC0 == 0x80 {
                // U+0080–U+02FF: one column, except the C1 controls.
                previousWidth = byte == 0xC2 && bytes[index + 1] < 0xA0 ? 0 : 1
                previousStart = index
                index += 2
            } else if byte == 0xE2 && index + 2 < count && bytes[index + 2] & 0xC0 == 0x80
                && isOneColumnE2(bytes[index + 1], bytes[index + 2])
            {
                previousWidth = 1
                previousStart = index
                index += 3
            } else {
                let start = index > 0 ? previousStart : 0
                if index > 0 { width -= previousWidth }
                let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
                for character in rest {
                    width += of(character)
                }
                return width
            }
            width += previousWidth
        }
        return width
    }

    /// Whether eight bytes are all printable ASCII (0x20…0x7E).
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        if word & high != 0 { return false }
        let belowSpace = (word &- ones &* 0x20) & ~word & high
        let deletes = word ^ (ones &* 0x7F)
        let hasDelete = (deletes &- ones) & ~deletes & high
        return belowSpace | hasDelete == 0
    }

    /// Whether the scalar E2 `second` `third` is one column and never joins
    /// a neighbour in a grapheme cluster: General Punctuation U+2010–U+2027
    /// and U+2030–U+205E, Arrows U+2190–U+21FF, Box Drawing and Block
    /// Elements U+2500–U+259F.
    @inline(__always)
    static func isOneColumnE2(_ second: UInt8, _ third: UInt8) -> Bool {
        switch second {
        case 0x80: return (0x90...0xA7).contains(third) || third >= 0xB0
        case 0x81: return third <= 0x9E
        case 0x86: return third >= 0x90
        case 0x87, 0x94, 0x95: return true
        case 0x96: return third <= 0x9F
        default: return false
        }
    }

    /// The width of one Unicode scalar on its own.
    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        if value < 0x300 { return 1 }
        if value >= 0x1160 && value <= 0x11FF { return 0 }  // Hangul medial and final jamo
        if (value >= 0x200B && value <= 0x200F) || value == 0x2028 || value == 0x2029
            || (value >= 0xFE00 && value <= 0xFE0F)
        {
            return 0
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .surrogate:
            return 0
        default:
            break
        }
        if WideCharacterTable.contains(value) { return 2 }
        if value >= 0x1F000 && scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// `text` shortened so that it is at most `toWidth` columns wide. When
    /// anything is cut, `ellipsis` ends the result (and counts toward the
    /// width); when even the ellipsis does not fit, the text is cut bare.
    public static func truncate(_ text: String, toWidth: Int, ellipsis: String = "…") -> String {
        guard toWidth > 0 else { return "" }
        if of(text) <= toWidth { return text }
        let ellipsisWidth = of(ellipsis)
        let suffix = ellipsisWidth <= toWidth ? ellipsis : ""
        let budget = toWidth - (ellipsisWidth <= toWidth ? ellipsisWidth : 0)
        var result = ""
        var used = 0
        for character in text {
            let width = of(character)
            if used + width > budget { break }
            result.append(character)
            used += width
        }
        return result + suffix
    }

    /// `text` truncated (with "…") or right-padded with spaces to exactly
    /// `toWidth` columns. A wide character that would straddle the edge is
    /// dropped and replaced by padding.
    public static func pad(_ text: String, toWidth: Int) -> String {
        guard toWidth > 0 else { return "" }
        let fitted = truncate(text, toWidth: toWidth)
        let width = of(fitted)
        if width >= toWidth { return fitted }
        return fitted + String(repeating: " ", count: toWidth - width)
    }
}
