/// The four scalar styles, written as libyaml's emitter.c writes them with an unlimited
/// line width (Yams' `width: -1`), so no line is ever folded. One addition: in a
/// double-quoted scalar the bidirectional controls U+202A–U+202E and U+2066–U+2069,
/// which libyaml counts as printable, are written as `\u202e`-style escapes, as
/// `TerminalSafe.escapingUnsafe(json:)` wrote them over Yams' output before; libyaml
/// itself escapes every C0 and C1 control and DEL.
extension YAMLBlockEmitter {
    /// `hasBreaks` is the analysis' `multiline`: without breaks, the text is copied whole.
    mutating func writePlain(_ bytes: UnsafeBufferPointer<UInt8>, hasBreaks: Bool) {
        let text = YAMLBytes(bytes)
        if !whitespace && !bytes.isEmpty { put(0x20) }
        if !hasBreaks {
            writeRun(bytes)
            whitespace = false
            indention = false
            return
        }
        var breaks = false
        var index = 0
        while index < bytes.count {
            if text[index] == 0x20 {
                index = write(text, at: index)
            } else if text.isBreak(at: index) {
                if !breaks && text[index] == 0x0A { putBreak() }
                index = writeBreak(text, at: index)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                index = write(text, at: index)
                indention = false
                breaks = false
            }
        }
        whitespace = false
        indention = false
    }

    mutating func writeSingleQuoted(_ bytes: UnsafeBufferPointer<UInt8>, hasBreaks: Bool) {
        let text = YAMLBytes(bytes)
        writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
        if !hasBreaks && !bytes.contains(UInt8(ascii: "'")) {
            writeRun(bytes)
            writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
            whitespace = false
            indention = false
            return
        }
        var breaks = false
        var index = 0
        while index < bytes.count {
            if text[index] == 0x20 {
                index = write(text, at: index)
            } else if text.isBreak(at: index) {
                if !breaks && text[index] == 0x0A { putBreak() }
                index = writeBreak(text, at: index)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if text[index] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
                index = write(text, at: index)
                indention = false
                breaks = false
            }
        }
        if breaks { writeIndent() }
        writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    mutating func writeDoubleQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = YAMLBytes(bytes)
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        var index = 0
        while index < bytes.count {
            let byte = text[index]
            let isBOM = byte == 0xEF && text[index + 1] == 0xBB && text[index + 2] == 0xBF
            if !text.isPrintable(at: index) || isBOM || text.isBreak(at: index) || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                let width = max(1, text.width(at: index))
                var value = UInt32(width == 1 ? byte & 0x7F : width == 2 ? byte & 0x1F : width == 3 ? byte & 0x0F : byte & 0x07)
                for offset in 1..<width { value = (value << 6) + UInt32(text[index + offset] & 0x3F) }
                index += width
                put(UInt8(ascii: "\\"))
                writeEscape(value)
            } else if byte == 0xE2, Self.isBidiControl(text[index + 1], text[index + 2]) {
                let value = 0x2000 | (UInt32(text[index + 1] & 0x3F) << 6) | UInt32(text[index + 2] & 0x3F)
                index += 3
                put(UInt8(ascii: "\\"))
                put(UInt8(ascii: "u"))
                writeHex(value, digits: 4, uppercase: false)
            } else {
                index = write(text, at: index)
            }
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    /// U+202A–U+202E (E2 80 AA–AE) and U+2066–U+2069 (E2 81 A6–A9), given the two bytes
    /// after E2.
    private static func isBidiControl(_ second: UInt8, _ third: UInt8) -> Bool {
        (second == 0x80 && third >= 0xAA && third <= 0xAE) || (second == 0x81 && third >= 0xA6 && third <= 0xA9)
    }

    /// What follows the backslash of an escape in a double-quoted scalar.
    private mutating func writeEscape(_ value: UInt32) {
        let short: Character?
        switch value {
        case 0x00: short = "0"
        case 0x07: short = "a"
        case 0x08: short = "b"
        case 0x09: short = "t"
        case 0x0A: short = "n"
        case 0x0B: short = "v"
        case 0x0C: short = "f"
        case 0x0D: short = "r"
        case 0x1B: short = "e"
        case 0x22: short = "\""
        case 0x5C: short = "\\"
        case 0x85: short = "N"
        case 0xA0: short = "_"
        case 0x2028: short = "L"
        case 0x2029: short = "P"
        default: short = nil
        }
        if let short, let ascii = short.asciiValue {
            put(ascii)
        } else if value <= 0xFF {
            put(UInt8(ascii: "x"))
            writeHex(value, digits: 2, uppercase: true)
        } else if value <= 0xFFFF {
            put(UInt8(ascii: "u"))
            writeHex(value, digits: 4, uppercase: true)
        } else {
            put(UInt8(ascii: "U"))
            writeHex(value, digits: 8, uppercase: true)
        }
    }

    private mutating func writeHex(_ value: UInt32, digits: Int, uppercase: Bool) {
        let letterBase = UInt32(uppercase ? UInt8(ascii: "A") : UInt8(ascii: "a")) - 10
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let digit = (value >> UInt32(shift)) & 0x0F
            put(UInt8(digit < 10 ? UInt32(UInt8(ascii: "0")) + digit : letterBase + digit))
        }
    }

    mutating func writeLiteral(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = YAMLBytes(bytes)
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockScalarHints(text, count: bytes.count)
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        var index = 0
        while index < bytes.count {
            if text.isBreak(at: index) {
                index = writeBreak(text, at: index)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                index = write(text, at: index)
                indention = false
                breaks = false
            }
        }
    }

    /// `|2` when the text starts with a space or a break; `-` when it has no final line
    /// break, `+` when it has more than one (and then the document ends with `...`).
    private mutating func writeBlockScalarHints(_ text: YAMLBytes, count: Int) {
        if text[0] == 0x20 || text.isBreak(at: 0) {
            writeIndicator("2", needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        setOpenEnded(0)
        var chomp: StaticString?
        var last = count
        if last == 0 {
            chomp = "-"
        } else {
            last = Self.characterStart(before: last, in: text)
            if !text.isBreak(at: last) {
                chomp = "-"
            } else if last == 0 {
                chomp = "+"
                setOpenEnded(2)
            } else if text.isBreak(at: Self.characterStart(before: last, in: text)) {
                chomp = "+"
                setOpenEnded(2)
            }
        }
        if let chomp { writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false) }
    }

    private static func characterStart(before index: Int, in text: YAMLBytes) -> Int {
        var start = index - 1
        while start > 0 && text[start] & 0xC0 == 0x80 { start -= 1 }
        return max(start, 0)
    }
}
