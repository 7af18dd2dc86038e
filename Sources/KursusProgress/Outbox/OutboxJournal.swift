import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A learner's outbox journal, `learners/<id>/outbox/statements.jsonl` (folder 0700, file
/// 0600): every statement made for the learner, one compact JSON object a line, only
/// ever appended. A statement reaches it only after the progress that records the same
/// change is on disk (the progress file carries the statements until they are here; see
/// `ProgressSaver`), so journal and progress always agree.
///
/// A crash in the middle of an append leaves a last line without its newline: readers
/// ignore it, and the next append cuts it off first. Appending again statements that a
/// crashed append already wrote does not repeat them: an append skips ids found in the
/// journal's tail, where an earlier append of the same statements would be.
///
/// With a `key` (a PIN-protected learner, signed in), each line is a
/// `SealedStatementLine`; appending stays one write and one fsync.
public struct OutboxJournal: Sendable {
    public static let folderName = "outbox"
    public static let fileName = "statements.jsonl"

    public let file: URL
    /// The learner's key: lines are sealed with it when set.
    public let key: LearnerKey?

    public init(file: URL, key: LearnerKey? = nil) {
        self.file = file
        self.key = key
    }

    /// The journal of a learner in a data directory.
    public init(dataDirectory: URL, learner: String, key: LearnerKey? = nil) throws(ProgressError) {
        let folder = try ProgressStore(dataDirectory: dataDirectory).learnerFolder(learner).appendingPathComponent(Self.folderName)
        self.init(file: folder.appendingPathComponent(Self.fileName), key: key)
    }

    /// The learner whose journal this is: `<data>/learners/<id>/outbox/statements.jsonl`.
    var learner: String {
        file.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
    }

    /// Appends the statements the journal's tail does not already hold, and fsyncs unless
    /// `sync` is false. `knownEnd` is the size the caller's own last append left: when the
    /// journal still has that size, nobody else wrote to it and its tail is not read.
    /// Returns the journal's size after the append.
    @discardableResult
    public func append(_ statements: [OutboxStatement], knownEnd: Int? = nil, sync: Bool = true) throws(ProgressError) -> Int {
        let folder = file.deletingLastPathComponent()
        // <data>/learners/<id>/outbox: the data directory is three folders up.
        let root = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try AtomicFile.makePrivateDirectory(folder.deletingLastPathComponent(), in: root)
        try AtomicFile.makePrivateDirectory(folder, in: root)
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw .writeFailed(path: file.path, reason: AtomicFile.lastError()) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .writeFailed(path: file.path, reason: "not a regular file")
        }
        let size = Int(info.st_size)
        // A sealed line is the statement in base64 (4/3 of it) with nonce, tag and id around.
        let tailBytes = statements.reduce(0) { $0 + (key == nil ? $1.json.utf8.count + 1 : ($1.json.utf8.count + 1) * 2 + 128) } + 1
        let (end, tail) = knownEnd == size ? (size, []) : try readTail(descriptor, size: size, bytes: tailBytes)
        let present = Set(tail)
        var text = ""
        for statement in statements where !present.contains(statement.id) {
            if let key {
                do {
                    text += try SealedStatementLine.line(statement, key: key, learner: learner) + "\n"
                } catch {
                    throw .writeFailed(path: file.path, reason: "could not encrypt a record")
                }
            } else {
                text += statement.json + "\n"
            }
        }
        // Cut off a torn last line first, so every line stays whole.
        if end != size, ftruncate(descriptor, off_t(end)) != 0 {
            throw .writeFailed(path: file.path, reason: AtomicFile.lastError())
        }
        let data = Data(text.utf8)
        if !data.isEmpty { try write(data, to: descriptor, at: end) }
        if sync, fsync(descriptor) != 0 { throw .writeFailed(path: file.path, reason: AtomicFile.lastError()) }
        return end + data.count
    }

    /// Makes everything appended so far durable.
    public func sync() throws(ProgressError) {
        let descriptor = open(file.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { throw .writeFailed(path: file.path, reason: AtomicFile.lastError()) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .writeFailed(path: file.path, reason: AtomicFile.lastError()) }
    }

    /// The offset after the last whole line, and the ids of the whole lines in (about)
    /// the last `bytes` bytes before it. The window grows until it holds a newline, so a
    /// torn line longer than the window is still found and cut.
    private func readTail(_ descriptor: Int32, size: Int, bytes: Int) throws(ProgressError) -> (end: Int, ids: [String]) {
        var window = max(1, bytes) + 1
        while true {
            let start = max(0, size - window)
            let buffer = try read(descriptor, from: start, count: size - start)
            guard let lastNewline = buffer.lastIndex(of: 0x0A) else {
                if start == 0 { return (0, []) }
                window *= 2
                continue
            }
            // Before `start` the file goes on: whole lines begin after the first newline
            // in the window (the window reaches one byte further back, so a line that
            // begins right at its edge is still seen whole).
            let first = start == 0 ? 0 : min(lastNewline, (buffer.firstIndex(of: 0x0A) ?? lastNewline) + 1)
            let lines = buffer[first..<lastNewline].split(separator: 0x0A, omittingEmptySubsequences: true)
            return (start + lastNewline + 1, lines.compactMap { Self.id(of: Array($0)) })
        }
    }

    private func read(_ descriptor: Int32, from start: Int, count: Int) throws(ProgressError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return pread(descriptor, base + done, raw.count - done, off_t(start + done))
            }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw .unreadable(path: file.path, reason: got == 0 ? "the file ended early" : AtomicFile.lastError()) }
            done += got
        }
        return buffer
    }

    /// The `"id"` of one statement line, read without parsing the whole statement.
    static func id(of line: [UInt8]) -> String? {
        if SealedStatementLine.isSealed(line) { return SealedStatementLine.id(of: Data(line)) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { return nil }
        return object["id"] as? String
    }

    private func write(_ data: Data, to descriptor: Int32, at offset: Int) throws(ProgressError) {
        guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else { throw .writeFailed(path: file.path, reason: AtomicFile.lastError()) }
        if let failure = DescriptorWriting.writeAll(descriptor, data) { throw .writeFailed(path: file.path, reason: failure) }
    }
}
