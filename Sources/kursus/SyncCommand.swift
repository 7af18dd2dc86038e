import ArgumentParser
import Foundation
import KursusProgress
import KursusRecords
import KursusText

#if canImport(Glibc)
import Glibc
#endif

/// `kursus sync`: sends every learner's pending statements (or a record store's) to the
/// LRS the workstation config names, and records what became of each.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send pending learning records to the LRS.",
        discussion: """
            Sends the statements waiting in every learner's outbox under the data directory (or, with \
            --store, in a record store filled by 'kursus import') to the LRS in records.lrs of \
            <data-dir>/config.yaml, and records each answer: delivered, or rejected with the LRS's reason. \
            Nothing is marked delivered unless the LRS said it holds the statement, so a sync that is \
            stopped or killed loses nothing and sends again only what the LRS will recognise. \
            Exit status 0 when everything pending was delivered; 1 when some statements stay pending or \
            were rejected; 2 for bad arguments or a missing LRS setting. See docs/records.md.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(
        help: ArgumentHelp("The LRS's xAPI base address, such as http://lrs.example:8100/xAPI/ (instead of records.lrs.endpoint).", valueName: "url"))
    var lrs: String?

    @Option(
        help: ArgumentHelp(
            "A YAML file with 'username' and 'password' for the LRS, mode 600 (instead of records.lrs.credentials).", valueName: "file"))
    var credentials: String?

    @Option(help: ArgumentHelp("Send a record store filled by 'kursus import' instead of the learners' outboxes.", valueName: "dir"))
    var store: String?

    @Flag(help: "Count what would be sent; send nothing.")
    var dryRun = false

    func run() throws {
        let dataDirectory = data.resolved
        let settings: LRSSettings
        do {
            settings = try lrsSettings(dataDirectory)
        } catch {
            throw RecordsOutput.badArgument(error.localizedDescription)
        }
        let queues = try openQueues(dataDirectory)
        defer { queues.forEach { $0.close() } }
        let client: LRSClient
        do {
            client = LRSClient(address: try LRSAddress(settings.endpoint), credentials: try LRSCredentials.load(path: settings.credentialsFile.path))
        } catch {
            throw RecordsOutput.badArgument(error.description)
        }
        let display = SyncDisplay(onTerminal: isatty(STDERR_FILENO) == 1)
        let report = SyncRunner(client: client, progress: display.update).run(queues.map(\.queue), dryRun: dryRun)
        display.finish()
        summarise(report)
        for case let .outbox(outbox) in queues.map(\.kind) {
            if let note = outbox.sealedNote { ReportFormat.warn(note) }
        }
        if !dryRun { compact(queues) }
        throw ExitCode(report.exitCode)
    }

    /// The LRS from the options, else from config.yaml.
    private func lrsSettings(_ dataDirectory: URL) throws -> LRSSettings {
        let configured: LRSSettings?
        do {
            configured = RecordSettings(config: try WorkstationConfig.load(dataDirectory: dataDirectory), dataDirectory: dataDirectory).lrs
        } catch {
            throw SyncSetupError(error.description)
        }
        guard let endpoint = lrs ?? configured?.endpoint else {
            throw SyncSetupError(
                "no LRS is set up: add records.lrs.endpoint and records.lrs.credentials to \(dataDirectory.appendingPathComponent(WorkstationConfig.fileName).path), or give --lrs and --credentials"
            )
        }
        let file = credentials.map { URL(fileURLWithPath: $0) } ?? configured?.credentialsFile
        guard let file else {
            throw SyncSetupError("no credentials for the LRS: set records.lrs.credentials in config.yaml or give --credentials FILE")
        }
        return LRSSettings(endpoint: endpoint, credentialsFile: file)
    }

    /// The record store, or every learner's outbox (one whose sync is already running
    /// elsewhere is skipped, with a note).
    private func openQueues(_ dataDirectory: URL) throws -> [OpenQueue] {
        if let store {
            do {
                return [OpenQueue(store: try RecordStore.open(URL(fileURLWithPath: store)))]
            } catch {
                throw RecordsOutput.refuse(error.description)
            }
        }
        let listings: [OutboxDirectory.Listing]
        do {
            listings = try OutboxDirectory.learners(dataDirectory: dataDirectory)
        } catch {
            throw RecordsOutput.refuse(error.description)
        }
        var queues: [OpenQueue] = []
        for listing in listings {
            if let problem = listing.problem {
                ReportFormat.warn(problem.description)
                continue
            }
            do {
                queues.append(OpenQueue(outbox: try OutboxStore.open(dataDirectory: dataDirectory, learner: listing.learner)))
            } catch {
                ReportFormat.warn("\(listing.learner): \(error.description)")
            }
        }
        return queues
    }

    private func summarise(_ report: SyncReport) {
        if report.dryRun {
            RecordsOutput.say("\(report.total) statement\(report.total == 1 ? "" : "s") would be sent (dry run: nothing was sent).")
            return
        }
        RecordsOutput.say(
            "\(report.delivered) delivered, \(report.alreadyHeld) already held by the LRS, \(report.rejected.count) rejected, \(report.stillPending) still pending."
        )
        for rejection in report.rejected {
            ReportFormat.warn("\(rejection.queue): statement \(rejection.id) rejected (\(rejection.status)): \(rejection.reason)")
        }
        if let stop = report.stoppedBecause { ReportFormat.warn(stop.description) }
    }

    /// Outboxes whose every statement is handled start a fresh journal (never while the
    /// learner plays: compaction takes the learner's lock without waiting).
    private func compact(_ queues: [OpenQueue]) {
        for case .outbox(let outbox) in queues.map(\.kind) {
            _ = try? outbox.compact()
        }
    }
}

/// An opened outbox or record store, closed (its lock released) when the sync ends.
struct OpenQueue {
    enum Kind {
        case outbox(OutboxStore)
        case store(RecordStore)
    }

    let kind: Kind

    init(outbox: OutboxStore) { kind = .outbox(outbox) }
    init(store: RecordStore) { kind = .store(store) }

    var queue: any StatementQueue {
        switch kind {
        case .outbox(let outbox): outbox
        case .store(let store): store
        }
    }

    func close() {
        switch kind {
        case .outbox(let outbox): outbox.close()
        case .store(let store): store.close()
        }
    }
}

struct SyncSetupError: Error, LocalizedError {
    let message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
}
