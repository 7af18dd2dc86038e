import ArgumentParser
import Foundation
import KursusRecords
import KursusText

/// `kursus import`: a transfer file into the trainer's local record store.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the statements of a transfer file (.kursus-records) to the local record store.",
        discussion: """
            A file that is damaged, cut off, too large, or holds anything Kursus never writes is refused \
            whole: nothing of it is imported. Statements the store already holds are left out, so importing \
            a file twice adds nothing. A statement whose id the store holds with other content is reported \
            and left out; the rest is imported (exit status 1). Exit status 0 when everything was imported \
            or already there; 1 when the file was refused or statements were left out. See docs/records.md.
            """
    )

    @Argument(help: ArgumentHelp("The transfer file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The record store folder. Default: <data-dir>/records.", valueName: "dir"))
    var store: String?

    @OptionGroup var data: DataOptions

    func run() throws {
        guard !file.isEmpty else { throw RecordsOutput.badArgument("give the transfer file to import") }
        let storeURL = RecordsOutput.storeFolder(store, data: data)
        let report: ImportReport
        do {
            let reader = try TransferReader.open(URL(fileURLWithPath: file))
            let records = try RecordStore.open(storeURL)
            defer { records.close() }
            report = try records.importFile(reader, source: URL(fileURLWithPath: file).lastPathComponent, now: Date())
        } catch let error as TransferError {
            throw RecordsOutput.refuse(error.description)
        } catch let error as RecordStoreError {
            throw RecordsOutput.refuse(error.description)
        }
        for conflict in report.conflicts {
            ReportFormat.warn(
                "statement \(conflict.id) (learner \(conflict.learner), line \(conflict.line) of statements.jsonl) is in the store with other content; "
                    + "it was left out. Keep the transfer file and ask IT support to compare the two"
            )
        }
        if report.conflictCount > report.conflicts.count {
            ReportFormat.warn("\(report.conflictCount - report.conflicts.count) more statements were left out for the same reason")
        }
        let manifest = report.manifest
        RecordsOutput.say(
            "Imported \(report.file) into \(storeURL.path): \(report.added) new statement\(report.added == 1 ? "" : "s"), "
                + "\(report.alreadyPresent) already there, \(report.conflictCount) left out."
        )
        RecordsOutput.say(
            "The file was written \(RecordsOutput.localTime(manifest.createdAt)) by Kursus \(manifest.kursusVersion) "
                + "for \(Self.learners(manifest)). "
                + "The store holds \(report.statementsInStore) statement\(report.statementsInStore == 1 ? "" : "s")."
        )
        if report.conflictCount > 0 { throw ExitCode(1) }
    }
}

extension ImportCommand {
    /// The learners a file is for: their ids, or how many when there are more than 10.
    static func learners(_ manifest: TransferManifest) -> String {
        switch manifest.learners.count {
        case 0: "no learners"
        case 1...10: manifest.learners.map(\.learner).joined(separator: ", ")
        default: "\(manifest.learners.count) learners"
        }
    }
}
