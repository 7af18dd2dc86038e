/// A lesson's head in the fingerprint cache file, one line:
///
///     head <file index> <minutes or -> <title: - for none, else =text> =<key>,<key>,… [=<objective> …]
///
/// `file index` counts the file lines before it, from 0. In every text a space is `+`,
/// printable ASCII and letters beyond it are themselves, and every other byte (controls,
/// `%`, `+`, `,`, `=`, C1 and bidirectional controls, line separators) is `%XX`: a line
/// holds no space, comma, control character or line break of its own, whatever the front
/// matter says. Reading is as strict as writing: anything else, or bytes that are not
/// UTF-8, is not a head line, and the cache file is ignored as a whole.
enum HeadLine {
    static let prefix = "head "

    static func line(_ head: CourseFingerprintCache.Head, file index: Int) -> String {
        var fields = [
            "head", "\(index)", head.frontMatter.minutes.map { "\($0)" } ?? "-", head.frontMatter.title.map { "=" + encode($0) } ?? "-",
            "=" + head.keys.map(encode).joined(separator: ","),
        ]
        fields += head.frontMatter.objectives.map { "=" + encode($0) }
        return fields.joined(separator: " ")
    }

    static func parse(_ line: Substring) -> (index: Int, head: CourseFingerprintCache.Head)? {
        let fields = line.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false).map { Substring($0) }
        guard fields.count >= 5, fields[0] == "head", let index = Int(fields[1]), index >= 0, String(index) == fields[1] else { return nil }
        var frontMatter = FrontMatter()
        if fields[2] != "-" {
            guard let minutes = Int(fields[2]), String(minutes) == fields[2] else { return nil }
            frontMatter.minutes = minutes
        }
        if fields[3] != "-" {
            guard let title = text(fields[3]) else { return nil }
            frontMatter.title = title
        }
        guard fields[4].first == "=" else { return nil }
        var keys: [String] = []
        if fields[4].count > 1 {
            for key in fields[4].dropFirst().utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                guard let decoded = decode(Substring(key)) else { return nil }
                keys.append(decoded)
            }
        }
        for field in fields.dropFirst(5) {
            guard let objective = text(field) else { return nil }
            frontMatter.objectives.append(objective)
        }
        return (index, CourseFingerprintCache.Head(frontMatter: frontMatter, keys: keys))
    }

    /// A field `=text`.
    private static func text(_ field: Substring) -> String? {
        guard field.first == "=" else { return nil }
        return decode(field.dropFirst())
    }

    /// An ASCII byte written as itself: printable, but not a space (written `+`) nor one
    /// of the bytes the line's syntax uses (`%`, `+`, `,`, `=`).
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "%") && byte != UInt8(ascii: "+") && byte != UInt8(ascii: ",")
            && byte != UInt8(ascii: "=")
    }

    /// A character beyond ASCII written as its UTF-8 bytes: any but the C1 controls, the
    /// bidirectional controls, the line and paragraph separators and the byte order mark,
    /// which are written as `%XX` bytes, so the line shows nothing a terminal acts on.
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0xA0, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF: false
        default: true
        }
    }

    private static let digits = Array("0123456789ABCDEF".utf8)

    static func encode(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        func escape(_ byte: UInt8) { bytes += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]] }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                if isPlain(byte) {
                    bytes.append(byte)
                } else if byte == 0x20 {
                    bytes.append(UInt8(ascii: "+"))
                } else {
                    escape(byte)
                }
            } else if isPlain(scalar) {
                bytes += Array(String(scalar).utf8)
            } else {
                for byte in String(scalar).utf8 { escape(byte) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text `encode` wrote, or nil for anything it could not have written.
    static func decode(_ field: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.utf8.count)
        var escapedBeyondASCII = false
        var rawBeyondASCII = false
        var iterator = field.utf8.makeIterator()
        while let byte = iterator.next() {
            if isPlain(byte) {
                bytes.append(byte)
            } else if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if byte >= 0x80 {
                bytes.append(byte)
                rawBeyondASCII = true
            } else {
                guard byte == UInt8(ascii: "%"), let high = iterator.next().flatMap(value), let low = iterator.next().flatMap(value) else {
                    return nil
                }
                let decoded = high << 4 | low
                guard !isPlain(decoded), decoded != 0x20 else { return nil }
                escapedBeyondASCII = escapedBeyondASCII || decoded >= 0x80
                bytes.append(decoded)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        // Characters beyond ASCII must be written as `encode` writes them: raw ones must be
        // letters it writes raw; escaped ones (rare) are checked by writing the text again.
        if escapedBeyondASCII {
            guard encode(text) == field else { return nil }
        } else if rawBeyondASCII {
            guard text.unicodeScalars.allSatisfy({ $0.isASCII || isPlain($0) }) else { return nil }
        }
        return text
    }

    /// An upper-case hexadecimal digit's value.
    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
