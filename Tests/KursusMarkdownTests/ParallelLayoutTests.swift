import Foundation
import Testing

@testable import KursusMarkdown

/// Large documents are laid out on two threads; the result must be the one
/// a single pass gives.
@Suite("Parallel layout")
struct ParallelLayoutTests {
    /// The golden inputs repeated past the size where layout goes parallel.
    static let largeDocument: String = {
        let corpus = LayoutPropertyTests.corpus.joined(separator: "\n\n")
        var text = ""
        var round = 0
        while text.utf8.count < ParallelLayout.minimumSize + 10_000 {
            text += corpus + "\n\n[runde \(round)](https://example.org/runde/\(round))\n\n"
            round += 1
        }
        return text
    }()

    private func sequential(_ options: MarkdownLayoutOptions) -> (lines: [StyledLine], links: [String], headings: [MarkdownHeading]) {
        let engine = LayoutEngine(options: options, output: StyledLinesOutput())
        engine.run(Self.largeDocument, parallel: false)
        let result = engine.finish()
        return (result.output.lines, result.links, result.headings)
    }

    @Test("a large document laid out in parallel equals one pass", arguments: [37, 80])
    func document(width: Int) {
        let options = MarkdownLayoutOptions(width: width)
        let expected = sequential(options)
        let document = MarkdownLayout.layout(Self.largeDocument, options: options)
        #expect(document.lines.count == expected.lines.count)
        #expect(document.lines == expected.lines)
        #expect(document.links == expected.links)
        #expect(document.headings == expected.headings)
    }

    @Test("streaming a large document equals rendering one pass")
    func streaming() {
        let options = MarkdownLayoutOptions(width: 60)
        let expected = AnsiRenderer.render(
            MarkdownDocument(lines: sequential(options).lines, links: [], headings: []), color: true)
        var bytes: [UInt8] = []
        AnsiRenderer.render(markdown: Self.largeDocument, options: options, color: true) { bytes += $0 }
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }
}
