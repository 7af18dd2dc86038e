import KursusMarkdown
import Testing

@Suite("AnsiRenderer")
struct AnsiRendererTests {
    private let document = MarkdownLayout.layout(
        "# Titel\n\nTekst med **fed** og \u{1B}[31m.", options: MarkdownLayoutOptions(width: 40))

    @Test("without colour the output is the plain lines")
    func plain() {
        let output = AnsiRenderer.render(document, color: false)
        #expect(output == "Titel\n═════\n\nTekst med fed og ␛[31m.\n")
        #expect(!output.unicodeScalars.contains("\u{1B}"))
    }

    @Test("with colour each styled span is wrapped in SGR and reset")
    func colored() {
        let output = AnsiRenderer.render(document, color: true)
        #expect(output.hasPrefix("\u{1B}[1;36mTitel\u{1B}[0m\n\u{1B}[36m═════\u{1B}[0m\n\n"))
        #expect(output.contains("Tekst med \u{1B}[1mfed\u{1B}[0m og ␛[31m.\n"))
        // The only escape sequences are SGR ones the renderer made.
        let escapes = output.components(separatedBy: "\u{1B}").count - 1
        let sgr = output.components(separatedBy: "\u{1B}[").count - 1
        #expect(escapes == sgr)
    }

    @Test("one newline per line")
    func newlines() {
        for color in [false, true] {
            let output = AnsiRenderer.render(document, color: color)
            #expect(output.filter { $0 == "\n" }.count == document.lines.count)
        }
    }
}
