import Foundation
import KursusMarkdown
import Testing

/// One golden case: `Golden/NAME[@WIDTH[-ascii]].md` laid out as plain text
/// must equal `Golden/NAME[@…].txt`. The width is 40 unless the name says.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let name: String
    let width: Int
    let symbols: SymbolSet

    var testDescription: String { name }

    init(name: String) {
        self.name = name
        var width = 40
        var symbols = SymbolSet.unicode
        if let at = name.firstIndex(of: "@") {
            let spec = name[name.index(after: at)...]
            let parts = spec.split(separator: "-")
            if let first = parts.first, let value = Int(first) { width = value }
            if parts.contains("ascii") { symbols = .ascii }
        }
        self.width = width
        self.symbols = symbols
    }

    static let directory: URL? = Bundle.module.url(forResource: "Golden", withExtension: nil)

    /// The cases, from the `.md` files in the bundled Golden folder.
    static let all: [GoldenCase] = {
        guard let directory,
            let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return files.filter { $0.hasSuffix(".md") }.sorted().map { GoldenCase(name: String($0.dropLast(3))) }
    }()

    /// Where `KURSUS_UPDATE_GOLDEN=1` writes expectations: the source tree.
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")
}

@Suite("Golden text")
struct GoldenTests {
    @Test("there are golden cases")
    func casesExist() {
        #expect(GoldenCase.all.count >= 17)
    }

    @Test("layout matches the golden text", arguments: GoldenCase.all)
    func golden(_ golden: GoldenCase) throws {
        let directory = try #require(GoldenCase.directory)
        let input = try String(contentsOf: directory.appendingPathComponent(golden.name + ".md"), encoding: .utf8)
        let document = MarkdownLayout.layout(
            input, options: MarkdownLayoutOptions(width: golden.width, symbols: golden.symbols, imageWord: "Billede"))
        let actual = AnsiRenderer.render(document, color: false)
        if ProcessInfo.processInfo.environment["KURSUS_UPDATE_GOLDEN"] == "1" {
            let target = GoldenCase.sourceDirectory.appendingPathComponent(golden.name + ".txt")
            try actual.write(to: target, atomically: true, encoding: .utf8)
            return
        }
        let expectedURL = directory.appendingPathComponent(golden.name + ".txt")
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "golden \(golden.name) differs; rerun with KURSUS_UPDATE_GOLDEN=1 and review the diff")
        for (index, line) in document.lines.enumerated() {
            #expect(line.width <= golden.width, "line \(index + 1) of \(golden.name) is \(line.width) wide")
        }
    }
}
