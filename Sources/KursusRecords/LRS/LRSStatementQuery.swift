import Foundation

/// The filters of GET /statements that Kursus uses. (Ralph's file-system backend
/// compares `since` and `until` with each statement's `timestamp`, not with `stored` as
/// xAPI says; see docs/records-lrs-notes.md.)
public struct LRSStatementQuery: Hashable, Sendable {
    /// Only statements stored after this instant.
    public var since: Date?
    /// Only statements stored at or before this instant.
    public var until: Date?
    /// Statements per page; nil or 0 lets the LRS choose.
    public var limit: Int?

    public init(since: Date? = nil, until: Date? = nil, limit: Int? = nil) {
        self.since = since
        self.until = until
        self.limit = limit
    }

    var queryItems: [URLQueryItem] {
        var items: [URLQueryItem] = []
        if let since { items.append(URLQueryItem(name: "since", value: Self.timestamp(since))) }
        if let until { items.append(URLQueryItem(name: "until", value: Self.timestamp(until))) }
        if let limit, limit > 0 { items.append(URLQueryItem(name: "limit", value: String(limit))) }
        return items
    }

    /// ISO 8601 in UTC with milliseconds, as xAPI timestamps are written.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}

/// One statement read back from the LRS: its id and its JSON as the LRS returned it
/// (with the LRS's own additions such as `stored` and `authority`).
public struct LRSFetchedStatement: Hashable, Sendable {
    public var id: String
    public var json: Data

    public init(id: String, json: Data) {
        self.id = id
        self.json = json
    }
}

/// A StatementResult (xAPI 1.0.3 §4.2): `statements` and an optional `more` link.
struct LRSStatementResult {
    var statements: [LRSFetchedStatement]
    /// nil when there is no further page (absent or empty).
    var more: String?

    init(json: Data) throws(LRSError) {
        guard let object = try? JSONSerialization.jsonObject(with: json), let result = object as? [String: Any] else {
            throw .invalidResponse(detail: "a statement result must be a JSON object")
        }
        guard let list = result["statements"] as? [Any] else {
            throw .invalidResponse(detail: "the statement result has no 'statements' list")
        }
        var statements: [LRSFetchedStatement] = []
        statements.reserveCapacity(list.count)
        for item in list {
            guard let statement = item as? [String: Any], let id = statement["id"] as? String,
                let data = try? JSONSerialization.data(withJSONObject: statement, options: [.sortedKeys])
            else {
                throw .invalidResponse(detail: "a statement in the result is not an object with an id")
            }
            statements.append(LRSFetchedStatement(id: id, json: data))
        }
        self.statements = statements
        switch result["more"] {
        case nil, is NSNull:
            more = nil
        case let text as String:
            more = text.isEmpty ? nil : text
        default:
            throw .invalidResponse(detail: "the statement result's 'more' is not text")
        }
    }
}
