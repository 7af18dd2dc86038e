import Foundation

/// The parts of one xAPI statement a report uses, as `StatementScanner` found them. Every
/// field is nil when the statement lacks it; a field of the wrong JSON type is nil too,
/// and `typeProblem` names the first such field.
struct ScannedStatement: Sendable, Equatable {
    var id: String?
    var actorHomePage: String?
    var actorName: String?
    var verbID: String?
    var objectID: String?
    /// Ids of the `context.contextActivities` grouping and parent activities.
    var contextActivityIDs: [String] = []
    var timestamp: String?

    // context.extensions (keys matched by their `/extensions/<name>` end)
    var courseVersion: String?
    var attempt: Double?
    var run: Double?
    /// `context.team.account.name`.
    var team: String?

    // result
    var response: String?
    var success: Bool?
    var duration: String?
    var scaled: Double?
    var raw: Double?
    var maximum: Double?
    var quality: String?
    var timedOut: Bool?
    var ending: String?
    var rating: String?

    /// The first field the report reads that had another JSON type than expected, as a
    /// path such as `result.response`.
    var typeProblem: String?
}
