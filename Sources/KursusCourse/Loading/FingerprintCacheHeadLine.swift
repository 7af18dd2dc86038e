/// A lesson's head in the fingerprint cache file, one line:
///
///     head <file index> <minutes or -> <title: - for none, else =text> =<key>,<key>,… [=<objective> …]
///
/// `file index` counts the file lines before it, from 0. Every text is written with each
/// byte outside `A–Z a–z 0–9 - . _` as `%XX`, so a line holds no space, comma, control
/// character or line break of its own, whatever the front matter says. Reading is as
/// strict as writing: anything else, or bytes that are not UTF-8, is not a head line, and
/// the cache file is ignored as a whole.
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
        let fields = line.split(separator: " ", omittingEmptySubsequences: false)
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
            for key in fields[4].dropFirst().split(separator: ",", omittingEmptySubsequences: false) {
                guard let decoded = decode(key) else { return nil }
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

    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"): true
        default: false
        }
    }

    private static let digits = Array("0123456789ABCDEF".utf8)

    static func encode(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isPlain(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text `encode` wrote, or nil for anything it could not have written.
    static func decode(_ field: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.utf8.count)
        var iterator = field.utf8.makeIterator()
        while let byte = iterator.next() {
            if isPlain(byte) {
                bytes.append(byte)
                continue
            }
            guard byte == UInt8(ascii: "%"), let high = iterator.next().flatMap(value), let low = iterator.next().flatMap(value) else { return nil }
            let decoded = high << 4 | low
            guard !isPlain(decoded) else { return nil }
            bytes.append(decoded)
        }
        return String(validating: bytes, as: UTF8.self)
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
