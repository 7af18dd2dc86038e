import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An open folder reached from a root folder one name at a time without following a
/// symbolic link (O_NOFOLLOW and a check before each step), so a link planted inside a
/// data directory or a record store can neither redirect a read nor make Kursus write
/// outside the folder. Files are opened relative to the folder's descriptor (openat),
/// never by path. The root itself is the user's choice and may be a link.
final class SafeDirectory: @unchecked Sendable {
    enum Kind: Equatable { case file, directory, symbolicLink, other }

    let descriptor: Int32
    /// The folder's path, for messages.
    let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Opens `root`, then each of `components` below it. With `create`, missing folders
    /// below the root are made (0700); otherwise a missing one throws `.missing`.
    static func open(_ root: URL, _ components: [String] = [], create: Bool = false) throws(RecordFileError) -> SafeDirectory {
        if create {
            do {
                try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .writeFailed(path: root.path, reason: "cannot create the folder")
            }
        }
        let descriptor = Glibc.open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw .missing(path: root.path) }
            if errno == ENOTDIR { throw .wrongKind(path: root.path, expected: "a folder") }
            throw .unreadable(path: root.path, reason: OpenFile.lastError())
        }
        var folder = SafeDirectory(descriptor: descriptor, path: root.path)
        for name in components {
            folder = try folder.subdirectory(name, create: create)
        }
        return folder
    }

    func pathOf(_ name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }

    /// What `name` is, without following a link; nil when there is nothing by that name.
    func kind(of name: String) throws(RecordFileError) -> Kind? {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return nil }
            throw .unreadable(path: pathOf(name), reason: OpenFile.lastError())
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The folder `name` inside this one, made (0700) when missing and `create` is set.
    func subdirectory(_ name: String, create: Bool) throws(RecordFileError) -> SafeDirectory {
        guard let folder = try subdirectoryIfPresent(name, create: create) else { throw .missing(path: pathOf(name)) }
        return folder
    }

    /// The folder `name`, or nil when it does not exist (and `create` is not set).
    func subdirectoryIfPresent(_ name: String, create: Bool = false) throws(RecordFileError) -> SafeDirectory? {
        let target = pathOf(name)
        switch try kind(of: name) {
        case nil:
            guard create else { return nil }
            if mkdirat(descriptor, name, 0o700) != 0, errno != EEXIST {
                throw .writeFailed(path: target, reason: "cannot create the folder: \(OpenFile.lastError())")
            }
            sync()
        case .directory: break
        case .symbolicLink: throw .symbolicLink(path: target)
        case .file, .other: throw .wrongKind(path: target, expected: "a folder")
        }
        let opened = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard opened >= 0 else { throw Self.openError(target) }
        return SafeDirectory(descriptor: opened, path: target)
    }

    /// `name` opened for reading, or nil when it does not exist. A link is refused.
    func openForReading(_ name: String) throws(RecordFileError) -> OpenFile? {
        let target = pathOf(name)
        switch try kind(of: name) {
        case nil: return nil
        case .file: break
        case .symbolicLink: throw .symbolicLink(path: target)
        case .directory, .other: throw .wrongKind(path: target, expected: "a file")
        }
        // O_NONBLOCK and fstat: a FIFO swapped in after the check above neither blocks
        // the open nor is read.
        let opened = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard opened >= 0 else {
            if errno == ENOENT { return nil }
            throw Self.openError(target)
        }
        var info = stat()
        guard fstat(opened, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(opened)
            throw .wrongKind(path: target, expected: "a file")
        }
        return OpenFile(descriptor: opened, path: target)
    }

    /// `name` opened for writing (created 0600 when missing); with `append`, every write
    /// goes to the end. A link is refused.
    func openForWriting(_ name: String, append: Bool) throws(RecordFileError) -> OpenFile {
        let target = pathOf(name)
        let flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (append ? O_APPEND : 0)
        let opened = openat(descriptor, name, flags, 0o600)
        guard opened >= 0 else { throw Self.openError(target) }
        _ = fchmod(opened, 0o600)
        return OpenFile(descriptor: opened, path: target)
    }

    /// A new file that did not exist before (O_EXCL), 0600.
    func createNew(_ name: String) throws(RecordFileError) -> OpenFile {
        let target = pathOf(name)
        let opened = openat(descriptor, name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard opened >= 0 else { throw Self.openError(target) }
        return OpenFile(descriptor: opened, path: target)
    }

    /// The names in the folder (without `.` and `..`), sorted.
    func names() throws(RecordFileError) -> [String] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            throw .unreadable(path: path, reason: OpenFile.lastError())
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Renames `source` to `target` in this folder, replacing `target`, then syncs the folder.
    func rename(_ source: String, to target: String) throws(RecordFileError) {
        guard renameat(descriptor, source, descriptor, target) == 0 else {
            throw .writeFailed(path: pathOf(target), reason: "cannot rename \(source): \(OpenFile.lastError())")
        }
        sync()
    }

    /// Gives `source` the new name `target` unless `target` exists (then returns false
    /// and changes nothing): a hard link, then the old name removed.
    func renameWithoutReplacing(_ source: String, to target: String) throws(RecordFileError) -> Bool {
        guard linkat(descriptor, source, descriptor, target, 0) == 0 else {
            if errno == EEXIST { return false }
            throw .writeFailed(path: pathOf(target), reason: "cannot name \(source) so: \(OpenFile.lastError())")
        }
        remove(source)
        return true
    }

    /// Replaces (or creates) `name` with `data` atomically: a new hidden file in this
    /// folder, fsynced, renamed over `name`, then the folder fsynced. A crash leaves the
    /// old content or the new, never a mix.
    func replace(_ name: String, with data: Data) throws(RecordFileError) {
        let temporary = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        do {
            let file = try createNew(temporary)
            try file.write(data)
            try file.sync()
            try rename(temporary, to: name)
        } catch {
            remove(temporary)
            throw error
        }
    }

    /// Removes the file `name`; a missing file is fine.
    func remove(_ name: String) {
        _ = unlinkat(descriptor, name, 0)
        sync()
    }

    /// fsync on the folder makes a completed rename or creation survive a power cut.
    func sync() {
        _ = fsync(descriptor)
    }

    private static func openError(_ target: String) -> RecordFileError {
        switch errno {
        case ELOOP: .symbolicLink(path: target)
        case ENOENT: .missing(path: target)
        case ENOTDIR: .wrongKind(path: target, expected: "a folder")
        case EACCES, EPERM: .unreadable(path: target, reason: OpenFile.lastError())
        default: .writeFailed(path: target, reason: OpenFile.lastError())
        }
    }
}
