import ArgumentParser
import Foundation
import KursusRecords
import KursusText

/// `kursus export`: learners' statements into one transfer file for a USB stick.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write learners' statements to a transfer file (.kursus-records) to carry to the trainer's machine.",
        discussion: """
            Only statements not yet sent, or every statement with --all. The outboxes are not changed: \
            statements stay pending until a sync delivers them. The file is written completely or not at \
            all, and an existing file is only replaced with --force. On the trainer's machine: kursus import FILE. \
            Exit status 0; 1 when nothing was written or a learner's outbox could not be read (the file then \
            holds the others); 2 for a bad learner id. See docs/records.md.
            """
    )

    @Option(name: .customLong("out"), help: ArgumentHelp("The transfer file to write, e.g. /media/usb/afsnit4.kursus-records.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("Only this learner. Default: every learner with an outbox.", valueName: "id"))
    var learner: String?

    @Flag(help: "Every statement in the outboxes, also those already sent or rejected.")
    var all = false

    @Flag(help: "Replace the file if it exists.")
    var force = false

    @OptionGroup var data: DataOptions

    func run() throws {
        let learners = try learner.map { [try RecordsOutput.learnerID($0)] }
        guard !output.isEmpty else { throw RecordsOutput.badArgument("--out needs a file name") }
        let summary: OutboxExport.Summary
        do {
            summary = try OutboxExport.export(
                dataDirectory: data.resolved, learners: learners, includeHandled: all, to: URL(fileURLWithPath: output),
                overwrite: force, kursusVersion: KursusVersion.current, now: Date()
            )
        } catch {
            throw RecordsOutput.refuse(error.description)
        }
        RecordsOutput.warnDamaged(summary.damaged, total: summary.damagedCount)
        for skipped in summary.skipped {
            ReportFormat.warn("learner \(skipped.learner) is not in the file: \(skipped.problem?.description ?? "the outbox cannot be read")")
        }
        let manifest = summary.manifest
        let noun = manifest.statements == 1 ? "statement" : "statements"
        let what = all ? "\(noun) (all)" : "\(noun) not yet sent"
        let learnerCount = "\(manifest.learners.count) learner\(manifest.learners.count == 1 ? "" : "s")"
        RecordsOutput.say("Wrote \(manifest.statements) \(what) of \(learnerCount) to \(summary.output).")
        if !manifest.learners.isEmpty {
            print(
                ReportTable.render(header: ["LEARNER", "STATEMENTS"], rows: manifest.learners.map { [$0.learner, "\($0.statements)"] }),
                terminator: "")
        }
        if !summary.skipped.isEmpty { throw ExitCode(1) }
    }
}
