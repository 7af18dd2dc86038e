import Crypto
import KursusText
import Foundation
import KursusCourse
import ZIPFoundation

/// Writes a course folder as one `.kursus` package (docs/packages.md): the manifest
/// first, then the signature when a key is given, then every course file sorted by path.
/// The same folder always gives the same bytes: fixed entry order, date (1980-01-01),
/// permissions (0644) and compression (stored for already-compressed formats, deflate
/// for everything else).
///
/// The package is written to a temporary file next to the destination, read back with
/// `PackageArchive` (every file checked), flushed, and renamed over the destination, so
/// the destination is either the old file or the complete new package.
public struct PackageWriter: Sendable {
    let validator: PackageValidator
    public let limits: PackageLimits

    /// `validator` checks the folder first (the command line gives it the Markdown
    /// layer's image scanner, as `kursus validate` does).
    public init(validator: PackageValidator, limits: PackageLimits = .standard) {
        self.validator = validator
        self.limits = limits
    }

    /// What was written.
    public struct Result: Sendable {
        public let manifest: PackageManifest
        public let signature: PackageSignature?
        /// The validator's warnings and notes (a package is written with warnings, never with errors).
        public let warnings: [Diagnostic]
        public let size: Int
    }

    /// Packs `folder` into `destination`, signed with `signingKey` when given.
    public func pack(
        folder: URL, shownAs shown: String, to destination: URL, signingKey: PackageSigningKey? = nil
    ) throws(PackageWriteError) -> Result {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        let target = destination.standardizedFileURL
        let targetFolder = target.deletingLastPathComponent().resolvingSymlinksInPath()
        if (targetFolder.path + "/").hasPrefix(root.path + "/") { throw .destinationInsideFolder(path: destination.path) }
        let report = validator.validate(folder, shownAs: shown)
        guard report.passed else { throw .invalidCourse(folder: shown, diagnostics: report.diagnostics) }
        let course: Course
        do {
            course = try CoursePackage.open(folder, shownAs: shown).0.course
        } catch {
            throw .invalidCourse(folder: shown, diagnostics: error.diagnostics)
        }
        let listed = try PackageFolderListing.list(folder, limits: limits)
        var files: [PackageManifest.File] = []
        var contents: [Data] = []
        for file in listed {
            let data: Data
            do {
                data = try TextFileReader.readBytes(file.url, shownAs: file.path, limit: limits.maximumTotalSize)
            } catch {
                throw .unreadable(path: file.path, reason: error.description)
            }
            files.append(PackageManifest.File(path: file.path, size: data.count, sha256: Hex.lowercase(SHA256.hash(data: data))))
            contents.append(data)
        }
        let info = PackageManifest.CourseInfo(
            id: course.id, title: course.title, version: course.version, language: course.language, description: course.description)
        let manifest = PackageManifest(course: info, files: files)
        let manifestBytes = manifest.encoded()
        var signature: PackageSignature?
        if let signingKey {
            do { signature = try PackageSignature.sign(manifest: manifestBytes, with: signingKey) } catch { throw .signing(error) }
        }
        var entries: [(String, Data, CompressionMethod)] = [(PackageFormat.manifestEntry, manifestBytes, .deflate)]
        if let signature { entries.append((PackageFormat.signatureEntry, signature.encoded(), .deflate)) }
        for (file, data) in zip(files, contents) { entries.append((file.path, data, Self.compression(for: file.path))) }
        let size = try write(entries, to: target)
        return Result(manifest: manifest, signature: signature, warnings: report.diagnostics, size: size)
    }

    /// Stored for formats that are already compressed, deflate for everything else.
    static func compression(for path: String) -> CompressionMethod {
        let ext = (path as NSString).pathExtension.lowercased()
        return PackageFormat.storedExtensions.contains(ext) ? .none : .deflate
    }

    private func write(_ entries: [(String, Data, CompressionMethod)], to target: URL) throws(PackageWriteError) -> Int {
        let temporary = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        var keep = false
        defer { if !keep { try? FileManager.default.removeItem(at: temporary) } }
        do {
            let archive = try Archive(url: temporary, accessMode: .create)
            for (path, data, method) in entries {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: PackageFormat.entryDate,
                    permissions: PackageFormat.entryPermissions, compressionMethod: method,
                    provider: { position, size in data.subdata(in: Int(position)..<(Int(position) + size)) })
            }
        } catch {
            throw .writeFailed(path: target.path, reason: "\(error)")
        }
        do {
            try PackageArchive.open(temporary, shownAs: target.path, limits: limits).verifyAll()
        } catch {
            throw .selfCheck(error)
        }
        let size: Int
        do {
            let handle = try FileHandle(forUpdating: temporary)
            try handle.synchronize()
            size = Int(try handle.seekToEnd())
            try handle.close()
            guard rename(temporary.path, target.path) == 0 else {
                throw PackageWriteError.writeFailed(path: target.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as PackageWriteError {
            throw error
        } catch {
            throw .writeFailed(path: target.path, reason: "\(error)")
        }
        keep = true
        return size
    }
}
