import Foundation
import KursusCourse
import KursusPackages

/// A course library: a folder of installed course packages, each the verified `.kursus`
/// file itself, named `<course-id>.kursus`. The folder holds nothing else but its lock
/// file (`.lock`) and, while an install runs, a hidden temporary file
/// (`.installing-…`); listings skip hidden files. See docs/packages.md, "Course library".
public struct CourseLibrary: Sendable {
    public static let fileExtension = PackageFormat.fileExtension

    /// The library folder.
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    /// The default library: the system library when running as root, else
    /// `<data-dir>/library`, the user's own.
    public static func defaultFolder(dataDirectory: URL, isRoot: Bool) -> URL {
        isRoot ? systemFolder : dataDirectory.appendingPathComponent("library", isDirectory: true)
    }

    /// The system library, shared by every user of the workstation.
    public static let systemFolder = URL(fileURLWithPath: "/var/lib/kursus/library", isDirectory: true)

    /// Where course `id` is (or would be) installed.
    public func file(for id: String) -> URL {
        folder.appendingPathComponent("\(id).\(Self.fileExtension)")
    }

    /// Every installed package, sorted by course id: sound packages with what their
    /// manifests say, damaged files with the reason (a damaged file never stops the
    /// listing). A library folder that does not exist is empty.
    public func entries() throws(LibraryError) -> [LibraryEntry] {
        try packageFiles().map(Self.entry(at:))
    }

    /// The installed package of course `id`, or nil when none is installed.
    public func entry(for id: String) -> LibraryEntry? {
        let url = file(for: id)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return Self.entry(at: url)
    }

    /// The package files in the folder (`*.kursus`, not hidden), sorted by name.
    func packageFiles() throws(LibraryError) -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { throw .folder(path: folder.path, reason: "not a folder; give a library folder with --library") }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw .folder(path: folder.path, reason: "cannot list the library folder; check its permissions")
        }
        return names.filter { !$0.hasPrefix(".") && $0.hasSuffix(".\(Self.fileExtension)") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// What the file at `url` holds: opening reads the index, the manifest and the
    /// signature (a signature that does not verify is a damaged file).
    static func entry(at url: URL) -> LibraryEntry {
        let id = String(url.deletingPathExtension().lastPathComponent)
        let archive: PackageArchive
        do {
            archive = try PackageArchive.open(url, shownAs: url.path)
        } catch {
            return .damaged(id: id, path: url, problem: error.description)
        }
        guard archive.manifest.course.id == id else {
            return .damaged(
                id: id, path: url,
                problem: "holds course '\(archive.manifest.course.id)', not '\(id)'; install that package again with 'kursus install'")
        }
        return LibraryEntry(archive, path: url)
    }

    /// Removes course `id` from the library. Learners' progress in it is kept in their
    /// data directories and is there again when the course is installed again.
    @discardableResult
    public func uninstall(_ id: String) throws(LibraryError) -> URL {
        guard Identifier.problem(with: id) == nil else { throw .notInstalled(id: id, library: folder.path) }
        let url = file(for: id)
        guard FileManager.default.fileExists(atPath: url.path) else { throw .notInstalled(id: id, library: folder.path) }
        let lock = try LibraryFiles.lock(folder)
        defer { lock.release() }
        try LibraryFiles.remove(url)
        return url
    }
}
