import Foundation

/// A course package that is a folder on disk. Reads go through `TextFileReader`'s checks
/// (regular files only, a size limit read with an upper bound), and paths through
/// `PackagePath`, which also refuses symbolic links that lead out of the folder.
public struct FolderStorage: PackageStorage {
    public let paths: PackagePath
    /// More files than this in one folder is refused by `allFiles` (a package is not a disk).
    public static let maximumFiles = 20_000

    public init(_ folder: URL) {
        paths = PackagePath(root: folder)
    }

    public var origin: PackageOrigin { .folder(paths.root) }

    public func read(_ path: String, shownAs shown: String, limit: Int) throws(CourseError) -> Data {
        switch paths.resolve(path) {
        case .failure(let problem): throw CourseError(SourceLocation(file: shown), problem.description)
        case .success(let resolved): return try TextFileReader.readBytes(resolved.url, shownAs: shown, limit: limit)
        }
    }

    public func fileExists(_ path: String) -> Bool {
        guard case .success(let resolved) = paths.resolve(path) else { return false }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: resolved.url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func resolve(_ relative: String, from base: String) -> Result<String, PackagePath.PathProblem> {
        paths.resolve(relative, from: base).map(\.path)
    }

    public func allFiles() throws(CourseError) -> [String] {
        var found: [String] = []
        let rootPath = paths.root.path
        let here = SourceLocation(file: rootPath)
        guard
            let enumerator = FileManager.default.enumerator(
                at: paths.root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey], options: [.skipsHiddenFiles])
        else { throw CourseError(here, "the package folder cannot be read (check its permissions)") }
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            // A symbolic link is never followed when listing: a package is the files it holds.
            guard values?.isSymbolicLink != true, values?.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(rootPath + "/") else { continue }
            found.append(String(full.dropFirst(rootPath.count + 1)))
            if found.count > Self.maximumFiles {
                throw CourseError(here, "holds more than \(Self.maximumFiles) files; a course package cannot be that large")
            }
        }
        return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
