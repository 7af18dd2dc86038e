import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The site secret: 32 random bytes in `<data-dir>/site-secret` (mode 0600) that key the
/// learners' pseudonyms and the identities of anonymous survey submissions
/// (docs/records.md). It is made on first use and never replaced: a new secret would
/// give every learner a new pseudonym. Copy the same file to every workstation of a
/// site so a learner has one pseudonym wherever they play.
public enum SiteSecret {
    public static let fileName = "site-secret"
    public static let size = 32

    /// The secret of `dataDirectory`, made (with the folder, 0700) when there is none.
    /// A file that others may read, that is not a plain file or that is not exactly 32
    /// bytes is refused, never replaced.
    public static func load(dataDirectory: URL) throws(SiteSecretError) -> Data {
        let url = dataDirectory.appendingPathComponent(fileName)
        if let existing = try read(url) { return existing }
        try create(url)
        guard let made = try read(url) else { throw .unreadable(path: url.path, reason: "it disappeared right after it was made") }
        return made
    }

    /// The secret at `url`, or nil when there is no file there.
    static func read(_ url: URL) throws(SiteSecretError) -> Data? {
        var info = stat()
        if lstat(url.path, &info) != 0 {
            if errno == ENOENT { return nil }
            throw .unreadable(path: url.path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path: url.path) }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else { throw .readableByOthers(path: url.path, mode: mode) }
        guard info.st_size == size else { throw .wrongSize(path: url.path, size: Int(info.st_size)) }
        // O_NONBLOCK: a FIFO swapped in after the check above cannot block the open.
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw .unreadable(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { throw .unreadable(path: url.path, reason: String(cString: strerror(errno))) }
            if got == 0 { break }
            count += got
        }
        guard count == size else { throw .wrongSize(path: url.path, size: count) }
        return Data(bytes.prefix(size))
    }

    /// Writes a new secret to a temporary file, fsyncs it, and links it to `url` only if
    /// nothing is there yet, so two players starting at once never replace each other's.
    static func create(_ url: URL) throws(SiteSecretError) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotCreate(path: url.path, reason: "the folder cannot be made")
        }
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let temporary = folder.appendingPathComponent(".\(fileName).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotCreate(path: url.path, reason: String(cString: strerror(errno))) }
        var failure: String?
        secret.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 {
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        defer { unlink(temporary.path) }
        if let failure { throw .cannotCreate(path: url.path, reason: failure) }
        if link(temporary.path, url.path) != 0, errno != EEXIST {
            throw .cannotCreate(path: url.path, reason: String(cString: strerror(errno)))
        }
        let folderDescriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}

/// Why the site secret cannot be used. Each message names the file and what to do.
public enum SiteSecretError: Error, Hashable, Sendable, CustomStringConvertible {
    case readableByOthers(path: String, mode: mode_t)
    case wrongSize(path: String, size: Int)
    case notAFile(path: String)
    case unreadable(path: String, reason: String)
    case cannotCreate(path: String, reason: String)

    public var description: String {
        switch self {
        case let .readableByOthers(path, mode):
            "\(path): error: the site secret may be read only by its owner, but its mode is \(String(mode, radix: 8)); "
                + "run 'chmod 600 \(path)'. If others may have copied it, learners' pseudonyms and anonymous survey answers can be linked to them"
        case let .wrongSize(path, size):
            "\(path): error: the site secret must be exactly \(SiteSecret.size) bytes, but the file has \(size); it is damaged. "
                + "Restore it from a backup or from another workstation of the site; a new secret would give every learner a new pseudonym"
        case let .notAFile(path):
            "\(path): error: the site secret must be a plain file (not a folder or a symbolic link)"
        case let .unreadable(path, reason):
            "\(path): error: cannot read the site secret: \(reason)"
        case let .cannotCreate(path, reason):
            "\(path): error: cannot make the site secret: \(reason)"
        }
    }
}
