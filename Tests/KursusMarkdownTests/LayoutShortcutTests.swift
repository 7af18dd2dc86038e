import Testing

@testable import KursusMarkdown

/// A list item of one short line of plain text is laid out the short way
/// (`LayoutEngine.emitLineItem`, `ContainerStack.lineItem`): these tests hold it to
/// the lines the general way gives, on lists of every shape and at many widths.
@Suite("One-line list items: the short way gives the general way's lines")
struct LineItemTests {
    /// `markdown` laid out with or without the short way, and how many items took it.
    static func layout(_ markdown: String, width: Int, symbols: SymbolSet = .unicode, lineItems: Bool) -> (
        lines: [StyledLine], shortItems: Int
    ) {
        let options = MarkdownLayoutOptions(width: width, symbols: symbols)
        let engine = LayoutEngine(options: options, output: StyledLinesOutput(), lineItems: lineItems)
        engine.run(markdown)
        return (engine.finish().output.lines, engine.lineItemCount)
    }

    /// Lists of every kind the short way must get right or leave alone.
    static let documents: [String] = [
        "- a\n- b\n- c\n",
        "1. one\n2. two\n3. three\n",
        "7) a\n8) b\n",
        (1...120).map { "\($0). item \($0)" }.joined(separator: "\n"),
        "98. a\n99. b\n100. c\n",
        "- a\n\n- b\n\n- c\n",
        "- a\n  - b\n    - c\n  - d\n- e\n",
        "1. a\n   - b\n   - c\n2. d\n",
        "> - a\n> - b\n>\n> text\n",
        "> > - a\n> > - b\n",
        "- - a\n- b\n",
        "1. - a\n   - b\n",
        "- a\n-\n- c\n",
        "- [ ] task\n- [x] done\n- plain\n",
        "- a  b\n- \tc\n- d *e*\n- f\\\n  g\n- h\n  i\n- j\n",
        "- " + String(repeating: "word ", count: 40) + "\n- short\n",
        "- " + String(repeating: "x", count: 200) + "\n- y\n",
        "- æøå\n- 漢字漢字\n- a\n",
        "- `code`\n- [link](http://example.org)\n- <b>html</b>\n- a\n",
        (0..<20).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(separator: "\n"),
        (0..<20).map { String(repeating: "> ", count: $0) + "- q\($0)" }.joined(separator: "\n"),
        "- a\n\n  second paragraph\n- b\n",
        "Text before\n- a\n- b\n\nAfter\n",
        "1. a\n1. b\n1. c\n",
        "- # heading\n- a\n- ---\n",
        "* a\n+ b\n- c\n",
        "- a\n\n\n- b\n",
        "- ~~gone~~\n- a\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n- after table\n- b\n",
        "- a\n    code after item?\n- b\n",
        "- ```\n  code\n  ```\n- a\n",
        "0. zero\n1. one\n",
        "123456789. big\n123456790. bigger\n",
        "- a\n- b\n[ref]: http://example.org\n- c\n",
    ]

    @Test("equal lines at widths from 1 to 120, in both symbol sets", arguments: documents.indices)
    func equalLines(index: Int) {
        let markdown = Self.documents[index]
        for symbols in [SymbolSet.unicode, .ascii] {
            for width in [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 30, 40, 60, 80, 120] {
                let short = Self.layout(markdown, width: width, symbols: symbols, lineItems: true)
                let general = Self.layout(markdown, width: width, symbols: symbols, lineItems: false)
                #expect(short.lines == general.lines, "document \(index) at width \(width), \(symbols)")
                #expect(general.shortItems == 0)
            }
        }
    }

    @Test("equal lines on 300 lists made at random (seeded)")
    func randomLists() {
        var random = SeededRandom(seed: 0x5EED)
        let contents = ["x", "a b", "a  b", "*em*", "[ ] t", "long " + String(repeating: "words ", count: 20), "ø", ""]
        let markers = ["-", "*", "+", "1.", "2)", "10."]
        for round in 0..<300 {
            var lines: [String] = []
            for _ in 0..<random.next(upTo: 12) + 1 {
                let depth = random.next(upTo: 4)
                let indent = String(repeating: "   ", count: depth)
                let quote = random.next(upTo: 6) == 0 ? "> " : ""
                let marker = markers[random.next(upTo: markers.count)]
                lines.append(quote + indent + marker + " " + contents[random.next(upTo: contents.count)])
                if random.next(upTo: 5) == 0 { lines.append("") }
            }
            let markdown = lines.joined(separator: "\n")
            let width = [3, 9, 20, 80][random.next(upTo: 4)]
            let short = Self.layout(markdown, width: width, lineItems: true)
            let general = Self.layout(markdown, width: width, lineItems: false)
            #expect(short.lines == general.lines, "round \(round) at width \(width):\n\(markdown)")
        }
    }

    @Test("a long list of short items takes the short way for every item, others only where they fit it")
    func taken() {
        let long = String(repeating: "- x\n", count: 1000)
        #expect(Self.layout(long, width: 80, lineItems: true).shortItems == 1000)
        // Emphasis, a task, doubled spaces, text too wide for 10 columns, a nested list:
        // only "a", "f" and the inner "g" go the short way.
        let mixed = "- a\n- *b*\n- [ ] c\n- d  e\n- " + String(repeating: "w", count: 30) + "\n- f\n- outer\n  - g\n"
        let short = Self.layout(mixed, width: 10, lineItems: true)
        #expect(short.shortItems == 3)
        #expect(short.lines == Self.layout(mixed, width: 10, lineItems: false).lines)
    }

    @Test("an ordered list numbers on through items of both ways")
    func numbering() {
        let markdown = "8. a\n9. *b*\n10. c\n"
        let lines = Self.layout(markdown, width: 40, lineItems: true).lines.map(\.plainText)
        #expect(lines == [" 8. a", " 9. b", "10. c"])
    }
}

/// A small deterministic generator (SplitMix64), so a failing round can be replayed.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(upTo bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(bound, 1)))
    }
}

/// Text that is one plain line and fits is put on its line directly
/// (`LineWrapper.wrap`); these tests hold that to the general wrapping.
@Suite("One-line text: the wrapper's shortcut gives the general way's lines")
struct PlainLineShortcutTests {
    static let texts: [String] = [
        "x", "a b", "a  b", " a", "a ", "", " ", "æ", "a\tb", "a\u{1B}b", "a\u{7F}b", "~!@#$%^&*()_+{}|:<>?",
        String(repeating: "y", count: 79), String(repeating: "y", count: 80), String(repeating: "y", count: 81),
        String(repeating: "ab ", count: 30), "tab\t", "ø ø",
    ]

    static func lines(_ text: String, style: SpanStyle, width: Int, general: Bool) -> [StyledLine] {
        var inline = InlineText()
        var source = text
        source.withUTF8 { inline.appendFlowing($0, style: style) }
        var sink = CollectingSink()
        var scratch = LineBuilder()
        if general {
            LineWrapper.wrapInGeneral(inline, width: width, into: &sink, scratch: &scratch)
        } else {
            LineWrapper.wrap(inline, width: width, into: &sink, scratch: &scratch)
        }
        return sink.lines.map { $0.finish() }
    }

    @Test("equal lines for plain, spaced, control and non-ASCII text at widths 0 to 100")
    func equal() {
        for text in Self.texts {
            for style in [SpanStyle.body, SpanStyle(role: .tableHeader, attributes: .bold)] {
                for width in 0...100 {
                    #expect(
                        Self.lines(text, style: style, width: width, general: false)
                            == Self.lines(text, style: style, width: width, general: true), "\(text.debugDescription) at \(width)")
                }
            }
        }
    }

    @Test("text with two styles or a hard break takes the general way")
    func twoStyles() {
        var inline = InlineText()
        var bold = "b"
        bold.withUTF8 { inline.appendFlowing($0, style: SpanStyle(role: .body, attributes: .bold)) }
        var plain = " c"
        plain.withUTF8 { inline.appendFlowing($0, style: .body) }
        var sink = CollectingSink()
        LineWrapper.wrap(inline, width: 80, into: &sink)
        #expect(sink.lines.map { $0.finish().spans.count } == [2])
    }
}

/// The lesson reader keeps its lines compactly (`StyledLines`); reading them back gives
/// the lines the layout made.
@Suite("Compact lines: the same lines as the laid-out document")
struct StyledLinesTests {
    @Test("every golden and awkward document, at several widths, reads back line for line")
    func sameLines() {
        var documents = LayoutPropertyTests.corpus
        documents += [String(repeating: "- x\n", count: 300), "> - a\n>\n> b\n", "# H\n\n| a | b |\n|---|:-:|\n| `c` | **d** |\n"]
        for markdown in documents {
            for width in [1, 7, 40, 96] {
                let options = MarkdownLayoutOptions(width: width)
                let document = MarkdownLayout.layout(markdown, options: options).lines
                let compact = MarkdownLayout.lines(markdown, options: options)
                #expect(Array(compact) == document, "width \(width): \(markdown.prefix(60).debugDescription)")
                #expect(compact.indices.map { compact.plainText(at: $0) } == document.map(\.plainText))
                #expect(StyledLines(document) == compact)
            }
        }
    }

    @Test("empty lines, lines of one span and of many keep their spans, widths and text")
    func shapes() {
        let lines = [
            StyledLine.empty, StyledLine(spans: [StyledSpan(text: "æøå", style: .body)]),
            StyledLine(spans: [
                StyledSpan(text: "• ", style: SpanStyle(role: .listMarker)), StyledSpan(text: "漢字", style: SpanStyle(role: .body, attributes: .bold)),
                StyledSpan(text: " x", style: .body),
            ]),
            StyledLine(spans: []),
        ]
        let compact = StyledLines(lines)
        #expect(compact.count == 4)
        #expect(Array(compact) == lines)
        #expect(compact[2].width == 8)
        #expect(compact.plainText(at: 2) == "• 漢字 x")
        #expect(compact.plainText(at: 0) == "")
        #expect(StyledLines().isEmpty)
    }
}
