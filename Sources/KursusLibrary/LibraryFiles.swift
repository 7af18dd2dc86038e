import Foundation
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
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw .packageRefused(path: source.path, reason: "cannot read it (\(lastError()))") }
        defer { close(input) }
        let output = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw .writeFailed(path: target.path, reason: lastError()) }
        var failure = copy(from: input, to: output)
        if failure == nil, fsync(output) != 0 { failure = lastError() }
        if close(output) != 0, failure == nil { failure = lastError() }
        if failure == nil, rename(temporary.path, target.path) != 0 { failure = lastError() }
        if let failure {
            unlink(temporary.path)
            throw .writeFailed(path: target.path, reason: failure)
        }
        syncDirectory(folder)
    }

    /// Removes `file` and flushes its folder.
    static func remove(_ file: URL) throws(LibraryError) {
        guard unlink(file.path) == 0 else { throw .writeFailed(path: file.path, reason: lastError()) }
        syncDirectory(file.deletingLastPathComponent())
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
            var written = 0
            while written < count {
                let result = buffer.withUnsafeBytes { write(output, $0.baseAddress.map { $0 + written }, count - written) }
                if result < 0 {
                    if errno == EINTR { continue }
                    return lastError()
                }
                written += result
            }
        }
    }

    static func syncDirectory(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
