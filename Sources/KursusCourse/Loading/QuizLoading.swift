import Foundation

/// Reading a quiz or survey unit's file: Kursus's YAML quiz format, or a Moodle GIFT file
/// (by its `.gift` extension). Errors carry the file, line and column.
extension CoursePackage {
    public static let quizLimit = 16 << 20

    public func quiz(_ unit: CourseUnit) throws(CourseError) -> Quiz {
        if let quiz = quizzes[unit.id] { return quiz }
        guard let file = unit.file else {
            throw CourseError(unit.location, "unit '\(unit.id)' has no quiz file; add 'file:'")
        }
        let url: URL
        switch paths.resolve(file) {
        case .failure(let problem):
            throw CourseError(unit.location, "unit '\(unit.id)': file '\(file)': \(problem)")
        case .success(let (resolved, _)):
            url = resolved
        }
        return try Self.readQuiz(url, shownAs: shown(file))
    }

    /// Reads and parses a quiz file; warnings are dropped (validate shows them).
    public static func readQuiz(_ url: URL, shownAs path: String) throws(CourseError) -> Quiz {
        let result = parseQuiz(url, shownAs: path)
        guard let quiz = result.quiz, !result.diagnostics.hasErrors else {
            throw CourseError(result.diagnostics.hasErrors ? result.diagnostics : [.error(SourceLocation(file: path), "the quiz could not be read")])
        }
        return quiz
    }

    /// The quiz with every diagnostic, for `validate`.
    public static func parseQuiz(_ url: URL, shownAs path: String) -> (quiz: Quiz?, diagnostics: [Diagnostic]) {
        do {
            let text = try TextFileReader.read(url, shownAs: path, limit: quizLimit)
            if url.pathExtension.lowercased() == "gift" { return GiftParser.parse(text, file: path) }
            return QuizFile.parse(text, file: path)
        } catch {
            return (nil, error.diagnostics)
        }
    }
}
