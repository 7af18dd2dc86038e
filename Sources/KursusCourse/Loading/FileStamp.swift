import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the file system says about a file without reading it: size, modification and
/// change times to the nanosecond, inode and device. Two equal stamps of the same path
/// mean the file was not written in between, with one exception the fingerprint cache
/// guards against (a write in the same clock tick as the stamp; see
/// `CourseFingerprintCache.settledBefore`). The change time cannot be set back by any
/// program (`touch -d`, `cp -p` and `rsync -t` set the modification time only), and a
/// file replaced by another has a new inode.
public struct FileStamp: Hashable, Sendable {
    public var size: Int64
    /// Modification time, nanoseconds since 1970.
    public var modified: Int64
    /// Status change time, nanoseconds since 1970.
    public var changed: Int64
    public var inode: UInt64
    public var device: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64, device: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
        self.device = device
    }

    init(_ status: stat) {
        #if canImport(Darwin)
        let modified = status.st_mtimespec
        let changed = status.st_ctimespec
        #else
        let modified = status.st_mtim
        let changed = status.st_ctim
        #endif
        self.init(
            size: Int64(status.st_size), modified: Int64(modified.tv_sec) &* 1_000_000_000 &+ Int64(modified.tv_nsec),
            changed: Int64(changed.tv_sec) &* 1_000_000_000 &+ Int64(changed.tv_nsec), inode: UInt64(status.st_ino),
            device: UInt64(status.st_dev))
    }
}

/// Reads a package file together with its stamp, from one `open` and one `fstat` on the
/// open descriptor, so the stamp belongs to the bytes read. It opens through
/// `RegularFileReader.openRegular` (never blocks: a FIFO is refused, not waited on;
/// anything but a regular file is refused) and never reads more than `limit` bytes. `head`, asked once the stamp is
/// known, may say to read only the first so many bytes; `enough` then says whether those
/// bytes do, or the rest is read too.
enum StampedFileReader {
    struct Read {
        var bytes: Data
        var stamp: FileStamp
        /// Whether `bytes` is the whole file.
        var complete: Bool
    }

    /// Why a file was not read: not there (or a folder), which callers report as a
    /// missing file, or any other reason, as the message to show.
    enum Failure: Error {
        case missing(CourseError)
        case unreadable(CourseError)
    }

    static func read(
        path: String, shownAs shown: String, limit: Int, head: (FileStamp) -> Int? = { _ in nil }, enough: (Data) -> Bool = { _ in true }
    ) throws(Failure) -> Read {
        let here = SourceLocation(file: shown)
        // Opened, checked and set blocking again by the one reader of whole files, so the
        // messages (a FIFO, a link loop, a folder) are the same as everywhere else.
        let descriptor: Int32
        do {
            descriptor = try RegularFileReader.openRegular(path: path).descriptor
        } catch {
            switch error {
            case .notFound, .folder: throw .missing(CourseError(here, error.description))
            default: throw .unreadable(CourseError(here, error.description))
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(CourseError(here, "cannot be read (check the file's permissions)")) }
        let stamp = FileStamp(status)
        let size = Int(status.st_size)
        guard size <= limit else {
            throw .unreadable(
                CourseError(here, "is \(ByteCount.describe(size)); the limit is \(ByteCount.describe(limit)). Split it into smaller files"))
        }
        var bytes = Data(count: min(size, limit) + 1)
        var count = 0
        // Whole files are read to limit + 1 bytes, so a file that grew after fstat is refused.
        var wanted = head(stamp).map { min($0, limit + 1) } ?? (limit + 1)
        while count < wanted {
            if count == bytes.count { bytes.count = min(bytes.count * 2, limit + 1) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                readDescriptor(descriptor, buffer.baseAddress.map { $0 + count }, min(buffer.count, wanted) - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(CourseError(here, "cannot be read (check the file's permissions)"))
            }
            if got == 0 { break }
            count += got
            if count == wanted, wanted <= limit, !enough(bytes.prefix(count)) { wanted = limit + 1 }
        }
        guard count <= limit else { throw .unreadable(CourseError(here, "is larger than the limit of \(ByteCount.describe(limit))")) }
        bytes.count = count
        return Read(bytes: bytes, stamp: stamp, complete: count < wanted || wanted > limit)
    }
}

/// read(2), named so that `StampedFileReader.read` does not hide it.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
