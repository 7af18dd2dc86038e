import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Resolves paths written in course files to files inside the package folder. A path
/// may never reach outside the package: absolute paths, `..` segments that climb above
/// the package folder, home-relative paths and symbolic links that lead out are all
/// refused with a reason.
public struct PackagePath: Sendable {
    /// The package folder with every symbolic link resolved.
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The file `relative` names, relative to the folder `base` (itself relative to the
    /// package root, "" for the root). Returns the URL and the package-relative path.
    public func resolve(_ relative: String, from base: String = "") -> Result<(url: URL, path: String), PathProblem> {
        resolveKeepingStatus(relative, from: base).map { ($0.url, $0.path) }
    }

    /// As `resolve`, with the file's status when the fast path found it (its `lstat`,
    /// the file being no link: what `stat` would give), so the loader need not ask again.
    func resolveKeepingStatus(_ relative: String, from base: String = "") -> Result<(url: URL, path: String, status: stat?), PathProblem> {
        let packageRelative: String
        switch Self.normalize(relative, from: base) {
        case .failure(let problem): return .failure(problem)
        case .success(let path): packageRelative = path
        }
        if let direct = resolvedWithoutLinksKeepingStatus(packageRelative) {
            return .success((direct.url, packageRelative, direct.status))
        }
        return resolvedThroughLinks(packageRelative).map { ($0, packageRelative, nil) }
    }

    /// The general path of `resolve`: Foundation resolves every symbolic link on the way,
    /// and the result must still be inside the package.
    func resolvedThroughLinks(_ packageRelative: String) -> Result<URL, PathProblem> {
        let candidate = root.appendingPathComponent(packageRelative)
        let resolved = candidate.resolvingSymlinksInPath()
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard resolved.path.hasPrefix(rootPath) else { return .failure(.linkLeadsOutside) }
        return .success(resolved)
    }

    /// The fast path of `resolve` (one `lstat` per segment of `packageRelative`, no URL
    /// work): the file's URL when every segment below the root exists and none is a
    /// symbolic link, which is then what `resolvedThroughLinks` gives; nil otherwise (a
    /// link, a missing file, or a root whose path Foundation rewrites), and the general
    /// path decides.
    func resolvedWithoutLinks(_ packageRelative: String) -> URL? {
        resolvedWithoutLinksKeepingStatus(packageRelative)?.url
    }

    /// `resolvedWithoutLinks`, with the last segment's status.
    func resolvedWithoutLinksKeepingStatus(_ packageRelative: String) -> (url: URL, status: stat)? {
        let rootPath = root.path
        guard rootPath.count > 1, rootPath.hasPrefix("/"), !rootPath.hasSuffix("/"), !rootPath.hasPrefix("/private/"),
            !rootPath.hasPrefix("/var/automount/")
        else { return nil }
        var path = rootPath
        var status = stat()
        for segment in packageRelative.split(separator: "/") {
            path += "/"
            path += segment
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFLNK else { return nil }
        }
        return (URL(fileURLWithPath: path, isDirectory: (status.st_mode & S_IFMT) == S_IFDIR), status)
    }

    /// The package-relative path `relative` names from the folder `base`, checked and
    /// normalised without touching the disk: no absolute or home-relative path, no
    /// backslash, web address or control character, and no `..` that climbs above the
    /// package. `.` and empty segments are dropped.
    public static func normalize(_ relative: String, from base: String = "") -> Result<String, PathProblem> {
        if relative.isEmpty { return .failure(.empty) }
        // These scalars are single bytes in UTF-8; any other byte is not one of them.
        if relative.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            return .failure(.controlCharacters)
        }
        let slash = UInt8(ascii: "/")
        // Bytes, not characters: "/" followed by a combining mark is still absolute.
        if relative.utf8.first == slash { return .failure(.absolute) }
        if relative.utf8.first == UInt8(ascii: "~") { return .failure(.homeRelative) }
        if relative.utf8.contains(UInt8(ascii: "\\")) { return .failure(.backslash) }
        if relative.utf8.contains(UInt8(ascii: ":")) && relative.utf8.split(separator: slash).first?.contains(UInt8(ascii: ":")) == true {
            return .failure(.url)
        }
        // Split on the byte '/', as the file system does (not on characters: a '/' with a
        // combining mark after it is still a folder separator to the file system).
        var segments: [Substring] = base.utf8.split(separator: slash).map { Substring($0) }
        for bytes in relative.utf8.split(separator: slash, omittingEmptySubsequences: true) {
            let segment = Substring(bytes)
            switch segment {
            case ".": continue
            case "..":
                // `..` is fine while it stays inside the package (`../billeder/x.png` from a lesson folder).
                if segments.isEmpty { return .failure(.parentSegment) }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        guard !segments.isEmpty else { return .failure(.empty) }
        return .success(segments.joined(separator: "/"))
    }

    public enum PathProblem: Error, Hashable, Sendable, CustomStringConvertible {
        case empty, controlCharacters, absolute, homeRelative, backslash, url, parentSegment, linkLeadsOutside

        public var description: String {
            switch self {
            case .empty: "the path is empty"
            case .controlCharacters: "the path contains control characters"
            case .absolute: "absolute paths are not allowed; write the path relative to the package folder"
            case .homeRelative: "paths starting with '~' are not allowed; write the path relative to the package folder"
            case .backslash: "use '/' between folders, not '\\'"
            case .url: "a web address or drive letter is not a package file; write a path relative to the package folder"
            case .parentSegment: "'..' leads outside the package folder; every file must be inside it"
            case .linkLeadsOutside: "the path leads outside the package folder (through a symbolic link)"
            }
        }
    }
}
