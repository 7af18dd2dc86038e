import KursusCourse
import KursusEngine

/// Quizzes built in code, one question of each kind, for engine tests.
enum QuizFixtures {
    static let here = SourceLocation(file: "quiz.yaml")

    static func option(_ id: String, _ weight: Double, feedback: String? = nil) -> QuizOption {
        QuizOption(id: id, text: "Svar \(id)", weightPercent: weight, feedback: feedback)
    }

    static let single = Question(
        id: "single", text: "Hvad gør du først?", feedbackCorrect: "Godt.",
        kind: .singleChoice([option("1", 0, feedback: "Nej."), option("2", 100), option("3", 0)]), location: here)
    static let multiple = Question(
        id: "multiple", text: "Vælg de rigtige", kind: .multipleResponse([option("1", 50), option("2", 50), option("3", -100)]), location: here)
    static let trueFalse = Question(
        id: "tf", text: "Sandt?", kind: .trueFalse(correct: false, feedbackTrue: "Nej, falsk.", feedbackFalse: "Ja."), location: here)
    static let short = Question(
        id: "short", text: "Hvad hedder det?", kind: .shortAnswer(ShortAnswerRules(accepting: ["video*", "skærm"])), location: here)
    static let numeric = Question(
        id: "numeric", text: "Hvor mange?", kind: .numeric([NumericAnswer(target: .value(10, tolerance: 1))]), location: here)
    static let matching = Question(
        id: "matching", text: "Par",
        kind: .matching(MatchingSpec(pairs: [MatchPair(prompt: "A", match: "1"), MatchPair(prompt: "B", match: "2")], distractors: ["3"])),
        location: here)
    static let ordering = Question(id: "ordering", text: "Rækkefølge", kind: .ordering(["første", "anden", "tredje"]), location: here)
    static let likert = Question(id: "likert", text: "Jeg er tryg", kind: .likert(scale: ["Uenig", "Neutral", "Enig"]), location: here)
    static let freeText = Question(id: "free", text: "Kommentar", kind: .freeText, location: here)

    static func quiz(
        _ questions: [Question], passMark: Int = 80, attempts: AttemptLimit = .unlimited, counting: AttemptCounting = .best,
        feedback: FeedbackTiming = .afterEachQuestion, pool: QuestionPool? = nil, shuffle: Bool = false
    ) -> Quiz {
        Quiz(
            title: "Quiz", passMark: passMark, attempts: attempts, counting: counting, feedbackTiming: feedback, shuffleQuestions: shuffle,
            shuffleOptions: shuffle, pool: pool, questions: questions, location: here)
    }

    static let course = Course(
        id: "kursus", title: "Kursus", language: "da", version: "1",
        modules: [
            CourseModule(
                id: "m1", title: "Modul 1",
                units: [
                    CourseUnit(id: "lesson", kind: .lesson, title: "Lektion", file: "a.md", location: here),
                    CourseUnit(id: "quiz", kind: .quiz, title: "Quiz", file: "quiz.yaml", location: here),
                    CourseUnit(id: "survey", kind: .survey, title: "Evaluering", file: "survey.yaml", location: here),
                    CourseUnit(
                        id: "after", kind: .lesson, title: "Efter", file: "b.md", requires: [Requirement("quiz", location: here)], location: here),
                ], location: here)
        ],
        location: here
    )

    /// The course with `quiz` as the file of both the quiz and the survey unit.
    static func content(_ quiz: Quiz?) -> CourseContent {
        CourseContent(course: course, quizzes: quiz.map { ["quiz": $0, "survey": $0] } ?? [:])
    }

    static func state(progress: LearnerProgress = .empty, quiz: Quiz? = nil) -> PlayerState {
        var state = PlayerState(content: content(quiz), progress: progress, viewport: Fixtures.viewport)
        state.menuSelection = 1
        return state
    }

    /// A player with the quiz unit open.
    static func opened(_ quiz: Quiz, unit: String = "quiz", progress: LearnerProgress = .empty) -> PlayerState {
        var state = self.state(progress: progress, quiz: quiz)
        _ = PlayerReducer.reduce(&state, .openUnit(unit))
        return state
    }

    /// Sends commands in order, returning every effect.
    @discardableResult
    static func send(_ state: inout PlayerState, _ commands: [PlayerCommand]) -> [PlayerEffect] {
        commands.flatMap { PlayerReducer.reduce(&state, .command($0)) }
    }

    static func type(_ state: inout PlayerState, _ text: String) {
        for character in text { _ = PlayerReducer.reduce(&state, .edit(.insert(character))) }
    }
}
