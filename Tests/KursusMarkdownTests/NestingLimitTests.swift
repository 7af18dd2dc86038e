import KursusText
import Testing

@testable import KursusMarkdown

/// Nesting deeper than `NestingLimit.maximumDepth` is shown flat: markers beyond the
/// limit on one line become text, and containers nested deeper across lines add no
/// indentation. (Before the limit, a line of 1,000 `- ` markers made 2,000 cmark nodes
/// and a 4 MiB lesson of them took a gigabyte.)
@Suite("Nesting limit")
struct NestingLimitTests {
    private func layout(_ markdown: String, width: Int = 200) -> [StyledLine] {
        MarkdownLayout.layout(markdown, options: MarkdownLayoutOptions(width: width)).lines
    }

    @Test("markers beyond 16 on one line are shown as text after 16 levels of bullets")
    func markersOnOneLine() {
        let lines = layout(String(repeating: "- ", count: 40) + "x")
        #expect(lines.count == 1)
        let bullets = (0..<16).map { ["•", "◦", "▪"][$0 % 3] + " " }.joined()
        #expect(lines.first?.plainText == bullets + String(repeating: "- ", count: 24) + "x")
        #expect(lines.first?.width == 32 + 49)
    }

    @Test("block quote markers beyond 16 are text, behind 16 bars")
    func quotesOnOneLine() {
        let lines = layout(String(repeating: "> ", count: 30) + "x")
        #expect(lines.count == 1)
        #expect(lines.first?.plainText == String(repeating: "│ ", count: 16) + String(repeating: "> ", count: 14) + "x")
    }

    @Test("ordered markers beyond 16 are text too")
    func orderedOnOneLine() {
        let lines = layout(String(repeating: "1. - ", count: 10) + "x", width: 300)
        #expect(lines.count == 1)
        #expect(lines.first?.plainText.hasSuffix("1. - 1. - x") == true)
    }

    @Test("a line that is a thematic break inside a list is left alone")
    func thematicBreak() {
        var line = "- - - - - - - - - - - - - - - - - - - - - -"
        #expect(line.withUTF8 { MarkdownPieces($0).flattened }.isEmpty)
    }

    @Test("lists nested deeper than 16 across lines keep the indentation of level 16, without markers")
    func nestedAcrossLines() {
        let markdown = (0..<30).map { String(repeating: " ", count: 2 * $0) + "- item\($0)" }.joined(separator: "\n")
        let lines = layout(markdown)
        #expect(lines.count == 30)
        #expect(lines[15].plainText == String(repeating: " ", count: 30) + "• item15")
        for level in 16..<30 {
            #expect(lines[level].plainText == String(repeating: " ", count: 32) + "item\(level)")
        }
        #expect(lines.map { $0.width }.max() == 32 + 6)
    }

    @Test("the nested-list lesson is reported line by line, with the column of the 17th marker")
    func reported() {
        let markdown = String(repeating: String(repeating: "- ", count: 1000) + "x\n\n", count: 50)
        let findings = MarkdownScanner.findings(in: markdown)
        #expect(findings.deepNesting.count == 50)
        #expect(findings.deepNesting.first == MarkdownFindings.Place(line: 1, column: 33))
        #expect(findings.deepNesting.last == MarkdownFindings.Place(line: 99, column: 33))
        #expect(findings.nestingLimit == 16)
    }

    @Test("an image after the markers beyond the limit keeps its column")
    func imageColumn() {
        let markdown = "Intro\n\n" + String(repeating: "> ", count: 17) + "![alt](b.png)\n"
        let findings = MarkdownScanner.findings(in: markdown)
        #expect(findings.images == [AssetReference(path: "b.png", line: 3, column: 35)])
        #expect(findings.deepNesting == [MarkdownFindings.Place(line: 3, column: 33)])
    }

    @Test("the nested-list lesson lays out in bounded lines: one level-16 prefix, the markers as text")
    func nestedLessonLayout() {
        let markdown = String(repeating: String(repeating: "- ", count: 1000) + "x\n\n", count: 20)
        let lines = layout(markdown, width: 80)
        // Each paragraph: 1,969 characters of "- - … x" wrapped beside a 32-column prefix
        // (48 columns left, 24 words a line: 985 words make 42 lines), and a blank line
        // between items.
        #expect(lines.count == 20 * 42 + 19)
        #expect(lines.allSatisfy { $0.width <= 80 })
    }
}
