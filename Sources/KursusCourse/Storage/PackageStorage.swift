import Foundation

/// Where a course package's files come from: a folder on disk (`FolderStorage`) or a
/// one-file `.kursus` archive (`KursusPackages.ArchiveStorage`). Every path given to a
/// storage is package-relative, `/`-separated and already normalised by
/// `PackagePath.normalize` (no `.`, `..`, leading `/`, backslash or control character);
/// nothing a storage does can reach outside its package.
///
/// Files are read on demand, so a large package is never held in memory or unpacked as
/// a whole.
public protocol PackageStorage: Sendable {
    /// What the package is on disk: its folder, or the archive file.
    var origin: PackageOrigin { get }

    /// The bytes of the file at `path`, after the same checks as `TextFileReader`: a
    /// regular file, no larger than `limit`. Errors name `shown`, the path as messages
    /// show it (the package as the user named it, then the relative path).
    func read(_ path: String, shownAs shown: String, limit: Int) throws(CourseError) -> Data

    /// Whether the package holds a regular file at `path`.
    func fileExists(_ path: String) -> Bool

    /// Every regular file in the package, package-relative, sorted by their UTF-8 bytes.
    /// Hidden files and folders (names starting with `.`) are left out.
    func allFiles() throws(CourseError) -> [String]

    /// The package-relative path that `relative`, as written in a course file in the
    /// folder `base` (package-relative, "" for the root), names; or why it is refused.
    /// A folder also refuses symbolic links that lead outside it.
    func resolve(_ relative: String, from base: String) -> Result<String, PackagePath.PathProblem>
}

/// What a package is on disk.
public enum PackageOrigin: Hashable, Sendable {
    /// A course folder that holds `course.yaml`.
    case folder(URL)
    /// A one-file `.kursus` package (a zip archive).
    case archive(URL)

    /// The folder or file.
    public var url: URL {
        switch self {
        case .folder(let url), .archive(let url): url
        }
    }
}

extension PackageStorage {
    /// Reads a file and decodes it as UTF-8 text (a byte-order mark is dropped); bad
    /// bytes are reported with their line and column.
    public func readText(_ path: String, shownAs shown: String, limit: Int) throws(CourseError) -> String {
        try TextFileReader.decode(try read(path, shownAs: shown, limit: limit), shownAs: shown)
    }
}
