import Foundation
import KursusCourse
import KursusProgress
#if canImport(Glibc)
import Glibc
#endif

/// The POSIX file work of a library: the lock that keeps two installs apart, copying a
/// package in under a temporary name with fsync, the atomic rename, and clearing away
/// temporary files a crash left.
enum LibraryFiles {
    /// Temporary files start with this, so listings (which skip hidden files) never see them.
    static let temporaryPrefix = ".installing-"
    static let lockName = ".lock"

    /// Holds the library's lock (flock on `<library>/.lock`) until `release`.
    struct Lock {
        fileprivate let descriptor: Int32

        func release() {
            _ = flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }

    /// Takes the library's exclusive lock without waiting.
    static func lock(_ folder: URL) throws(LibraryError) -> Lock {
        let path = folder.appendingPathComponent(lockName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .folder(path: folder.path, reason: "cannot create its lock file (\(lastError())); check the permissions") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .busy(path: folder.path)
        }
        return Lock(descriptor: descriptor)
    }

    /// Removes temporary files left by an install that did not finish (the caller holds the lock).
    static func removeTemporaries(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(temporaryPrefix) {
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// Copies `source` to `target` so that `target` afterwards holds either its old
    /// content or all of `source`, never part: the bytes go to a temporary file in the
    /// same folder, which is flushed to disk and then renamed over `target`; the folder is
    /// flushed so the rename survives a power cut.
    static func place(_ source: URL, at target: URL) throws(LibraryError) {
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent("\(temporaryPrefix)\(getpid())-\(target.lastPathComponent)")
        let input: Int32
        do {
            // Never blocks: a FIFO put in the package's place is refused.
            input = try RegularFileReader.openRegular(path: source.path).descriptor
        } catch {
            throw .packageRefused(path: source.path, reason: "it \(error)")
        }
        defer { close(input) }
        // A name left by an earlier process with this pid (the caller holds the lock).
        unlink(temporary.path)
        if let failure = AtomicFile.replace(target, temporary: temporary, permissions: 0o644, fill: { copy(from: input, to: $0) }) {
            throw .writeFailed(path: target.path, reason: failure)
        }
    }

    /// Removes `file` and flushes its folder.
    static func remove(_ file: URL) throws(LibraryError) {
        guard unlink(file.path) == 0 else { throw .writeFailed(path: file.path, reason: lastError()) }
        AtomicFile.syncDirectory(file.deletingLastPathComponent())
    }

    private static func copy(from input: Int32, to output: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return lastError()
            }
            if count == 0 { return nil }
            if let failure = DescriptorWriting.writeAll(output, Data(buffer[0..<count])) { return failure }
        }
    }

    static func lastError() -> String { AtomicFile.lastError() }
}
