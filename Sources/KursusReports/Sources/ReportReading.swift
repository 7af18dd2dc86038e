import Foundation

/// One statement as the report's fact parser gets it: the bytes, in Kursus's compact
/// form whichever source it came from, and what the data directories know of its actor.
public struct ReadStatement: Sendable {
    public var statement: Data
    /// The actor's team and display name from their profile; nil when the actor is not a
    /// learner of a data directory read (an anonymous submission, a learner with no
    /// profile, a pseudonym without the site secret).
    public var team: String?
    public var name: String?
    /// The learner id behind the actor, when known.
    public var learner: String?
}

/// Reads a report's sources one after the other and hands every statement to the
/// consumer once: a statement id read again (from another source, or twice in one) is
/// counted as a duplicate and skipped, the first copy kept. Statements a source hands
/// over without an id (transfer files, whose lines the fact parser checks instead) pass
/// on, and the fact parser drops the repeats among them (`StatementOutcome.duplicate`). Memory holds one 16-byte
/// UUID per distinct statement (about 50 MB for 2 million in a `Set`), never the
/// statements.
///
/// ```swift
/// let (learners, problems) = LearnerDirectory.read(dataDirectories: [dataDirectory])
/// var reading = ReportReading.read([DataDirectorySource(directory: dataDirectory, courseID: course.id)],
///                                  learners: learners) { statement in facts.add(statement) }
/// reading.problems.insert(contentsOf: problems, at: 0)
/// ```
public enum ReportReading {
    /// Reads `sources` in order. The summary lists each source (its statements,
    /// duplicates included, and whether it was read completely), the totals, and every
    /// problem (each message once, naming its place); the counts the report builder
    /// makes (other courses, filtered, unreadable) are left at zero.
    /// With `concurrently` (the default) the sources are read on a thread of their own
    /// while `consume` runs on the caller's, in batches; without, everything happens on
    /// the caller's thread, one statement at a time (for tests that act between two).
    public static func read(
        _ sources: [any StatementSource], learners: LearnerDirectory = LearnerDirectory(), concurrently: Bool = true,
        _ consume: (ReadStatement) -> Void
    ) -> ReadingSummary {
        guard concurrently else {
            return readAll(sources, learners: learners, batchSize: 1) { batch in batch.forEach(consume) }
        }
        let pipe = StatementPipe()
        let result = ReadingResult()
        let thread = Thread {
            result.summary = readAll(sources, learners: learners, batchSize: batchSize) { batch in pipe.put(batch) }
            pipe.finish()
            result.done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        while let batch = pipe.take() {
            for statement in batch { consume(statement) }
        }
        result.done.wait()
        return result.summary
    }

    /// Statements per hand-over between the two threads.
    static let batchSize = 1024

    /// Reads every source in order, in batches of `batchSize` for `deliver`.
    static func readAll(
        _ sources: [any StatementSource], learners: LearnerDirectory, batchSize: Int, deliver: ([ReadStatement]) -> Void
    ) -> ReadingSummary {
        var seen = Set<UUID>()
        var summary = ReadingSummary()
        var problems = OrderedMessages()
        var batch: [ReadStatement] = []
        batch.reserveCapacity(batchSize)
        for source in sources {
            var log = SourceLog(location: source.location)
            var count = 0
            source.read(&log) { id, json in
                count += 1
                if let id, !seen.insert(id).inserted {
                    summary.duplicates += 1
                    return
                }
                let learner = learners.learner(of: json)
                batch.append(ReadStatement(statement: json, team: learner?.team, name: learner?.name, learner: learner?.id))
                if batch.count == batchSize {
                    deliver(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            summary.statementsRead += count
            summary.sources.append(SourceSummary(kind: source.kind, location: source.location, statements: count, complete: log.complete))
            log.messages.forEach { problems.add($0) }
        }
        if !batch.isEmpty { deliver(batch) }
        summary.problems = problems.messages
        return summary
    }
}

/// Messages in the order first met, each once.
struct OrderedMessages {
    private(set) var messages: [String] = []
    private var known: Set<String> = []

    mutating func add(_ message: String) {
        if known.insert(message).inserted { messages.append(message) }
    }
}

extension ReadingSummary {
    /// Whether every source was read to the end.
    public var complete: Bool { sources.allSatisfy(\.complete) }
}
