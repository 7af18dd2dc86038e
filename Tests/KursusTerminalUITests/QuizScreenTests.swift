import Foundation
import KursusCourse
import KursusEngine
@testable import KursusTerminalUI
import Testing

/// Quiz screens as text, against golden files. States are reached by sending the engine
/// real events, as the runtime does.
@Suite("Quiz screens")
struct QuizScreenTests {
    static let here = SourceLocation(file: "quiz.yaml")

    static func option(_ id: String, _ text: String, _ weight: Double, feedback: String? = nil) -> QuizOption {
        QuizOption(id: id, text: text, weightPercent: weight, feedback: feedback)
    }

    static let single = Question(
        id: "kamera", text: "Borgeren kan ikke se dig, men du kan se borgeren. Hvad gør du **først**?",
        feedbackCorrect: "Start altid med det enkleste.",
        kind: .singleChoice([
            option("1", "Afslutter opkaldet og ringer op igen.", 0, feedback: "Det kan virke, men spørg først."),
            option("2", "Spørger, om kameraet er dækket eller slået fra i appen.", 100, feedback: "Ja."),
            option("3", "Beder borgeren genstarte tabletten.", 0),
        ]), location: here)
    static let multiple = Question(
        id: "forberedelse", text: "Which do you check before the call?",
        kind: .multipleResponse([option("1", "Sound", 50), option("2", "Light", 50), option("3", "The weather", -100)]), location: here)
    static let matching = Question(
        id: "par", text: "Sæt hvert problem sammen med det første skridt.",
        kind: .matching(
            MatchingSpec(
                pairs: [MatchPair(prompt: "Ingen lyd", match: "Tjek mikrofonen"), MatchPair(prompt: "Sort billede", match: "Tjek kameraet")],
                distractors: ["Genstart routeren"])),
        location: here)
    static let ordering = Question(
        id: "orden", text: "Sæt trinnene i rækkefølge.", kind: .ordering(["Test forbindelsen", "Hils og præsenter dig", "Aftal plan B"]),
        location: here)
    static let short = Question(
        id: "kort", text: "Hvad kalder man metoden, hvor borgeren gentager med egne ord?",
        kind: .shortAnswer(ShortAnswerRules(accepting: ["teach*back"])), location: here)
    static let likert = Question(
        id: "tryg", text: "Jeg føler mig tryg ved at lede en videokonsultation.",
        kind: .likert(scale: ["Helt uenig", "Uenig", "Hverken enig eller uenig", "Enig", "Helt enig"]), location: here)

    static func quiz(_ questions: [Question], feedback: FeedbackTiming = .afterEachQuestion, compareWith: String? = nil) -> Quiz {
        Quiz(
            title: "Quiz", intro: "Fem spørgsmål om **videokonsultationens** faser.", attempts: .limited(3), feedbackTiming: feedback,
            compareWith: compareWith, questions: questions, location: here)
    }

    static let course = Course(
        id: "digital", title: "Bliv digitalt kompetent", language: "da", version: "1",
        modules: [
            CourseModule(
                id: "m1", title: "Videokonsultationer",
                units: [
                    CourseUnit(id: "l", kind: .lesson, title: "Lektion", file: "l.md", location: here),
                    CourseUnit(id: "quiz", kind: .quiz, title: "Quiz: videokonsultationens faser", file: "q.yaml", location: here),
                    CourseUnit(id: "start", kind: .survey, title: "Selvvurdering: før", file: "s.yaml", location: here),
                    CourseUnit(id: "slut", kind: .survey, title: "Selvvurdering: efter", file: "t.yaml", location: here),
                ], location: here)
        ],
        location: here)

    static func opened(_ quiz: Quiz, unit: String = "quiz", progress: LearnerProgress = .empty, columns: Int = 80, rows: Int = 24) -> PlayerState {
        var state = PlayerState(
            content: CourseContent(course: course, quizzes: [unit: quiz]), progress: progress,
            viewport: ScreenRenderer.viewport(columns: columns, rows: rows))
        _ = PlayerReducer.reduce(&state, .openUnit(unit))
        return state
    }

    static func send(_ state: inout PlayerState, _ commands: [PlayerCommand]) {
        for command in commands { _ = PlayerReducer.reduce(&state, .command(command)) }
    }

    func render(_ state: PlayerState, _ context: ScreenContext, columns: Int = 80, rows: Int = 24) -> Grid {
        ScreenRenderer.render(state, views: ScreenFixtures.views(), context: context, columns: columns, rows: rows)
    }

    @Test("intro page: settings, attempts and the keys to start")
    func intro() throws {
        let state = Self.opened(Self.quiz([Self.single, Self.multiple]))
        GoldenFile.check(render(state, try ScreenFixtures.context()), named: "quiz-intro-80x24-da.txt")
    }

    @Test("single choice: the cursor and the chosen option are marked by symbols")
    func singleChoice() throws {
        var state = Self.opened(Self.quiz([Self.single, Self.multiple]))
        Self.send(&state, [.open, .lineDown])
        let grid = render(state, try ScreenFixtures.context())
        GoldenFile.check(grid, named: "quiz-single-80x24-da.txt")
        let row = try #require(grid.lines.firstIndex { $0.contains("(•) 2") })
        #expect(grid.lines[row].contains("▸"))
        #expect(grid[5, row].style.attributes.contains(.bold), "focus is bold as well as marked")
    }

    @Test("multiple response in English with ASCII symbols")
    func multipleASCII() throws {
        var state = Self.opened(Self.quiz([Self.multiple]))
        Self.send(&state, [.open, .number(1), .number(3)])
        GoldenFile.check(render(state, try ScreenFixtures.context("en", symbols: .ascii)), named: "quiz-multiple-80x24-en-ascii.txt")
    }

    @Test("feedback after a wrong answer: verdict in words, the right answer and the feedback")
    func feedback() throws {
        var state = Self.opened(Self.quiz([Self.single, Self.multiple]))
        Self.send(&state, [.open, .number(1), .open])
        let grid = render(state, try ScreenFixtures.context())
        GoldenFile.check(grid, named: "quiz-feedback-80x24-da.txt")
        #expect(grid.text.contains("✗ Ikke rigtigt"))
    }

    @Test("matching and ordering questions")
    func matchingAndOrdering() throws {
        var state = Self.opened(Self.quiz([Self.matching, Self.ordering], feedback: .atEnd))
        Self.send(&state, [.open, .right])
        GoldenFile.check(render(state, try ScreenFixtures.context()), named: "quiz-matching-80x24-da.txt")
        Self.send(&state, [.lineDown, .right, .open, .toggle])
        GoldenFile.check(render(state, try ScreenFixtures.context()), named: "quiz-ordering-80x24-da.txt")
    }

    @Test("a matching question's answers are Markdown, styled as the options of other questions are, in the list and beside the prompt")
    func matchingMarkdown() throws {
        let question = Question(
            id: "md", text: "Par",
            kind: .matching(
                MatchingSpec(pairs: [MatchPair(prompt: "Ingen lyd", match: "*y*"), MatchPair(prompt: "Sort", match: "**fed**")], distractors: [])),
            location: Self.here)
        var state = Self.opened(Self.quiz([question], feedback: .atEnd))
        Self.send(&state, [.open, .right])
        let grid = render(state, try ScreenFixtures.context())
        #expect(!grid.text.contains("*y*"), "\(grid.text)")
        #expect(!grid.text.contains("**fed**"), "\(grid.text)")
        // Every row showing the answer "y" alone (the list, and the prompt's answer when
        // the shuffle put it first) shows it in italics, as an option's *y* is.
        let rows = grid.lines.indices.filter { row in grid.lines[row].split(separator: " ").contains { $0 == "y" } }
        #expect(!rows.isEmpty, "\(grid.text)")
        for row in rows {
            let column = try #require(Array(grid.lines[row]).firstIndex(of: "y"))
            #expect(grid[column, row].style.attributes.contains(.italic), "row \(row): \(grid.lines[row])")
        }
        let bold = try #require(grid.lines.firstIndex { $0.contains("fed") })
        let start = try #require(Array(grid.lines[bold]).firstIndex(of: "f"))
        #expect(grid[start, bold].style.attributes.contains(.bold))
    }

    @Test("a typed answer shows the text with the cursor")
    func typedAnswer() throws {
        var state = Self.opened(Self.quiz([Self.short]))
        Self.send(&state, [.open])
        for character in "teach back" { _ = PlayerReducer.reduce(&state, .edit(.insert(character))) }
        _ = PlayerReducer.reduce(&state, .edit(.left))
        let grid = render(state, try ScreenFixtures.context())
        GoldenFile.check(grid, named: "quiz-short-80x24-da.txt")
        let row = try #require(grid.lines.firstIndex { $0.contains("teach back") })
        let cursorCells = (0..<grid.width).filter { grid[$0, row].style.attributes.contains(.reverse) }
        #expect(cursorCells.count == 1)
    }

    @Test("result of a failed attempt offers a retry; the review lists every answer")
    func resultAndReview() throws {
        var state = Self.opened(Self.quiz([Self.single, Self.multiple], feedback: .atEnd))
        Self.send(&state, [.open, .number(3), .open, .number(1), .open])
        GoldenFile.check(render(state, try ScreenFixtures.context()), named: "quiz-result-80x24-da.txt")
        Self.send(&state, [.letter("r")])
        GoldenFile.check(render(state, try ScreenFixtures.context(), columns: 100, rows: 40), named: "quiz-review-100x40-da.txt")
    }

    @Test("the review of an attempt taken before a course update says so, and judges each answer as it was marked then")
    func reviewAfterUpdate() throws {
        var before = Self.quiz([Self.single], feedback: .atEnd)
        before.version = QuizVersion.of("version 1")
        var state = Self.opened(before)
        Self.send(&state, [.open, .number(2), .open])
        // Version 2 makes option 3 the right answer: rescored, the answer would be wrong.
        var changed = Self.single
        changed.kind = .singleChoice([
            Self.option("1", "Afslutter opkaldet og ringer op igen.", 0), Self.option("2", "Spørger, om kameraet er dækket.", 0),
            Self.option("3", "Beder borgeren genstarte tabletten.", 100),
        ])
        var after = Self.quiz([changed], feedback: .atEnd)
        after.version = QuizVersion.of("version 2")
        var later = Self.opened(after, progress: state.progress)
        Self.send(&later, [.letter("r")])
        let text = render(later, try ScreenFixtures.context(), columns: 100, rows: 40).text
        #expect(text.contains("Dette forsøg blev taget, før kurset blev opdateret"))
        #expect(text.contains("✓ Rigtigt"), "judged by its version-1 mark")
        #expect(!text.contains("✗ Ikke rigtigt"))
        // The same review without an update carries no note.
        Self.send(&state, [.letter("r")])
        #expect(!render(state, try ScreenFixtures.context(), columns: 100, rows: 40).text.contains("opdateret"))
    }

    @Test("a repeated self-assessment shows each statement before and now")
    func surveyComparison() throws {
        var state = Self.opened(Self.quiz([Self.likert]), unit: "start")
        Self.send(&state, [.open, .lineDown, .open])
        #expect(state.progress.record("start")?.outcome == .completed)
        var later = Self.opened(Self.quiz([Self.likert], compareWith: "start"), unit: "slut", progress: state.progress)
        Self.send(&later, [.open, .number(4), .open])
        let grid = render(later, try ScreenFixtures.context())
        GoldenFile.check(grid, named: "quiz-survey-compare-80x24-da.txt")
        #expect(grid.text.contains("Før: Uenig → Nu: Enig"))
    }

    @Test("in trainer preview a finished survey does not claim its answers were saved")
    func surveyInPreview() throws {
        var state = Self.opened(Self.quiz([Self.likert]), unit: "start")
        Self.send(&state, [.open, .number(2), .open])
        var context = try ScreenFixtures.context()
        #expect(render(state, context).text.contains("De er gemt"))
        context.isPreview = true
        let text = render(state, context).text
        #expect(text.contains("Forhåndsvisningen gemmer dem ikke"))
        #expect(!text.contains("De er gemt"))
    }

    @Test("a wrong short answer: the accepted answer shows its wildcard as an ellipsis")
    func wildcardInFeedback() throws {
        var state = Self.opened(Self.quiz([Self.short]))
        Self.send(&state, [.open])
        for character in "spørg" { _ = PlayerReducer.reduce(&state, .edit(.insert(character))) }
        Self.send(&state, [.open])
        let text = render(state, try ScreenFixtures.context()).text
        #expect(text.contains("✗ Ikke rigtigt"))
        #expect(text.contains("teach…back"))
        #expect(!text.contains("teach*back"))
    }

    @Test("a question taller than the screen keeps the answer field in view; PgUp shows its beginning")
    func longQuestion() throws {
        let text = (1...40).map { "Linje \($0) af en lang beskrivelse." }.joined(separator: "\n\n")
        let long = Question(
            id: "lang", text: "Start på spørgsmålet.\n\n" + text, kind: .shortAnswer(ShortAnswerRules(accepting: ["x"])), location: Self.here)
        var state = Self.opened(Self.quiz([long]))
        Self.send(&state, [.open])
        let context = try ScreenFixtures.context()
        let focused = render(state, context).text
        #expect(focused.contains("Dit svar:"))
        #expect(!focused.contains("Start på spørgsmålet."))
        for _ in 0..<5 { Self.send(&state, [.pageUp]) }
        let top = render(state, context).text
        #expect(top.contains("Start på spørgsmålet."))
        _ = PlayerReducer.reduce(&state, .edit(.insert("x")))
        #expect(render(state, context).text.contains("Dit svar:"), "typing brings the field back")
    }

    @Test("keys map to choice commands on choice screens and to text on typed answers")
    func keys() {
        #expect(KeyMap.event(for: .character("3"), mode: .choices) == .event(.command(.number(3))))
        #expect(KeyMap.event(for: .character("0"), mode: .choices) == .event(.command(.number(10))))
        #expect(KeyMap.event(for: .character(" "), mode: .choices) == .event(.command(.toggle)))
        #expect(KeyMap.event(for: .character("r"), mode: .choices) == .event(.command(.letter("r"))))
        #expect(KeyMap.event(for: .character("q"), mode: .choices) == .event(.command(.quit)))
        #expect(KeyMap.event(for: .left, mode: .choices) == .event(.command(.left)))
        #expect(KeyMap.event(for: .enter, mode: .choices) == .event(.command(.open)))
        #expect(KeyMap.event(for: .character("q"), mode: .text) == .event(.text("q")))
        #expect(KeyMap.event(for: .left, mode: .text) == .event(.edit(.left)))
        #expect(KeyMap.event(for: .delete, mode: .text) == .event(.edit(.deleteForward)))
        #expect(KeyMap.event(for: .character(" "), mode: .navigation) == .event(.command(.pageDown)))
    }
}
