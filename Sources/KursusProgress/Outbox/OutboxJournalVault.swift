import Foundation

/// A PIN-protected learner's outbox journals at rest, as `LearnerVault` keeps their
/// progress: `outbox/statements.jsonl` and the rotated `statements.<n>.jsonl.done`,
/// sealed line by line (`SealedStatementLine`) under their key, and sealed anew, opened
/// or deleted with it when the PIN changes, is removed, or is forgotten.
enum OutboxJournalVault {
    /// The learner's journal files, live and rotated.
    static func journalFiles(folder: URL) -> [URL] {
        let outbox = folder.appendingPathComponent(OutboxJournal.folderName)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: outbox.path) else { return [] }
        return names.sorted().filter { name in
            name == OutboxJournal.fileName || (name.hasPrefix("statements.") && name.hasSuffix(".jsonl.done"))
        }.map { outbox.appendingPathComponent($0) }
    }

    /// Whether a journal holds a sealed line.
    static func hasSealedLines(_ data: Data) -> Bool {
        data.split(separator: 0x0A).contains { SealedStatementLine.isSealed($0) }
    }

    /// The journals' new content: every whole line sealed under `new` (or in the clear
    /// when nil), sealed lines opened with `old`; with `plainOnly`, sealed lines stay as
    /// they are. A torn last line (not a record) is left out. Lines that are not
    /// statements stay as they are. Throws when a sealed line does not open with `old`.
    /// Files with nothing to change are not listed.
    static func resealed(folder: URL, from old: LearnerKey?, to new: LearnerKey?, plainOnly: Bool) throws(LearnerError) -> [(URL, Data)] {
        let learner = folder.lastPathComponent
        var out: [(URL, Data)] = []
        for url in journalFiles(folder: folder) {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw .unreadable(path: url.path, reason: "cannot read the records waiting to be sent to encrypt them; check its permissions")
            }
            var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
            lines.removeLast()  // after the last "\n": empty, or a torn line
            var text = Data()
            for line in lines {
                var plain = line
                if SealedStatementLine.isSealed(line) {
                    if plainOnly {
                        text += line + [0x0A]
                        continue
                    }
                    guard let old, let opened = SealedStatementLine.open(line, key: old, learner: learner) else {
                        throw .notAuthorized(id: learner, reason: "\(url.path) does not open with the learner's PIN")
                    }
                    plain = opened
                }
                let id = (try? JSONSerialization.jsonObject(with: plain) as? [String: Any])?["id"] as? String
                if let new, let id {
                    let statement = OutboxStatement(id: id, json: String(decoding: plain, as: UTF8.self))
                    text += Data(try SealedStatementLine.line(statement, key: new, learner: learner).utf8)
                } else {
                    text += plain
                }
                text += [0x0A]
            }
            if text != data { out.append((url, text)) }
        }
        return out
    }

    /// Writes what `resealed` made.
    static func write(_ files: [(URL, Data)]) throws(LearnerError) {
        for (url, data) in files {
            do {
                try AtomicFile.write(data, to: url, permissions: 0o600)
            } catch {
                throw LearnerError(error, writing: url.path)
            }
        }
    }

    /// Removes the journals holding sealed lines (a reset without the PIN). Returns how
    /// many were removed.
    @discardableResult
    static func forget(folder: URL) throws(LearnerError) -> Int {
        var removed = 0
        for url in journalFiles(folder: folder) {
            guard let data = FileManager.default.contents(atPath: url.path), hasSealedLines(data) else { continue }
            do {
                try FileManager.default.removeItem(at: url)
            } catch {
                throw .removeFailed(path: url.path, reason: "check the folder's permissions")
            }
            removed += 1
        }
        return removed
    }
}
