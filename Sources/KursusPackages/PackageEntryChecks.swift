import Foundation
import KursusCourse

/// The checks every entry of a package's zip index passes before anything is read:
/// UTF-8 names that are plain package paths (no `..`, no absolute path), no symbolic
/// links, no encryption, stored or deflate only, no duplicate names and no names that
/// collide when case is ignored, and the zip-bomb limits (entry count, total size,
/// compression ratio). The first problem, in index order, is thrown.
enum PackageEntryChecks {
    /// The checked name of every entry (a directory entry keeps its final `/`).
    static func check(_ records: [ZipEntryRecord], archive: String, limits: PackageLimits) throws(PackageArchiveError) -> [String] {
        guard records.count <= limits.maximumEntries else {
            throw .tooManyEntries(archive: archive, count: records.count, limit: limits.maximumEntries)
        }
        var names: [String] = []
        names.reserveCapacity(records.count)
        // Raw bytes: Swift compares strings by canonical equivalence, which would hide NFC/NFD twins.
        var exact: Set<Data> = []
        var folded: [String: String] = [:]
        var folders: [String: String] = [:]
        var total = 0
        for record in records {
            guard let name = record.utf8Name else { throw .nameNotUTF8(archive: archive, entry: record.shownName) }
            let path = record.isDirectory ? String(name.dropLast()) : name
            switch PackagePath.normalize(path) {
            case .failure(let problem): throw .unsafePath(archive: archive, entry: name, reason: problem.description)
            case .success(let normal) where normal != path:
                throw .unsafePath(archive: archive, entry: name, reason: "the name is not a plain path (it holds '.', '..' or '//')")
            case .success: break
            }
            if record.isEncrypted { throw .encrypted(archive: archive, entry: name) }
            if record.isSymbolicLink { throw .symbolicLink(archive: archive, entry: name) }
            guard record.method == 0 || record.method == 8 else {
                throw .unsupportedCompression(archive: archive, entry: name, method: Int(record.method))
            }
            guard exact.insert(Data(path.utf8)).inserted else { throw .duplicateEntry(archive: archive, entry: name) }
            let key = foldedKey(path)
            if let other = folded[key] { throw .collidingNames(archive: archive, entry: name, other: other) }
            folded[key] = path
            if record.isDirectory {
                guard record.uncompressedSize == 0 else { throw .corrupt(archive: archive, detail: "folder entry '\(name)' has content") }
            } else {
                // A file whose name is also a folder of another file collides with it.
                var prefix = ""
                for segment in path.split(separator: "/").dropLast() {
                    prefix += prefix.isEmpty ? String(segment) : "/" + segment
                    folders[foldedKey(prefix)] = folders[foldedKey(prefix)] ?? path
                }
                if record.uncompressedSize > limits.ratioFloor,
                    record.uncompressedSize / max(record.compressedSize, 1) > limits.maximumRatio
                {
                    throw .compressionRatio(
                        archive: archive, entry: name, ratio: record.uncompressedSize / max(record.compressedSize, 1), limit: limits.maximumRatio)
                }
                total += record.uncompressedSize
                guard total <= limits.maximumTotalSize else { throw .tooLarge(archive: archive, size: total, limit: limits.maximumTotalSize) }
            }
            names.append(name)
        }
        for (name, record) in zip(names, records) where !record.isDirectory {
            if let inside = folders[foldedKey(name)] { throw .collidingNames(archive: archive, entry: name, other: inside) }
        }
        return names
    }

    /// A name as a case-insensitive file system sees it: Unicode-normalised (NFC) and case-folded.
    static func foldedKey(_ path: String) -> String {
        // Plain ASCII (nearly every name) folds byte by byte; the rest through Foundation.
        if path.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: path.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return path.precomposedStringWithCanonicalMapping.folding(options: [.caseInsensitive], locale: nil)
    }
}
