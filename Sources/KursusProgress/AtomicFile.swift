import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that a crash or `kill -9` at any moment leaves either the old or the
/// new content, never a mix: write a temporary file in the same folder, fsync it,
/// rename it over the target, then fsync the folder so the rename itself is durable.
enum AtomicFile {
    static func write(_ data: Data, to url: URL, permissions: mode_t = 0o600) throws(ProgressError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw .writeFailed(path: url.path, reason: lastError()) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = lastError()
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = lastError() }
        if close(descriptor) != 0, failure == nil { failure = lastError() }
        if failure == nil, rename(temporary.path, url.path) != 0 { failure = lastError() }
        if let failure {
            unlink(temporary.path)
            throw .writeFailed(path: url.path, reason: failure)
        }
        syncDirectory(folder)
    }

    /// fsync on the folder makes a completed rename survive a power cut.
    static func syncDirectory(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Creates `folder` (and its parents) with owner-only permissions when missing.
    static func makePrivateDirectory(_ folder: URL) throws(ProgressError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .writeFailed(path: folder.path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        chmod(folder.path, 0o700)
    }

    static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
