import Foundation
import KursusCourse
@testable import KursusEngine
import Testing

/// A quiz attempt across the session: the idle lock signs the learner out in the middle
/// of an attempt, and the attempt goes on at the same question when they come back.
@Suite("Quizzes across sign-outs")
struct QuizSessionTests {
    typealias F = QuizFixtures
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let bo = LearnerSummary(id: "bo", displayName: "Bo")

    func signedIn(_ progress: LearnerProgress, quiz: Quiz? = nil) -> SessionState {
        var session = SessionState(content: F.content(quiz), configuration: SessionConfiguration(idleLockSeconds: 60), viewport: Fixtures.viewport)
        _ = SessionReducer.reduce(&session, .started(Fixtures.viewport, now: Self.t0))
        _ = SessionReducer.reduce(&session, .learnersLoaded([Self.bo]))
        _ = SessionReducer.reduce(&session, .command(.open))
        _ = SessionReducer.reduce(&session, .learnerOpened(Self.bo, progress))
        return session
    }

    @Test("the idle lock in the middle of an attempt saves it; signing in again resumes at the next question")
    func idleLockMidAttempt() throws {
        let quiz = F.quiz([F.single, F.short, F.trueFalse], feedback: .atEnd)
        var session = signedIn(.empty, quiz: quiz)
        _ = SessionReducer.reduce(&session, .player(.openUnit("quiz")))
        _ = SessionReducer.reduce(&session, .command(.open))
        _ = SessionReducer.reduce(&session, .command(.number(2)))
        _ = SessionReducer.reduce(&session, .command(.open))
        #expect(session.inputMode == .text)
        for character in "vid" { _ = SessionReducer.reduce(&session, .text(character)) }
        #expect(session.player?.quizPlay?.draft.editor.text == "vid", "typing reaches the answer field")

        let effects = SessionReducer.reduce(&session, .tick(Self.t0.addingTimeInterval(61)))
        guard case .start = session.phase else {
            Issue.record("the idle lock should have signed Bo out")
            return
        }
        let closed = try #require(
            effects.compactMap { effect -> LearnerProgress? in
                if case .closeLearner(let progress, _) = effect { return progress }
                return nil
            }.first)
        let attempt = try #require(closed.record("quiz")?.quiz?.unfinished)
        #expect(attempt.answers == ["single": .option("2")])
        #expect(attempt.current == 1)
        #expect(closed.bookmark == Bookmark(unitID: "quiz", scroll: 0, inUnit: true))

        // Bo comes back: the player reopens the quiz at the short-answer question.
        var again = SessionState(content: F.content(quiz), configuration: SessionConfiguration(idleLockSeconds: 60), viewport: Fixtures.viewport)
        _ = SessionReducer.reduce(&again, .started(Fixtures.viewport, now: Self.t0))
        _ = SessionReducer.reduce(&again, .learnersLoaded([Self.bo]))
        _ = SessionReducer.reduce(&again, .command(.open))
        _ = SessionReducer.reduce(&again, .learnerOpened(Self.bo, closed))
        #expect(again.player?.quizPlay != nil, "the quiz is open again")
        #expect(again.player?.currentQuestion?.question.id == "short")
        #expect(again.inputMode == .text)
    }

    @Test("while the start screen has focus, typed characters never reach a quiz")
    func textOnlyWhilePlaying() {
        var session = SessionState(content: F.content(nil), configuration: SessionConfiguration(idleLockSeconds: 60), viewport: Fixtures.viewport)
        _ = SessionReducer.reduce(&session, .started(Fixtures.viewport, now: Self.t0))
        #expect(SessionReducer.reduce(&session, .edit(.left)).isEmpty)
        #expect(session.player == nil)
    }
}
