import Foundation

/// Quiz and survey units' files: Kursus's YAML quiz format, or a Moodle GIFT file (by its
/// `.gift` extension). The package loader reads each once and keeps the quiz.
extension CoursePackage {
    public static let quizLimit = 16 << 20

    /// The unit's quiz as read when the package loaded.
    public func quiz(_ unit: CourseUnit) throws(CourseError) -> Quiz {
        guard let quiz = quizzes[unit.id] else {
            throw CourseError(unit.location, "unit '\(unit.id)': its quiz file could not be read; run 'kursus validate' for the reason")
        }
        return quiz
    }

    /// Reads and parses a quiz file (package-relative `file` in `storage`), with every diagnostic.
    public static func parseQuiz(_ file: String, in storage: any PackageStorage, shownAs path: String) -> (quiz: Quiz?, diagnostics: [Diagnostic]) {
        do {
            let text = try storage.readText(file, shownAs: path, limit: quizLimit)
            if file.lowercased().hasSuffix(".gift") { return GiftParser.parse(text, file: path) }
            return QuizFile.parse(text, file: path)
        } catch {
            return (nil, error.diagnostics)
        }
    }
}
