import Crypto
import KursusText
import Foundation
import KursusProgress
#if canImport(Glibc)
import Glibc
#endif

/// Reads a transfer file (`TransferFormat`) without trusting it. `open` checks the
/// archive's directory (`ZipDirectory`) and reads the manifest; `readStatements` then
/// streams `statements.jsonl` line by line, checking every line, and only after its last
/// byte checks the member's size, CRC-32 and SHA-256 and the counts against the
/// manifest. A caller that keeps what it was handed only once `readStatements` returns
/// imports all of a file or nothing.
public struct TransferReader {
    public let path: String
    public let manifest: TransferManifest
    public let limits: TransferLimits
    let file: OpenFile
    let directory: ZipDirectory

    public static func open(_ url: URL, limits: TransferLimits = .standard) throws(TransferError) -> TransferReader {
        let path = url.path
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw .cannotRead(path: path, reason: errno == ENOENT ? "no such file" : OpenFile.lastError())
        }
        let file = OpenFile(descriptor: descriptor, path: path)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw .cannotRead(path: path, reason: "not a regular file")
        }
        let directory = try ZipDirectory.read(file, allowed: TransferFormat.members, limits: limits)
        guard let manifestMember = directory.members[TransferFormat.manifestMember] else {
            throw .badManifest(path: path, reason: "the file has no manifest.json")
        }
        guard directory.members[TransferFormat.statementsMember] != nil else {
            throw .badManifest(path: path, reason: "the file has no statements.jsonl")
        }
        guard manifestMember.uncompressedSize <= limits.maximumManifestBytes else {
            throw .tooLarge(path: path, reason: "manifest.json is larger than \(limits.maximumManifestBytes) bytes")
        }
        var manifestData = Data()
        do {
            try Self.unpack(file, manifestMember, limit: limits.maximumManifestBytes, limits: limits) { manifestData += $0 }
        } catch let error as TransferError {
            throw error
        } catch {
            throw .damaged(path: path, reason: "manifest.json cannot be unpacked")
        }
        let manifest = try TransferManifest.decode(manifestData, path: path)
        return TransferReader(path: path, manifest: manifest, limits: limits, file: file, directory: directory)
    }

    /// Hands every statement to `body`, in file order. Throws `TransferError` for any
    /// problem with the file, even after `body` has seen statements; errors thrown by
    /// `body` come out unchanged.
    ///
    /// With `checkingLines: false` each line is handed over without being read as JSON
    /// (its `id` is then empty): for a reader that checks every statement itself, such as
    /// `kursus report`, which would otherwise read two million statements twice. The
    /// file's own checks (sizes, line count, SHA-256, CRC-32, line length) still hold.
    public func readStatements(checkingLines: Bool = true, _ body: (TransferStatement) throws -> Void) throws {
        guard let member = directory.members[TransferFormat.statementsMember], let expected = manifest.statementsMember else {
            throw TransferError.badManifest(path: path, reason: "the file has no statements.jsonl")
        }
        guard member.uncompressedSize == expected.bytes else {
            throw TransferError.badManifest(
                path: path, reason: "statements.jsonl holds \(member.uncompressedSize) bytes, the manifest says \(expected.bytes)")
        }
        guard member.uncompressedSize <= limits.maximumStatementsBytes else {
            throw TransferError.tooLarge(path: path, reason: "statements.jsonl is larger than \(limits.maximumStatementsBytes) bytes")
        }
        var hasher = SHA256()
        var splitter = LineSplitter(maximumLength: limits.maximumStatementBytes)
        var learnerIndex = 0
        var leftForLearner = manifest.learners.first?.statements ?? 0
        try Self.unpack(file, member, limit: limits.maximumStatementsBytes, limits: limits) { chunk in
            hasher.update(data: chunk)
            _ = try splitter.feed(chunk) { event in
                let statement = try statementLine(event, checking: checkingLines)
                while leftForLearner == 0, learnerIndex < manifest.learners.count {
                    learnerIndex += 1
                    leftForLearner = learnerIndex < manifest.learners.count ? manifest.learners[learnerIndex].statements : 0
                }
                guard learnerIndex < manifest.learners.count else {
                    throw TransferError.badManifest(
                        path: path, reason: "statements.jsonl has more lines than the manifest's \(manifest.statements) statements")
                }
                leftForLearner -= 1
                try body(
                    TransferStatement(id: statement.id, json: statement.json, learner: manifest.learners[learnerIndex].learner, line: statement.line))
                return true
            }
        }
        guard splitter.unfinishedLength == 0 else {
            throw TransferError.damaged(path: path, reason: "statements.jsonl ends in the middle of a line")
        }
        guard splitter.lineCount == manifest.statements else {
            throw TransferError.badManifest(
                path: path, reason: "statements.jsonl has \(splitter.lineCount) statements, the manifest says \(manifest.statements)")
        }
        let digest = Hex.lowercase(hasher.finalize())
        guard digest == expected.sha256 else {
            throw TransferError.badManifest(path: path, reason: "the SHA-256 of statements.jsonl is \(digest), the manifest says \(expected.sha256)")
        }
    }

    private func statementLine(_ event: LineSplitter.Event, checking: Bool) throws(TransferError) -> (id: String, json: Data, line: Int) {
        switch event {
        case let .overlong(number, _, length):
            throw .badStatement(path: path, line: number, reason: "longer than \(limits.maximumStatementBytes) bytes (\(length) bytes)")
        case let .line(data, number, _):
            guard checking else { return ("", data, number) }
            switch StatementLine.id(of: data) {
            case let .success(id): return (StatementLine.string(id), data, number)
            case let .failure(problem): throw .badStatement(path: path, line: number, reason: problem.description)
            }
        }
    }

    private static func unpack(
        _ file: OpenFile, _ member: ZipDirectory.Member, limit: UInt64, limits: TransferLimits, _ consumer: (Data) throws -> Void
    ) throws {
        try ZipMemberReader.read(file, member, limits: .init(limit: limit, maximumRatio: limits.maximumRatio), consumer)
    }
}
