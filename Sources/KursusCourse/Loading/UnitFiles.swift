import Foundation

/// One unit's file in one language, read once while the package loads: a lesson for its
/// front matter, a quiz or scenario parsed (and kept, so nothing reads it again).
struct UnitFiles: Sendable {
    var content: LanguageContent

    init(language: String) {
        content = LanguageContent(language: language)
    }

    /// How many bytes a unit file of this kind may have.
    static func limit(_ kind: UnitKind) -> Int {
        switch kind {
        case .lesson: return CoursePackage.lessonLimit
        case .quiz, .survey: return CoursePackage.quizLimit
        case .scenario: return ScenarioFile.maximumBytes
        }
    }

    /// The unit with what its file's `text` adds (title, minutes, objectives, question
    /// count), or nil when the file does not parse at all; problems go into `diagnostics`.
    /// A lesson that looks like a scenario or quiz file is reported into `mismatch`.
    /// `complete` false: `text` is a lesson's front matter only (its words are not counted).
    mutating func read(
        _ unit: CourseUnit, _ file: String, text: String, complete: Bool = true, shownAs path: String, into diagnostics: inout [Diagnostic],
        mismatch: inout Diagnostic?
    ) -> CourseUnit? {
        var filled = unit
        switch unit.kind {
        case .lesson:
            let lesson = LessonText(text, path: path)
            diagnostics += lesson.diagnostics
            if filled.title.isEmpty { filled.title = lesson.frontMatter.title ?? "" }
            filled.estimatedMinutes = lesson.frontMatter.minutes
            filled.objectives = lesson.frontMatter.objectives
            content.lessonFiles[unit.id] = file
            content.lessons[unit.id] = LessonShape(
                keys: lesson.frontMatterKeys, minutes: lesson.frontMatter.minutes, words: complete ? LessonShape.wordCount(lesson.body) : nil,
                location: SourceLocation(file: path, line: 1, column: 1))
            content.lessons[unit.id]?.objectives = lesson.frontMatter.objectives
            mismatch = UnitKindDetection.mismatch(unit, text: text)
        case .quiz, .survey:
            var parsed = file.lowercased().hasSuffix(".gift") ? GiftParser.parse(text, file: path) : QuizFile.parse(text, file: path)
            parsed.quiz?.version = QuizVersion.of(text)
            diagnostics += parsed.diagnostics
            guard let quiz = parsed.quiz else { return nil }
            if filled.title.trimmingCharacters(in: .whitespaces).isEmpty { filled.title = quiz.title }
            let answerable = quiz.questions.filter { $0.kind.takesAnswer }.count
            filled.questionCount = quiz.pool.map { min($0.draw, answerable) } ?? answerable
            content.quizFiles[unit.id] = file
            if !parsed.diagnostics.hasErrors { content.quizzes[unit.id] = quiz }
        case .scenario:
            var parsed = ScenarioFile.parse(text, file: path)
            if let scenario = parsed.scenario, !parsed.diagnostics.hasErrors { parsed.diagnostics += ScenarioValidator.check(scenario) }
            diagnostics += parsed.diagnostics
            guard let scenario = parsed.scenario else { return nil }
            if filled.title.trimmingCharacters(in: .whitespaces).isEmpty { filled.title = scenario.title }
            content.scenarioFiles[unit.id] = file
            if !parsed.diagnostics.hasErrors { content.scenarios[unit.id] = scenario }
        }
        return filled
    }
}

extension UnitKind {
    /// How messages name the unit's file ("quiz file 'x' not found").
    var fileWord: String {
        switch self {
        case .lesson: return "lesson"
        case .quiz, .survey: return "quiz"
        case .scenario: return "scenario"
        }
    }

    /// Where else a unit's title can come from.
    var titleSource: String {
        switch self {
        case .lesson: return "lesson's front matter"
        case .quiz, .survey: return "quiz file"
        case .scenario: return "scenario file"
        }
    }
}
