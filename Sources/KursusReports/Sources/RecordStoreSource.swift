import Foundation
import KursusRecords

/// A record store filled by `kursus import` (docs/records-outbox.md, "The record store"),
/// read with `RecordStore.forEachStatement(in:)`: every statement in import order,
/// without the store's lock, so a running import or sync is neither waited for nor
/// disturbed. A store that is missing, a link, or damaged (a segment cut short, a
/// catalog that disagrees with a segment) gives a problem naming the file; the
/// statements read before it stay in the report and the source is incomplete.
public struct RecordStoreSource: StatementSource {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public var kind: SourceSummary.Kind { .store }
    public var location: String { folder.path }

    public func read(_ log: inout SourceLog, _ body: (UUID?, Data) -> Void) {
        var count = 0
        var badIDs = 0
        do {
            try RecordStore.forEachStatement(in: folder) { statement in
                guard let id = StatementLine.uuid(statement.id) else {
                    badIDs += 1
                    return
                }
                count += 1
                body(id, statement.json)
            }
        } catch {
            let place = count == 0 ? "" : " after \(count) statements"
            log.problem("record store \(folder.path) could not be read to the end\(place): \(Self.describe(error))")
        }
        if badIDs > 0 { log.problem("record store \(folder.path): \(badIDs) statements without a lowercase UUID id were skipped") }
    }

    static func describe(_ error: any Error) -> String {
        String(describing: error)
    }
}
