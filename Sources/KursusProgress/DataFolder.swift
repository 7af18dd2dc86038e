import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Folders inside the data directory, reached one name at a time from the data directory
/// with `openat(…, O_NOFOLLOW | O_DIRECTORY)`, made with `mkdirat` and their mode set
/// with `fchmod` on the open folder, never by path. A symbolic link anywhere below the
/// data directory (`learners/`, `learners/<id>/`, `…/progress/`, `…/outbox/`) is refused
/// with a message naming it, so progress, locks and profiles are never written (nor a
/// folder's mode changed) outside the data directory (issue 16). The data directory
/// itself may be a link: where it lives is the administrator's choice (docs/saving.md).
public enum DataFolder {
    /// Makes sure `folder`, inside `root`, is a real folder all the way down, making
    /// missing ones (0700) and setting `folder`'s own mode to 0700.
    public static func makePrivate(_ folder: URL, in root: URL) throws(ProgressError) {
        let names = try components(of: folder, in: root)
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .writeFailed(path: root.path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        let descriptor = try walk(names, from: root, create: true)
        guard let descriptor else { return }
        defer { close(descriptor) }
        _ = fchmod(descriptor, 0o700)
    }

    /// Refuses a link on the way from `root` to `folder` (each folder that exists is
    /// checked; a missing one ends the walk). For reading, before anything is opened.
    public static func refuseLinks(_ folder: URL, in root: URL) throws(ProgressError) {
        let names = try components(of: folder, in: root)
        guard FileManager.default.fileExists(atPath: root.path) else { return }
        if let descriptor = try walk(names, from: root, create: false) { close(descriptor) }
    }

    /// The names from `root` down to `folder`; `folder` must be inside `root`.
    static func components(of folder: URL, in root: URL) throws(ProgressError) -> [String] {
        let rootPath = root.standardizedFileURL.path
        let path = folder.standardizedFileURL.path
        guard path == rootPath || path.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/") else {
            throw .writeFailed(path: folder.path, reason: "not inside the data directory \(rootPath)")
        }
        return path.dropFirst(rootPath.count).split(separator: "/").map(String.init)
    }

    /// Opens `root` (following a link: the administrator's choice), then each name below
    /// it without following one. Returns the last folder's descriptor, or nil when a
    /// folder is missing and `create` is false.
    private static func walk(_ names: [String], from root: URL, create: Bool) throws(ProgressError) -> Int32? {
        var descriptor = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT, !create { return nil }
            throw .writeFailed(path: root.path, reason: "cannot open the data directory: \(AtomicFile.lastError())")
        }
        var path = root.standardizedFileURL.path
        for name in names {
            path += "/" + name
            var next = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT {
                guard create else {
                    close(descriptor)
                    return nil
                }
                if mkdirat(descriptor, name, 0o700) != 0, errno != EEXIST {
                    let reason = AtomicFile.lastError()
                    close(descriptor)
                    throw .writeFailed(path: path, reason: "cannot create the folder (\(reason))")
                }
                next = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            if next < 0 {
                let failure = refusal(descriptor, name, path: path, root: root)
                close(descriptor)
                throw failure
            }
            close(descriptor)
            descriptor = next
        }
        return descriptor
    }

    /// Why `name` could not be opened as a folder: a link, something else, or the system's reason.
    private static func refusal(_ parent: Int32, _ name: String, path: String, root: URL) -> ProgressError {
        let reason = AtomicFile.lastError()
        var info = stat()
        guard fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .writeFailed(path: path, reason: reason) }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            return .writeFailed(path: path, reason: linkRefusal(root))
        case S_IFDIR:
            return .writeFailed(path: path, reason: "cannot open the folder (\(reason))")
        default:
            return .writeFailed(path: path, reason: "not a folder; move this file away so Kursus can make the folder")
        }
    }

    /// The advice for a link inside the data directory.
    static func linkRefusal(_ root: URL) -> String {
        "is a symbolic link, and Kursus does not follow links inside its data directory (\(root.path)), so that nothing is written elsewhere. Replace the link with a real folder holding the same files, or give the linked folder's data directory with --data-dir"
    }
}
