import Foundation
import KursusCourse
import KursusMarkdown

extension FuzzTargets {
    /// The widths a lesson is laid out at: a phone-narrow pane, the 60- and 80-column
    /// terminals of the ward workstations, and a wide screen.
    public static let lessonWidths = [20, 60, 80, 200]

    /// `course.yaml`: the bytes are the manifest of a package whose lessons all hold a
    /// small stub (`MemoryStorage`); the package is loaded and validated as
    /// `kursus validate` does. Accepted: the manifest itself has no error, apart from
    /// quiz, survey and scenario files that the package in memory does not hold.
    public static func manifest(_ data: Data) -> FuzzOutcome {
        let storage = MemoryStorage(manifest: data)
        let validator = PackageValidator(scanAssets: MarkdownScanner.imageReferences(in:))
        let report = validator.validate(storage: storage, shownAs: "fuzz")
        let own = report.diagnostics.filter { $0.location.file == "fuzz/" + CoursePackage.manifestName && !MemoryStorage.isAboutMissingFile($0) }
        return outcome(own, read: "\(report.summary.modules) modules")
    }

    /// A lesson file: front matter, then the body laid out at every width in
    /// `lessonWidths` (Unicode symbols) and at 60 columns in ASCII, as the player does.
    public static func lesson(_ data: Data) -> FuzzOutcome {
        let text: String
        do { text = try TextFileReader.decode(data, shownAs: "lesson.md") } catch { return .refused(error.description) }
        let lesson = LessonText(text, path: "lesson.md")
        var lines = 0
        for width in lessonWidths {
            lines += MarkdownLayout.layout(lesson.body, options: MarkdownLayoutOptions(width: width)).lines.count
        }
        lines += MarkdownLayout.layout(lesson.body, options: MarkdownLayoutOptions(width: 60, symbols: .ascii)).lines.count
        _ = MarkdownScanner.imageReferences(in: lesson.body)
        return outcome(lesson.diagnostics, read: "\(lines) lines")
    }

    /// A Moodle GIFT file, as a quiz unit or `kursus import-gift` reads it: parsed,
    /// checked, written as YAML and that YAML read back.
    public static func gift(_ data: Data) -> FuzzOutcome {
        let (quiz, diagnostics) = GiftParser.parse(data: data, file: "quiz.gift")
        guard let quiz else { return outcome(diagnostics + [.error(SourceLocation(file: "quiz.gift"), "no quiz")], read: "") }
        let checks = QuizChecks.diagnostics(for: quiz, isSurvey: false, surveyUnitIDs: [])
        let yaml = QuizYAMLWriter.yaml(for: quiz)
        _ = QuizFile.parse(yaml, file: "quiz.yaml")
        return outcome(diagnostics + checks, read: "\(quiz.questions.count) questions")
    }

    /// A YAML quiz or survey file: parsed and checked as `kursus validate` does (a quiz
    /// without a scored question is checked as a survey).
    public static func quiz(_ data: Data) -> FuzzOutcome {
        let text: String
        do { text = try TextFileReader.decode(data, shownAs: "quiz.yaml") } catch { return .refused(error.description) }
        let (quiz, diagnostics) = QuizFile.parse(text, file: "quiz.yaml")
        guard let quiz else { return outcome(diagnostics + [.error(SourceLocation(file: "quiz.yaml"), "no quiz")], read: "") }
        // Alone, a quiz file cannot know the course's surveys: the one it compares with is taken to be one.
        let checks = QuizChecks.diagnostics(for: quiz, isSurvey: !quiz.isScored, surveyUnitIDs: Set([quiz.compareWith].compactMap { $0 }))
        return outcome(diagnostics + checks, read: "\(quiz.questions.count) questions")
    }

    /// A scenario file: parsed, then, when it reads without errors (as the package loader
    /// and `scenario check` go on only then), validated, its score range found and its
    /// graph drawn in every format (`scenario graph`).
    public static func scenario(_ data: Data) -> FuzzOutcome {
        let text: String
        do { text = try TextFileReader.decode(data, shownAs: "scenario.yaml") } catch { return .refused(error.description) }
        let (scenario, diagnostics) = ScenarioFile.parse(text, file: "scenario.yaml")
        guard let scenario else { return outcome(diagnostics + [.error(SourceLocation(file: "scenario.yaml"), "no scenario")], read: "") }
        guard !diagnostics.hasErrors else { return outcome(diagnostics, read: "") }
        let checks = ScenarioValidator.check(scenario)
        _ = ScenarioValidator.scoreRange(scenario)
        var drawn = 0
        for format in ScenarioGraphDrawing.Format.allCases { drawn += ScenarioGraphDrawing.draw(scenario, format: format).utf8.count }
        return outcome(diagnostics + checks, read: "graph of \(drawn) bytes")
    }

    /// The outcome of diagnostics: accepted when none is an error. Every message is
    /// made terminal-safe as it would be printed.
    static func outcome(_ diagnostics: [Diagnostic], read: String) -> FuzzOutcome {
        let errors = diagnostics.errors
        let printed = diagnostics.map(\.description)
        return FuzzOutcome(accepted: errors.isEmpty, errors: errors.count, detail: errors.first?.description ?? printed.first ?? read)
    }
}
