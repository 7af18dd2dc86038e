import KursusText
import Testing

@Suite("TerminalSafe")
struct TerminalSafeTests {
    @Test("plain text is left alone")
    func plain() {
        let text = "Håndhygiejne før og efter — 日本 👍🏽"
        #expect(TerminalSafe.isSafe(text))
        #expect(TerminalSafe.clean(text) == text)
    }

    @Test("every C0 control becomes its control picture")
    func c0() throws {
        for value in UInt32(0)...0x1F {
            let scalar = try #require(Unicode.Scalar(value))
            let text = "a" + String(Character(scalar)) + "b"
            #expect(!TerminalSafe.isSafe(text))
            let cleaned = TerminalSafe.clean(text)
            #expect(TerminalSafe.isSafe(cleaned))
            #expect(Array(cleaned.unicodeScalars).map(\.value) == [0x61, 0x2400 + value, 0x62])
        }
    }

    @Test("DEL becomes ␡")
    func del() {
        #expect(TerminalSafe.clean("x\u{7F}y") == "x\u{2421}y")
    }

    @Test("every C1 control becomes U+FFFD")
    func c1() throws {
        for value in UInt32(0x80)...0x9F {
            let scalar = try #require(Unicode.Scalar(value))
            let text = "é" + String(Character(scalar))
            #expect(!TerminalSafe.isSafe(text))
            #expect(TerminalSafe.clean(text) == "é\u{FFFD}")
        }
        #expect(TerminalSafe.isSafe("\u{A0}\u{7FF}"))
    }

    @Test("bidi overrides and isolates are neutralised")
    func bidi() throws {
        let controls: [UInt32] = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        for value in controls {
            let text = "abc" + String(Character(try #require(Unicode.Scalar(value)))) + "def"
            #expect(!TerminalSafe.isSafe(text))
            #expect(TerminalSafe.clean(text) == "abc\u{FFFD}def")
        }
        // Neighbours that are harmless stay.
        #expect(TerminalSafe.isSafe("\u{2029}\u{202F}\u{2065}\u{206A}\u{200E}"))
    }

    @Test("hostile escape sequences become visible text")
    func hostile() {
        let text = "\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{7}\u{9B}31m"
        let cleaned = TerminalSafe.clean(text)
        #expect(cleaned == "␛[2J␛]52;c;ZXZpbA==␇\u{FFFD}31m")
        #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test("cleaning is idempotent")
    func idempotent() {
        let text = "\u{0}\u{1B}\u{9B}\u{202E}ok\t\n"
        let once = TerminalSafe.clean(text)
        #expect(TerminalSafe.clean(once) == once)
    }
}

@Suite("TerminalSafe on UTF-8 bytes")
struct TerminalSafeBytesTests {
    private func cleaned(_ text: String, whitespaceAsSpace: Bool = false) -> String {
        var output: [UInt8] = []
        var text = text
        text.withUTF8 { TerminalSafe.appendCleaned(utf8: $0, to: &output, whitespaceAsSpace: whitespaceAsSpace) }
        return String(decoding: output, as: UTF8.self)
    }

    @Test("byte cleaning equals string cleaning")
    func matchesClean() {
        var all = ""
        for value in UInt32(0)...0x2070 {
            if let scalar = Unicode.Scalar(value) { all.unicodeScalars.append(scalar) }
        }
        #expect(cleaned(all) == TerminalSafe.clean(all))
        #expect(TerminalSafe.isSafe(cleaned(all)))
    }

    @Test("whitespace can become spaces")
    func whitespace() {
        #expect(cleaned("a\tb\nc\rd\u{1B}e", whitespaceAsSpace: true) == "a b c d␛e")
        #expect(cleaned("a\tb", whitespaceAsSpace: false) == "a␉b")
    }
}
