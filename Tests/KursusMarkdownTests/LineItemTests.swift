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
