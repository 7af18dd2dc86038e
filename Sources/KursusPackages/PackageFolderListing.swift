import Foundation
import KursusCourse

/// The files `kursus pack` puts into a package: every regular file under the course
/// folder, sorted by the UTF-8 bytes of its path. Hidden files and folders (`.git`,
/// `.DS_Store`, any name starting with `.`) are left out. A symbolic link, a pipe or a
/// device anywhere else is refused: a package holds only what is really in the folder.
/// Names must be plain package paths that do not collide when case is ignored, and the
/// reader's limits (file count, total size) apply, so every package written can be read.
enum PackageFolderListing {
    struct Listed {
        let path: String
        let url: URL
        let size: Int
    }

    static func list(_ folder: URL, limits: PackageLimits) throws(PackageWriteError) -> [Listed] {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        let keys: [URLResourceKey] = [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey, .fileSizeKey]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: []) else {
            throw .unreadable(path: folder.path, reason: "the folder cannot be read (check its permissions)")
        }
        var listed: [Listed] = []
        var folded: [String: String] = [:]
        var total = 0
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator {
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(rootPath) else { continue }
            let path = String(full.dropFirst(rootPath.count))
            if url.lastPathComponent.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isSymbolicLink == true {
                throw .unsafeFile(path: path, reason: "is a symbolic link; copy the file it points to into the course folder instead")
            }
            if values?.isDirectory == true { continue }
            guard values?.isRegularFile == true else {
                throw .unsafeFile(path: path, reason: "is not a regular file (a pipe, socket or device cannot be packed)")
            }
            guard case .success(let normal) = PackagePath.normalize(path), normal == path else {
                throw .unsafeFile(path: path, reason: "its name cannot be a package path (a '\\', ':' or control character?); rename it")
            }
            let key = PackageEntryChecks.foldedKey(path)
            if let other = folded[key] {
                throw .unsafeFile(path: path, reason: "differs from '\(other)' only in case; learners on Windows or macOS could not tell them apart")
            }
            folded[key] = path
            let size = values?.fileSize ?? 0
            total += size
            listed.append(Listed(path: path, url: url, size: size))
            guard listed.count <= limits.maximumEntries - 2 else {
                throw .tooLarge(reason: "the folder holds more than \(limits.maximumEntries - 2) files")
            }
            guard total <= limits.maximumTotalSize else {
                throw .tooLarge(reason: "the folder's files are larger than \(limits.maximumTotalSize >> 20) MiB together")
            }
        }
        return listed.sorted { PackageManifest.precedes($0.path, $1.path) }
    }
}
