import Foundation
import KursusRecords

/// A StatementQueue in memory, for driving SyncRunner against a real LRS: it keeps every
/// mark, and can fail a mark to stand in for a sync killed between the LRS's answer and
/// the record of it.
final class MemoryStatementQueue: StatementQueue {
    struct Rejection: Hashable {
        var status: Int
        var reason: String
    }

    struct MarkFailed: Error, CustomStringConvertible {
        var description: String { "the disk failed (test)" }
    }

    let name: String
    private(set) var statements: [PendingStatement]
    private(set) var delivered: [String: Date] = [:]
    private(set) var rejected: [String: Rejection] = [:]
    /// Every `markDelivered` call, in order.
    private(set) var deliveredBatches: [[String]] = []
    /// `markDelivered` call number N (1-based) throws instead of recording.
    var failMarkDeliveredCall: Int?
    /// `pending` throws (a damaged outbox).
    var failPending = false
    private var markDeliveredCalls = 0

    init(name: String = "anna", _ statements: [PendingStatement]) {
        self.name = name
        self.statements = statements
    }

    var pendingIDs: [String] {
        statements.map(\.id).filter { delivered[$0] == nil && rejected[$0] == nil }
    }

    func pending(limit: Int) throws -> [PendingStatement] {
        if failPending { throw MarkFailed() }
        return Array(statements.lazy.filter { self.delivered[$0.id] == nil && self.rejected[$0.id] == nil }.prefix(limit))
    }

    func markDelivered(_ ids: [String], at time: Date) throws {
        markDeliveredCalls += 1
        if markDeliveredCalls == failMarkDeliveredCall { throw MarkFailed() }
        for id in ids { delivered[id] = time }
        deliveredBatches.append(ids)
    }

    func markRejected(_ id: String, status: Int, reason: String, at time: Date) throws {
        rejected[id] = Rejection(status: status, reason: reason)
    }
}
