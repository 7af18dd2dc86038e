import ArgumentParser
import Foundation
import KursusProgress
import KursusRecords
import KursusText

/// What `kursus outbox`, `export` and `import` share: messages made safe for the
/// terminal, JSON with every invisible or reordering character escaped, and exit codes
/// (0 done, 1 refused or only partly done, 2 bad arguments).
enum RecordsOutput {
    /// An error on standard error, cleaned; throw the returned code.
    static func refuse(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(TerminalSafe.clean(message))\n".utf8))
        return ExitCode(1)
    }

    /// A bad argument: the message on standard error, exit status 2.
    static func badArgument(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(TerminalSafe.clean(message))\n".utf8))
        return ExitCode(2)
    }

    /// The id if Kursus accepts it as a learner id, else a bad argument.
    static func learnerID(_ id: String) throws -> String {
        do {
            return try LearnerID.validate(id)
        } catch {
            throw badArgument(error.description)
        }
    }

    /// Prints one line of text, cleaned (control characters and bidi overrides made inert).
    static func say(_ text: String) {
        print(TerminalSafe.clean(text))
    }

    /// Pretty-printed JSON with sorted keys, dates in ISO 8601, and every character
    /// `TerminalSafe` would clean in text written as `\uXXXX` (JSONEncoder escapes C0
    /// controls itself but leaves DEL, C1 controls and bidi overrides raw).
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return TerminalSafe.escapingUnsafe(json: String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Local time as `2026-03-16 10:00`, as `kursus progress` shows it.
    static func localTime(_ date: Date) -> String {
        ProgressReport.localTime.string(from: date)
    }

    /// At most `shown` damaged lines as warnings, then how many more there are.
    static func warnDamaged(_ lines: [DamagedLine], total: Int, shown: Int = 20) {
        for line in lines.prefix(shown) {
            ReportFormat.warn("\(line.file):\(line.line): \(line.reason); the line is skipped and left in the file")
        }
        if total > min(shown, lines.count) {
            ReportFormat.warn("\(total - min(shown, lines.count)) more lines that are not statements were skipped")
        }
    }

    /// A store folder named on the command line, else `<data-dir>/records`.
    static func storeFolder(_ store: String?, data: DataOptions) -> URL {
        store.map { URL(fileURLWithPath: $0) } ?? data.resolved.appendingPathComponent("records")
    }
}
