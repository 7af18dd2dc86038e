/// Work the reducer asks the runtime to do. The reducer itself never does I/O.
public enum PlayerEffect: Hashable, Sendable {
    /// Read and lay out a lesson for a width; answer with `lessonLaidOut` or `lessonFailed`.
    case layoutLesson(unitID: String, width: Int)
    /// Read a quiz or survey file; answer with `quizLoaded` or `quizFailed`.
    case loadQuiz(unitID: String)
    /// Read a scenario file (and its portraits); answer with `scenarioLoaded` or `scenarioFailed`.
    case loadScenario(unitID: String)
    /// Persist this progress (off the key path); answer with `saveFinished`.
    case saveProgress(LearnerProgress)
    /// Restore the terminal and end the program (after pending saves are flushed).
    case quit
}
