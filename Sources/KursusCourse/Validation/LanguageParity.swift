/// `kursus validate`'s language parity check: every translation of every unit has the
/// structure of the main file (docs/course-format.md, "Languages"). A missing translation
/// file is reported by the loader; this compares the files that were read.
enum LanguageParity {
    /// Every difference between the main language's units and each other language's, at
    /// the translation's place, naming the main file's.
    static func diagnostics(in package: CoursePackage) -> [Diagnostic] {
        let course = package.course
        guard course.isMultilingual, let main = package.contents[course.language] else { return [] }
        var found: [Diagnostic] = []
        for language in course.languages.dropFirst() {
            guard let translation = package.contents[language] else { continue }
            for unit in course.allUnits {
                found += differences(unit, main: main, translation: translation, language: language)
            }
        }
        return found
    }

    static func differences(_ unit: CourseUnit, main: LanguageContent, translation: LanguageContent, language: String) -> [Diagnostic] {
        if let ours = main.lessons[unit.id], let theirs = translation.lessons[unit.id], Set(ours.keys) != Set(theirs.keys) {
            let missing = ours.keys.filter { !theirs.keys.contains($0) }
            let extra = theirs.keys.filter { !ours.keys.contains($0) }
            let parts = [
                missing.isEmpty ? nil : "lacks \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                extra.isEmpty ? nil : "adds \(extra.map { "'\($0)'" }.joined(separator: ", "))",
            ].compactMap { $0 }
            return [
                .error(
                    theirs.location,
                    "the '\(language)' translation's front matter \(parts.joined(separator: " and ")); it must have the keys of the main file \(ours.location.file) (\(ours.keys.joined(separator: ", ")))"
                )
            ]
        }
        if let ours = main.quizzes[unit.id], let theirs = translation.quizzes[unit.id] {
            return ContentShape.differences(
                main: ContentShape(quiz: ours), translation: ContentShape(quiz: theirs), language: language, fallback: theirs.location,
                mainFallback: ours.location)
        }
        if let ours = main.scenarios[unit.id], let theirs = translation.scenarios[unit.id] {
            return ContentShape.differences(
                main: ContentShape(scenario: ours), translation: ContentShape(scenario: theirs), language: language, fallback: theirs.location,
                mainFallback: ours.location)
        }
        return []
    }
}
