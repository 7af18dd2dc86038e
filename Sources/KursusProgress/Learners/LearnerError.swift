import Foundation

/// Why a learner could not be added, read, changed or removed. Every case that involves a
/// file names it, and no case ever carries a PIN.
public enum LearnerError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidLearnerID(String, reason: String)
    case invalidDisplayName(reason: String)
    case invalidTeam(reason: String)
    case invalidPIN(reason: String)
    case alreadyExists(id: String, path: String)
    case notFound(id: String, path: String)
    /// A running player holds the learner's lock.
    case inUse(id: String, path: String)
    case unreadable(path: String, reason: String)
    case corrupt(path: String, reason: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case writeFailed(path: String, reason: String)
    case removeFailed(path: String, reason: String)
    case invalidPassphrase(reason: String)
    /// The learner's PIN or the admin passphrase was asked for and not given rightly.
    case notAuthorized(id: String, reason: String)
    /// Too many wrong PINs or passphrases for this learner: nothing is checked before `until`.
    case lockedOut(id: String, until: Date)

    public var description: String {
        switch self {
        case let .invalidLearnerID(id, reason):
            "learner id '\(Self.printable(id))' \(reason)"
        case let .invalidDisplayName(reason):
            "the name \(reason)"
        case let .invalidTeam(reason):
            "the team \(reason)"
        case let .invalidPIN(reason):
            "the PIN \(reason)"
        case let .alreadyExists(id, path):
            "\(path): learner '\(id)' already exists"
        case let .notFound(id, path):
            "\(path): there is no learner '\(id)'"
        case let .inUse(id, path):
            "\(path): learner '\(id)' has a course open in a running player; close it first"
        case let .unreadable(path, reason):
            "\(path): cannot read the learner profile: \(reason)"
        case let .corrupt(path, reason):
            "\(path): the learner profile is damaged: \(reason); the file is left untouched"
        case let .newerSchema(path, found, supported):
            "\(path): the learner profile was saved by a newer Kursus (schema \(found); this one reads up to \(supported)). Update Kursus; the file is left untouched"
        case let .writeFailed(path, reason):
            "\(path): cannot save the learner profile: \(reason)"
        case let .removeFailed(path, reason):
            "\(path): cannot remove the learner: \(reason)"
        case let .invalidPassphrase(reason):
            "the admin passphrase \(reason)"
        case let .notAuthorized(id, reason):
            "learner '\(id)': \(reason); nothing was read or changed"
        case let .lockedOut(id, until):
            "learner '\(id)': too many wrong PINs or passphrases; try again after \(Self.clockTime(until))"
        }
    }

    static func clockTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }

    /// Control characters shown as '?', so an error message cannot act on the terminal.
    static func printable(_ text: String) -> String {
        text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : String($0) }.joined()
    }

    /// The same problem phrased for learners, from an error of the progress store's
    /// helpers (id checks and atomic writes); `path` is the file being written.
    init(_ error: ProgressError, writing path: String) {
        if case let .invalidLearnerID(id, reason) = error {
            self = .invalidLearnerID(id, reason: reason)
        } else if case let .writeFailed(failedPath, reason) = error {
            self = .writeFailed(path: failedPath, reason: reason)
        } else {
            self = .writeFailed(path: path, reason: error.description)
        }
    }
}
