/// The styles a YAML scalar can be written in.
enum YAMLScalarStyle: Sendable {
    /// Plain when YAML allows it, else quoted (libyaml's "any").
    case plain
    case singleQuoted
    case doubleQuoted
    /// A literal block (`|`), for text of several lines.
    case literal
}

/// What a string allows when written as a YAML scalar: libyaml's `analyze_scalar`
/// (emitter.c), ported byte for byte so `YAMLBlockEmitter` chooses the same style as
/// libyaml, which Kursus used through Yams before (docs/performance.md). It works on
/// UTF-8 bytes; a byte past the end reads as NUL, as in libyaml, which is handed
/// NUL-terminated strings.
struct YAMLScalarAnalysis {
    var isEmpty = false
    var multiline = false
    var flowPlainAllowed = false
    var blockPlainAllowed = true
    var singleQuotedAllowed = true
    var blockAllowed = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = YAMLBytes(bytes)
        let end = bytes.count
        guard end > 0 else {
            isEmpty = true
            return
        }
        var blockIndicators = false
        var flowIndicators = false
        var lineBreaks = false
        var specialCharacters = false
        var leadingSpace = false
        var leadingBreak = false
        var trailingSpace = false
        var trailingBreak = false
        var breakSpace = false
        var spaceBreak = false
        var previousSpace = false
        var previousBreak = false

        if (text[0] == 0x2D && text[1] == 0x2D && text[2] == 0x2D) || (text[0] == 0x2E && text[1] == 0x2E && text[2] == 0x2E) {
            blockIndicators = true
            flowIndicators = true
        }
        var precededByWhitespace = true
        var followedByWhitespace = text.isBlankOrBreakOrNUL(at: text.width(at: 0))
        var index = 0
        while index < end {
            let byte = text[index]
            if index == 0 {
                switch byte {
                case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                    UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
                    UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
                    flowIndicators = true
                    blockIndicators = true
                case UInt8(ascii: "?"), UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "-"):
                    if followedByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default:
                    break
                }
            } else {
                switch byte {
                case UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    flowIndicators = true
                case UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "#"):
                    if precededByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default:
                    break
                }
            }
            if !text.isPrintable(at: index) { specialCharacters = true }
            let isBreak = text.isBreak(at: index)
            if isBreak { lineBreaks = true }
            let width = text.width(at: index)
            if byte == 0x20 {
                if index == 0 { leadingSpace = true }
                if index + width == end { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if isBreak {
                if index == 0 { leadingBreak = true }
                if index + width == end { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = text.isBlankOrBreakOrNUL(at: index)
            // A byte that cannot start a character has width 0 in libyaml and would
            // stop it; valid UTF-8 (every Swift string) never has one here.
            index += max(1, width)
            if index < end { followedByWhitespace = text.isBlankOrBreakOrNUL(at: index + text.width(at: index)) }
        }

        multiline = lineBreaks
        flowPlainAllowed = true
        blockPlainAllowed = true
        singleQuotedAllowed = true
        blockAllowed = true
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if trailingSpace { blockAllowed = false }
        if breakSpace {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || specialCharacters {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
            blockAllowed = false
        }
        if lineBreaks {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if flowIndicators { flowPlainAllowed = false }
        if blockIndicators { blockPlainAllowed = false }
    }

    /// The style libyaml's `select_scalar_style` settles on in block context (outside
    /// any flow collection) for a scalar with both implicit flags set, as Yams emits them.
    func style(requested: YAMLScalarStyle, simpleKey: Bool) -> YAMLScalarStyle {
        var style = requested
        if simpleKey && multiline { style = .doubleQuoted }
        if style == .plain {
            if !blockPlainAllowed { style = .singleQuoted }
            if isEmpty && simpleKey { style = .singleQuoted }
        }
        if style == .singleQuoted && !singleQuotedAllowed { style = .doubleQuoted }
        if style == .literal && (!blockAllowed || simpleKey) { style = .doubleQuoted }
        return style
    }
}

/// UTF-8 bytes read as libyaml reads its buffers: past the end is NUL.
struct YAMLBytes {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    @inline(__always)
    subscript(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }

    /// The length of the character starting at `index` (0 for a continuation byte).
    @inline(__always)
    func width(at index: Int) -> Int {
        let byte = self[index]
        if byte & 0x80 == 0 { return 1 }
        if byte & 0xE0 == 0xC0 { return 2 }
        if byte & 0xF0 == 0xE0 { return 3 }
        if byte & 0xF8 == 0xF0 { return 4 }
        return 0
    }

    /// CR, LF, NEL (U+0085), LS (U+2028) or PS (U+2029).
    @inline(__always)
    func isBreak(at index: Int) -> Bool {
        switch self[index] {
        case 0x0D, 0x0A: return true
        case 0xC2: return self[index + 1] == 0x85
        case 0xE2: return self[index + 1] == 0x80 && (self[index + 2] == 0xA8 || self[index + 2] == 0xA9)
        default: return false
        }
    }

    /// libyaml's IS_BLANKZ: space, tab, a line break or NUL.
    @inline(__always)
    func isBlankOrBreakOrNUL(at index: Int) -> Bool {
        let byte = self[index]
        return byte == 0x20 || byte == 0x09 || byte == 0 || isBreak(at: index)
    }

    /// libyaml's IS_PRINTABLE: LF, printable ASCII, and Unicode up to U+FFFD other than
    /// C1 controls, surrogates and the byte order mark. Characters beyond U+FFFF count
    /// as not printable, as in libyaml, and are written as `\U` escapes.
    @inline(__always)
    func isPrintable(at index: Int) -> Bool {
        let byte = self[index]
        switch byte {
        case 0x0A, 0x20...0x7E: return true
        case 0xC2: return self[index + 1] >= 0xA0
        case 0xC3...0xEC: return true
        case 0xED: return self[index + 1] < 0xA0
        case 0xEE: return true
        case 0xEF:
            let second = self[index + 1]
            let third = self[index + 2]
            return !(second == 0xBB && third == 0xBF) && !(second == 0xBF && (third == 0xBE || third == 0xBF))
        default: return false
        }
    }
}
