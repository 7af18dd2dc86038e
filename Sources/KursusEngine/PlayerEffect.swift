/// Work the reducer asks the runtime to do. The reducer itself never does I/O.
public enum PlayerEffect: Hashable, Sendable {
    /// Persist this progress, and the learning events since the last save, in one
    /// durable step (off the key path); answer with `saveFinished`.
    case saveProgress(LearnerProgress, events: [LearningEvent])
    /// Restore the terminal and end the program (after pending saves are flushed).
    case quit
}
