/// Why progress could not be read or written. Every case names the file or learner involved.
public enum ProgressError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidLearnerID(String, reason: String)
    case unreadable(path: String, reason: String)
    case corrupt(path: String, reason: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case writeFailed(path: String, reason: String)
    /// Another process (another window or session) holds this learner's lock.
    case learnerBusy(learner: String)
    /// The learner's lock file could not be created or locked for a reason other than "busy".
    case lockFailed(path: String, reason: String)
    /// The file is sealed with a learner's PIN key and no key was given (LearnerVault).
    case encrypted(path: String)

    public var description: String {
        switch self {
        case let .invalidLearnerID(id, reason):
            "learner id '\(Self.printable(id))' \(reason)"
        case let .unreadable(path, reason):
            "\(path): cannot read progress: \(reason)"
        case let .corrupt(path, reason):
            "\(path): the progress file is damaged: \(reason)"
        case let .newerSchema(path, found, supported):
            "\(path): progress was saved by a newer Kursus (schema \(found); this one reads up to \(supported)). Update Kursus; the file is left untouched"
        case let .writeFailed(path, reason):
            "\(path): cannot save progress: \(reason)"
        case let .learnerBusy(learner):
            "learner '\(Self.printable(learner))' is already playing in another window or session. Close that one first (progress is saved there), or play as another learner"
        case let .lockFailed(path, reason):
            "\(path): cannot lock the learner's progress: \(reason)"
        case let .encrypted(path):
            "\(path): encrypted with the learner's PIN; only signing in as them opens it. The file is left untouched"
        }
    }

    /// Control characters are shown as '?' so an id cannot send terminal sequences.
    static func printable(_ text: String) -> String {
        text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined()
    }
}
