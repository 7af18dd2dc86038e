import Testing

@testable import KursusMarkdown

/// Large documents are parsed piece by piece so that memory stays bounded; where a
/// document can be cut without changing it, the result is the one a single parse gives.
@Suite("Markdown pieces")
struct MarkdownPiecesTests {
    /// The golden inputs repeated to a quarter of a megabyte, with links.
    static let largeDocument: String = {
        let corpus = LayoutPropertyTests.corpus.joined(separator: "\n\n")
        var text = ""
        var round = 0
        while text.utf8.count < 4 * MarkdownPieces.targetSize {
            text += corpus + "\n\n[runde \(round)](https://example.org/runde/\(round))\n\n"
            round += 1
        }
        return text
    }()

    private func layout(_ markdown: String, width: Int, pieceSize: Int) -> (output: StyledLinesOutput, links: [String], headings: [MarkdownHeading]) {
        let engine = LayoutEngine(options: MarkdownLayoutOptions(width: width), output: StyledLinesOutput())
        engine.run(markdown, pieceSize: pieceSize)
        return engine.finish()
    }

    private func pieces(_ markdown: String, targetSize: Int = MarkdownPieces.targetSize) -> MarkdownPieces {
        var text = markdown
        return text.withUTF8 { MarkdownPieces($0, targetSize: targetSize) }
    }

    @Test("a large document laid out in pieces equals one parse", arguments: [37, 80])
    func sameAsOneParse(width: Int) {
        #expect(pieces(Self.largeDocument).pieces.count >= 4)
        let whole = layout(Self.largeDocument, width: width, pieceSize: Int.max / 4)
        let cut = layout(Self.largeDocument, width: width, pieceSize: MarkdownPieces.targetSize)
        #expect(cut.output.lines.count == whole.output.lines.count)
        #expect(cut.output.lines == whole.output.lines)
        #expect(cut.links == whole.links)
        #expect(cut.headings == whole.headings)
    }

    @Test("small pieces give the same layout too", arguments: [4096, 16384])
    func smallPieces(size: Int) {
        let text = String(Self.largeDocument.prefix(60_000))
        #expect(pieces(text, targetSize: size).pieces.count > 60_000 / (2 * size))
        let whole = layout(text, width: 60, pieceSize: Int.max / 4)
        let cut = layout(text, width: 60, pieceSize: size)
        #expect(cut.output.lines == whole.output.lines)
        #expect(cut.links == whole.links)
    }

    @Test("streaming in pieces equals rendering the laid-out document")
    func streaming() {
        let options = MarkdownLayoutOptions(width: 60)
        let document = MarkdownLayout.layout(Self.largeDocument, options: options)
        var bytes: [UInt8] = []
        AnsiRenderer.render(markdown: Self.largeDocument, options: options, color: true) { bytes += $0 }
        #expect(String(decoding: bytes, as: UTF8.self) == AnsiRenderer.render(document, color: true))
    }

    @Test("a reference link finds its definition in another piece")
    func referenceAcrossPieces() {
        let filler = String(repeating: "Tekst i et afsnit.\n\n", count: 200)
        let markdown = "Se [vejledningen][v].\n\n" + filler + "[v]: https://example.org/v\n"
        #expect(pieces(markdown, targetSize: 512).pieces.count > 4)
        let cut = layout(markdown, width: 80, pieceSize: 512)
        #expect(cut.links == ["https://example.org/v"])
        #expect(cut.output.lines.first?.plainText == "Se vejledningen[1].")
    }

    @Test("a label matches its definition as cmark-gfm matches labels: case and runs of space do not count")
    func referenceLabelsNormalized() {
        let filler = String(repeating: "Tekst i et afsnit.\n\n", count: 200)
        let markdown =
            "Se [Vejledningen  for\nSygeplejersker] og [den anden][Ældre Borgere].\n\n" + filler
            + "[vejledningen for sygeplejersker]: https://example.org/v\n[ældre   borgere]: https://example.org/a\n"
        let cut = layout(markdown, width: 80, pieceSize: 512)
        #expect(cut.links == ["https://example.org/v", "https://example.org/a"])
    }

    @Test("a piece is given only the definitions whose labels it names, not all of them")
    func onlyNeededDefinitions() {
        let definitions = (0..<300).map { "[d\($0)]: https://example.org/\($0)" }.joined(separator: "\n")
        let filler = String(repeating: "Tekst i et afsnit.\n\n", count: 200)
        let markdown = "Se [d7] og [d250][].\n\n" + filler + definitions + "\n"
        let found = pieces(markdown, targetSize: 512)
        #expect(found.pieces.count > 4)
        var source = markdown
        let text = source.withUTF8 { bytes in found.withText(of: 0, in: bytes) { String(decoding: $0, as: UTF8.self) } }
        #expect(text.contains("[d7]: https://example.org/7\n"))
        #expect(text.contains("[d250]: https://example.org/250\n"))
        #expect(!text.contains("[d8]:"))
        #expect(text.utf8.count < found.pieces[0].range.count + 200)
        let cut = layout(markdown, width: 80, pieceSize: 512)
        #expect(cut.links == ["https://example.org/7", "https://example.org/250"])
    }

    @Test(
        "no piece of dense hostile Markdown is much bigger than the target",
        arguments: [
            String(repeating: String(repeating: "- ", count: 1000) + "x\n\n", count: 200),
            String(repeating: String(repeating: "> ", count: 1000) + "x\n\n", count: 200),
            String(repeating: "- x\n", count: 100_000),
            String(repeating: "_a", count: 200_000),
            String(repeating: "*", count: 400_000),
        ])
    func bounded(markdown: String) {
        let found = pieces(markdown)
        #expect(found.pieces.count >= markdown.utf8.count / (2 * MarkdownPieces.targetSize))
        #expect(found.pieces.allSatisfy { $0.range.count <= 2 * MarkdownPieces.targetSize })
        #expect(found.pieces.map(\.range.count).reduce(0, +) == markdown.utf8.count)
    }

    @Test("a table of many cells is cut between rows and each piece repeats its header")
    func tableCut() {
        let columns = 40
        let header = "|" + (0..<columns).map { "k\($0)" }.joined(separator: "|") + "|\n"
        let delimiter = "|" + String(repeating: "-|", count: columns) + "\n"
        let markdown = header + delimiter + String(repeating: "|" + String(repeating: "x|", count: columns) + "\n", count: 1000)
        let found = pieces(markdown)
        // 42 cells counted a row (pipes + 1): a piece holds 389 rows.
        #expect(found.pieces.count == 3)
        #expect(found.pieces[0].tableHeader == nil)
        #expect(found.pieces[1].tableHeader == 0..<(header.utf8.count + delimiter.utf8.count - 1))
        // Laid out stacked (40 columns cannot fit 80): every row has its 40 "kN: x" lines.
        let lines = MarkdownLayout.layout(markdown, options: MarkdownLayoutOptions(width: 80)).lines
        #expect(lines.filter { $0.plainText == "k39: x" }.count == 1000)
    }

    @Test("the rows of a table past 65,536 cells are cut off without its header")
    func tableOverflow() {
        let markdown =
            "|" + String(repeating: "a|", count: 100) + "\n|" + String(repeating: "-|", count: 100) + "\n"
            + String(repeating: "x\n", count: 20_000)
        let found = pieces(markdown)
        // 102 cells a row counted (the pipes and one): row 642 is the first past 65,536
        // cells, on line 644; the pieces that repeat the header (160 rows each) hold
        // fewer rows than that.
        let repeated = found.pieces.filter { $0.tableHeader != nil }
        #expect(repeated.count == 4)
        #expect(repeated.map(\.range.count).reduce(0, +) / 2 < 642)
        #expect(found.pieces.last?.tableHeader == nil)
        #expect(found.tablesCutOff == [644])
    }

    @Test("a stacked table shows long header labels cut, once per value")
    func stackedLabels() {
        let label = String(repeating: "lang", count: 50)
        let markdown =
            "|" + String(repeating: label + "|", count: 30) + "\n|" + String(repeating: "-|", count: 30) + "\n"
            + String(repeating: "|" + String(repeating: "v|", count: 30) + "\n", count: 3)
        let lines = MarkdownLayout.layout(markdown, options: MarkdownLayoutOptions(width: 80)).lines
        // Three rows of 30 "label…: v" lines, two separators.
        #expect(lines.count == 3 * 30 + 2)
        #expect(lines.first?.plainText == String(label.prefix(39)) + "…: v")
    }
}
