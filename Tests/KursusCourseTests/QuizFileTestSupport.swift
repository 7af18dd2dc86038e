import Testing
@testable import KursusCourse

/// Helpers for the quiz file tests: parse a text as `q.yaml`, and find where a piece of
/// text sits in it (1-based line and column), so expected places come from the text itself.
enum QuizFileTest {
    static let file = "q.yaml"

    static func parse(_ text: String) -> (quiz: Quiz?, diagnostics: [Diagnostic]) {
        QuizFile.parse(text, file: file)
    }

    /// The `occurrence`-th (1-based) place of `needle` in `text`, moved `skip` characters right.
    static func place(of needle: String, in text: String, occurrence: Int = 1, skip: Int = 0) -> KursusCourse.SourceLocation {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            var column = 1
            while let range = rest.range(of: needle) {
                column += rest.distance(from: rest.startIndex, to: range.lowerBound)
                seen += 1
                if seen == occurrence { return KursusCourse.SourceLocation(file: file, line: index + 1, column: column + skip) }
                column += needle.count
                rest = rest[range.upperBound...]
            }
        }
        Issue.record("'\(needle)' not found \(occurrence) times in the test text")
        return KursusCourse.SourceLocation(file: file, line: 0, column: 0)
    }

    /// `q.yaml:L:C: error: message`, with the place of `needle` in `text`.
    static func error(_ message: String, at needle: String, in text: String, occurrence: Int = 1, skip: Int = 0) -> String {
        Diagnostic.error(place(of: needle, in: text, occurrence: occurrence, skip: skip), message).description
    }

    /// A quiz file with the given question lines (already indented under `questions:`).
    static func quiz(_ questionLines: String, settings: String = "") -> String {
        "format: kursus-quiz/1\n\(settings)questions:\n\(questionLines)"
    }
}
