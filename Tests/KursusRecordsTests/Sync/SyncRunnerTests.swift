import Foundation
import KursusRecords
import KursusTestSupport
import Testing

/// Records the waits of a RetryPolicy and waits them (they are short here).
final class SleepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [TimeInterval] = []

    var delays: [TimeInterval] { lock.withLock { recorded } }

    func policy(attempts: Int = 3, firstDelay: TimeInterval = 0.02) -> RetryPolicy {
        RetryPolicy(attempts: attempts, firstDelay: firstDelay, maximumDelay: 1) { [self] delay in
            lock.withLock { recorded.append(delay) }
            Thread.sleep(forTimeInterval: delay)
        }
    }
}

/// SyncRunner against a real Ralph LRS (one server for the suite; some tests stop,
/// break and restart it, so the suite runs its tests one at a time).
@Suite(.ralph, .serialized) struct SyncRunnerTests {
    @Test func deliversEveryPendingStatementInBatches() throws {
        let ralph = try RalphScope.current()
        let window = TestStatements.Window()
        let queue = MemoryStatementQueue(TestStatements.batch(250, in: window))
        var progress: [SyncProgress] = []
        let runner = SyncRunner(client: try ralph.client(), batchSize: 100, retry: SleepLog().policy(), progress: { progress.append($0) })

        let report = runner.run([queue])

        #expect(report == SyncReport(total: 250, delivered: 250))
        #expect(report.exitCode == 0)
        #expect(queue.pendingIDs.isEmpty)
        #expect(queue.deliveredBatches.map(\.count) == [100, 100, 50])
        #expect(progress.map(\.done) == [0, 100, 200, 250])
        #expect(progress.allSatisfy { $0.total == 250 && $0.queue == "anna" })
        let held = try ralph.client().statements(window.query(limit: 100)).map(\.id)
        #expect(held.count == 250)
        #expect(Set(held) == Set(queue.statements.map(\.id)))
    }

    @Test func sendingDeliveredStatementsAgainStoresNoDuplicates() throws {
        let ralph = try RalphScope.current()
        let window = TestStatements.Window()
        let statements = TestStatements.batch(30, in: window)
        let runner = SyncRunner(client: try ralph.client(), batchSize: 8, retry: SleepLog().policy())
        #expect(runner.run([MemoryStatementQueue(statements)]).delivered == 30)

        // Another outbox holding the same statements (a copy restored from a backup).
        let copy = MemoryStatementQueue(name: "copy", statements)
        #expect(runner.run([copy]) == SyncReport(total: 30, alreadyHeld: 30))
        #expect(copy.pendingIDs.isEmpty)

        // Partly held, partly new.
        let new = (30..<35).map { TestStatements.statement(at: window.timestamp($0)) }
        let mixed = MemoryStatementQueue(name: "mixed", Array(statements[0..<10]) + new)
        #expect(runner.run([mixed]) == SyncReport(total: 15, delivered: 5, alreadyHeld: 10))

        let held = try ralph.client().statements(window.query()).map(\.id)
        #expect(held.count == 35)
        #expect(Set(held) == Set((statements + new).map(\.id)))
    }

    @Test func refusedStatementsAreQuarantinedAndTheRestDelivered() throws {
        let ralph = try RalphScope.current()
        let client = try ralph.client()
        let window = TestStatements.Window()
        let original = TestStatements.statement(at: window.timestamp(100), response: "a")
        _ = try client.postStatements([original.json])

        let conflicting = TestStatements.statement(id: original.id, at: window.timestamp(100), response: "changed")
        var invalidObject =
            (try JSONSerialization.jsonObject(with: TestStatements.statement(at: window.timestamp(101)).json)) as? [String: Any] ?? [:]
        invalidObject["actor"] = nil
        let invalidID = try #require(invalidObject["id"] as? String)
        let invalid = PendingStatement(id: invalidID, json: TestStatements.json(invalidObject))
        // Ralph answers an mbox without "mailto:" with 500, not 400.
        let failing = TestStatements.statement(at: window.timestamp(102), extra: ["actor": ["mbox": "anna@example.dk"]])
        var statements = TestStatements.batch(20, in: window)
        statements.insert(failing, at: 2)
        statements.insert(conflicting, at: 9)
        statements.insert(invalid, at: 17)
        let queue = MemoryStatementQueue(statements)
        let sleeps = SleepLog()

        let report = SyncRunner(client: client, batchSize: 100, retry: sleeps.policy()).run([queue])

        #expect(report.total == 23)
        #expect(report.delivered == 20)
        #expect(report.alreadyHeld == 0)
        #expect(report.stillPending == 0)
        #expect(report.stoppedBecause == nil)
        #expect(report.exitCode == 1)
        #expect(Set(report.rejected.map(\.id)) == [original.id, invalidID, failing.id])
        #expect(queue.rejected[original.id]?.status == 409)
        #expect(queue.rejected[original.id]?.reason.contains(original.id) == true)
        #expect(queue.rejected[invalidID] == .init(status: 422, reason: "0.actor: Field required"))
        #expect(queue.rejected[failing.id]?.status == 500)
        #expect(queue.rejected[failing.id]?.reason.hasPrefix("the LRS failed (HTTP 500) on this statement alone") == true)
        #expect(queue.pendingIDs.isEmpty)
        #expect(Set(queue.delivered.keys) == Set(statements.map(\.id)).subtracting([original.id, invalidID, failing.id]))

        let held = try client.statements(window.query())
        #expect(held.count == 21)
        let kept = try #require(held.first { $0.id == original.id })
        #expect((TestStatements.object(kept)["result"] as? [String: Any])?["response"] as? String == "a")
    }

    @Test func aServerFaultStopsTheSyncWithNothingMarked() throws {
        let ralph = try RalphScope.current()
        let window = TestStatements.Window()
        let queue = MemoryStatementQueue(TestStatements.batch(10, in: window))
        let sleeps = SleepLog()
        let runner = SyncRunner(client: try ralph.client(), batchSize: 100, retry: sleeps.policy())
        // Ralph answers every write with 500 while its data folder is gone.
        let aside = ralph.directory.appendingPathComponent("data-aside")
        try FileManager.default.moveItem(at: ralph.dataDirectory, to: aside)
        let report: SyncReport
        do {
            defer {
                try? FileManager.default.removeItem(at: ralph.dataDirectory)
                try? FileManager.default.moveItem(at: aside, to: ralph.dataDirectory)
            }
            report = runner.run([queue])
        }

        #expect(report.stoppedBecause == .lrs(.serverError(status: 500, detail: "Statements bulk indexation failed")))
        #expect(report.delivered == 0 && report.rejected.isEmpty && report.stillPending == 10)
        #expect(report.exitCode == 1)
        #expect(queue.delivered.isEmpty && queue.rejected.isEmpty)
        #expect(sleeps.delays == [0.02, 0.04])

        // Repaired, the next sync delivers everything.
        #expect(runner.run([queue]) == SyncReport(total: 10, delivered: 10))
    }

    @Test func aWrongPasswordStopsAtOnce() throws {
        let ralph = try RalphScope.current()
        let queue = MemoryStatementQueue(TestStatements.batch(5, in: TestStatements.Window()))
        let sleeps = SleepLog()
        let report = SyncRunner(client: try ralph.client(password: "wrong"), retry: sleeps.policy()).run([queue])
        guard case .lrs(.unauthorized(401, _)) = report.stoppedBecause else {
            Issue.record("expected 401, got \(String(describing: report.stoppedBecause))")
            return
        }
        #expect(report.stoppedBecause?.description.contains("records.lrs.credentials") == true)
        #expect(report.stillPending == 5 && report.exitCode == 1)
        #expect(queue.delivered.isEmpty && queue.rejected.isEmpty)
        #expect(sleeps.delays.isEmpty)
    }

    @Test func anLRSThatIsNotRunningLeavesEverythingPending() throws {
        let queue = MemoryStatementQueue(TestStatements.batch(5, in: TestStatements.Window()))
        let client = LRSClient(
            address: try LRSAddress("http://127.0.0.1:9/xAPI/"), credentials: try LRSCredentials(username: "u", password: "p"), timeout: 5)
        let sleeps = SleepLog()
        let report = SyncRunner(client: client, retry: sleeps.policy(attempts: 4)).run([queue])
        guard case .lrs(.unreachable) = report.stoppedBecause else {
            Issue.record("expected unreachable, got \(String(describing: report.stoppedBecause))")
            return
        }
        #expect(report.stoppedBecause?.description.contains("marked nothing as sent") == true)
        #expect(report == SyncReport(total: 5, stillPending: 5, stoppedBecause: report.stoppedBecause))
        #expect(queue.delivered.isEmpty && queue.rejected.isEmpty)
        #expect(sleeps.delays == [0.02, 0.04, 0.08])
    }

    @Test func aDryRunCountsAndSendsNothing() throws {
        let ralph = try RalphScope.current()
        let window = TestStatements.Window()
        let queues = [
            MemoryStatementQueue(name: "anna", TestStatements.batch(4, in: window)),
            MemoryStatementQueue(name: "bo", Array(TestStatements.batch(7, in: window)[4...])),
        ]
        let report = SyncRunner(client: try ralph.client()).run(queues, dryRun: true)
        #expect(report == SyncReport(dryRun: true, total: 7, stillPending: 7))
        #expect(report.exitCode == 0)
        #expect(queues.allSatisfy { $0.delivered.isEmpty && $0.rejected.isEmpty })
        #expect(try ralph.client().statements(window.query()).isEmpty)
    }

    @Test func severalQueuesAreSentOneAfterTheOther() throws {
        let ralph = try RalphScope.current()
        let window = TestStatements.Window()
        let anna = MemoryStatementQueue(name: "anna", Array(TestStatements.batch(12, in: window)[..<5]))
        let bo = MemoryStatementQueue(name: "bo", Array(TestStatements.batch(12, in: window)[5...]))
        var progress: [SyncProgress] = []
        let report = SyncRunner(client: try ralph.client(), batchSize: 4, progress: { progress.append($0) }).run([anna, bo])
        #expect(report == SyncReport(total: 12, delivered: 12))
        #expect(
            progress.map { "\($0.queue):\($0.done)/\($0.total)" }
                == ["anna:0/12", "anna:4/12", "anna:5/12", "bo:5/12", "bo:9/12", "bo:12/12"])
        #expect(try ralph.client().statements(window.query()).count == 12)
    }

    @Test func aDamagedQueueIsSkippedAndTheOthersAreSent() throws {
        let ralph = try RalphScope.current()
        let window = TestStatements.Window()
        let damaged = MemoryStatementQueue(name: "anna", Array(TestStatements.batch(6, in: window)[..<3]))
        damaged.failPending = true
        let bo = MemoryStatementQueue(name: "bo", Array(TestStatements.batch(6, in: window)[3...]))
        let report = SyncRunner(client: try ralph.client()).run([damaged, bo])
        #expect(report.stoppedBecause == .queue(name: "anna", problem: "its pending statements cannot be read: the disk failed (test)"))
        #expect(report.delivered == 3 && report.exitCode == 1)
        #expect(bo.pendingIDs.isEmpty)
        #expect(Set(try ralph.client().statements(window.query()).map(\.id)) == Set(bo.statements.map(\.id)))
    }

    @Test func ralphStoppedMidSyncAndStartedAgain_everyStatementArrivesOnce() throws {
        let ralph = try RalphScope.current()
        let window = TestStatements.Window()
        let queue = MemoryStatementQueue(TestStatements.batch(300, in: window))
        var stopped = false
        var stopFailure: Error?
        let sleeps = SleepLog()
        // The LRS goes away once the first two batches are recorded.
        let first = SyncRunner(
            client: try ralph.client(timeout: 5), batchSize: 50, retry: sleeps.policy(),
            progress: { progress in
                guard progress.done >= 100, !stopped else { return }
                stopped = true
                do { try ralph.stop() } catch { stopFailure = error }
            })
        let interrupted: SyncReport
        do {
            defer { try? ralph.restart() }
            interrupted = first.run([queue])
        }
        #expect(stopFailure == nil)
        guard case .lrs(let error) = interrupted.stoppedBecause, error.isTransient else {
            Issue.record("expected the LRS to be unreachable, got \(String(describing: interrupted.stoppedBecause))")
            return
        }
        #expect(interrupted.delivered == 100 && interrupted.stillPending == 200 && interrupted.exitCode == 1)
        #expect(queue.pendingIDs.count == 200)

        let second = SyncRunner(client: try ralph.client(), batchSize: 50, retry: sleeps.policy()).run([queue])
        #expect(second == SyncReport(total: 200, delivered: 200))

        let held = try ralph.client().statements(window.query(limit: 100)).map(\.id)
        #expect(held.count == 300)
        #expect(Set(held) == Set(queue.statements.map(\.id)))
    }

    @Test func aSyncKilledAfterTheLRSAnsweredSendsOnlyThatBatchAgain() throws {
        let ralph = try RalphScope.current()
        let window = TestStatements.Window()
        let queue = MemoryStatementQueue(TestStatements.batch(120, in: window))
        // The second batch reaches the LRS, but recording the answer fails, as if the
        // sync had been killed in between.
        queue.failMarkDeliveredCall = 2
        let runner = SyncRunner(client: try ralph.client(), batchSize: 50, retry: SleepLog().policy())
        let interrupted = runner.run([queue])
        guard case .queue(name: "anna", _) = interrupted.stoppedBecause else {
            Issue.record("expected the queue to fail, got \(String(describing: interrupted.stoppedBecause))")
            return
        }
        #expect(interrupted.delivered == 50 && interrupted.stillPending == 70)
        #expect(queue.pendingIDs.count == 70)

        let resumed = runner.run([queue])
        // The unrecorded batch is recognised by the LRS; only the last 20 are new.
        #expect(resumed == SyncReport(total: 70, delivered: 20, alreadyHeld: 50))
        let held = try ralph.client().statements(window.query(limit: 100)).map(\.id)
        #expect(held.count == 120)
        #expect(Set(held) == Set(queue.statements.map(\.id)))
    }

    @Test func theExitCodeSaysWhetherEverythingArrived() {
        #expect(SyncReport(total: 3, delivered: 2, alreadyHeld: 1).exitCode == 0)
        #expect(SyncReport(total: 0).exitCode == 0)
        #expect(SyncReport(total: 3, delivered: 2, rejected: [.init(queue: "a", id: "x", status: 409, reason: "r")]).exitCode == 1)
        #expect(SyncReport(total: 3, delivered: 2, stillPending: 1).exitCode == 1)
        #expect(SyncReport(dryRun: true, total: 3, stillPending: 3).exitCode == 0)
        #expect(SyncReport(dryRun: true, stoppedBecause: .queue(name: "a", problem: "p")).exitCode == 1)
    }
}
