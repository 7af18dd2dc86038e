#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output written in pieces as it is produced (a large converted quiz never sits in
/// memory whole): to standard output, or to a file that is replaced atomically, so a
/// failure half-way leaves the old file (or none), never half a file.
enum StreamedFileOutput {
    /// A write that failed, with the system's reason.
    struct Failure: Error {
        let reason: String
    }

    /// Passes `produce` a sink that writes each piece to standard output.
    static func toStandardOutput(_ produce: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void) throws {
        try produce { try writeAll(descriptor: STDOUT_FILENO, $0) }
    }

    /// Passes `produce` a sink that writes to a new file beside `path` (created with
    /// mode 0666 less the umask, as any new file), which then replaces `path`.
    static func replacing(_ path: String, _ produce: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void) throws {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<100 {
            temporary = "\(folder).\(name).\(getpid())-\(attempt).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw Failure(reason: lastError()) }
        do {
            try produce { try writeAll(descriptor: descriptor, $0) }
            guard close(descriptor) == 0 else {
                descriptor = -1
                throw Failure(reason: lastError())
            }
            descriptor = -1
            guard rename(temporary, path) == 0 else { throw Failure(reason: lastError()) }
        } catch {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporary)
            throw error
        }
    }

    private static func writeAll(descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard var address = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = write(descriptor, address, left)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: lastError())
            }
            address += written
            left -= written
        }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
