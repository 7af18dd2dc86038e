import Foundation
import KursusProgress
import KursusRecords

/// Where a generated cohort goes: a workstation's data directory (profiles with teams and
/// outbox journals, as the player leaves them), transfer files (as `kursus export` makes
/// them), or plain JSON lines. Each streams: one learner's statements at a time.
public enum CohortOutput {
    /// What was written.
    public struct Summary: Hashable, Sendable {
        public var learners: Int
        /// Learners with at least one statement.
        public var startedLearners: Int
        public var statements: Int
        /// The files written (transfer files, or the JSON lines file).
        public var files: [URL]
    }

    /// The manifest's `kursusVersion`: marks the file as generated.
    public static let producer = "make-cohort"

    /// When transfer files say they were made: 26 weeks after the cohort's start, so the
    /// same options give the same bytes.
    static func createdAt(_ cohort: CohortGenerator) -> Date { cohort.options.start.addingTimeInterval(182 * 86_400) }

    /// Writes every learner's statements as JSON lines (one compact statement a line,
    /// learner after learner) to `file`, which must not exist yet.
    @discardableResult
    public static func writeStatements(_ cohort: CohortGenerator, to file: URL) throws(CohortError) -> Summary {
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw .cannotWrite(path: file.path, reason: "the file exists already; remove it or choose another name")
        }
        guard FileManager.default.createFile(atPath: file.path, contents: nil), let handle = FileHandle(forWritingAtPath: file.path) else {
            throw .cannotWrite(path: file.path, reason: "it could not be created; check that the folder exists and is writable")
        }
        defer { try? handle.close() }
        var summary = Summary(learners: 0, startedLearners: 0, statements: 0, files: [file])
        var buffer = Data()
        func flush() throws(CohortError) {
            do {
                try handle.write(contentsOf: buffer)
            } catch {
                throw .cannotWrite(path: file.path, reason: "\(error); check the free space")
            }
            buffer.removeAll(keepingCapacity: true)
        }
        try CohortBatches.forEach(cohort) { (_, statements) throws(CohortError) in
            count(statements, into: &summary)
            for statement in statements {
                buffer.append(statement.json)
                buffer.append(0x0A)
            }
            if buffer.count >= 1 << 20 { try flush() }
        }
        try flush()
        return summary
    }

    /// Writes transfer files: one at `file`, or with `learnersPerFile` as many as needed,
    /// named `<name>-0001.kursus-records` and so on beside `file` (a file holds at most
    /// 2 GiB of statements, about a million). Existing files are refused, not replaced.
    @discardableResult
    public static func writeTransfer(_ cohort: CohortGenerator, to file: URL, learnersPerFile: Int? = nil) throws(CohortError) -> Summary {
        let perFile = max(1, learnersPerFile ?? cohort.learners.count)
        let parts = stride(from: 0, to: cohort.learners.count, by: perFile).map { cohort.learners[$0..<min($0 + perFile, cohort.learners.count)] }
        var summary = Summary(learners: 0, startedLearners: 0, statements: 0, files: [])
        for (index, part) in parts.enumerated() {
            let output = parts.count == 1 ? file : partName(file, index + 1, of: parts.count)
            let writer: TransferWriter
            do throws(TransferError) {
                writer = try TransferWriter(output: output, overwrite: false, kursusVersion: producer, selection: "all", createdAt: createdAt(cohort))
            } catch {
                throw .cannotWrite(path: output.path, reason: error.description)
            }
            try CohortBatches.forEach(cohort.with(part)) { (learner, statements) throws(CohortError) in
                count(statements, into: &summary)
                writer.beginLearner(learner.id)
                do throws(TransferError) {
                    for statement in statements { try writer.add(statement) }
                } catch {
                    throw .cannotWrite(path: output.path, reason: error.description)
                }
            }
            do throws(TransferError) {
                try writer.finish()
            } catch {
                throw .cannotWrite(path: output.path, reason: error.description)
            }
            summary.files.append(output)
        }
        return summary
    }

    /// `cohort.kursus-records` → `cohort-0003.kursus-records`.
    static func partName(_ file: URL, _ number: Int, of total: Int) -> URL {
        let digits = max(4, String(total).count)
        let serial = String(number)
        let stem = file.deletingPathExtension().lastPathComponent
        let ext = file.pathExtension.isEmpty ? TransferFormat.fileExtension : file.pathExtension
        let name = stem + "-" + String(repeating: "0", count: max(0, digits - serial.count)) + serial + "." + ext
        return file.deletingLastPathComponent().appendingPathComponent(name)
    }

    static func count(_ statements: [PendingStatement], into summary: inout Summary) {
        summary.learners += 1
        if !statements.isEmpty { summary.startedLearners += 1 }
        summary.statements += statements.count
    }
}
