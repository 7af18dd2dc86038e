import KursusText
@testable import KursusMarkdown
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

    @Test("only text holding `![` may hold an image")
    func mayHoldImage() {
        func check(_ text: String) -> Bool {
            var copy = text
            return copy.withUTF8 { MarkdownScanner.mayHoldImage($0) }
        }
        #expect(check("![a](b.png)"))
        #expect(check("x\n!![a](b.png)"))
        #expect(check("tekst ![a"))
        #expect(!check(""))
        #expect(!check("!"))
        #expect(!check("[a](b.png) ! [b] !"))
        #expect(!check("tekst!"))
        // Pieces without `![` are not parsed, yet images in every piece of a long
        // lesson are found at their lines.
        let filler = String(repeating: "- x\n", count: 40_000)
        let markdown = filler + "\n![a](a.png)\n\n" + filler + "\n![b](b.png)\n"
        #expect(
            MarkdownScanner.imageReferences(in: markdown) == [
                AssetReference(path: "a.png", line: 40_002, column: 1), AssetReference(path: "b.png", line: 80_005, column: 1),
            ])
    }

    @Test("a table past the cell limit is reported at its first row shown as text")
    func cutTables() {
        // 1,002 cells counted a row (the header's pipes and one): the 65th row is the
        // first past 65,536 cells, on line 67.
        let markdown =
            "|" + String(repeating: "a|", count: 1000) + "\n|" + String(repeating: "-|", count: 1000) + "\n"
            + String(repeating: "x\n", count: 100) + "\n| a |\n|---|\n| b |\n"
        let findings = MarkdownScanner.findings(in: markdown)
        #expect(findings.cutTables == [MarkdownFindings.Place(line: 67, column: 1)])
        #expect(findings.tableCellLimit == 65_536)
        #expect(MarkdownScanner.findings(in: "| a |\n|---|\n| b |\n").cutTables.isEmpty)
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
