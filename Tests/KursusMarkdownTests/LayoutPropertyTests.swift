import Foundation
import KursusMarkdown
import KursusText
import Testing

/// Properties every layout must have, over a corpus and many widths.
@Suite("Layout properties")
struct LayoutPropertyTests {
    /// The golden inputs plus hostile and awkward texts.
    static let corpus: [String] = {
        var texts: [String] = []
        if let directory = GoldenCase.directory,
            let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        {
            for file in files.sorted() where file.hasSuffix(".md") {
                if let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) {
                    texts.append(text)
                }
            }
        }
        texts += [
            "",
            "\n\n\n",
            "#",
            "-",
            "1.",
            "- [ ]",
            "> ",
            "```\n```",
            String(repeating: "a", count: 500),
            String(repeating: "日本", count: 100),
            String(repeating: "👨‍👩‍👧", count: 60),
            String(repeating: "> ", count: 30) + "dybt citat med tekst",
            (0..<25).map { String(repeating: "  ", count: $0) + "- niveau \($0)" }.joined(separator: "\n"),
            "| " + (0..<30).map { "kolonne\($0)" }.joined(separator: " | ") + " |\n|"
                + String(repeating: "---|", count: 30) + "\n| " + (0..<30).map { "værdi\($0)" }.joined(separator: " | ") + " |",
            "\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}\u{9B}31m\u{7F}\u{0}\u{202E}",
            "tab\tinde\ti\ttekst\n\n\tkode\tmed\ttab",
            "a\u{301}\u{301}\u{301} ​​​ \u{200D}\u{200D}",
            "[x](<\u{1B}[31m>) ![y](\u{07}.png) <\u{1B}>",
            "Term\n: definition\n\n[^1]: fodnote\n\nTekst[^1]",
        ]
        return texts
    }()

    static func check(_ document: MarkdownDocument, width: Int, source: Int) {
        for (index, line) in document.lines.enumerated() {
            let place = "text \(source), width \(width), line \(index + 1): \(line.plainText)"
            #expect(line.width <= width, "too wide: \(place)")
            #expect(DisplayWidth.of(line.plainText) == line.width, "width is wrong: \(place)")
            #expect(line.plainText == line.spans.map(\.text).joined(), "plain text differs from spans: \(place)")
            #expect(TerminalSafe.isSafe(line.plainText), "control character: \(place)")
            #expect(!line.plainText.hasSuffix(" "), "trailing space: \(place)")
            for span in line.spans {
                #expect(!span.text.isEmpty, "empty span: \(place)")
                #expect(TerminalSafe.isSafe(span.text), "control character in span: \(place)")
            }
        }
        for url in document.links {
            #expect(TerminalSafe.isSafe(url))
        }
        for heading in document.headings {
            #expect(TerminalSafe.isSafe(heading.text))
            #expect(heading.line < document.lines.count)
        }
    }

    @Test("no line is wider than the width, none holds a control character", arguments: Array(20...120))
    func widths(width: Int) {
        for (index, text) in Self.corpus.enumerated() {
            for symbols in [SymbolSet.unicode, .ascii] {
                let document = MarkdownLayout.layout(text, options: MarkdownLayoutOptions(width: width, symbols: symbols))
                Self.check(document, width: width, source: index)
            }
        }
    }

    @Test("narrow widths still fit", arguments: Array(1...19))
    func narrow(width: Int) {
        for (index, text) in Self.corpus.enumerated() {
            let document = MarkdownLayout.layout(text, options: MarkdownLayoutOptions(width: width))
            Self.check(document, width: width, source: index)
        }
    }

    /// Hostile nesting: each level used to copy the prefix of the one
    /// around it, so a 200 KB line of `> ` took minutes and gigabytes.
    @Test("deep nesting costs linear time", .timeLimit(.minutes(1)))
    func deepNesting() {
        let texts = [
            String(repeating: "> ", count: 100_000) + "x",
            String(repeating: "- ", count: 50_000) + "x",
            String(repeating: "1. ", count: 30_000) + "x",
            (0..<1_000).map { String(repeating: "  ", count: $0) + "- niveau" }.joined(separator: "\n"),
        ]
        for text in texts {
            for width in [20, 80, 1_000] {
                let document = MarkdownLayout.layout(text, options: MarkdownLayoutOptions(width: width))
                #expect(document.lines.allSatisfy { $0.width <= width })
                #expect(document.lines.contains { $0.plainText.hasSuffix("x") || $0.plainText.hasSuffix("niveau") })
            }
        }
    }

    @Test("a width below 1 is laid out as 1")
    func nonPositive() {
        let document = MarkdownLayout.layout("Hej *verden*", options: MarkdownLayoutOptions(width: -5))
        #expect(document.lines.allSatisfy { $0.width <= 1 })
    }

    @Test("streaming render equals rendering the laid-out document", arguments: [20, 33, 40, 80])
    func streaming(width: Int) {
        for text in Self.corpus {
            let options = MarkdownLayoutOptions(width: width)
            for color in [false, true] {
                var bytes: [UInt8] = []
                AnsiRenderer.render(markdown: text, options: options, color: color) { bytes += $0 }
                let whole = AnsiRenderer.render(MarkdownLayout.layout(text, options: options), color: color)
                #expect(String(decoding: bytes, as: UTF8.self) == whole)
            }
        }
    }
}
