import KursusText
import Testing

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test("ASCII is one column per printable character")
    func ascii() {
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("hello, world") == 12)
        #expect(DisplayWidth.of(Character("a")) == 1)
        #expect(DisplayWidth.of("a\u{7}b") == 2)
    }

    @Test("Danish letters are one column")
    func danish() {
        #expect(DisplayWidth.of("æøå") == 3)
        #expect(DisplayWidth.of("ÆØÅ") == 3)
        #expect(DisplayWidth.of("Sygeplejerske på afdeling ø") == 27)
    }

    @Test("combining marks add nothing")
    func combining() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of("a\u{308}\u{323}") == 1)
        #expect(DisplayWidth.of("\u{20DD}") == 0)  // lone enclosing mark
    }

    @Test("CJK and fullwidth are two columns")
    func cjk() {
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ひらがな") == 8)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("\u{20000}") == 2)  // CJK extension B
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)  // conjoining jamo
    }

    @Test("emoji, modifiers, ZWJ sequences, flags and keycaps are two columns")
    func emoji() {
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("🇩🇰") == 2)
        #expect(DisplayWidth.of("🇩🇰🇯🇵") == 4)
        #expect(DisplayWidth.of("1\u{FE0F}\u{20E3}") == 2)
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)
        #expect(DisplayWidth.of("❤") == 1)
        #expect(DisplayWidth.of("🫶") == 2)
    }

    @Test("zero-width and format characters are zero columns")
    func zeroWidth() {
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("\u{200D}") == 0)
        #expect(DisplayWidth.of("\u{FEFF}") == 0)
        #expect(DisplayWidth.of("\u{00AD}") == 1)
    }

    @Test("substrings measure like strings")
    func substring() {
        let text = "日本 og æøå"
        let tail = text.dropFirst(3)
        #expect(DisplayWidth.of(tail) == DisplayWidth.of(String(tail)))
        #expect(DisplayWidth.of(tail) == 6)
    }

    static let samples = [
        "", "a", "hello world", "æøå æøå æøå", "日本語のテキスト", "👨‍👩‍👧 family 👍🏽",
        "e\u{301}e\u{301}e\u{301}", "mixed 日本 and 🇩🇰 and ø", String(repeating: "x", count: 50),
    ]

    @Test("truncate never exceeds the width", arguments: 0...30)
    func truncateFits(width: Int) {
        for sample in Self.samples {
            let cut = DisplayWidth.truncate(sample, toWidth: width)
            #expect(DisplayWidth.of(cut) <= width, "\(sample) at \(width)")
            if DisplayWidth.of(sample) <= width {
                #expect(cut == sample)
            } else if width >= 1 {
                #expect(cut.hasSuffix("…"))
            }
        }
    }

    @Test("pad always yields exactly the width", arguments: 0...30)
    func padExact(width: Int) {
        for sample in Self.samples {
            let padded = DisplayWidth.pad(sample, toWidth: width)
            #expect(DisplayWidth.of(padded) == width, "\(sample) at \(width)")
        }
    }

    @Test("truncate examples")
    func truncateExamples() {
        #expect(DisplayWidth.truncate("abcdef", toWidth: 4) == "abc…")
        #expect(DisplayWidth.truncate("日本語", toWidth: 4) == "日…")
        #expect(DisplayWidth.truncate("abcdef", toWidth: 3, ellipsis: "...") == "...")
        #expect(DisplayWidth.truncate("abcdef", toWidth: 2, ellipsis: "...") == "ab")
        #expect(DisplayWidth.pad("ab", toWidth: 4) == "ab  ")
        #expect(DisplayWidth.pad("日本語", toWidth: 5) == "日本…")
        #expect(DisplayWidth.pad("日本語", toWidth: 4) == "日… ")
    }
}

@Suite("DisplayWidth on UTF-8 bytes")
struct DisplayWidthBytesTests {
    static let samples = [
        "", "plain ascii", "æøå ÆØÅ", "e\u{301}", "a\u{308}\u{323}x", "日本語", "👨‍👩‍👧", "👍🏽 ok",
        "#\u{FE0F}\u{20E3}", "©\u{FE0F}", "ﬁ", "\u{1100}\u{1161}", "x\u{200B}y", "Ω≈ç√", "🇩🇰🇩🇰",
        "tab\there", "c\u{327}a\u{300}", "\u{85}\u{9B}", "Sygeplejerske på afdeling ø — 日本 👍🏽",
    ]

    @Test("byte width equals grapheme width")
    func bytesMatchCharacters() {
        for sample in Self.samples {
            var text = sample
            let bytes = text.withUTF8 { DisplayWidth.of(utf8: $0) }
            let characters = sample.reduce(0) { $0 + DisplayWidth.of($1) }
            #expect(bytes == characters, "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("random mixes of tricky scalars measure like their grapheme clusters")
    func randomMixes() {
        let pool: [String] = [
            "a", "Z", " ", "~", "\u{7F}", "\u{1B}", "æ", "ø", "\u{9B}", "\u{AD}", "—", "–", "…", "’", "“", "•", "→", "↔",
            "│", "─", "█", "\u{2028}", "\u{202E}", "\u{2066}", "\u{301}", "\u{20E3}", "\u{FE0F}", "\u{FE0E}", "\u{200D}",
            "日", "ア", "한", "\u{1100}", "\u{1161}", "👍", "\u{1F3FD}", "🇩", "🇰", "❤", "©", "#", "1", "\u{0}", "\t",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let length = Int.random(in: 0...24, using: &generator)
            var text = ""
            for _ in 0..<length { text += pool.randomElement(using: &generator) ?? "" }
            var copy = text
            let bytes = copy.withUTF8 { DisplayWidth.of(utf8: $0) }
            let characters = text.reduce(0) { $0 + DisplayWidth.of($1) }
            #expect(bytes == characters, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("clusters that start before a non-Latin scalar are measured whole")
    func backtracking() {
        #expect(DisplayWidth.of("ab#\u{FE0F}\u{20E3}") == 4)
        #expect(DisplayWidth.of("x©\u{FE0F}") == 3)
        #expect(DisplayWidth.of("æe\u{301}") == 2)
    }
}
