import Crypto
import KursusText
import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a transfer file (`TransferFormat`). Statements are first collected in a
/// hidden scratch file beside the output (so their count and SHA-256 are known before
/// the manifest is written), then packed with ZIPFoundation into a hidden temporary
/// file, which is fsynced, read back with `TransferReader` to prove it imports, and
/// only then renamed to the output name. The output is therefore either absent, the
/// old file (with `overwrite`), or the complete new file, never a part. Without
/// `overwrite` an existing output is refused, also one that appears meanwhile.
public final class TransferWriter {
    public let output: URL
    let overwrite: Bool
    let kursusVersion: String
    let selection: String
    let createdAt: Date
    let limits: TransferLimits
    private let folder: SafeDirectory
    private let scratchName: String
    private var scratch: OpenFile?
    private var hasher = SHA256()
    private var bytes: UInt64 = 0
    private var learners: [TransferManifest.LearnerCount] = []
    private var contents: [UUID: UInt64] = [:]

    /// Prepares to write `output`. `selection` is "pending" or "all" (written in the
    /// manifest); `kursusVersion` is the exporting Kursus's version.
    public init(
        output: URL, overwrite: Bool, kursusVersion: String, selection: String, createdAt: Date, limits: TransferLimits = .standard
    ) throws(TransferError) {
        self.output = output
        self.overwrite = overwrite
        self.kursusVersion = kursusVersion
        self.selection = selection
        self.createdAt = createdAt
        self.limits = limits
        let path = output.path
        do {
            folder = try SafeDirectory.open(output.deletingLastPathComponent())
            if !overwrite, try folder.kind(of: output.lastPathComponent) != nil { throw TransferError.outputExists(path: path) }
            scratchName = Self.temporaryName(output, "statements")
            scratch = try folder.createNew(scratchName)
        } catch let error as TransferError {
            throw error
        } catch {
            throw .cannotWrite(path: path, reason: Self.advice(error))
        }
    }

    deinit {
        scratch = nil
        folder.remove(scratchName)
    }

    /// Starts the statements of `learner`; call once per learner, even when none follow.
    public func beginLearner(_ learner: String) {
        learners.append(.init(learner: learner, statements: 0))
    }

    /// Adds a statement of the learner begun last. The same id again with the same bytes
    /// is left out; with other bytes it is refused, as an import would refuse the file.
    public func add(_ statement: PendingStatement) throws(TransferError) {
        guard let scratch, !learners.isEmpty, let id = StatementLine.uuid(statement.id) else {
            throw .cannotWrite(path: output.path, reason: "statement \(StatementLine.shown(statement.id)) has no learner or no valid id")
        }
        let content = StatementLine.fingerprint(statement.json)
        if let earlier = contents[id] {
            if earlier == content { return }
            throw .cannotWrite(
                path: output.path,
                reason: "statement \(statement.id) is in the outbox twice with different contents; export the learners one at a time and report this"
            )
        }
        let line = statement.json + Data([0x0A])
        guard bytes + UInt64(line.count) <= limits.maximumStatementsBytes else {
            throw .cannotWrite(
                path: output.path,
                reason: "the statements would take more than \(limits.maximumStatementsBytes) bytes; export the learners one at a time (--learner)"
            )
        }
        do {
            try scratch.write(line)
        } catch {
            throw .cannotWrite(path: output.path, reason: Self.advice(error))
        }
        contents[id] = content
        hasher.update(data: line)
        bytes += UInt64(line.count)
        learners[learners.count - 1].statements += 1
    }

    /// Writes the file and returns its manifest.
    @discardableResult
    public func finish() throws(TransferError) -> TransferManifest {
        let manifest = TransferManifest(
            format: TransferFormat.formatName, formatVersion: TransferFormat.formatVersion, createdAt: createdAt,
            kursusVersion: kursusVersion, selection: selection, statements: learners.reduce(0) { $0 + $1.statements }, learners: learners,
            members: [TransferFormat.statementsMember: .init(bytes: bytes, sha256: Hex.lowercase(hasher.finalize()))]
        )
        let archiveName = Self.temporaryName(output, "zip")
        let archiveURL = output.deletingLastPathComponent().appendingPathComponent(archiveName)
        defer { folder.remove(archiveName) }
        do {
            guard let scratch else { throw TransferError.cannotWrite(path: output.path, reason: "finished twice") }
            let manifestData = try TransferManifest.encoder.encode(manifest) + Data([0x0A])
            try pack(manifestData, statements: scratch, into: archiveURL)
            guard let packed = try folder.openForReading(archiveName) else {
                throw TransferError.cannotWrite(path: output.path, reason: "the temporary file vanished")
            }
            try packed.sync()
            // Proof that the file imports before it takes the output's name.
            let check = try TransferReader.open(archiveURL, limits: limits)
            try check.readStatements { _ in }
            if overwrite {
                try folder.rename(archiveName, to: output.lastPathComponent)
            } else if try !folder.renameWithoutReplacing(archiveName, to: output.lastPathComponent) {
                throw TransferError.outputExists(path: output.path)
            }
        } catch let error as TransferError {
            throw error
        } catch {
            throw .cannotWrite(path: output.path, reason: Self.advice(error))
        }
        self.scratch = nil
        return manifest
    }

    private func pack(_ manifest: Data, statements: OpenFile, into url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        chmod(url.path, 0o600)
        try archive.addEntry(
            with: TransferFormat.statementsMember, type: .file, uncompressedSize: Int64(bytes), modificationDate: createdAt,
            permissions: 0o600, compressionMethod: .deflate
        ) { position, size in
            var chunk = [UInt8](repeating: 0, count: size)
            let read = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return pread(statements.descriptor, base, size, off_t(position))
            }
            guard read == size else { throw TransferError.cannotWrite(path: self.output.path, reason: "the scratch file could not be read back") }
            return Data(chunk)
        }
        try archive.addEntry(
            with: TransferFormat.manifestMember, type: .file, uncompressedSize: Int64(manifest.count), modificationDate: createdAt,
            permissions: 0o600, compressionMethod: .deflate
        ) { position, size in
            manifest.subdata(in: Int(position)..<(Int(position) + size))
        }
    }

    /// What went wrong and what to do about it.
    static func advice(_ error: any Error) -> String {
        switch error as? RecordFileError {
        case let .missing(path)?: return "the folder \(path) does not exist; create it or choose another place"
        case let problem?: return problem.description
        case nil: break
        }
        return "\(error); check the free space and that the stick is not write-protected"
    }

    static func temporaryName(_ output: URL, _ kind: String) -> String {
        ".\(output.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).\(kind).tmp"
    }
}
