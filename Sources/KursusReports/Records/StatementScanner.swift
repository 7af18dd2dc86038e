import Foundation
import KursusRecords

/// Reads the members of an xAPI statement a report needs (`ScannedStatement`) straight
/// from its bytes, validating the whole statement as strict JSON on the way
/// (`JSONScanner`). What it reads, by path:
///
/// - `id`, `timestamp`, `actor.account.homePage`, `actor.account.name`, `verb.id`,
///   `object.id`;
/// - `context.contextActivities.grouping[].id` and `.parent[].id` (an array, or one
///   activity);
/// - `context.extensions`: the keys ending in `/extensions/course-version`, `attempt`,
///   `run` (the activity base in front is the site's, unknown to a report);
/// - `context.team.account.name`;
/// - `result.response`, `success`, `duration`, `score.scaled`, `score.raw`,
///   `score.max`, and the result extensions `quality`, `timed-out`, `ending`, `rating`.
///
/// A member read twice in one object is refused (xAPI: each property at most once).
enum StatementScanner {
    static func scan(_ data: Data) throws(ScanFailure) -> ScannedStatement {
        guard data.count <= JSONParser.maximumBytes else {
            throw ScanFailure(offset: 0, message: "larger than \(JSONParser.maximumBytes >> 20) MiB")
        }
        let result: Result<ScannedStatement, ScanFailure> = data.withUnsafeBytes { raw in
            var scanner = JSONScanner(bytes: raw.bindMemory(to: UInt8.self))
            do throws(ScanFailure) {
                return .success(try scanner.statement())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

extension JSONScanner {
    /// The whole input: one statement object and nothing after it.
    mutating func statement() throws(ScanFailure) -> ScannedStatement {
        var statement = ScannedStatement()
        skipWhitespace()
        guard current == UInt8(ascii: "{") else { throw failure("a statement must be a JSON object") }
        try members(depth: 0) { scanner, key throws(ScanFailure) in
            if key.is("id") {
                try scanner.once(&statement.id, scanner.string(depth: 1), "id")
            } else if key.is("timestamp") {
                try scanner.once(&statement.timestamp, scanner.string(depth: 1), "timestamp")
            } else if key.is("actor") {
                try scanner.object(depth: 1, "actor") { scanner, key throws(ScanFailure) in
                    guard key.is("account") else { return false }
                    try scanner.account(depth: 2, "actor.account", &statement, home: \.actorHomePage, name: \.actorName)
                    return true
                }
            } else if key.is("verb") {
                try scanner.object(depth: 1, "verb") { scanner, key throws(ScanFailure) in
                    guard key.is("id") else { return false }
                    try scanner.once(&statement.verbID, scanner.string(depth: 2), "verb.id")
                    return true
                }
            } else if key.is("object") {
                try scanner.object(depth: 1, "object") { scanner, key throws(ScanFailure) in
                    guard key.is("id") else { return false }
                    try scanner.once(&statement.objectID, scanner.string(depth: 2), "object.id")
                    return true
                }
            } else if key.is("context") {
                try scanner.context(&statement)
            } else if key.is("result") {
                try scanner.result(&statement)
            } else {
                return false
            }
            return true
        }
        skipWhitespace()
        guard position == bytes.count else { throw failure("unexpected text after the statement") }
        statement.typeProblem = typeProblem
        return statement
    }

    /// Stores a member's value, refusing a second one; a value of the wrong type is noted.
    mutating func once<T>(_ field: inout T?, _ value: T?, _ path: String) throws(ScanFailure) {
        guard field == nil else { throw failure("\"\(path)\" occurs twice") }
        if value == nil, typeProblem == nil { typeProblem = path }
        field = value
    }

    /// An object member: its members go to `body`; another type is noted and skipped.
    mutating func object(
        depth: Int, _ path: String, _ body: (inout JSONScanner, JSONKey) throws(ScanFailure) -> Bool
    ) throws(ScanFailure) {
        guard current == UInt8(ascii: "{") else {
            if typeProblem == nil { typeProblem = path }
            try skipValue(depth: depth)
            return
        }
        try members(depth: depth, body)
    }

    mutating func account(
        depth: Int, _ path: String, _ statement: inout ScannedStatement, home: WritableKeyPath<ScannedStatement, String?>?,
        name: WritableKeyPath<ScannedStatement, String?>
    ) throws(ScanFailure) {
        try object(depth: depth, path) { scanner, key throws(ScanFailure) in
            if let home, key.is("homePage") {
                try scanner.once(&statement[keyPath: home], scanner.string(depth: depth + 1), path + ".homePage")
            } else if key.is("name") {
                try scanner.once(&statement[keyPath: name], scanner.string(depth: depth + 1), path + ".name")
            } else {
                return false
            }
            return true
        }
    }

    mutating func context(_ statement: inout ScannedStatement) throws(ScanFailure) {
        try object(depth: 1, "context") { scanner, key throws(ScanFailure) in
            if key.is("contextActivities") {
                try scanner.object(depth: 2, "context.contextActivities") { scanner, key throws(ScanFailure) in
                    guard key.is("grouping") || key.is("parent") else { return false }
                    try scanner.activityIDs(depth: 3, &statement)
                    return true
                }
            } else if key.is("extensions") {
                try scanner.object(depth: 2, "context.extensions") { scanner, key throws(ScanFailure) in
                    if key.hasSuffix("/extensions/course-version") {
                        try scanner.once(&statement.courseVersion, scanner.string(depth: 3), "context course-version")
                    } else if key.hasSuffix("/extensions/attempt") {
                        try scanner.once(&statement.attempt, scanner.number(depth: 3), "context attempt")
                    } else if key.hasSuffix("/extensions/run") {
                        try scanner.once(&statement.run, scanner.number(depth: 3), "context run")
                    } else {
                        return false
                    }
                    return true
                }
            } else if key.is("team") {
                try scanner.object(depth: 2, "context.team") { scanner, key throws(ScanFailure) in
                    guard key.is("account") else { return false }
                    try scanner.account(depth: 3, "context.team.account", &statement, home: nil, name: \.team)
                    return true
                }
            } else {
                return false
            }
            return true
        }
    }

    /// `grouping` or `parent`: an array of activities, or one activity (xAPI allows both).
    mutating func activityIDs(depth: Int, _ statement: inout ScannedStatement) throws(ScanFailure) {
        func one(_ scanner: inout JSONScanner) throws(ScanFailure) {
            try scanner.object(depth: depth + 1, "context.contextActivities") { scanner, key throws(ScanFailure) in
                guard key.is("id") else { return false }
                if let id = try scanner.string(depth: depth + 2) {
                    statement.contextActivityIDs.append(id)
                } else {
                    if scanner.typeProblem == nil { scanner.typeProblem = "context.contextActivities id" }
                }
                return true
            }
        }
        if current == UInt8(ascii: "[") {
            try elements(depth: depth) { scanner throws(ScanFailure) in try one(&scanner) }
        } else {
            try one(&self)
        }
    }

    mutating func result(_ statement: inout ScannedStatement) throws(ScanFailure) {
        try object(depth: 1, "result") { scanner, key throws(ScanFailure) in
            if key.is("response") {
                try scanner.once(&statement.response, scanner.string(depth: 2), "result.response")
            } else if key.is("success") {
                try scanner.once(&statement.success, scanner.bool(depth: 2), "result.success")
            } else if key.is("duration") {
                try scanner.once(&statement.duration, scanner.string(depth: 2), "result.duration")
            } else if key.is("score") {
                try scanner.object(depth: 2, "result.score") { scanner, key throws(ScanFailure) in
                    if key.is("scaled") {
                        try scanner.once(&statement.scaled, scanner.number(depth: 3), "result.score.scaled")
                    } else if key.is("raw") {
                        try scanner.once(&statement.raw, scanner.number(depth: 3), "result.score.raw")
                    } else if key.is("max") {
                        try scanner.once(&statement.maximum, scanner.number(depth: 3), "result.score.max")
                    } else {
                        return false
                    }
                    return true
                }
            } else if key.is("extensions") {
                try scanner.resultExtensions(&statement)
            } else {
                return false
            }
            return true
        }
    }

    mutating func resultExtensions(_ statement: inout ScannedStatement) throws(ScanFailure) {
        try object(depth: 2, "result.extensions") { scanner, key throws(ScanFailure) in
            if key.hasSuffix("/extensions/quality") {
                try scanner.once(&statement.quality, scanner.string(depth: 3), "result quality")
            } else if key.hasSuffix("/extensions/timed-out") {
                try scanner.once(&statement.timedOut, scanner.bool(depth: 3), "result timed-out")
            } else if key.hasSuffix("/extensions/ending") {
                try scanner.once(&statement.ending, scanner.string(depth: 3), "result ending")
            } else if key.hasSuffix("/extensions/rating") {
                try scanner.once(&statement.rating, scanner.string(depth: 3), "result rating")
            } else {
                return false
            }
            return true
        }
    }
}
