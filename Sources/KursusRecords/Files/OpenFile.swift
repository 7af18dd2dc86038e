import Foundation
import KursusProgress
#if canImport(Glibc)
import Glibc
#endif

/// An open file descriptor, closed when the value goes away. Reads and writes retry
/// on EINTR; every failure is a `RecordFileError` naming `path`.
final class OpenFile {
    let descriptor: Int32
    let path: String

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Reads up to `buffer.count` bytes at the current position into `buffer`; 0 at the end.
    func read(into buffer: inout [UInt8]) throws(RecordFileError) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress, raw.count > 0 else { return 0 }
                return Glibc.read(descriptor, base, raw.count)
            }
            if count >= 0 { return count }
            if errno != EINTR { throw .unreadable(path: path, reason: Self.lastError()) }
        }
    }

    /// Writes all of `data` (at the end when the file was opened with O_APPEND).
    func write(_ data: Data) throws(RecordFileError) {
        let failure = DescriptorWriting.writeAll(descriptor, data)
        if let failure { throw .writeFailed(path: path, reason: failure) }
    }

    /// Makes what was written durable.
    func sync() throws(RecordFileError) {
        while fsync(descriptor) != 0 {
            if errno != EINTR { throw .writeFailed(path: path, reason: Self.lastError()) }
        }
    }

    func seek(to offset: UInt64) throws(RecordFileError) {
        guard offset <= UInt64(Int64.max), lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
            throw .unreadable(path: path, reason: "cannot move to byte \(offset): \(Self.lastError())")
        }
    }

    /// The file's size and identity (device and inode), from fstat.
    func status() throws(RecordFileError) -> (size: UInt64, identity: FileIdentity) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(path: path, reason: Self.lastError()) }
        return (UInt64(max(0, info.st_size)), FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
    }

    /// Cuts the file to `size` bytes (used to drop a torn last line before appending).
    func truncate(to size: UInt64) throws(RecordFileError) {
        guard size <= UInt64(Int64.max), ftruncate(descriptor, off_t(size)) == 0 else {
            throw .writeFailed(path: path, reason: Self.lastError())
        }
    }

    /// Takes an exclusive flock. Without `wait`, a lock held elsewhere throws `.busy`.
    func lockExclusively(wait: Bool, holder: String) throws(RecordFileError) {
        while flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK || errno == EAGAIN { throw .busy(path: path, holder: holder) }
            throw .writeFailed(path: path, reason: "cannot lock: \(Self.lastError())")
        }
    }

    /// The offset just after the file's last "\n" (0 when there is none): the file's size
    /// unless its last line is torn. Reads backwards from the end, 64 KiB at a time.
    func endOfLastLine() throws(RecordFileError) -> UInt64 {
        var end = try status().size
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while end > 0 {
            let count = Int(min(UInt64(chunk.count), end))
            let start = end - UInt64(count)
            let read = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(start)) }
            guard read == count else { throw .unreadable(path: path, reason: read < 0 ? Self.lastError() : "the file shrank while being read") }
            if let last = chunk[0..<count].lastIndex(of: 0x0A) { return start + UInt64(last) + 1 }
            end = start
        }
        return 0
    }

    /// Reads the whole file, refusing one larger than `limit` bytes without reading it all.
    func readAll(limit: Int) throws(RecordFileError) -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try read(into: &chunk)
            if count == 0 { return data }
            data.append(contentsOf: chunk[0..<count])
            if data.count > limit { throw .unreadable(path: path, reason: "larger than \(limit) bytes, so not a file Kursus wrote") }
        }
    }

    static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

/// Which file an open descriptor is: it changes when a file is replaced or renamed away.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
}
