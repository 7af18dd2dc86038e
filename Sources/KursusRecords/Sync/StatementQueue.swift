import Foundation

/// A statement waiting to be delivered: its id (a lowercase UUID) and its exact JSON
/// bytes. The bytes are sent as they are, never re-encoded, so a statement has one
/// content however often it is sent.
public struct PendingStatement: Hashable, Sendable {
    public var id: String
    public var json: Data

    public init(id: String, json: Data) {
        self.id = id
        self.json = json
    }
}

/// Where `kursus sync` takes statements from and records what became of them: a
/// learner's outbox on a workstation, or a record store filled by `kursus import`.
/// Each mark is durable before the call returns, so a sync killed at any moment sends
/// again only what the LRS may not have acknowledged (and the LRS, holding the same id
/// with the same content, answers that it already has it).
public protocol StatementQueue: AnyObject {
    /// A name for messages: the learner id, or the store's folder.
    var name: String { get }
    /// Statements not yet delivered nor rejected, oldest first, at most `limit`.
    func pending(limit: Int) throws -> [PendingStatement]
    /// The LRS has these statements (stored now, or already held with the same content).
    func markDelivered(_ ids: [String], at time: Date) throws
    /// The LRS refused this statement for good (400, or 409: it holds the id with other
    /// content). It is kept, with the reason, and not sent again.
    func markRejected(_ id: String, status: Int, reason: String, at time: Date) throws
}
