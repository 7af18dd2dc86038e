import Foundation
import KursusRecords

/// Valid xAPI 1.0.3 statements for tests: an agent identified by an account, the verb
/// `answered`, an activity object, a fixed timestamp with a time zone, a lowercase UUID.
///
/// Each test takes its own `window` of timestamps, so it can read back exactly its own
/// statements with `since` and `until` from an LRS other tests also write to.
enum TestStatements {
    static let answered = "http://adlnet.gov/expapi/verbs/answered"

    /// A span of a minute in 2031 that no other test uses (by chance: one in 500,000).
    struct Window {
        let start: Date

        init() {
            let base = Date(timeIntervalSince1970: 1_924_992_000)  // 2031-01-01T00:00:00Z
            start = base.addingTimeInterval(TimeInterval(Int.random(in: 0..<500_000) * 60))
        }

        /// The timestamp of statement `index` (milliseconds apart).
        func timestamp(_ index: Int) -> Date { start.addingTimeInterval(TimeInterval(index) / 1000) }

        /// Reads back every statement of the window, `limit` per page.
        func query(limit: Int? = nil) -> LRSStatementQuery {
            LRSStatementQuery(since: start.addingTimeInterval(-0.001), until: start.addingTimeInterval(59), limit: limit)
        }
    }

    static func id() -> String { UUID().uuidString.lowercased() }

    static func statement(
        id: String = id(), at timestamp: Date, learner: String = "anna", question: String = "q1",
        response: String = "b", extra: [String: Any] = [:]
    ) -> PendingStatement {
        var object: [String: Any] = [
            "id": id,
            "actor": ["objectType": "Agent", "account": ["homePage": "https://kursus.example.dk", "name": learner]],
            "verb": ["id": answered, "display": ["en-US": "answered"]],
            "object": ["objectType": "Activity", "id": "https://kursus.example.dk/courses/hygiejne/\(question)"],
            "result": ["response": response],
            "timestamp": format(timestamp),
        ]
        object.merge(extra) { _, new in new }
        return PendingStatement(id: id, json: json(object))
    }

    /// `count` statements at the window's first `count` milliseconds.
    static func batch(_ count: Int, in window: Window, learner: String = "anna") -> [PendingStatement] {
        (0..<count).map { statement(at: window.timestamp($0), learner: learner, question: "q\($0)") }
    }

    /// JSON bytes with sorted keys.
    static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// The decoded JSON object of a statement read back from the LRS.
    static func object(_ statement: LRSFetchedStatement) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: statement.json)) as? [String: Any]) ?? [:]
    }
}
