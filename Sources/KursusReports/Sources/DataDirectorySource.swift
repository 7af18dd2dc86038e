import Foundation
import KursusProgress
import KursusRecords
import KursusText

/// A workstation's data directory, read without locks and without following links
/// (docs/records-outbox.md): for every learner folder in `<data-dir>/learners/`,
///
/// 1. the outbox journals, `outbox/statements.<n>.jsonl.done` (rotated, oldest first)
///    then `outbox/statements.jsonl`: every statement made for the learner, delivered
///    or not;
/// 2. with a course id, the `outbox` field of `progress/<course>.json`: statements saved
///    with the progress but not yet appended to the journal (a crash between the save
///    and the append leaves them only there until the learner next signs in;
///    docs/records.md, "Made in one place"). They are the learner's records as much as
///    the journal's, so the report counts them; a statement in both is read twice and
///    counted once. The backup `<course>.json.bak` is not read.
///
/// Damaged journal lines are skipped with a problem naming file and line (the source is
/// then incomplete). A torn last line (a write in progress, or cut off by a crash) is
/// not a statement: it is noted, and the source still counts as complete, since the
/// statement it was becoming is in the progress file. A learner folder that is a link is
/// skipped with a problem; so is a missing or unreadable data directory.
public struct DataDirectorySource: StatementSource {
    public let directory: URL
    /// The course whose progress files are read for statements not yet journaled; nil
    /// reads the journals only.
    public let courseID: String?

    public init(directory: URL, courseID: String?) {
        self.directory = directory
        self.courseID = courseID
    }

    public var kind: SourceSummary.Kind { .dataDirectory }
    public var location: String { directory.path }

    public func read(_ log: inout SourceLog, _ body: (UUID?, Data) -> Void) {
        let learners: [ReadOnlyDataDirectory.Learner]
        do {
            learners = try ReadOnlyDataDirectory.learners(dataDirectory: directory)
        } catch {
            log.problem("data directory \(error.description)")
            return
        }
        for learner in learners {
            if let problem = learner.problem {
                log.problem("learner '\(learner.id)' is left out: \(problem.description)")
                continue
            }
            readJournals(learner.id, &log, body)
            if let courseID { readProgressOutbox(learner.id, courseID: courseID, &log, body) }
        }
    }

    private func readJournals(_ learner: String, _ log: inout SourceLog, _ body: (UUID, Data) -> Void) {
        do {
            let reading = try ReadOnlyDataDirectory.journalStatements(dataDirectory: directory, learner: learner) { id, json in
                body(id, json)
                return true
            }
            for line in reading.damaged {
                log.problem("\(line.file):\(line.line): \(line.reason); the line is skipped")
            }
            if reading.damagedCount > reading.damaged.count {
                log.problem(
                    "\(reading.damagedCount - reading.damaged.count) more lines that are not statements were skipped in the outbox of learner '\(learner)'"
                )
            }
            if reading.sealed > 0 {
                log.problem(SealedStatementLine.note(count: reading.sealed, learner: learner) + "; the report leaves them out")
            }
            for path in reading.tornLastLines {
                log.problem(
                    "\(path): the last line is cut off (a write in progress, or a crash); it is not a statement yet and is left out",
                    incomplete: false)
            }
        } catch {
            log.problem("the outbox of learner '\(learner)' cannot be read: \(error.description)")
        }
    }

    /// The statements in the `outbox` field of the learner's progress file for the course.
    private func readProgressOutbox(_ learner: String, courseID: String, _ log: inout SourceLog, _ body: (UUID, Data) -> Void) {
        let shown = directory.appendingPathComponent("learners/\(learner)/progress/\(courseID).json").path
        guard !courseID.isEmpty, !courseID.contains("/"), !courseID.hasPrefix(".") else { return }
        let data: Data
        do {
            guard
                let read = try ReadOnlyDataDirectory.file(
                    in: directory, ["learners", learner, "progress", courseID + ".json"], limit: ProgressStore.maximumFileSize)
            else { return }
            data = read
        } catch {
            log.problem("the progress file of learner '\(learner)' cannot be read: \(error.description)")
            return
        }
        guard !SealedFile.isSealed(data) else {
            log.problem("\(shown): encrypted with the learner's PIN; statements saved in it but not yet in the outbox are left out")
            return
        }
        struct Pending: Decodable { var outbox: [OutboxStatement]? }
        guard let pending = try? JSONDecoder().decode(Pending.self, from: data) else {
            log.problem("\(shown): not a progress file Kursus can read; statements saved in it but not yet in the outbox are left out")
            return
        }
        for (index, statement) in (pending.outbox ?? []).enumerated() {
            let json = Data(statement.json.utf8)
            switch ReadOnlyDataDirectory.statementID(json) {
            case let .success(id): body(id, json)
            case let .failure(problem): log.problem("\(shown): outbox statement \(index + 1): \(problem.description); it is skipped")
            }
        }
    }
}
