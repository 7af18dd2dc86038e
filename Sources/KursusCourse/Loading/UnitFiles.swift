import Foundation

/// One unit's file in one language, read once while the package loads: a lesson for its
/// front matter, a quiz or scenario parsed (and kept, so nothing reads it again).
struct UnitFiles: Sendable {
    var content: LanguageContent
    /// The last lesson read, when its front matter had no problem: what the fingerprint
    /// cache keeps of it (`CourseFingerprintCache.Head`).
    var lastHead: CourseFingerprintCache.Head?

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
    /// `checked`: the fingerprint cache vouches for the file (its stamp is the one recorded
    /// when the whole course last loaded without errors), so a scenario's run checks
    /// (`ScenarioValidator.check`, a search over its run states) are not made again: they
    /// depend on the file alone, and found no error then. Only `play` passes a cache, and
    /// it shows no warnings; `validate` always checks.
    mutating func read(
        _ unit: CourseUnit, _ file: String, text: String, complete: Bool = true, checked: Bool = false, shownAs path: String,
        into diagnostics: inout [Diagnostic],
        mismatch: inout Diagnostic?
    ) -> CourseUnit? {
        var filled = unit
        switch unit.kind {
        case .lesson:
            let lesson = LessonText(text, path: path)
            diagnostics += lesson.diagnostics
            mismatch = UnitKindDetection.mismatch(unit, text: text)
            let head = CourseFingerprintCache.Head(frontMatter: lesson.frontMatter, keys: lesson.frontMatterKeys)
            lastHead = lesson.diagnostics.isEmpty && mismatch == nil ? head : nil
            filled = self.lesson(unit, file, head: head, shownAs: path)
            if complete { content.lessons[unit.id]?.words = LessonShape.wordCount(lesson.body) }
        case .quiz, .survey:
            var parsed = file.lowercased().hasSuffix(".gift") ? GiftParser.parse(text, file: path) : QuizFile.parse(text, file: path)
            parsed.quiz?.version = QuizVersion.of(text)
            diagnostics += parsed.diagnostics
            guard let quiz = parsed.quiz else { return nil }
            if filled.title.isBlankLine { filled.title = quiz.title }
            let answerable = quiz.questions.filter { $0.kind.takesAnswer }.count
            filled.questionCount = quiz.pool.map { min($0.draw, answerable) } ?? answerable
            content.quizFiles[unit.id] = file
            if !parsed.diagnostics.hasErrors { content.quizzes[unit.id] = quiz }
        case .scenario:
            var parsed = ScenarioFile.parse(text, file: path)
            if let scenario = parsed.scenario, !parsed.diagnostics.hasErrors, !checked {
                parsed.diagnostics += ScenarioValidator.check(scenario)
            }
            diagnostics += parsed.diagnostics
            guard let scenario = parsed.scenario else { return nil }
            if filled.title.isBlankLine { filled.title = scenario.title }
            content.scenarioFiles[unit.id] = file
            if !parsed.diagnostics.hasErrors { content.scenarios[unit.id] = scenario }
        }
        return filled
    }
}

extension UnitFiles {
    /// A lesson from its front matter (read now, or kept by the fingerprint cache): the
    /// unit's title (when course.yaml gives none), minutes and objectives, and its shape
    /// without a word count.
    mutating func lesson(_ unit: CourseUnit, _ file: String, head: CourseFingerprintCache.Head, shownAs path: String) -> CourseUnit {
        var filled = unit
        if filled.title.isEmpty { filled.title = head.frontMatter.title ?? "" }
        filled.estimatedMinutes = head.frontMatter.minutes
        filled.objectives = head.frontMatter.objectives
        content.lessonFiles[unit.id] = file
        content.lessons[unit.id] = LessonShape(
            keys: head.keys, minutes: head.frontMatter.minutes, words: nil, location: SourceLocation(file: path, line: 1, column: 1))
        content.lessons[unit.id]?.objectives = head.frontMatter.objectives
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
