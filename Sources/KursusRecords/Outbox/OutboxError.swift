import KursusProgress

/// Why a learner's outbox could not be read, marked or compacted. Every case names the
/// learner or the file and says what to do.
public enum OutboxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The learner id is not one Kursus accepts (it would name a folder).
    case invalidLearnerID(String, reason: String)
    /// There is no folder for this learner in the data directory.
    case noSuchLearner(learner: String, path: String)
    /// Another sync (the player's background sync or `kursus sync`) has this outbox open.
    case busy(learner: String, path: String)
    /// The store was closed; open it again to mark statements.
    case closed(learner: String)
    case file(RecordFileError)

    public var description: String {
        switch self {
        case let .invalidLearnerID(id, reason):
            "learner id '\(StatementLine.shown(id))' \(reason)"
        case let .noSuchLearner(learner, path):
            "\(path): there is no learner '\(learner)'; check the id and --data-dir"
        case let .busy(learner, path):
            "\(path): the outbox of learner '\(learner)' is being synchronised by another Kursus right now; try again when it has finished"
        case let .closed(learner):
            "the outbox of learner '\(learner)' was closed; open it again"
        case let .file(problem):
            problem.description
        }
    }

    /// The reason `LearnerID.validate` gave for refusing `learner`.
    init(_ error: ProgressError, learner: String) {
        if case let .invalidLearnerID(id, reason) = error {
            self = .invalidLearnerID(id, reason: reason)
        } else {
            self = .invalidLearnerID(learner, reason: "cannot be used: \(error.description)")
        }
    }
}
