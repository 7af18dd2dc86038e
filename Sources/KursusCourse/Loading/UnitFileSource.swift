import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the package loader reads files from. A folder is read with each file's stamp
/// (`StampedFileReader`: one open, one fstat, no path resolved twice), so the fingerprint
/// cache can vouch for it; a lesson whose stamp is the one the cache recorded is read
/// only up to the end of its front matter, which is all the course menu needs. An
/// archive is read through its storage, always in full.
struct UnitFileSource: Sendable {
    let storage: any PackageStorage
    let folder: FolderStorage?
    /// Stamps the fingerprint cache recorded, by package-relative path (empty: none).
    let known: [String: FileStamp]
    /// Lessons' front matter the fingerprint cache kept, by package-relative path.
    let heads: [String: CourseFingerprintCache.Head]

    init(storage: any PackageStorage, known: [String: FileStamp] = [:], heads: [String: CourseFingerprintCache.Head] = [:]) {
        self.storage = storage
        folder = storage as? FolderStorage
        self.known = known
        self.heads = heads
    }

    /// The front matter the cache kept for the lesson `relative`, when its file (at
    /// `resolved`) still has the stamp recorded: then it is not opened at all. One
    /// `stat`, which never blocks (a pipe put in its place has another inode and stamp).
    /// `status`: the file's status when resolving it gave one (then it is not asked again).
    func cachedHead(_ relative: String, resolved: URL?, status known: stat? = nil) -> (head: CourseFingerprintCache.Head, stamp: FileStamp)? {
        guard let head = heads[relative], let recorded = self.known[relative], let resolved else { return nil }
        var status = stat()
        if let known {
            status = known
        } else {
            guard stat(resolved.path, &status) == 0 else { return nil }
        }
        guard status.st_mode & S_IFMT == S_IFREG else { return nil }
        let stamp = FileStamp(status)
        return stamp == recorded ? (head, stamp) : nil
    }

    /// How many bytes of a lesson are read first when the cache knows it: the front
    /// matter of almost every lesson fits, and `UnitKindDetection` looks no further.
    static let headBytes = UnitKindDetection.headLimit

    /// What reading one file gave.
    enum Outcome {
        /// Not there, or a folder: `reason` when the read said why.
        case missing(reason: CourseError?)
        case failed(CourseError)
        /// The bytes (all of them, or with `complete` false the front matter's only), and
        /// the stamp when read from a folder.
        case read(bytes: Data, stamp: FileStamp?, complete: Bool)
    }

    /// The package-relative path `file` names and, in a folder, the file it leads to with
    /// every link resolved (resolved once: `read` takes it), with its status when the
    /// resolving found it without links (`cachedHead` takes it).
    func resolve(_ file: String) -> Result<(relative: String, url: URL?, status: stat?), PackagePath.PathProblem> {
        guard let folder else { return storage.resolve(file, from: "").map { ($0, nil, nil) } }
        return folder.paths.resolveKeepingStatus(file).map { ($0.path, $0.url, $0.status) }
    }

    /// Reads `relative` (resolved and normalised; `resolved`: the file it leads to, as
    /// `resolve` gave it). `headOnly`: a lesson, which may be read only to the end of its
    /// front matter when its stamp is known.
    func read(_ relative: String, resolved: URL? = nil, shownAs shown: String, limit: Int, headOnly: Bool) -> Outcome {
        guard let folder else {
            guard storage.fileExists(relative) else { return .missing(reason: nil) }
            do {
                return .read(bytes: try storage.read(relative, shownAs: shown, limit: limit), stamp: nil, complete: true)
            } catch {
                return .failed(error)
            }
        }
        let url: URL
        if let resolved {
            url = resolved
        } else {
            switch folder.paths.resolve(relative) {
            case .failure(let problem): return .failed(CourseError(SourceLocation(file: shown), problem.description))
            case .success(let resolved): url = resolved.url
            }
        }
        let known = headOnly ? self.known[relative] : nil
        var vouched = false
        do {
            let read = try StampedFileReader.read(
                path: url.path, shownAs: shown, limit: limit,
                head: { stamp in
                    vouched = stamp == known
                    return vouched ? Self.headBytes : nil
                }, enough: { LessonHead.frontMatterEnd($0) != nil })
            // A short lesson is read whole anyway; its body is still left alone.
            guard vouched, let end = LessonHead.frontMatterEnd(read.bytes) else {
                return .read(bytes: read.bytes, stamp: read.stamp, complete: true)
            }
            return .read(bytes: read.bytes.prefix(end), stamp: read.stamp, complete: false)
        } catch {
            switch error {
            case .missing(let reason): return .missing(reason: reason)
            case .unreadable(let reason): return .failed(reason)
            }
        }
    }

    /// The whole file, for the fingerprint of a lesson first read only in part.
    func readWhole(_ relative: String, shownAs shown: String, limit: Int) -> (bytes: Data, stamp: FileStamp?)? {
        guard case .read(let bytes, let stamp, true) = read(relative, shownAs: shown, limit: limit, headOnly: false) else { return nil }
        return (bytes, stamp)
    }
}

/// The front matter block at the start of a lesson's bytes, found without decoding them.
enum LessonHead {
    /// The offset just past the line that closes the front matter (`---` or `...`, as
    /// `LessonText.splitFrontMatter` reads it), or nil when `bytes` start with no front
    /// matter or hold no closing line.
    static func frontMatterEnd(_ bytes: Data) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            let b = raw.bindMemory(to: UInt8.self)
            var start = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let opening = Array("---".utf8)
            guard b.count >= start + 4, Array(b[start..<start + 3]) == opening else { return nil }
            var index = start + 3
            if b[index] == 0x0D { index += 1 }
            guard index < b.count, b[index] == 0x0A else { return nil }
            start = index + 1
            while start < b.count {
                guard let newline = b[start...].firstIndex(of: 0x0A) else { return nil }
                var end = newline
                if end > start, b[end - 1] == 0x0D { end -= 1 }
                while end > start, b[end - 1] == 0x20 || b[end - 1] == 0x09 { end -= 1 }
                let line = b[start..<end]
                if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) { return newline + 1 }
                start = newline + 1
            }
            return nil
        }
    }
}
