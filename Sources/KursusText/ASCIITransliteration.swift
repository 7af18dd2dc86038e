/// Text spelled in ASCII for a terminal whose character set is not UTF-8 (`LANG=C`).
///
/// Danish letters follow Danish usage (ø → oe, æ → ae, å → aa, Ø → Oe, Æ → Ae, Å → Aa);
/// other Latin letters with diacritics become their base letter (é → e, ü → u, ł → l),
/// and a few have a usual spelling (ß → ss, œ → oe, þ → th). Typographic quotes, dashes,
/// the ellipsis, bullets, arrows and spaces become their ASCII look-alikes. Anything else
/// becomes `?`, one per character, so the reader sees that something is there.
/// A character written with a combining mark ("e" + U+0301) keeps its base letter.
public enum ASCIITransliteration {
    /// `text` in ASCII; text that is already ASCII is returned as it is.
    public static func transliterate(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var result = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            result += ascii(
                character, before: index > 0 ? characters[index - 1] : nil, after: index + 1 < characters.count ? characters[index + 1] : nil)
        }
        return result
    }

    /// One character (a grapheme cluster) in ASCII: one or more letters, or `?`. A
    /// capital spelled with two letters is all capitals beside another capital
    /// ("FORHÅND" → "FORHAAND"), else only its first ("Århus" → "Aarhus").
    public static func ascii(_ character: Character, before: Character? = nil, after: Character? = nil) -> String {
        guard let first = character.unicodeScalars.first else { return "" }
        if first.isASCII { return String(first) }
        guard let spelled = spelling(first) else { return "?" }
        if spelled.count > 1, character.isUppercase, before?.isUppercase == true || after?.isUppercase == true {
            return spelled.uppercased()
        }
        return spelled
    }

    /// The ASCII spelling of one scalar, or nil when it has none.
    static func spelling(_ scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        switch value {
        case 0xC0...0xFF:
            let word = latin1[Int(value - 0xC0)]
            return word.isEmpty ? nil : word
        case 0x100...0x17F:
            let word = latinExtendedA[Int(value - 0x100)]
            return word.isEmpty ? nil : word
        default:
            return punctuation[value]
        }
    }

    /// U+00C0…U+00FF, in order.
    private static let latin1: [String] = [
        "A", "A", "A", "A", "A", "Aa", "Ae", "C", "E", "E", "E", "E", "I", "I", "I", "I",  // C0-CF
        "D", "N", "O", "O", "O", "O", "O", "x", "Oe", "U", "U", "U", "U", "Y", "Th", "ss",  // D0-DF
        "a", "a", "a", "a", "a", "aa", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // E0-EF
        "d", "n", "o", "o", "o", "o", "o", "/", "oe", "u", "u", "u", "u", "y", "th", "y",  // F0-FF
    ]

    /// U+0100…U+017F (Latin Extended-A), in order.
    private static let latinExtendedA: [String] = [
        "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d",  // 100-10F
        "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",  // 110-11F
        "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i",  // 120-12F
        "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L",  // 130-13F
        "l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o",  // 140-14F
        "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s",  // 150-15F
        "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u",  // 160-16F
        "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",  // 170-17F
    ]

    /// Spaces, quotes, dashes and symbols that have an ASCII look-alike.
    private static let punctuation: [UInt32: String] = [
        0xA0: " ", 0xA9: "(c)", 0xAB: "<<", 0xAE: "(R)", 0xB0: "o", 0xB7: "-", 0xBB: ">>", 0xBD: "1/2",
        0x2002: " ", 0x2003: " ", 0x2007: " ", 0x2008: " ", 0x2009: " ", 0x200A: " ", 0x202F: " ",
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "--", 0x2015: "--", 0x2212: "-",
        0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'",
        0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x201F: "\"", 0x2033: "\"",
        0x2039: "<", 0x203A: ">", 0x2026: "...", 0x2022: "*", 0x2023: ">", 0x25B8: ">", 0x25B6: ">",
        0x2190: "<-", 0x2192: "->", 0x2191: "^", 0x2193: "v", 0x2713: "v", 0x2714: "v", 0x2717: "x", 0x2718: "x",
    ]
}
