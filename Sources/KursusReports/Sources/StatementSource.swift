import Foundation
import KursusRecords

/// A place learning records are read from for a report: a workstation's data directory,
/// a record store, a transfer file or an LRS. Every source hands over each statement as
/// its id and the statement's bytes in Kursus's own compact form (docs/records.md, "The
/// bytes"), so the same records give the same statements whichever place they are read
/// from. Sources only read: they take no lock and change nothing.
public protocol StatementSource: Sendable {
    var kind: SourceSummary.Kind { get }
    /// The folder, file or LRS address as messages and the report show it (never with
    /// credentials).
    var location: String { get }

    /// Reads every statement the place holds, handing each to `body` with its id, repeats
    /// included (`ReportReading` removes them). A source that leaves the statement
    /// unchecked hands over nil for the id: the fact parser checks it and drops repeats. Problems the source steps over go to `log`; when it
    /// could not read everything it should have, it sets `log.complete` to false. Never
    /// throws: a report is made of whatever could be read.
    func read(_ log: inout SourceLog, _ body: (UUID?, Data) -> Void)
}

/// What one source met while reading: its problems (each naming the place, at most
/// `listed` kept, the rest counted) and whether it read everything.
public struct SourceLog: Sendable, Equatable {
    /// Problems kept per source; a million damaged lines are not a million messages.
    public static let listed = 20

    public let location: String
    public private(set) var problems: [String] = []
    /// Problems beyond `listed`, counted only.
    public private(set) var unlisted = 0
    /// False when something the source holds could not be read.
    public var complete = true

    public init(location: String) {
        self.location = location
    }

    /// Notes a problem; `incomplete` also marks the source as not fully read.
    public mutating func problem(_ message: String, incomplete: Bool = true) {
        if incomplete { complete = false }
        if problems.count < Self.listed {
            problems.append(message)
        } else {
            unlisted += 1
        }
    }

    /// The messages for the report: those kept, then how many more there were.
    public var messages: [String] {
        unlisted == 0 ? problems : problems + ["\(location): \(unlisted) more problems like those above"]
    }
}
