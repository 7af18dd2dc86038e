import Crypto
import KursusText
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Course fingerprints remembered between starts, so that `play` can open a large course
/// reading only what its menu needs (each lesson's front matter) instead of every byte.
/// One file per course folder, in `<data-dir>/cache/fingerprints/`, named after a hash of
/// the folder's path. It holds the fingerprint and the stamp (`FileStamp`: size, times to
/// the nanosecond, inode, device) of every file the loader read for it, in reading order.
///
/// The cache is only ever a shortcut, never a source of truth:
/// - it is used only when every file the loader is about to read has exactly the stamp
///   recorded, in the same order; any difference, a missing file, a file more, a damaged,
///   truncated, oversized or hand-edited cache file (its last line is a SHA-256 over the
///   rest) means the course is read in full, as without a cache;
/// - a file written in the same clock tick as it was read could keep its stamp (file
///   times are as coarse as the kernel's clock tick), so an entry is only stored when
///   every file's times are at least `settledBefore` old; otherwise the next start reads
///   in full again;
/// - it is stored only for a course that loaded without errors.
/// The trade-off: a program that writes a file and then sets both its size and its times
/// back (only possible for the change time by changing the system clock) defeats it, as
/// it defeats `make` and `git status`. Whoever can do that can edit the progress files
/// in the same data directory anyway.
public struct CourseFingerprintCache: Sendable {
    public static let format = "kursus-fingerprints/2"
    /// Larger cache files are ignored (20,000 files of a package in several languages fit).
    public static let maximumBytes = 8 << 20
    /// How old every file's times must be when an entry is stored.
    public static let settledBefore: Int64 = 2_000_000_000

    /// Where the entries are: `<data-dir>/cache/fingerprints`.
    public let folder: URL
    /// The time now, nanoseconds since 1970 (tests set it ahead, rather than wait for
    /// files to settle).
    let now: @Sendable () -> Int64

    public init(folder: URL, now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1e9) }) {
        self.folder = folder
        self.now = now
    }

    /// The cache of a data directory.
    public init(dataDirectory: URL, now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1e9) }) {
        self.init(folder: dataDirectory.appendingPathComponent("cache").appendingPathComponent("fingerprints"), now: now)
    }

    /// One course's entry: the fingerprint, each file read with its stamp, in order, and
    /// the front matter of each lesson that had no problem, by path.
    public struct Entry: Hashable, Sendable {
        public var fingerprint: String
        public var files: [(path: String, stamp: FileStamp)]
        public var heads: [String: Head]

        public init(fingerprint: String, files: [(path: String, stamp: FileStamp)], heads: [String: Head] = [:]) {
            self.fingerprint = fingerprint
            self.files = files
            self.heads = heads
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.fingerprint == b.fingerprint && a.files.elementsEqual(b.files) { $0.path == $1.path && $0.stamp == $1.stamp } && a.heads == b.heads
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(fingerprint)
            for file in files {
                hasher.combine(file.path)
                hasher.combine(file.stamp)
            }
            hasher.combine(heads)
        }
    }

    /// What the course menu needs of a lesson: its front matter and the keys it has, as
    /// read when the course last loaded without errors. A lesson whose file still has
    /// the stamp recorded is not opened at all on the next start.
    public struct Head: Hashable, Sendable {
        public var frontMatter: FrontMatter
        public var keys: [String]

        public init(frontMatter: FrontMatter, keys: [String]) {
            self.frontMatter = frontMatter
            self.keys = keys
        }
    }

    /// The file holding the entry of the course folder `root`.
    public func file(for root: URL) -> URL {
        folder.appendingPathComponent(String(Hex.lowercase(SHA256.hash(data: Data(root.path.utf8))).prefix(32)) + ".txt")
    }

    /// The entry stored for `root`, or nil when there is none or it cannot be trusted.
    public func entry(for root: URL) -> Entry? {
        guard let data = try? TextFileReader.readBytes(file(for: root), shownAs: "", limit: Self.maximumBytes),
            let text = String(validating: data, as: UTF8.self)
        else { return nil }
        return Self.parse(text, root: root)
    }

    /// Stores the entry for `root` (atomically; a failure only costs the next start time).
    /// Not stored when a file's times are too recent to vouch for its content.
    public func store(_ entry: Entry, for root: URL) {
        let now = now()
        guard entry.files.allSatisfy({ now - max($0.stamp.modified, $0.stamp.changed) >= Self.settledBefore }) else { return }
        // Made inside an existing data directory only, and never through a symbolic link.
        let cache = folder.deletingLastPathComponent()
        guard Self.kind(of: cache.deletingLastPathComponent()) == S_IFDIR, [S_IFDIR, nil].contains(Self.kind(of: cache)),
            [S_IFDIR, nil].contains(Self.kind(of: folder))
        else { return }
        do {
            for made in [cache, folder] where Self.kind(of: made) == nil {
                try FileManager.default.createDirectory(at: made, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            }
            try Data(Self.text(entry, root: root).utf8).write(to: file(for: root), options: .atomic)
        } catch {
            return
        }
    }

    /// What is at `url` (`S_IFDIR`, `S_IFLNK`, …), not following a symbolic link; nil: nothing.
    static func kind(of url: URL) -> mode_t? {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    /// The file's text: a header, one line per file (`inode device size modified changed
    /// path`), one per lesson head (`HeadLine`), then `check <SHA-256 of everything before>`.
    static func text(_ entry: Entry, root: URL) -> String {
        var lines = [format, "root " + Hex.lowercase(SHA256.hash(data: Data(root.path.utf8))), "fingerprint " + entry.fingerprint]
        for (path, s) in entry.files {
            lines.append("\(s.inode) \(s.device) \(s.size) \(s.modified) \(s.changed) \(path)")
        }
        for (index, file) in entry.files.enumerated() {
            if let head = entry.heads[file.path] { lines.append(HeadLine.line(head, file: index)) }
        }
        let body = lines.joined(separator: "\n") + "\n"
        return body + "check " + Hex.lowercase(SHA256.hash(data: Data(body.utf8))) + "\n"
    }

    /// Reads a cache file's text; nil unless every line is as `text` writes it.
    static func parse(_ text: String, root: URL) -> Entry? {
        // The last line is `check <hash>`: found from the end, byte by byte.
        let utf8 = text.utf8
        guard utf8.last == UInt8(ascii: "\n"), let lastBreak = utf8.dropLast().lastIndex(of: UInt8(ascii: "\n")) else { return nil }
        let checkLine = text[utf8.index(after: lastBreak)...]
        guard checkLine.hasPrefix("check ") else { return nil }
        let body = text[..<checkLine.startIndex]
        guard checkLine.dropFirst("check ".count) == Hex.lowercase(SHA256.hash(data: Data(body.utf8))) + "\n" else { return nil }
        // Split on bytes: splitting by Character would break graphemes over the whole file.
        var lines = body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        guard lines.last == "" else { return nil }
        lines.removeLast()
        guard lines.count >= 3, lines[0] == format, lines[1] == "root " + Hex.lowercase(SHA256.hash(data: Data(root.path.utf8))),
            lines[2].hasPrefix("fingerprint ")
        else { return nil }
        let fingerprint = String(lines[2].dropFirst("fingerprint ".count))
        guard CourseFingerprintHasher.isWellFormed(fingerprint) else { return nil }
        var files: [(path: String, stamp: FileStamp)] = []
        var heads: [String: Head] = [:]
        files.reserveCapacity(lines.count - 3)
        for line in lines.dropFirst(3) {
            if line.hasPrefix(HeadLine.prefix) {
                guard let (index, head) = HeadLine.parse(line), files.indices.contains(index), heads[files[index].path] == nil else { return nil }
                heads[files[index].path] = head
                continue
            }
            guard heads.isEmpty else { return nil }
            let fields = line.utf8.split(separator: UInt8(ascii: " "), maxSplits: 5, omittingEmptySubsequences: false).map { Substring($0) }
            guard fields.count == 6, let inode = UInt64(fields[0]), let device = UInt64(fields[1]), let size = Int64(fields[2]), size >= 0,
                let modified = Int64(fields[3]), let changed = Int64(fields[4])
            else { return nil }
            let path = String(fields[5])
            guard case .success(path) = PackagePath.normalize(path) else { return nil }
            files.append((path, FileStamp(size: size, modified: modified, changed: changed, inode: inode, device: device)))
        }
        return Entry(fingerprint: fingerprint, files: files, heads: heads)
    }

}
