import Foundation
import Testing

@testable import KursusCourse

/// The per-lesson checks of `validate` look at bytes first; the byte checks must agree
/// with the Character and scalar checks they stand in front of.
@Suite("Byte scans of lesson text")
struct ByteScanTests {
    /// Text with ASCII, Danish letters, characters that start with E2 or D8 in UTF-8 but
    /// are no controls (dashes, quotes, arrows, Arabic letters), wide, combining and emoji.
    static let pieces = [
        "Hej", " ", "\n", "\r\n", "æøå ÆØÅ", "—", "–", "“citat”", "‘x’", "→", "…", "€", "™", "\u{2060}", "\u{2028}", "\u{2029}",
        "\u{200B}", "\u{200D}", "\u{2061}", "\u{206A}", "\u{202F}", "\u{2030}", "ب", "\u{061B}", "\u{061D}", "中文", "e\u{301}",
        "👩🏽‍⚕️", "🇩🇰", "format", "format:", "forma", "ffformat:", "t:",
    ]
    static let controls = BidiControls.names.keys.sorted().compactMap(Unicode.Scalar.init).map { String(Character($0)) }

    /// Deterministic mixes of `pieces` (and sometimes one control).
    static func mixes(withControls: Bool) -> [String] {
        var generator = SeededRandom(seed: withControls ? 7 : 3)
        return (0..<400).map { _ in
            var text = ""
            for _ in 0..<Int(generator.next() % 12) {
                text += pieces[Int(generator.next() % UInt64(pieces.count))]
                if withControls && generator.next() % 9 == 0 {
                    text += controls[Int(generator.next() % UInt64(controls.count))]
                }
            }
            return text
        }
    }

    @Test("the byte check for bidirectional controls agrees with a check of every scalar")
    func bidiBytesAgreeWithScalars() {
        for text in Self.mixes(withControls: false) + Self.mixes(withControls: true) + Self.controls + Self.pieces {
            let scalars = text.unicodeScalars.contains(where: BidiControls.isControl)
            #expect(BidiControls.containsControl(utf8: text.utf8) == scalars, "\(text.debugDescription)")
            #expect((BidiControls.warning(in: text, file: "x.md") != nil) == scalars)
        }
    }

    @Test("a control after a dash on the second line is found at its character column")
    func bidiPlace() {
        let text = "—første linje\n“a” \u{202E}b\u{2066}"
        let warning = BidiControls.warning(in: text, file: "x.md")
        #expect(warning?.location.line == 2)
        #expect(warning?.location.column == 5)
        #expect(warning?.message.contains("U+202E RIGHT-TO-LEFT OVERRIDE") == true)
        #expect(warning?.message.contains("and 1 more") == true)
        #expect(BidiControls.warning(in: "— – “” → … €", file: "x.md") == nil)
    }

    @Test("the byte search for 'format:' agrees with a search of the characters")
    func formatKey() {
        for text in Self.mixes(withControls: false) + Self.pieces {
            #expect(UnitKindDetection.containsFormatKey(text[...].utf8) == text.contains("format:"), "\(text.debugDescription)")
        }
        // Only the first 4 × 8,192 bytes are looked at.
        let far = String(repeating: "a", count: 4 * UnitKindDetection.headLimit) + "format: kursus-scenario/1"
        #expect(!UnitKindDetection.containsFormatKey(far[...].utf8))
        #expect(UnitKindDetection.containsFormatKey(String(far.dropFirst(8))[...].utf8))
    }

    /// The word count before the byte path: scalar by scalar, `CharacterSet` beyond ASCII.
    static func scalarWordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let wordy = CharacterSet.alphanumerics.contains(scalar)
            if wordy && !inWord { count += 1 }
            inWord = wordy || (inWord && (scalar == "-" || scalar == "'" || scalar == "’"))
        }
        return count
    }

    @Test("the byte word count agrees with counting scalars of CharacterSet.alphanumerics")
    func wordCount() {
        var latin1 = ""
        for value in Array(UInt32(0x80)...0x2FF) + Array(0x2000...0x2070) {
            if let scalar = Unicode.Scalar(value) { latin1 += String(Character(scalar)) + " " }
        }
        let words = [
            "Hej med dig", "sygeplejerske-vagt og patient’s journal", "æble × øl ÷ år", "a-b - c' 'd", "½ ² ³ ª º µ ß ÿ", "中文 标签",
            "e\u{301}cole naïve", "👩🏽‍⚕️ emoji 🇩🇰", "**fed** _kursiv_ `kode` [link](x)", "1.000 2,5 3-4", "Ĳ ĳ ŉ Ω Ж ب",
            latin1, "",
        ]
        for text in words + Self.mixes(withControls: true) {
            #expect(LessonShape.wordCount(text) == Self.scalarWordCount(text), "\(text.debugDescription)")
        }
        #expect(LessonShape.wordCount("Sygeplejerskens patient’s journal — 12 sider") == 5)
    }

    @Test("the alias guard's byte search for '*' gives what libyaml's events give")
    func aliasGuard() {
        let texts = [
            "a: *x\n", "title: &t \"x\"\nauthors: [\"\", *t]\n", "{\"k\":*a}\n", "a: Tjek lyd, *vigtigt*\n", "a: &x 1\n", "a: [b\n",
            "title: Hygiejne\nminutes: 5\nobjectives:\n  - Vask hænder — før og efter\n", "a: \"\\u002A\"\nb: c\n", "",
        ]
        let quoted = Self.mixes(withControls: false).map { "a: \"\($0)\"\n" }
        for text in texts + quoted {
            #expect(YAMLAliasGuard.firstAlias(in: text) == YAMLAliasGuard.firstAliasByEvents(in: text), "\(text.debugDescription)")
        }
        #expect(YAMLAliasGuard.firstAlias(in: "a: *x\n") == YAMLAliasGuard.Finding(line: 1, column: 4))
    }

    @Test("the byte check for terminal controls agrees with a check of every scalar")
    func terminalControls() {
        let controls = ["\u{1B}", "\u{80}", "\u{9B}", "\u{9F}"]
        let lookalikes = ["\u{A0}", "°", "§", "«»", "\u{7F}", "\u{1A}", "Ā", "¿"]
        var generator = SeededRandom(seed: 11)
        var texts = Self.mixes(withControls: true) + controls + lookalikes
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(generator.next() % 10) {
                let pool = generator.next() % 8 == 0 ? controls : lookalikes + Self.pieces
                text += pool[Int(generator.next() % UInt64(pool.count))]
            }
            texts.append(text)
        }
        for text in texts {
            let scalars = text.unicodeScalars.contains { $0.value == 0x1B || (0x80...0x9F).contains($0.value) }
            #expect(PackageValidator.holdsTerminalControls(text) == scalars, "\(text.debugDescription)")
        }
    }
}
