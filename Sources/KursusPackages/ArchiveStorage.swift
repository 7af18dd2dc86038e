import Foundation
import KursusCourse

/// A course package read from a `.kursus` archive: the zip's index is read once when the
/// package opens, and each file is inflated only when the player asks for it, checked
/// against the manifest's size and SHA-256 (see `PackageArchive`).
///
/// Sendable: it holds the immutable `PackageArchive`, whose open file is read with
/// `pread` and never changes after opening.
public struct ArchiveStorage: PackageStorage {
    public let archive: PackageArchive

    public init(_ archive: PackageArchive) {
        self.archive = archive
    }

    /// Opens and checks the archive at `url` (see `PackageArchive.open`).
    public init(opening url: URL, shownAs shown: String, limits: PackageLimits = .standard) throws(PackageArchiveError) {
        self.archive = try PackageArchive.open(url, shownAs: shown, limits: limits)
    }

    public var origin: PackageOrigin { .archive(archive.url) }

    public func read(_ path: String, shownAs shown: String, limit: Int) throws(CourseError) -> Data {
        let here = SourceLocation(file: shown)
        guard archive.contains(path) else { throw CourseError(here, "file not found in the package \(archive.shown)") }
        do {
            return try archive.read(path, limit: limit)
        } catch .entryTooLarge(_, _, let size, let limit) {
            throw CourseError(here, "is \(ByteCount.describe(size)); the limit is \(ByteCount.describe(limit)). Split it into smaller files")
        } catch {
            throw CourseError(here, "in \(archive.shown): " + error.reason)
        }
    }

    public func fileExists(_ path: String) -> Bool { archive.contains(path) }

    public func allFiles() throws(CourseError) -> [String] {
        archive.files.filter { !PackageFormat.isHidden($0) }
    }

    public func resolve(_ relative: String, from base: String) -> Result<String, PackagePath.PathProblem> {
        // An archive holds no links: the lexical check is the whole check.
        PackagePath.normalize(relative, from: base)
    }
}
