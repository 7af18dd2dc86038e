import ArgumentParser
import Foundation
import KursusProgress
import KursusRecords
import KursusText

/// `kursus outbox`: what became of the learners' statements on this PC.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Show each learner's statements waiting to be sent, sent, and rejected (with the reason).",
        discussion: """
            Reads <data-dir>/learners/<id>/outbox/ without changing anything. Exit status 0; 1 when an \
            outbox could not be read (the others are still shown); 2 for a bad learner id. See docs/records.md.
            """
    )

    @Option(help: ArgumentHelp("Only this learner. Default: every learner with an outbox.", valueName: "id"))
    var learner: String?

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    @OptionGroup var data: DataOptions

    func run() throws {
        var rows: [Row] = []
        if let learner {
            let id = try RecordsOutput.learnerID(learner)
            do {
                rows.append(Row(counts: try OutboxCounts.read(dataDirectory: data.resolved, learner: id)))
            } catch {
                throw RecordsOutput.refuse(error.description)
            }
        } else {
            let listings: [OutboxDirectory.Listing]
            do {
                listings = try OutboxDirectory.learners(dataDirectory: data.resolved)
            } catch {
                throw RecordsOutput.refuse(error.description)
            }
            for listing in listings {
                if let problem = listing.problem {
                    rows.append(Row(learner: listing.learner, problem: problem.description))
                    continue
                }
                do {
                    rows.append(Row(counts: try OutboxCounts.read(dataDirectory: data.resolved, learner: listing.learner)))
                } catch {
                    rows.append(Row(learner: listing.learner, problem: error.description))
                }
            }
        }
        for row in rows {
            if let problem = row.problem { ReportFormat.warn(problem) }
            if let warning = row.warning { ReportFormat.warn(warning) }
            if row.sealed > 0 { ReportFormat.warn(SealedStatementLine.note(count: row.sealed, learner: row.learner)) }
            if row.tornLastLine {
                ReportFormat.warn(
                    "the last line of \(row.journal) has no line end (a write cut off by a crash, or one in progress); it is not counted")
            }
            RecordsOutput.warnDamaged(row.damaged, total: row.damagedLines)
        }
        switch format {
        case .json:
            print(try RecordsOutput.json(rows))
        case .table:
            printTable(rows)
        }
        if rows.contains(where: { $0.problem != nil }) { throw ExitCode(1) }
    }

    private func printTable(_ rows: [Row]) {
        guard !rows.isEmpty else {
            RecordsOutput.say("No learner has an outbox in \(data.resolved.appendingPathComponent("learners").path).")
            return
        }
        let table = rows.map { row in
            row.problem == nil
                ? [row.learner, "\(row.pending)", "\(row.sent)", "\(row.rejected.count)"]
                : [row.learner, "cannot be read (see the warning above)"]
        }
        print(ReportTable.render(header: ["LEARNER", "PENDING", "SENT", "REJECTED"], rows: table), terminator: "")
        let rejections = rows.flatMap { row in row.rejected.map { (row.learner, $0) } }
        guard !rejections.isEmpty else { return }
        print("")
        print("Rejected by the LRS (kept, not sent again):")
        let lines = rejections.map { learner, rejection in
            [learner, rejection.id, "\(rejection.status)", RecordsOutput.localTime(rejection.at), rejection.reason]
        }
        print(ReportTable.render(header: ["LEARNER", "STATEMENT", "STATUS", "AT", "REASON"], rows: lines), terminator: "")
    }

    /// One learner's line, as the table and the JSON show it.
    struct Row: Encodable {
        struct Rejected: Encodable {
            var id: String
            var status: Int
            var reason: String
            var at: Date
        }

        var learner: String
        var pending = 0
        var sent = 0
        var rejected: [Rejected] = []
        var damagedLines = 0
        var tornLastLine = false
        var archivedJournals = 0
        var warning: String?
        var problem: String?
        var journal = ""
        var damaged: [DamagedLine] = []
        /// Pending statements sealed with the learner's PIN.
        var sealed = 0

        enum CodingKeys: String, CodingKey {
            case learner, pending, sent, rejected, damagedLines, tornLastLine, archivedJournals, warning, problem, sealed
        }

        init(learner: String, problem: String) {
            self.learner = learner
            self.problem = problem
        }

        init(counts: OutboxCounts) {
            learner = counts.learner
            pending = counts.pending
            sent = counts.sent
            rejected = counts.rejected.map { Rejected(id: $0.id, status: $0.status, reason: $0.reason, at: $0.at) }
            damagedLines = counts.damagedCount
            tornLastLine = counts.tornLastLine
            archivedJournals = counts.archivedJournals
            warning = counts.warning
            damaged = counts.damaged
            journal = counts.journalPath
            sealed = counts.sealed
        }
    }
}
