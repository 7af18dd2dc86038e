import Foundation
import Testing

@testable import KursusMarkdown

/// Trees parsed in `CmarkArena` must give exactly what trees parsed with the system
/// allocator give; a second tree while one is alive, or one on another thread, uses the
/// system allocator instead of sharing the arena.
@Suite("cmark-gfm arena")
struct CmarkArenaTests {
    /// The layout corpus, the large document in pieces, and texts whose string buffers
    /// grow a lot while parsing (a long code block, a long paragraph, a wide table).
    static let texts: [String] =
        LayoutPropertyTests.corpus + [
            MarkdownPiecesTests.largeDocument,
            "```\n" + String(repeating: "let x = [1, 2, 3] // kode æøå 日本\n", count: 3000) + "```\n",
            String(repeating: "Et *langt* afsnit med `kode` og [et link](https://example.org) og æøå. ", count: 2000),
            "| a | b |\n|---|---|\n" + String(repeating: "| celle | 日本語 |\n", count: 2000),
        ]

    private static func rendered(_ text: String, width: Int) -> String {
        var bytes: [UInt8] = []
        AnsiRenderer.render(markdown: text, options: MarkdownLayoutOptions(width: width), color: true) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `body` run while the arena is taken, so every tree inside uses the system allocator.
    private static func withoutArena<T>(_ body: () -> T) -> T {
        var source = "# held"
        return source.withUTF8 { held in
            CmarkArena.withTree(held) { tree in
                #expect(tree != nil)
                return body()
            }
        }
    }

    @Test("layout in the arena equals layout with the system allocator", arguments: [1, 20, 80])
    func sameAsSystemAllocator(width: Int) {
        for (index, text) in Self.texts.enumerated() {
            let arena = Self.rendered(text, width: width)
            let system = Self.withoutArena { Self.rendered(text, width: width) }
            #expect(arena == system, "text \(index) at width \(width)")
            // The arena is reused: a second time gives the same again.
            #expect(Self.rendered(text, width: width) == arena, "text \(index) again")
        }
    }

    @Test("the image scan in the arena equals the scan with the system allocator")
    func scanSameAsSystemAllocator() {
        let text =
            String(repeating: "![a](billeder/a.png) tekst ![b](https://x.org/b.png)\n\n", count: 3000) + "![c](c%20d.png)\n"
        let arena = MarkdownScanner.imageReferences(in: text)
        let system = Self.withoutArena { MarkdownScanner.imageReferences(in: text) }
        #expect(arena.count == 3001)
        #expect(arena == system)
    }

    @Test("layouts on four threads at once all equal the layout on one")
    func concurrent() async {
        let text = MarkdownPiecesTests.largeDocument
        let expected = Self.rendered(text, width: 60)
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<4 { group.addTask { Self.rendered(text, width: 60) } }
            var all: [String] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0 == expected })
    }
}
