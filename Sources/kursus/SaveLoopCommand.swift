import ArgumentParser
import Foundation
import KursusEngine
import KursusProgress

/// `kursus save-loop`: a hidden command for crash tests. It takes the learner's lock,
/// loads the saved progress like `play` does, then saves successive states through the
/// real `ProgressSaver`, printing `ack <i>` once state i is durably on disk. State i has
/// bookmark scroll i and comes with one statement for the outbox (`{"id": …, "state": i}`),
/// so a test can kill it at any moment and check that the file still holds at least the
/// last acknowledged state, and that the outbox journal and the progress agree. A run
/// resumes after the saved state.
struct SaveLoop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save-loop",
        abstract: "Save numbered progress states durably, for crash tests.",
        shouldDisplay: false
    )

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("The learner's id.", valueName: "id"))
    var learner: String

    @Option(help: ArgumentHelp("The course id (file name of the progress).", valueName: "id"))
    var course: String

    @Option(help: ArgumentHelp("Save states up to number count-1.", valueName: "n"))
    var count: Int

    @Option(name: .customLong("pause-ms"), help: ArgumentHelp("Pause after each acknowledged save.", valueName: "ms"))
    var pauseMilliseconds: Int = 0

    @Flag(name: .customLong("no-statements"), help: "Save progress alone, without a statement for the outbox (the benchmark's baseline).")
    var noStatements = false

    @Option(name: .customLong("statement-bytes"), help: ArgumentHelp("Pad each statement to about this many bytes.", valueName: "n"))
    var statementBytes: Int = 0

    func validate() throws {
        guard (0...1_000_000).contains(statementBytes) else { throw ValidationError("--statement-bytes must be between 0 and 1000000") }
        guard (0...1_000_000).contains(count) else { throw ValidationError("--count must be between 0 and 1000000") }
        guard (0...10_000).contains(pauseMilliseconds) else { throw ValidationError("--pause-ms must be between 0 and 10000") }
    }

    func run() throws {
        let learnerID = try LearnerID.validate(learner)
        let lock = try LearnerLock.acquire(dataDirectory: data.resolved, learner: learnerID)
        defer { lock.release() }
        let store = ProgressStore(dataDirectory: data.resolved)
        let loaded = try store.load(learner: learnerID, courseID: course)
        for notice in loaded.notices {
            ConsoleOutput.error("notice: \(notice)")
        }
        let first = loaded.progress.bookmark.map { $0.scroll + 1 } ?? 0
        Self.emit("start \(first)")
        let journal = try OutboxJournal(dataDirectory: data.resolved, learner: learnerID)
        let saver = ProgressSaver(
            store: store, learner: learnerID, course: course, courseVersion: "save-loop", retryDelays: [], journal: journal, recovered: loaded.outbox
        )
        for index in first..<max(first, count) {
            saver.submit(Self.state(index), statements: noStatements ? [] : [Self.statement(index, padding: statementBytes)])
            // Acknowledged once the progress, which carries the statement, is durable;
            // the journal is fsynced in groups, as in the player.
            guard saver.flush(syncJournal: false) else {
                let message = saver.takeOutcomes().reversed().compactMap { outcome -> String? in
                    if case .failed(let message) = outcome { return message }
                    return nil
                }.first
                throw CommandFailure(message ?? "state \(index) could not be saved")
            }
            Self.emit("ack \(index)")
            if pauseMilliseconds > 0 { usleep(UInt32(pauseMilliseconds) * 1000) }
        }
    }

    /// State i: units u0…u(i/10), all but the last completed, and bookmark scroll i.
    static func state(_ index: Int) -> LearnerProgress {
        let current = index / 10
        var units: [String: UnitRecord] = [:]
        for unit in 0...current {
            units["u\(unit)"] = UnitRecord(outcome: unit < current ? .completed : .inProgress, activeSeconds: index)
        }
        return LearnerProgress(units: units, bookmark: Bookmark(unitID: "u\(current)", scroll: index, inUnit: true))
    }

    /// The statement that goes with state i: a fixed UUID made from i.
    static func statement(_ index: Int, padding: Int = 0) -> OutboxStatement {
        let id = String(format: "00000000-0000-4000-8000-%012x", index)
        let pad = padding > 0 ? ",\"pad\":\"\(String(repeating: "x", count: padding))\"" : ""
        return OutboxStatement(id: id, json: "{\"id\":\"\(id)\",\"state\":\(index)\(pad)}")
    }

    /// One line, written straight to the descriptor (no buffering) so a reader sees it at once.
    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
