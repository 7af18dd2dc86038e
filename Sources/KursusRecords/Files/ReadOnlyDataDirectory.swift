import Foundation
import KursusProgress

/// A data directory read by someone who must change nothing in it: `kursus report`
/// reading a workstation's folder while players may be using it. No lock is taken, no
/// file is made, and, as everywhere below a data directory, no symbolic link is followed
/// (`SafeDirectory`): a link, a FIFO or a device where a file or folder should be is
/// reported with its path, never opened.
public enum ReadOnlyDataDirectory {
    /// A learner folder under `<data-dir>/learners/`, or why it cannot be used.
    public struct Learner: Hashable, Sendable {
        public var id: String
        /// Why the folder cannot be read (a symbolic link, no permission); nil when fine.
        public var problem: RecordFileError?
    }

    /// What reading a learner's journals met besides statements.
    public struct JournalReading: Hashable, Sendable {
        /// Journals read: rotated ones (`statements.<n>.jsonl.done`) and the live one.
        public var journals = 0
        /// Lines that are not statements (at most `OutboxCounts.damagedListed` listed).
        public var damaged: [DamagedLine] = []
        public var damagedCount = 0
        /// Journals whose last line has no "\n" (a write in progress or cut off by a
        /// crash): those bytes are not a statement and are left out.
        public var tornLastLines: [String] = []
        /// Lines sealed with the learner's PIN, not read (`SealedStatementLine.note`).
        public var sealed = 0
    }

    /// Every folder in `<data-dir>/learners/` named like a learner id, sorted. Other names
    /// are skipped; a folder that is a link or cannot be opened is listed with its
    /// problem. Throws when the data directory or its `learners` folder is unusable; a
    /// data directory without a `learners` folder has no learners.
    public static func learners(dataDirectory: URL) throws(RecordFileError) -> [Learner] {
        guard let folder = try SafeDirectory.open(dataDirectory).subdirectoryIfPresent("learners") else { return [] }
        var learners: [Learner] = []
        for name in try folder.names() where (try? LearnerID.validate(name)) != nil {
            do {
                guard try folder.kind(of: name) != .file else { continue }
                _ = try folder.subdirectory(name, create: false)
                learners.append(Learner(id: name))
            } catch {
                learners.append(Learner(id: name, problem: error))
            }
        }
        return learners
    }

    /// The file at `components` below the data directory (`["config.yaml"]`,
    /// `["learners", "anna", "profile.json"]`), or nil when it or a folder on the way is
    /// not there. A file larger than `limit` bytes is refused.
    public static func file(in dataDirectory: URL, _ components: [String], limit: Int) throws(RecordFileError) -> Data? {
        guard let name = components.last else { return nil }
        var folder = try SafeDirectory.open(dataDirectory)
        for component in components.dropLast() {
            guard let next = try folder.subdirectoryIfPresent(component) else { return nil }
            folder = next
        }
        guard let file = try folder.openForReading(name) else { return nil }
        return try file.readAll(limit: limit)
    }

    /// Hands every statement line of the learner's outbox journals to `body` with its id
    /// (rotated journals first, oldest first, then the live journal), in file order and
    /// without removing repeats: the caller deduplicates. `body` returns false to stop.
    /// A learner without an outbox reads as empty.
    @discardableResult
    public static func journalStatements(
        dataDirectory: URL, learner: String, _ body: (UUID, Data) -> Bool
    ) throws(OutboxError) -> JournalReading {
        guard let folder = try OutboxFiles.outboxFolder(dataDirectory: dataDirectory, learner: learner, create: false) else {
            return JournalReading()
        }
        var reading = JournalReading()
        do {
            let journals = try OutboxFiles.archives(in: folder).map(\.name) + [OutboxLayout.journalName]
            var stopped = false
            for journal in journals where !stopped {
                let summary = try OutboxFiles.scan(folder, journal) { item in
                    switch item {
                    case let .statement(id, json, _, _):
                        stopped = !body(id, json)
                        return !stopped
                    case .sealed:
                        reading.sealed += 1
                        return true
                    case let .damaged(line):
                        reading.damagedCount += 1
                        if reading.damaged.count < OutboxCounts.damagedListed { reading.damaged.append(line) }
                        return true
                    }
                }
                guard let summary else { continue }
                reading.journals += 1
                if !summary.stopped, summary.unfinishedLength > 0 { reading.tornLastLines.append(folder.pathOf(journal)) }
            }
        } catch {
            throw .file(error)
        }
        return reading
    }

    /// The id of one statement line (a JSON object whose `"id"` is a lowercase UUID), or
    /// why the line is not one; the check every journal, transfer file and store applies.
    public static func statementID(_ line: Data) -> Result<UUID, StatementLineProblem> {
        StatementLine.id(of: line).mapError { StatementLineProblem(description: $0.description) }
    }
}

/// Why a line is not a statement, in words that never quote the line.
public struct StatementLineProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
}
