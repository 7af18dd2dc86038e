import Foundation
import KursusEngine

/// Keeps a progress file well under `ProgressStore.maximumFileSize`, so that anything the
/// writer writes the reader reads (docs/saving.md, "How big a progress file may grow").
///
/// Only the details of old finished quiz attempts and scenario runs are given up, never
/// an outcome, a score, a count or the newest state. In every quiz unit the unfinished
/// attempt, the last `keptInFull` finished attempts and the best one stay whole; older
/// finished attempts keep their number, seed, times, score, verdict and quiz version but
/// lose their answers, choice orders, times per question and marks (so attempt limits,
/// numbering and the best score are unchanged). In every scenario unit the current run,
/// the last `keptInFull` finished runs and the best one stay whole; older finished runs
/// keep their outcome, path and variables but lose their transcript and visit counts.
public enum ProgressCompaction {
    /// Finished attempts (and runs) per unit kept whole, besides the best one.
    public static let keptInFull = 3
    /// Above this many bytes a save compacts first: half the read limit, so a file
    /// compacted once has room for a long while before it must be compacted again.
    public static let threshold = ProgressStore.maximumFileSize / 2

    /// `progress` with the details of older attempts and runs dropped (see above).
    public static func compacted(_ progress: LearnerProgress) -> LearnerProgress {
        var result = progress
        for (id, record) in progress.units {
            var record = record
            if let quiz = record.quiz { record.quiz = compacted(quiz) }
            if let scenario = record.scenario { record.scenario = compacted(scenario) }
            result.units[id] = record
        }
        return result
    }

    static func compacted(_ quiz: QuizRecord) -> QuizRecord {
        let finished = quiz.attempts.indices.filter { quiz.attempts[$0].isFinished }
        var whole = Set(finished.suffix(keptInFull))
        // The best score (the latest of equals) stays whole too.
        if let best = finished.max(by: { (quiz.attempts[$0].scorePercent ?? -1, $0) < (quiz.attempts[$1].scorePercent ?? -1, $1) }) {
            whole.insert(best)
        }
        var attempts = quiz.attempts
        for index in finished where !whole.contains(index) {
            attempts[index].questionIDs = []
            attempts[index].choiceOrders = [:]
            attempts[index].answers = [:]
            attempts[index].secondsPerQuestion = [:]
            attempts[index].marks = nil
            attempts[index].current = 0
        }
        return QuizRecord(attempts: attempts)
    }

    static func compacted(_ scenario: ScenarioRecord) -> ScenarioRecord {
        var result = scenario
        let indices = Array(scenario.finished.indices)
        var whole = Set(indices.suffix(keptInFull))
        if let best = indices.max(by: { (scenario.finished[$0].score ?? Int.min, $0) < (scenario.finished[$1].score ?? Int.min, $1) }) {
            whole.insert(best)
        }
        for index in indices where !whole.contains(index) {
            result.finished[index].transcript = []
            result.finished[index].visits = [:]
        }
        return result
    }
}

extension ProgressStore {
    /// The bytes to write for `document`: compacted when larger than
    /// `ProgressCompaction.threshold`, and refused (nothing is written, the file on disk
    /// stays as it was) when even then larger than the read limit, so that no save ever
    /// makes a file the next load would call damaged.
    func encodeWithinLimit(_ document: ProgressDocument, path: String) throws(ProgressError) -> Data {
        let data = try encode(document, path: path)
        guard data.count > ProgressCompaction.threshold else { return data }
        var compact = document
        compact.units = ProgressCompaction.compacted(document.progress).units
        let smaller = try encode(compact, path: path)
        guard smaller.count <= ProgressStore.maximumFileSize else {
            throw .writeFailed(
                path: path,
                reason:
                    "the progress would take \(smaller.count) bytes, more than the \(ProgressStore.maximumFileSize >> 20) MiB a progress file may hold, even with old quiz attempts compacted; the last saved file is kept. Ask IT support to move old records out of this file"
            )
        }
        return smaller
    }
}
