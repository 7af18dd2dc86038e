import Foundation
import KursusCourse
@testable import KursusEngine
import Testing

@Suite("Quiz reducer, event by event")
struct QuizReducerTests {
    typealias F = QuizFixtures

    @Test("opening a quiz shows its intro, notes the opening and saves a bookmark")
    func openShowsIntro() {
        let quiz = F.quiz([F.single])
        var store = TestStore(F.state(quiz: quiz))
        var opened = LearnerProgress(started: ["quiz"], bookmark: Bookmark(unitID: "quiz", scroll: 0, inUnit: true))
        opened.units["quiz"] = UnitRecord(outcome: .inProgress)
        opened = opened.opened(["quiz": 1])
        store.send(.command(.open), effects: [.save(opened, .unitOpened(unitID: "quiz", opening: 1))]) {
            $0.screen = .unit(.quiz(QuizState(unitID: "quiz", isSurvey: false, quiz: quiz)))
            $0.progress = opened
            $0.saveStatus = .pending
        }
        #expect(store.state.inputMode == .choices)
    }

    @Test("a quiz whose file could not be read stays closed, with the reason naming the unit")
    func unreadableQuiz() {
        var store = TestStore(F.state())
        store.send(.command(.open)) {
            $0.notice = .unitFailed(kind: .quiz, message: "'Quiz': its quiz file could not be read; run 'kursus validate' for the reason")
        }
        #expect(store.state.screen == .menu)
    }

    @Test("starting an attempt records it with its seed and order, and shows the first question")
    func startAttempt() {
        var state = F.opened(F.quiz([F.single, F.trueFalse]))
        let effects = F.send(&state, [.open])
        let attempt = state.quizRecord("quiz").unfinished
        #expect(attempt?.number == 1)
        #expect(attempt?.questionIDs == ["single", "tf"])
        #expect(attempt?.choiceOrders["single"] == nil, "options in the file's order are not recorded")
        #expect(state.quizPlay?.phase == .question)
        #expect(effects.saves(state.progress))
    }

    @Test("Enter without a choice is refused with a message; arrows choose in single choice")
    func singleChoice() {
        var state = F.opened(F.quiz([F.single]))
        F.send(&state, [.open, .open])
        #expect(state.quizPlay?.message == .chooseFirst)
        #expect(state.quizRecord("quiz").unfinished?.answers.isEmpty == true)
        F.send(&state, [.lineDown])
        #expect(state.quizPlay?.draft.selected == ["2"])
        #expect(state.quizPlay?.message == nil)
        F.send(&state, [.open])
        #expect(state.quizPlay?.phase == .feedback(questionID: "single"))
        let attempt = state.quizRecord("quiz").finished.last
        #expect(attempt?.answers["single"] == .option("2"))
        #expect(attempt?.scorePercent == 100)
        #expect(state.progress.record("quiz")?.outcome == .passed)
        F.send(&state, [.open])
        #expect(state.quizPlay?.phase == .result)
        F.send(&state, [.open])
        #expect(state.screen == .menu)
    }

    @Test("digits choose, space ticks and unticks in multiple response")
    func multipleResponse() {
        var state = F.opened(F.quiz([F.multiple]))
        F.send(&state, [.open, .number(1), .number(3), .number(3), .lineUp, .toggle])
        #expect(Set(state.quizPlay?.draft.selected ?? []) == ["1", "2"])
        F.send(&state, [.number(9)])
        #expect(Set(state.quizPlay?.draft.selected ?? []) == ["1", "2"])
        F.send(&state, [.open])
        #expect(state.quizRecord("quiz").finished.last?.scorePercent == 100)
    }

    @Test("typed answers use the line editor; a numeric answer must be a number")
    func typedAnswers() {
        var state = F.opened(F.quiz([F.short, F.numeric], feedback: .atEnd))
        F.send(&state, [.open])
        #expect(state.inputMode == .text)
        F.send(&state, [.open])
        #expect(state.quizPlay?.message == .emptyAnswer)
        F.type(&state, "Vidoe")
        for edit in [TextEdit.left, .deleteBackward, .right, .insert("o"), .home, .deleteForward, .insert("V"), .end, .insert("k")] {
            _ = PlayerReducer.reduce(&state, .edit(edit))
        }
        #expect(state.quizPlay?.draft.editor.text == "Videok")
        F.send(&state, [.open])
        #expect(state.quizRecord("quiz").unfinished?.answers["short"] == .text("Videok"))
        F.type(&state, "ti")
        F.send(&state, [.open])
        #expect(state.quizPlay?.message == .notANumber)
        for _ in 0..<2 { _ = PlayerReducer.reduce(&state, .edit(.deleteBackward)) }
        F.type(&state, "10,5")
        F.send(&state, [.open])
        let attempt = state.quizRecord("quiz").finished.last
        #expect(attempt?.answers["numeric"] == .number(10.5))
        #expect(attempt?.scorePercent == 100)
        #expect(state.quizPlay?.phase == .result)
    }

    @Test("matching pairs prompts with answers by arrows and digits; every prompt needs one")
    func matching() {
        var state = F.opened(F.quiz([F.matching]))
        F.send(&state, [.open])
        let choices = QuestionRows.matchingChoices(F.matching, attempt: state.quizRecord("quiz").unfinished)
        #expect(Set(choices) == ["1", "2", "3"])
        let one = (choices.firstIndex(of: "1") ?? 0) + 1
        F.send(&state, [.number(one), .open])
        #expect(state.quizPlay?.message == .answerEveryPrompt)
        #expect(state.quizPlay?.draft.pairs == ["A": "1"])
        F.send(&state, [.right])
        #expect(state.quizPlay?.draft.pairs["B"] == choices[0])
        let two = (choices.firstIndex(of: "2") ?? 0) + 1
        F.send(&state, [.number(two), .open])
        #expect(state.quizRecord("quiz").finished.last?.answers["matching"] == .pairs(["A": "1", "B": "2"]))
        #expect(state.quizRecord("quiz").finished.last?.scorePercent == 100)
    }

    @Test("ordering: space picks an item up, arrows carry it, space puts it down")
    func ordering() {
        var state = F.opened(F.quiz([F.ordering]))
        F.send(&state, [.open])
        let start = state.quizPlay?.draft.order ?? []
        #expect(Set(start) == ["første", "anden", "tredje"])
        #expect(start != ["første", "anden", "tredje"], "the items are never shown already in order")
        F.send(&state, [.toggle, .lineDown])
        #expect(state.quizPlay?.draft.order == [start[1], start[0], start[2]])
        #expect(state.quizPlay?.cursor == 1)
        F.send(&state, [.toggle, .lineDown])
        #expect(state.quizPlay?.draft.order == [start[1], start[0], start[2]], "moving the cursor alone leaves the order")
    }

    @Test("quitting mid-attempt keeps the answers; reopening resumes at the same question")
    func resume() {
        var state = F.opened(F.quiz([F.single, F.trueFalse, F.multiple]))
        F.send(&state, [.open, .number(2), .open, .open])
        #expect(state.quizRecord("quiz").unfinished?.current == 1)
        F.send(&state, [.back])
        #expect(state.screen == .menu)
        #expect(state.progress.bookmark == Bookmark(unitID: "quiz", scroll: 0, inUnit: false))
        // A new session with the saved progress.
        var later = F.opened(F.quiz([F.single, F.trueFalse, F.multiple]), progress: state.progress)
        #expect(later.quizPlay?.phase == .question)
        #expect(later.currentQuestion?.question.id == "tf")
        F.send(&later, [.number(2), .open, .open, .number(1), .number(2), .open])
        #expect(later.quizRecord("quiz").finished.count == 1)
        #expect(later.quizRecord("quiz").attempts.count == 1)
    }

    @Test("the bookmark reopens a quiz the learner was inside, at the question where it stopped")
    func bookmarkResumes() {
        var state = F.opened(F.quiz([F.single, F.trueFalse]))
        F.send(&state, [.open, .number(2), .open])
        var relaunched = F.state(progress: state.progress, quiz: F.quiz([F.single, F.trueFalse]))
        let effects = PlayerReducer.reduce(&relaunched, .started(Fixtures.viewport))
        #expect(effects.learningEvents == [.unitOpened(unitID: "quiz", opening: 2)])
        #expect(relaunched.currentQuestion?.question.id == "tf")
    }

    @Test("fail, retry, pass: best attempt counts; the unit is failed in between and unlocks what requires it when passed")
    func failThenPass() {
        var state = F.opened(F.quiz([F.single, F.trueFalse], feedback: .atEnd))
        F.send(&state, [.open, .number(1), .open, .number(1), .open])
        #expect(state.progress.record("quiz")?.outcome == .failed)
        #expect(state.quizRecord("quiz").finished.last?.scorePercent == 0)
        #expect(state.status(of: F.course.allUnits[3]).isLocked)
        F.send(&state, [.open])
        #expect(state.quizRecord("quiz").attempts.count == 2)
        #expect(state.quizPlay?.phase == .question)
        F.send(&state, [.number(2), .open, .number(2), .open])
        #expect(state.progress.record("quiz")?.outcome == .passed)
        #expect(!state.status(of: F.course.allUnits[3]).isLocked)
        #expect(state.quizRecord("quiz").attempts.map(\.number) == [1, 2])
        #expect(state.quizRecord("quiz").attempts[0].seed != state.quizRecord("quiz").attempts[1].seed || state.now == nil)
    }

    @Test("counting last: a later failed attempt turns a pass into a fail; attempts run out")
    func countingLastAndLimit() {
        var state = F.opened(F.quiz([F.single], attempts: .limited(2), counting: .last, feedback: .atEnd))
        F.send(&state, [.open, .number(2), .open])
        #expect(state.progress.record("quiz")?.outcome == .passed)
        F.send(&state, [.back])
        _ = PlayerReducer.reduce(&state, .openUnit("quiz"))
        F.send(&state, [.open, .number(1), .open])
        #expect(state.progress.record("quiz")?.outcome == .failed)
        F.send(&state, [.open])
        #expect(state.screen == .menu, "no attempts left: Enter on the result goes back to the menu")
        _ = PlayerReducer.reduce(&state, .openUnit("quiz"))
        F.send(&state, [.open])
        #expect(state.quizPlay?.message == .noAttemptsLeft)
        #expect(state.quizRecord("quiz").attempts.count == 2)
    }

    @Test("a survey is completed when submitted, and its answers are recorded")
    func survey() {
        var state = F.opened(F.quiz([F.likert, F.freeText]), unit: "survey")
        #expect(state.quizPlay?.isSurvey == true)
        F.send(&state, [.open, .lineDown, .open])
        #expect(state.quizPlay?.phase == .question)
        F.type(&state, "Godt kursus")
        F.send(&state, [.open])
        let attempt = state.quizRecord("survey").finished.last
        #expect(attempt?.answers == ["likert": .likert(1), "free": .freeText("Godt kursus")])
        #expect(state.progress.record("survey")?.outcome == .completed)
    }

    @Test("shuffled options are recorded, and the question shows them in that order")
    func shuffledOrderRecorded() throws {
        let options = (1...8).map { F.option("\($0)", $0 == 1 ? 100 : 0) }
        let question = Question(id: "mange", text: "?", kind: .singleChoice(options), location: F.here)
        var state = F.opened(F.quiz([question], shuffle: true))
        F.send(&state, [.open])
        let attempt = try #require(state.quizRecord("quiz").unfinished)
        let order = try #require(attempt.choiceOrders["mange"])
        #expect(Set(order) == Set(options.map(\.id)))
        #expect(order != options.map(\.id))
        #expect(QuestionRows.rows(question, attempt: attempt, draft: AnswerDraft()).map(\.id) == order)
    }

    @Test("a pool draws N questions per attempt, the same N for the same seed")
    func pool() {
        let questions = (1...10).map {
            Question(id: "q\($0)", text: "?", kind: .trueFalse(correct: true, feedbackTrue: nil, feedbackFalse: nil), location: F.here)
        }
        let quiz = F.quiz(questions, pool: QuestionPool(draw: 4), shuffle: true)
        let a = AttemptBuilder.attempt(for: quiz, number: 1, seed: 42, at: nil)
        let b = AttemptBuilder.attempt(for: quiz, number: 1, seed: 42, at: nil)
        let c = AttemptBuilder.attempt(for: quiz, number: 2, seed: 43, at: nil)
        #expect(a.questionIDs.count == 4)
        #expect(Set(a.questionIDs).count == 4)
        #expect(a == b)
        #expect(a.questionIDs != c.questionIDs)
    }

    @Test("active time goes to the question on screen")
    func timePerQuestion() {
        var state = F.opened(F.quiz([F.single, F.trueFalse]))
        F.send(&state, [.open])
        let start = Date(timeIntervalSince1970: 1_000_000)
        for second in 0...3 { _ = PlayerReducer.reduce(&state, .tick(start.addingTimeInterval(Double(second)), active: true)) }
        #expect(state.quizRecord("quiz").unfinished?.secondsPerQuestion["single"] == 3)
        #expect(state.progress.record("quiz")?.activeSeconds == 3)
    }

    @Test("a question removed from the file since the attempt began is skipped on resume")
    func editedQuiz() {
        var state = F.opened(F.quiz([F.single, F.trueFalse, F.multiple]))
        F.send(&state, [.open, .number(2), .open, .open, .back])
        let later = F.opened(F.quiz([F.single, F.multiple]), progress: state.progress)
        #expect(later.currentQuestion?.question.id == "multiple")
    }

    @Test("the review shows the latest finished attempt; r before any attempt says so")
    func review() {
        var state = F.opened(F.quiz([F.single]))
        F.send(&state, [.letter("r")])
        #expect(state.quizPlay?.message == .nothingToReview)
        F.send(&state, [.open, .number(1), .open, .open, .letter("r")])
        #expect(state.quizPlay?.phase == .review(attemptNumber: 1))
        _ = PlayerReducer.reduce(&state, .contentMeasured(unitID: "quiz", lines: 30))
        F.send(&state, [.bottom])
        #expect(state.quizPlay?.scroll.offset == 10)
        F.send(&state, [.lineDown])
        #expect(state.quizPlay?.scroll.offset == 10)
        F.send(&state, [.back])
        #expect(state.quizPlay?.phase == .result)
    }
}
