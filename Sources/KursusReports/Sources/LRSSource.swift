import Foundation
import KursusRecords

/// A Learning Record Store, read through `GET /statements` (xAPI 1.0.3 §2.1.3) with
/// `since` and `until` from the report's filters, page by page through `more`
/// (`LRSClient.forEachStatementPage`), one page in memory at a time.
///
/// The LRS returns each statement with what it added: `stored`, `authority` and
/// `version`, its own key order and number forms. `kursusForm` removes those three and
/// writes the rest as Kursus writes a statement (compact, keys sorted, one form per
/// number, `JSONWriter`), so a statement read back from an LRS has the bytes it was sent
/// with (tested against Ralph), and the report reads it exactly as from a journal.
///
/// The window is widened by a millisecond at `since` because Ralph's `since` is
/// exclusive where the report's is inclusive; the report filters every statement by its
/// own timestamp afterwards. Ralph compares `since`/`until` with each statement's
/// `timestamp`; an LRS that compares `stored`, as xAPI says, would leave out statements
/// stored after `until` (a laptop synced late), so `kursus report` passes only `since`.
///
/// An LRS that stops answering part-way gives a problem naming it and saying how far
/// reading got (statements and pages); the report is made from what was read, and the
/// source is incomplete.
public struct LRSSource: StatementSource {
    public let client: LRSClient
    public let since: Date?
    public let until: Date?
    /// Statements per page asked for; nil lets the LRS choose (Ralph: 100).
    public let pageSize: Int?

    public init(client: LRSClient, since: Date? = nil, until: Date? = nil, pageSize: Int? = nil) {
        self.client = client
        self.since = since
        self.until = until
        self.pageSize = pageSize
    }

    public var kind: SourceSummary.Kind { .lrs }
    /// The address without credentials (they are never part of it).
    public var location: String { client.address.description }

    /// Keys an LRS adds to a statement it stores (xAPI 1.0.3 §2.4): left out of what the
    /// report reads.
    public static let addedByLRS: Set<String> = ["stored", "authority", "version"]

    public func read(_ log: inout SourceLog, _ body: (UUID?, Data) -> Void) {
        let query = LRSStatementQuery(since: since.map { $0.addingTimeInterval(-0.001) }, until: until, limit: pageSize)
        var statements = 0
        var pages = 0
        var unusable = 0
        do {
            try client.forEachStatementPage(query) { page in
                pages += 1
                for fetched in page {
                    guard let id = StatementLine.uuid(fetched.id), let json = Self.kursusForm(fetched.json) else {
                        unusable += 1
                        continue
                    }
                    statements += 1
                    body(id, json)
                }
            }
        } catch {
            let described = RecordStoreSource.describe(error)
            if pages == 0 {
                log.problem("the LRS at \(location) could not be read: \(described)")
            } else {
                log.problem(
                    "the LRS at \(location) stopped answering after \(statements) statements in \(pages) \(pages == 1 ? "page" : "pages"): \(described); "
                        + "the report shows what was read")
            }
        }
        if unusable > 0 {
            log.problem(
                "the LRS at \(location) returned \(unusable) statements without a lowercase UUID id or that are not JSON objects; they are left out",
                incomplete: false)
        }
    }

    /// The statement as Kursus wrote it: without the keys the LRS adds, compact, keys
    /// sorted. Nil when it is not a JSON object.
    public static func kursusForm(_ json: Data) -> Data? {
        guard case .object(var members) = try? JSONParser.parse(json) else { return nil }
        for key in addedByLRS { members[key] = nil }
        return JSONWriter.data(.object(members))
    }
}
