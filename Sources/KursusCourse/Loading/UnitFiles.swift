import Foundation

/// Every unit's file, read once while the package loads: lessons for their front matter,
/// quizzes and scenarios parsed (and kept, so nothing reads them again).
struct UnitFiles: Sendable {
    var lessons: [String: String] = [:]
    var quizzes: [String: String] = [:]
    var scenarios: [String: String] = [:]
    var parsedQuizzes: [String: Quiz] = [:]
    var parsedScenarios: [String: Scenario] = [:]

    /// Takes in what another reader found (another unit's file, read on another thread).
    mutating func add(_ other: UnitFiles) {
        lessons.merge(other.lessons) { $1 }
        quizzes.merge(other.quizzes) { $1 }
        scenarios.merge(other.scenarios) { $1 }
        parsedQuizzes.merge(other.parsedQuizzes) { $1 }
        parsedScenarios.merge(other.parsedScenarios) { $1 }
    }

    /// The unit with what its file adds (title, minutes, objectives, question count), or
    /// nil when the file cannot be read at all; problems go into `diagnostics`.
    mutating func read(
        _ unit: CourseUnit, _ file: String, in storage: any PackageStorage, shownAs path: String, into diagnostics: inout [Diagnostic]
    ) -> CourseUnit? {
        var filled = unit
        switch unit.kind {
        case .lesson:
            do {
                let lesson = LessonText(try storage.readText(file, shownAs: path, limit: CoursePackage.lessonLimit), path: path)
                diagnostics += lesson.diagnostics
                if filled.title.isEmpty { filled.title = lesson.frontMatter.title ?? "" }
                filled.estimatedMinutes = lesson.frontMatter.minutes
                filled.objectives = lesson.frontMatter.objectives
                lessons[unit.id] = file
            } catch {
                diagnostics += error.diagnostics.map { diagnostic in
                    var d = diagnostic
                    d.message = "lesson of unit '\(unit.id)' \(d.message)"
                    return d
                }
                return nil
            }
        case .quiz, .survey:
            let parsed = CoursePackage.parseQuiz(file, in: storage, shownAs: path)
            diagnostics += parsed.diagnostics
            guard let quiz = parsed.quiz else { return nil }
            if filled.title.trimmingCharacters(in: .whitespaces).isEmpty { filled.title = quiz.title }
            let answerable = quiz.questions.filter { $0.kind.takesAnswer }.count
            filled.questionCount = quiz.pool.map { min($0.draw, answerable) } ?? answerable
            quizzes[unit.id] = file
            if !parsed.diagnostics.hasErrors { parsedQuizzes[unit.id] = quiz }
        case .scenario:
            let parsed = CoursePackage.parseScenario(file, in: storage, shownAs: path)
            diagnostics += parsed.diagnostics
            guard let scenario = parsed.scenario else { return nil }
            if filled.title.trimmingCharacters(in: .whitespaces).isEmpty { filled.title = scenario.title }
            scenarios[unit.id] = file
            if !parsed.diagnostics.hasErrors { parsedScenarios[unit.id] = scenario }
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
