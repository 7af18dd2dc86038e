import Foundation
import KursusProgress

/// The files of one learner's outbox, all in `<data-dir>/learners/<learner>/outbox/`
/// (folder 0700, files 0600; see docs/records-outbox.md).
public enum OutboxLayout {
    public static let folderName = "outbox"
    /// The journal the player appends statements to.
    public static let journalName = "statements.jsonl"
    /// Held (flock) by the one sync that may mark statements.
    public static let syncLockName = ".sync.lock"
    /// Past this many pending statements the counts carry a warning (nothing is dropped).
    public static let pendingWarningLimit = 100_000

    /// A journal rotated away by compaction once all of it was delivered or rejected.
    public static func archiveName(_ number: Int) -> String {
        "statements.\(number).jsonl.done"
    }

    /// The number of a rotated journal's name, or nil for any other name.
    public static func archiveNumber(_ name: String) -> Int? {
        guard name.hasPrefix("statements."), name.hasSuffix(".jsonl.done") else { return nil }
        let middle = name.dropFirst("statements.".count).dropLast(".jsonl.done".count)
        guard !middle.isEmpty, middle.count <= 9, middle.allSatisfy(\.isASCII), let number = Int(middle), number > 0,
            String(number) == middle
        else { return nil }
        return number
    }
}

/// Opening a learner's folders without following links, and reading journals.
enum OutboxFiles {
    /// The learner's folder `<data-dir>/learners/<id>`; the id is checked first.
    static func learnerFolder(dataDirectory: URL, learner: String) throws(OutboxError) -> SafeDirectory {
        let id: String
        do {
            id = try LearnerID.validate(learner)
        } catch {
            throw OutboxError(error, learner: learner)
        }
        let path = dataDirectory.appendingPathComponent("learners").appendingPathComponent(id).path
        do {
            return try SafeDirectory.open(dataDirectory, ["learners", id])
        } catch {
            if case .missing = error { throw .noSuchLearner(learner: id, path: path) }
            throw .file(error)
        }
    }

    /// The learner's outbox folder; nil when the learner has none yet (and `create` is off).
    static func outboxFolder(dataDirectory: URL, learner: String, create: Bool) throws(OutboxError) -> SafeDirectory? {
        let folder = try learnerFolder(dataDirectory: dataDirectory, learner: learner)
        do {
            return try folder.subdirectoryIfPresent(OutboxLayout.folderName, create: create)
        } catch {
            throw .file(error)
        }
    }

    /// One line of a journal, as the readers see it.
    enum Item {
        case statement(UUID, json: Data, line: Int, offset: UInt64)
        /// A `SealedStatementLine` the reader has no key for: its id only.
        case sealed(UUID, line: Int, offset: UInt64)
        case damaged(DamagedLine)

        /// The statement's id, sealed or not.
        var id: UUID? {
            switch self {
            case let .statement(id, _, _, _), let .sealed(id, _, _): id
            case .damaged: nil
            }
        }
    }

    /// The key that opens a PIN-protected learner's sealed lines, and whose they are.
    struct Opening {
        var learner: String
        var key: LearnerKey
    }

    /// Reads journal `name` in `folder` from `offset`, handing every line to `body`
    /// (false stops). A missing journal reads as empty (returns nil).
    @discardableResult
    static func scan(
        _ folder: SafeDirectory, _ name: String, from offset: UInt64 = 0, firstLine: Int = 1, opening: Opening? = nil, _ body: (Item) -> Bool
    ) throws(RecordFileError) -> LineFileReader.Summary? {
        guard let file = try folder.openForReading(name) else { return nil }
        return try scan(file, from: offset, firstLine: firstLine, opening: opening, body)
    }

    /// Sealed lines are opened with `opening` when it opens them, else handed on as
    /// `.sealed`.
    static func scan(
        _ file: OpenFile, from offset: UInt64 = 0, firstLine: Int = 1, opening: Opening? = nil, _ body: (Item) -> Bool
    ) throws(RecordFileError) -> LineFileReader.Summary {
        try LineFileReader.read(file, from: offset, firstLineNumber: firstLine, maximumLength: StatementLine.maximumLength) { event in
            switch event {
            case let .line(data, number, start):
                if SealedStatementLine.isSealed(data) {
                    guard let id = SealedStatementLine.id(of: data).flatMap(StatementLine.uuid) else {
                        return body(.damaged(DamagedLine(file: file.path, line: number, reason: "an encrypted record without a sound id")))
                    }
                    if let opening, let json = SealedStatementLine.open(data, key: opening.key, learner: opening.learner) {
                        return body(.statement(id, json: json, line: number, offset: start))
                    }
                    return body(.sealed(id, line: number, offset: start))
                }
                switch StatementLine.id(of: data) {
                case let .success(id): return body(.statement(id, json: data, line: number, offset: start))
                case let .failure(problem): return body(.damaged(DamagedLine(file: file.path, line: number, reason: problem.description)))
                }
            case let .overlong(number, _, length):
                return body(.damaged(DamagedLine(file: file.path, line: number, reason: StatementLine.Problem.tooLong(bytes: length).description)))
            }
        }
    }

    /// Rotated journals in the folder, oldest first.
    static func archives(in folder: SafeDirectory) throws(RecordFileError) -> [(number: Int, name: String)] {
        try folder.names().compactMap { name in OutboxLayout.archiveNumber(name).map { ($0, name) } }.sorted { $0.number < $1.number }
    }
}
