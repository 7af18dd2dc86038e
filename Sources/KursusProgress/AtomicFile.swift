import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that a crash or `kill -9` at any moment leaves either the old or the
/// new content, never a mix: write a temporary file in the same folder, fsync it,
/// rename it over the target, then fsync the folder so the rename itself is durable.
/// Files are never changed in place, so a hard link to one is a stable snapshot.
package enum AtomicFile {
    static func write(_ data: Data, to url: URL, permissions: mode_t = 0o600) throws(ProgressError) {
        if let failure = replace(url, temporary: temporaryName(for: url), permissions: permissions, fill: { DescriptorWriting.writeAll($0, data) }) {
            throw .writeFailed(path: url.path, reason: failure)
        }
    }

    /// The protocol every atomic write in Kursus follows (progress, profiles, the course
    /// library): `fill` writes the new content into `temporary` (a new file in the same
    /// folder as `target`), which is fsynced, closed and renamed over `target`; then the
    /// folder is fsynced. Returns why it failed (the temporary file is then removed), or
    /// nil when `target` now holds the new content.
    package static func replace(_ target: URL, temporary: URL, permissions: mode_t, fill: (Int32) -> String?) -> String? {
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { return lastError() }
        var failure = fill(descriptor)
        if failure == nil, fsync(descriptor) != 0 { failure = lastError() }
        if close(descriptor) != 0, failure == nil { failure = lastError() }
        if failure == nil, rename(temporary.path, target.path) != 0 { failure = lastError() }
        if let failure {
            unlink(temporary.path)
            return failure
        }
        syncDirectory(target.deletingLastPathComponent())
        return nil
    }

    /// Makes `target` hold what `source` holds now, atomically: a hard link to `source`
    /// under a temporary name renamed over `target`. Where the file system has no hard
    /// links, the bytes of `source` are copied with `write(_:to:)`.
    static func duplicate(_ source: URL, to target: URL) throws(ProgressError) {
        let temporary = temporaryName(for: target)
        guard link(source.path, temporary.path) == 0 else {
            let contents: Data
            do {
                contents = try FileReading.bytes(source, limit: 1 << 30)
            } catch {
                throw .writeFailed(path: target.path, reason: "cannot copy \(source.lastPathComponent) to the backup")
            }
            try write(contents, to: target)
            return
        }
        let renamed = rename(temporary.path, target.path) == 0
        let failure = renamed ? nil : lastError()
        // When `target` already was a link to `source` (a save killed between backing up
        // and replacing), rename(2) succeeds without removing the temporary name.
        unlink(temporary.path)
        if let failure { throw .writeFailed(path: target.path, reason: failure) }
        syncDirectory(target.deletingLastPathComponent())
    }

    /// Keeps the file at `source` under the new name `target` without copying it: a hard
    /// link (so `source` stays in place until it is replaced), else a rename. Returns
    /// false, changing nothing, when `target` exists.
    static func preserve(_ source: URL, as target: URL) throws(ProgressError) -> Bool {
        if link(source.path, target.path) == 0 {
            syncDirectory(target.deletingLastPathComponent())
            return true
        }
        if errno == EEXIST { return false }
        if FileManager.default.fileExists(atPath: target.path) { return false }
        guard rename(source.path, target.path) == 0 else {
            throw .writeFailed(path: target.path, reason: "cannot keep the damaged file aside: \(lastError())")
        }
        syncDirectory(target.deletingLastPathComponent())
        return true
    }

    /// Removes a file; a file that is already gone is fine.
    static func remove(_ url: URL) throws(ProgressError) {
        if unlink(url.path) != 0, errno != ENOENT {
            throw .writeFailed(path: url.path, reason: lastError())
        }
        syncDirectory(url.deletingLastPathComponent())
    }

    /// fsync on the folder makes a completed rename survive a power cut.
    package static func syncDirectory(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Creates `folder` (and its parents) with owner-only permissions when missing,
    /// refusing a symbolic link anywhere below `root` (`DataFolder.makePrivate`).
    static func makePrivateDirectory(_ folder: URL, in root: URL) throws(ProgressError) {
        try DataFolder.makePrivate(folder, in: root)
    }

    /// Removes temporary files left next to `url` by processes that were killed while
    /// writing (names from `temporaryName(for:)` whose process no longer exists).
    static func removeStaleTemporaries(of url: URL) {
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let parts = name.dropFirst(prefix.count).split(separator: ".")
            guard parts.count == 3, let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1]) != nil else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                unlink(folder.appendingPathComponent(name).path)
            }
        }
    }

    /// A hidden name in the same folder, unique to this process and call.
    static func temporaryName(for url: URL) -> URL {
        url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
    }

    package static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
