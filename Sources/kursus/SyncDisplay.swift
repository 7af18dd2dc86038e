import Foundation
import KursusRecords
import KursusText

/// How `kursus sync` shows its progress on standard error: a bar redrawn in place on a
/// terminal, plain lines otherwise (a log, a pipe, cron), at most one line per batch.
final class SyncDisplay {
    private let onTerminal: Bool
    private var lastLine = ""
    private var drewBar = false
    static let barWidth = 30

    init(onTerminal: Bool) {
        self.onTerminal = onTerminal
    }

    func update(_ progress: SyncProgress) {
        guard progress.total > 0 else { return }
        let line = Self.line(progress, bar: onTerminal)
        guard line != lastLine else { return }
        lastLine = line
        if onTerminal {
            FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
            drewBar = true
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// Ends the bar's line, so what follows starts on a line of its own.
    func finish() {
        if drewBar { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// `[#########...........]  120/400  anna` on a terminal; `sync: 120 of 400 (anna)` otherwise.
    static func line(_ progress: SyncProgress, bar: Bool) -> String {
        let done = min(progress.done, progress.total)
        let queue = TerminalSafe.clean(progress.queue)
        guard bar else { return "sync: \(done) of \(progress.total) (\(queue))" }
        let filled = progress.total == 0 ? 0 : done * barWidth / progress.total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
        return "[\(bar)] \(done)/\(progress.total)  \(queue)"
    }
}
