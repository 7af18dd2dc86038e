import Foundation
import KursusTerminalUI
import Testing

/// Compares a screen with a golden file in `Golden/`. With KURSUS_UPDATE_GOLDEN=1 the file
/// is written instead (review the diff before committing: goldens are the spec).
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// A grid's golden holds its text, as a person reads it, followed by its style map
    /// (`Grid.styleMap`), so a screen that loses its selection's reverse video, or shows a
    /// status in the wrong style, fails like one that shows the wrong text.
    static func check(_ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        check(contents(of: grid), named: name, sourceLocation: sourceLocation)
    }

    /// What a grid's golden file holds, without the final newline.
    static func contents(of grid: Grid) -> String {
        grid.text + "\n" + grid.styleMap
    }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KURSUS_UPDATE_GOLDEN"] == "1" {
            try? Data((actual + "\n").utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run with KURSUS_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        guard let difference = firstDifference(actual + "\n", expected) else { return }
        Issue.record(
            """
            screen differs from Golden/\(name) at line \(difference.line):
              golden: \(difference.expected ?? "(no line)")
              actual: \(difference.actual ?? "(no line)")
            full screen:
            \(actual)
            """,
            sourceLocation: sourceLocation
        )
    }

    /// The first line (1-based) where two texts differ, with that line of each; nil when equal.
    static func firstDifference(_ actual: String, _ expected: String) -> (line: Int, actual: String?, expected: String?)? {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let mine = index < actualLines.count ? String(actualLines[index]) : nil
            let golden = index < expectedLines.count ? String(expectedLines[index]) : nil
            if mine != golden { return (index + 1, mine, golden) }
        }
        return nil
    }
}

/// The repository's own Assets and bundled course, for tests.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let assets = root.appendingPathComponent("Assets")
}
