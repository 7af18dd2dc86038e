import Foundation
import KursusRecords

/// A transfer file made by `kursus export` (`.kursus-records`, docs/records-outbox.md),
/// read with `TransferReader`, which trusts nothing in it: its archive directory,
/// member sizes, zip-bomb ratio, each line and the manifest's counts and SHA-256 are
/// checked within `limits`. A FIFO or anything but a plain file is refused without
/// waiting.
///
/// Unlike `kursus import`, which takes all of a file or nothing, a report keeps the
/// statements read before a problem in the middle of the file (each line was a whole
/// statement with its id): the problem names the file and says how far reading got, and
/// the source is incomplete.
public struct TransferFileSource: StatementSource {
    public let file: URL
    public let limits: TransferLimits

    public init(file: URL, limits: TransferLimits = .standard) {
        self.file = file
        self.limits = limits
    }

    public var kind: SourceSummary.Kind { .transfer }
    public var location: String { file.path }

    public func read(_ log: inout SourceLog, _ body: (UUID?, Data) -> Void) {
        let reader: TransferReader
        do {
            reader = try TransferReader.open(file, limits: limits)
        } catch {
            log.problem("transfer file \(Self.describe(error)); nothing of it was read. Copy it again, or export it again on the PC it came from")
            return
        }
        var count = 0
        do {
            // Lines are not read as JSON here: the fact parser reads every statement anyway.
            try reader.readStatements(checkingLines: false) { statement in
                count += 1
                body(nil, statement.json)
            }
        } catch {
            let kept =
                count == 0
                ? "nothing of it was read" : "the \(count) statements before the problem are in the report, the rest is left out"
            let described = (error as? TransferError).map(Self.describe) ?? RecordStoreSource.describe(error)
            log.problem("transfer file \(described); \(kept)")
        }
    }

    /// What is wrong with the file, without the advice `kursus import` gives (a report
    /// imports nothing).
    static func describe(_ error: TransferError) -> String {
        switch error {
        case let .cannotRead(path, reason): "\(path): cannot read the file: \(reason)"
        case let .damaged(path, reason): "\(path): the file is damaged or incomplete (\(reason))"
        case let .unsafe(path, reason): "\(path): refused: \(reason); Kursus never writes this"
        case let .tooLarge(path, reason): "\(path): refused: \(reason)"
        case let .badManifest(path, reason): "\(path): the manifest does not fit the file: \(reason)"
        case let .newerFormat(path, found, supported):
            "\(path): written by a newer Kursus (format version \(found); this one reads up to \(supported)); update Kursus on this machine"
        case let .badStatement(path, line, reason): "\(path): statements.jsonl line \(line): \(reason)"
        case let .conflictingDuplicate(path, id, lines):
            "\(path): statement \(id) appears on lines \(lines.map(String.init).joined(separator: " and ")) of statements.jsonl with different contents"
        case .outputExists, .cannotWrite, .outbox: error.description
        }
    }
}
