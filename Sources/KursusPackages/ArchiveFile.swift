import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An archive file held open for reading at given offsets (`pread`), so that several
/// threads can read entries at once without a shared file position, and so that every
/// read sees the file that was checked when it was opened, even if the name is later
/// given to another file.
final class ArchiveFile: @unchecked Sendable {
    // Sendable: `descriptor` and `size` never change after `init`, and `pread` keeps no
    // state in the descriptor; the descriptor is closed only in `deinit`.
    let descriptor: Int32
    /// The file's size when it was opened.
    let size: Int
    let shown: String

    init(_ url: URL, shownAs shown: String) throws(PackageArchiveError) {
        self.shown = shown
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "file not found" : "cannot be opened (check the file's permissions)"
            throw .unreadable(archive: shown, reason: reason)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .unreadable(archive: shown, reason: "is not a regular file (a folder, pipe or device is not a package)")
        }
        self.descriptor = descriptor
        self.size = Int(status.st_size)
    }

    deinit { close(descriptor) }

    /// Exactly `count` bytes from `offset`; a short read means the file was cut short.
    func read(at offset: Int, count: Int) throws(PackageArchiveError) -> Data {
        guard count >= 0, offset >= 0, offset <= size, count <= size - offset else {
            throw .corrupt(archive: shown, detail: "a record reaches past the end of the file")
        }
        if count == 0 { return Data() }
        var data = Data(count: count)
        let done = data.withUnsafeMutableBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return -1 }
            var total = 0
            while total < count {
                let got = pread(descriptor, base + total, count - total, off_t(offset + total))
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { return total }
                total += got
            }
            return total
        }
        guard done == count else { throw .corrupt(archive: shown, detail: "the file ends in the middle of a record") }
        return data
    }
}

/// Little-endian integers from raw zip records.
extension Data {
    func uint16(at offset: Int) -> UInt16 {
        let base = startIndex + offset
        return UInt16(self[base]) | UInt16(self[base + 1]) << 8
    }

    func uint32(at offset: Int) -> UInt32 {
        let base = startIndex + offset
        return UInt32(self[base]) | UInt32(self[base + 1]) << 8 | UInt32(self[base + 2]) << 16 | UInt32(self[base + 3]) << 24
    }
}
