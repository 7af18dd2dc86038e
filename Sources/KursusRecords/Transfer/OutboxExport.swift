import Foundation

/// `kursus export`: learners' statements from their outboxes into one transfer file.
/// Exporting changes no outbox: the statements stay pending until a sync delivers them
/// (the LRS and the record store both take a statement they already hold as done).
public enum OutboxExport {
    public struct Summary: Hashable, Sendable {
        public var output: String
        public var manifest: TransferManifest
        /// Journal lines that are not statements, left out (at most 20 per learner listed).
        public var damaged: [DamagedLine]
        public var damagedCount: Int
        /// Learners whose outbox could not be reached when the data directory was listed
        /// (a symbolic link, no permission): left out of the file, which holds the others.
        public var skipped: [OutboxDirectory.Listing]
    }

    /// Writes the statements of `learners` (nil: every learner with an outbox) to
    /// `output`: only pending ones, or every statement with `includeHandled`.
    public static func export(
        dataDirectory: URL, learners: [String]?, includeHandled: Bool, to output: URL, overwrite: Bool,
        kursusVersion: String, now: Date, limits: TransferLimits = .standard
    ) throws(TransferError) -> Summary {
        let listings: [OutboxDirectory.Listing]
        do throws(OutboxError) {
            if let learners {
                listings = learners.map { OutboxDirectory.Listing(learner: $0) }
            } else {
                listings = try OutboxDirectory.learners(dataDirectory: dataDirectory)
            }
        } catch {
            throw .outbox(error)
        }
        let writer = try TransferWriter(
            output: output, overwrite: overwrite, kursusVersion: kursusVersion, selection: includeHandled ? "all" : "pending",
            createdAt: now, limits: limits
        )
        var damaged: [DamagedLine] = []
        var damagedCount = 0
        var skipped: [OutboxDirectory.Listing] = []
        for listing in listings {
            if listing.problem != nil {
                skipped.append(listing)
                continue
            }
            writer.beginLearner(listing.learner)
            var failure: TransferError?
            do throws(OutboxError) {
                let result = try OutboxDirectory.statements(dataDirectory: dataDirectory, learner: listing.learner, includeHandled: includeHandled) {
                    statement in
                    do throws(TransferError) {
                        try writer.add(statement)
                        return true
                    } catch {
                        failure = error
                        return false
                    }
                }
                damaged += result.damaged
                damagedCount += result.damagedCount
            } catch {
                // Part of a learner's statements would make a file that looks whole: stop.
                throw .outbox(error)
            }
            if let failure { throw failure }
        }
        let manifest = try writer.finish()
        return Summary(output: output.path, manifest: manifest, damaged: damaged, damagedCount: damagedCount, skipped: skipped)
    }
}
