import KursusMarkdown
import Testing

/// Styles, headings and links of laid-out documents.
@Suite("Markdown layout")
struct MarkdownLayoutTests {
    private func layout(_ markdown: String, width: Int = 60) -> MarkdownDocument {
        MarkdownLayout.layout(markdown, options: MarkdownLayoutOptions(width: width))
    }

    private func span(_ document: MarkdownDocument, _ text: String) -> StyledSpan? {
        document.lines.lazy.flatMap(\.spans).first { $0.text.contains(text) }
    }

    @Test("emphasis, strong, strikethrough and code carry their styles")
    func inlineStyles() throws {
        let document = layout("*kursiv* **fed** ~~streg~~ `kode` ***begge*** [link](https://x.dk)")
        #expect(try #require(span(document, "kursiv")).style == SpanStyle(role: .body, attributes: .italic))
        #expect(try #require(span(document, "fed")).style == SpanStyle(role: .body, attributes: .bold))
        #expect(try #require(span(document, "streg")).style == SpanStyle(role: .body, attributes: .strikethrough))
        #expect(try #require(span(document, "kode")).style == SpanStyle(role: .code))
        #expect(try #require(span(document, "begge")).style == SpanStyle(role: .body, attributes: [.bold, .italic]))
        #expect(try #require(span(document, "link")).style == SpanStyle(role: .link, attributes: .underline))
        #expect(try #require(span(document, "[1]")).style == SpanStyle(role: .linkNumber))
    }

    @Test("block roles")
    func blockRoles() throws {
        let document = layout("# T\n\n> q\n\n- a\n\n```\nc\n```\n\n---\n\n<b>h</b>\n\n![alt](a.png)\n\n| hoved |\n|---|\n| v |")
        #expect(try #require(span(document, "T")).style.role == .heading(level: 1))
        #expect(try #require(span(document, "│")).style.role == .quote)
        #expect(try #require(span(document, "•")).style.role == .listMarker)
        #expect(try #require(span(document, "c")).style.role == .codeBlock)
        #expect(try #require(span(document, "───")).style.role == .rule)
        #expect(try #require(span(document, "<b>")).style.role == .html)
        #expect(try #require(span(document, "[Image: alt]")).style.role == .image)
        #expect(try #require(span(document, "┌")).style.role == .tableBorder)
        #expect(try #require(span(document, "hoved")).style == SpanStyle(role: .tableHeader, attributes: .bold))
    }

    @Test("headings are listed with their first line")
    func headings() {
        let document = layout("# Et\n\nTekst\n\n## To [link](https://x.dk)\n\n### Tre", width: 40)
        #expect(document.headings.map(\.level) == [1, 2, 3])
        #expect(document.headings.map(\.text) == ["Et", "To link", "Tre"])
        for heading in document.headings {
            #expect(document.lines[heading.line].plainText.contains(heading.text.prefix(2)))
        }
    }

    @Test("links are numbered once per URL, in order")
    func links() {
        let document = layout("[a](https://a.dk) [b](https://b.dk) [igen](https://a.dk) <https://c.dk>")
        #expect(document.links == ["https://a.dk", "https://b.dk", "https://c.dk"])
        #expect(document.lines[0].plainText == "a[1] b[2] igen[1] https://c.dk[3]")
        #expect(document.lines.suffix(3).map(\.plainText) == ["[1] https://a.dk", "[2] https://b.dk", "[3] https://c.dk"])
    }

    @Test("an empty document has no lines")
    func empty() {
        let document = layout("")
        #expect(document.lines.isEmpty)
        #expect(document.links.isEmpty)
        #expect(document.headings.isEmpty)
    }

    @Test("wrapped list items hang under their text")
    func hangingIndent() {
        let document = layout("- et to tre fire fem seks syv otte ni ti", width: 20)
        #expect(document.lines.map(\.plainText) == ["• et to tre fire fem", "  seks syv otte ni", "  ti"])
    }
}

@Suite("Concurrent layout")
struct ConcurrentLayoutTests {
    /// cmark-gfm keeps inline parsing tables in global state; layouts that
    /// run at the same time must not disturb each other.
    @Test("layouts in parallel equal layouts in sequence")
    func parallel() async {
        let texts = (0..<16).map {
            "Se ~~gammel~~ <https://example.org/\($0)> og www.example.com/\($0) nu.\n\n| a | b |\n|---|---|\n| \($0) | ~~x~~ |"
        }
        let options = MarkdownLayoutOptions(width: 50)
        let expected = texts.map { AnsiRenderer.render(MarkdownLayout.layout($0, options: options), color: false) }
        for _ in 0..<5 {
            let results = await withTaskGroup(of: (Int, String).self) { group in
                for (index, text) in texts.enumerated() {
                    group.addTask { (index, AnsiRenderer.render(MarkdownLayout.layout(text, options: options), color: false)) }
                }
                var results = Array(repeating: "", count: texts.count)
                for await (index, output) in group { results[index] = output }
                return results
            }
            #expect(results == expected)
        }
    }

    @Test("an image shows with the word the reader's language gives it, and that word cannot carry control characters")
    func imageWord() throws {
        let danish = MarkdownLayout.layout("![Hånd](a.png) og ![](b.png)", options: MarkdownLayoutOptions(width: 60, imageWord: "Billede"))
        #expect(danish.lines.map(\.plainText).joined().contains("[Billede: Hånd] (a.png) og [Billede] (b.png)"))
        let hostile = MarkdownLayout.layout("![x](a.png)", options: MarkdownLayoutOptions(width: 60, imageWord: "Bild\u{1B}[2J"))
        #expect(!hostile.lines.map(\.plainText).joined().unicodeScalars.contains { $0.value == 0x1B })
    }
}
