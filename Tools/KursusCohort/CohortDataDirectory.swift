import Foundation
import KursusProgress
import KursusRecords

/// A cohort written as a workstation's data directory, as the player leaves it: each
/// learner's profile with their team (`LearnerRegistry`), their statements in their
/// outbox journal (`OutboxJournal`, the player's own writer), the site secret the
/// statements were keyed with, and a `config.yaml` with the record settings used.
extension CohortOutput {
    /// Writes into `folder`, which must be missing or empty (a generated cohort is never
    /// mixed into a real workstation's learners).
    @discardableResult
    public static func writeDataDirectory(_ cohort: CohortGenerator, to folder: URL) throws(CohortError) -> Summary {
        try prepare(folder, cohort)
        let registry = LearnerRegistry(dataDirectory: folder)
        let created = cohort.options.start.addingTimeInterval(-7 * 86_400)
        var summary = Summary(learners: 0, startedLearners: 0, statements: 0, files: [])
        try CohortBatches.forEach(cohort) { (learner, statements) throws(CohortError) in
            count(statements, into: &summary)
            do {
                _ = try registry.add(id: learner.id, displayName: learner.displayName, team: learner.team, pin: nil, now: created)
                guard !statements.isEmpty else { return }
                let journal = try OutboxJournal(dataDirectory: folder, learner: learner.id)
                let lines = statements.map { OutboxStatement(id: $0.id, json: String(decoding: $0.json, as: UTF8.self)) }
                try journal.append(lines, knownEnd: 0, sync: false)
                try journal.sync()
            } catch {
                throw .cannotWrite(path: folder.appendingPathComponent("learners").appendingPathComponent(learner.id).path, reason: "\(error)")
            }
        }
        return summary
    }

    static func prepare(_ folder: URL, _ cohort: CohortGenerator) throws(CohortError) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .cannotWrite(path: folder.path, reason: "this is a file, not a folder; choose a new folder") }
            let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? ["?"]
            guard entries.isEmpty else {
                throw .cannotWrite(path: folder.path, reason: "the folder is not empty; a cohort is written only into a new or empty folder")
            }
        }
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try write(cohort.siteSecret, to: folder.appendingPathComponent(SiteSecret.fileName))
            let settings = cohort.options.settings
            let config = """
                # A generated cohort (scripts/make-cohort, seed \(cohort.options.seed)): made-up learners, not real people.
                records:
                  activity-base: \(settings.activityBase)
                  account-homepage: \(settings.accountHomePage)
                  pseudonymous: \(settings.pseudonymous)

                """
            try write(Data(config.utf8), to: folder.appendingPathComponent(WorkstationConfig.fileName))
        } catch let error as CohortError {
            throw error
        } catch {
            throw .cannotWrite(path: folder.path, reason: "\(error)")
        }
    }

    /// A new file readable only by its owner.
    static func write(_ data: Data, to url: URL) throws(CohortError) {
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw .cannotWrite(path: url.path, reason: "it could not be created; check that the folder is writable")
        }
    }
}
