import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way Kursus reads a whole file: a course file, a portrait, a progress file, a
/// profile, a config or key file. Reading can never block and never reads past a limit:
///
/// 1. `open` with `O_NONBLOCK`, so a FIFO without a writer (or a device) does not wait;
/// 2. `fstat` on the open descriptor (not on the path, so nothing can be swapped in
///    between) and refuse anything but a regular file;
/// 3. clear `O_NONBLOCK` and read at most `limit + 1` bytes, so a file that grew after
///    the check is still refused for its size, never read whole.
///
/// Failures say what the file is and what to do; callers put the path in front.
public enum RegularFileReader {
    /// Why a file could not be read. `description` is a phrase to follow the file's path.
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case notFound
        /// A symbolic link that leads to itself, directly or through other links (ELOOP).
        case symbolicLinkLoop
        case folder
        /// A FIFO, device or socket: `kind` names it ("a named pipe (FIFO)").
        case notRegular(kind: String)
        case permissionDenied
        /// Larger than the limit: `size` is the size seen (at least `limit + 1`).
        case tooLarge(size: Int, limit: Int)
        case unreadable(reason: String)

        public var description: String {
            switch self {
            case .notFound: "file not found"
            case .symbolicLinkLoop: "is a symbolic link loop (a link that leads back to itself); replace it with the file or a link to it"
            case .folder: "is a folder, not a file"
            case .notRegular(let kind):
                "is not a regular file but \(kind), which Kursus does not read (it could wait forever); put the file itself there"
            case .permissionDenied: "cannot be read (check the file's permissions)"
            case .tooLarge(let size, let limit): "is \(ByteCount.describe(size)); the limit is \(ByteCount.describe(limit))"
            case .unreadable(let reason): "cannot be read (\(reason))"
            }
        }
    }

    /// The bytes of the regular file at `url`, at most `limit` of them.
    public static func read(_ url: URL, limit: Int) throws(Failure) -> Data {
        try read(path: url.path, limit: limit)
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    public static func read(path: String, limit: Int) throws(Failure) -> Data {
        let (descriptor, size) = try openRegular(path: path)
        defer { close(descriptor) }
        return try read(descriptor, size: size, limit: limit)
    }

    /// Opens the regular file at `path` for reading without ever blocking, checks it on
    /// the descriptor, and returns the descriptor (blocking again, close-on-exec) and the
    /// file's size. The caller closes it. For readers that stream a file (a copy).
    public static func openRegular(path: String) throws(Failure) -> (descriptor: Int32, size: Int) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(errno: errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw failure(errno: code)
        }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(descriptor)
            switch kind {
            case S_IFDIR: throw .folder
            case S_IFIFO: throw .notRegular(kind: "a named pipe (FIFO)")
            case S_IFSOCK: throw .notRegular(kind: "a socket")
            case S_IFCHR, S_IFBLK: throw .notRegular(kind: "a device")
            default: throw .notRegular(kind: "a special file")
            }
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return (descriptor, Int(status.st_size))
    }

    /// Reads at most `limit` bytes (failing beyond it) from an open regular file of `size`.
    static func read(_ descriptor: Int32, size: Int, limit requested: Int) throws(Failure) -> Data {
        let limit = max(0, min(requested, Int.max - 1))
        guard size <= limit else { throw .tooLarge(size: size, limit: limit) }
        // Room for what fstat saw and one byte more, grown if the file grows meanwhile.
        var bytes = [UInt8](repeating: 0, count: max(0, min(size, limit)) + 1)
        var count = 0
        while count <= limit {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: min(bytes.count, limit + 1 - count)) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                readDescriptor(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw failure(errno: errno)
            }
            if got == 0 { break }
            count += got
        }
        guard count <= limit else { throw .tooLarge(size: count, limit: limit) }
        return Data(bytes[0..<count])
    }

    /// Why `path` cannot be reached at all (not found, a symbolic link loop, no
    /// permission), from stat(2); nil when it can. For messages about a path that
    /// `FileManager` only reports as missing.
    public static func problem(at path: String) -> Failure? {
        var status = stat()
        return stat(path, &status) == 0 ? nil : failure(errno: errno)
    }

    /// What `errno` after `open`, `fstat` or `read` means for a reader.
    static func failure(errno code: Int32) -> Failure {
        switch code {
        case ENOENT, ENOTDIR: .notFound
        case ELOOP: .symbolicLinkLoop
        case EISDIR: .folder
        case EACCES, EPERM: .permissionDenied
        case ENXIO, ENODEV: .notRegular(kind: "a device or socket")
        default: .unreadable(reason: String(cString: strerror(code)))
        }
    }
}

/// read(2), named so that `RegularFileReader.read` does not hide it.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
