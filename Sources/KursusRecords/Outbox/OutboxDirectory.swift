import Foundation
import KursusProgress

/// The outboxes of a whole data directory, read without locks: which learners have
/// one, and their statements streamed for an export.
public enum OutboxDirectory {
    /// A learner with an outbox folder, or a learner whose outbox cannot be reached.
    public struct Listing: Hashable, Sendable {
        public var learner: String
        /// Why the outbox cannot be read (a symbolic link, no permission); nil when fine.
        public var problem: OutboxError?
    }

    /// Every learner in `<data-dir>/learners/` with an `outbox` folder, sorted by id.
    /// Names that are not learner ids (temporary files, `.DS_Store`) are skipped; a
    /// learner folder or outbox that is a symbolic link is listed with its problem.
    public static func learners(dataDirectory: URL) throws(OutboxError) -> [Listing] {
        let learners: SafeDirectory
        let names: [String]
        do {
            guard let folder = try SafeDirectory.open(dataDirectory).subdirectoryIfPresent("learners") else { return [] }
            learners = folder
            names = try folder.names()
        } catch {
            if case .missing = error { return [] }
            throw .file(error)
        }
        var listings: [Listing] = []
        for name in names where (try? LearnerID.validate(name)) != nil {
            do {
                guard let learner = try learners.subdirectoryIfPresent(name),
                    try learner.subdirectoryIfPresent(OutboxLayout.folderName) != nil
                else { continue }
                listings.append(Listing(learner: name))
            } catch {
                if case .wrongKind = error { continue }
                listings.append(Listing(learner: name, problem: .file(error)))
            }
        }
        return listings
    }

    /// Streams the learner's statements, each id once, oldest first: only those neither
    /// delivered nor rejected, or with `includeHandled` every statement, rotated
    /// journals first. `body` returns false to stop. Returns the lines that could not be
    /// read (never handed to `body`; at most `OutboxCounts.damagedListed`) and how many
    /// there were.
    @discardableResult
    public static func statements(
        dataDirectory: URL, learner: String, includeHandled: Bool, _ body: (PendingStatement) -> Bool
    ) throws(OutboxError) -> (damaged: [DamagedLine], damagedCount: Int) {
        guard let folder = try OutboxFiles.outboxFolder(dataDirectory: dataDirectory, learner: learner, create: false) else { return ([], 0) }
        do {
            let log: DeliveryLog? = includeHandled ? nil : try DeliveryLog(folder: folder)
            let journals = (includeHandled ? try OutboxFiles.archives(in: folder).map(\.name) : []) + [OutboxLayout.journalName]
            var seen = Set<UUID>()
            var damaged: [DamagedLine] = []
            var damagedCount = 0
            var stopped = false
            for journal in journals where !stopped {
                try OutboxFiles.scan(folder, journal) { item in
                    switch item {
                    case let .statement(id, json, _, _):
                        guard seen.insert(id).inserted, log?.isHandled(id) != true else { return true }
                        stopped = !body(PendingStatement(id: StatementLine.string(id), json: json))
                        return !stopped
                    case .sealed:
                        // Sealed with the learner's PIN: `OutboxCounts.sealedNote` says so.
                        return true
                    case let .damaged(line):
                        damagedCount += 1
                        if damaged.count < OutboxCounts.damagedListed { damaged.append(line) }
                        return true
                    }
                }
            }
            return (damaged, damagedCount)
        } catch {
            throw .file(error)
        }
    }
}
