import Foundation
import KursusRecords
import KursusTestSupport
import Testing

/// The issue's goal: 10,000 pending statements to Ralph on loopback in under 30 s.
/// Runs only with KURSUS_BENCH_SYNC=1 (scripts/bench-sync.sh sets it and uses a release
/// build); KURSUS_BENCH_SYNC_COUNT and KURSUS_BENCH_SYNC_BATCH change the size.
@Suite struct SyncBenchmark {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["KURSUS_BENCH_SYNC"] == "1", "set KURSUS_BENCH_SYNC=1 (scripts/bench-sync.sh)"))
    func tenThousandStatementsToRalph() throws {
        let count = Self.environment["KURSUS_BENCH_SYNC_COUNT"].flatMap(Int.init) ?? 10_000
        let batchSize = Self.environment["KURSUS_BENCH_SYNC_BATCH"].flatMap(Int.init) ?? SyncRunner.defaultBatchSize
        let ralph = try RalphServer.start()
        defer { ralph.stopAndRemove() }
        let window = TestStatements.Window()
        let learners = ["anna", "bo", "carl", "dorte", "emil"]
        let statements = (0..<count).map {
            TestStatements.statement(at: window.timestamp($0 % 59_000), learner: learners[$0 % learners.count], question: "q\($0 % 40)")
        }
        let queue = MemoryStatementQueue(statements)
        let runner = SyncRunner(client: try ralph.client(), batchSize: batchSize)

        let start = Date()
        let report = runner.run([queue])
        let seconds = Date().timeIntervalSince(start)
        print("bench-sync: \(count) statements in batches of \(batchSize) to Ralph on loopback: \(String(format: "%.2f", seconds)) s (\(String(format: "%.0f", Double(count) / seconds)) statements/s)")

        #expect(report == SyncReport(total: count, delivered: count))
        #expect(try ralph.allStatements().count == count)
        #expect(seconds < 30)
    }
}
