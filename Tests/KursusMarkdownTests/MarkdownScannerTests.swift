import KursusText
import KursusMarkdown
import Testing

@Suite("MarkdownScanner")
struct MarkdownScannerTests {
    @Test("local images with their lines and columns")
    func positions() {
        let markdown = """
            # Titel

            Tekst ![a](billeder/a.png) og ![b](<b c.png>)
            - æøå ![c](c%20d.png)
            > ![d](http://x.dk/d.png) ![e](https://x.dk/e.png) ![f](data:image/png;base64,AAAA) ![g](./g.png)

            | x | ![h](h.png) |
            |---|---|

            ![ref][r] ![](//cdn.example/x.png) ![](mailto:x@y.dk)

            [r]: ref.png
            """
        let references = MarkdownScanner.imageReferences(in: markdown)
        #expect(
            references == [
                AssetReference(path: "billeder/a.png", line: 3, column: 7),
                AssetReference(path: "b c.png", line: 3, column: 31),
                AssetReference(path: "c d.png", line: 4, column: 7),
                AssetReference(path: "./g.png", line: 5, column: 85),
                AssetReference(path: "h.png", line: 7, column: 7),
                AssetReference(path: "ref.png", line: 10, column: 1),
            ])
    }

    @Test("no images, no references")
    func none() {
        #expect(MarkdownScanner.imageReferences(in: "Tekst [link](a.png)").isEmpty)
        #expect(MarkdownScanner.imageReferences(in: "").isEmpty)
    }

    @Test("escapes that decode to control characters stay as written")
    func hostilePath() {
        let references = MarkdownScanner.imageReferences(in: "![x](a%1Bb.png)")
        #expect(references.map(\.path) == ["a%1Bb.png"])
    }
}
