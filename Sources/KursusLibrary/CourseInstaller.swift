import Foundation
import KursusCourse
import KursusPackages

/// What an install did.
public enum InstallOutcome: Hashable, Sendable {
    /// The course was not installed before.
    case installed(LibraryEntry)
    /// A newer version replaced `previous`.
    case updated(LibraryEntry, previous: String)
    /// The very same package file was installed already; nothing changed.
    case unchanged(LibraryEntry)
    /// The same course content, packed again (a signature added or changed): replaced.
    case repacked(LibraryEntry)
    /// `--force`: replaced a newer version, or the same version with other content.
    case forced(LibraryEntry, previous: String)
    /// The installed file was damaged (`problem`) and has been replaced.
    case repaired(LibraryEntry, problem: String)

    /// The package as it is now in the library.
    public var entry: LibraryEntry {
        switch self {
        case .installed(let entry), .updated(let entry, _), .unchanged(let entry), .repacked(let entry), .forced(let entry, _),
            .repaired(let entry, _):
            entry
        }
    }
}

extension CourseLibrary {
    /// Installs the package at `package` (shown in messages as `shown`) after checking it
    /// as a whole: the archive's safety checks and every file against its SHA-256, the
    /// signature against `trust`, and the course itself (it must load without errors).
    /// The file is then copied into the library under a temporary name, flushed to disk and
    /// renamed over `<id>.kursus`, so a crash leaves the old version or the new one.
    ///
    /// An older version never replaces a newer one, and the same version with other
    /// content is refused too, unless `force`.
    public func install(_ package: URL, shownAs shown: String, trust: PackageTrust, force: Bool = false) throws(LibraryError) -> InstallOutcome {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: package.path, isDirectory: &isFolder), isFolder.boolValue {
            throw .packageRefused(
                path: shown, reason: "a course folder; pack it first with 'kursus pack \(shown) -o FILE.kursus' (signed with --sign if required)")
        }
        let archive = try Self.check(package, shownAs: shown, trust: trust)
        let id = archive.manifest.course.id
        try createFolder()
        let lock = try LibraryFiles.lock(folder)
        defer { lock.release() }
        LibraryFiles.removeTemporaries(in: folder)
        let target = file(for: id)
        let offered = LibraryEntry(archive, path: target)
        let outcome: InstallOutcome
        if FileManager.default.fileExists(atPath: target.path) {
            switch Self.installed(at: target) {
            case .failure(let problem):
                outcome = .repaired(offered, problem: problem.description)
            case .success(let current):
                let old = current.manifest.course.version
                let (was, now) = (CourseVersion(old), CourseVersion(offered.version))
                if now > was {
                    outcome = .updated(offered, previous: old)
                } else if now < was {
                    guard force else { throw .olderVersion(id: id, installed: old, offered: offered.version) }
                    outcome = .forced(offered, previous: old)
                } else if Self.sameBytes(target, package) {
                    return .unchanged(LibraryEntry(current, path: target))
                } else if current.manifestBytes == archive.manifestBytes {
                    outcome = .repacked(offered)
                } else {
                    guard force else { throw .sameVersionDiffers(id: id, version: old) }
                    outcome = .forced(offered, previous: old)
                }
            }
        } else {
            outcome = .installed(offered)
        }
        try LibraryFiles.place(package, at: target)
        return outcome
    }

    /// Opens, verifies and validates a package before it may enter the library.
    static func check(_ package: URL, shownAs shown: String, trust: PackageTrust) throws(LibraryError) -> PackageArchive {
        let archive: PackageArchive
        do {
            archive = try PackageArchive.open(package, shownAs: shown)
            try archive.verifyAll()
        } catch {
            throw .packageRefused(path: shown, reason: error.description)
        }
        do {
            try trust.check(archive)
        } catch {
            throw .packageRefused(path: shown, reason: error.description)
        }
        let result = CoursePackageLoader.load(storage: ArchiveStorage(archive), shownAs: shown)
        guard let course = result.package?.course, !result.diagnostics.hasErrors else {
            let first = result.diagnostics.first { $0.severity == .error }?.description ?? "the course could not be loaded"
            throw .packageRefused(path: shown, reason: "the course has errors (first: \(first)); run 'kursus validate \(shown)' for the full list")
        }
        guard course.id == archive.manifest.course.id, course.version == archive.manifest.course.version else {
            throw .packageRefused(
                path: shown,
                reason:
                    "its manifest names course '\(archive.manifest.course.id)' \(archive.manifest.course.version), but course.yaml says '\(course.id)' \(course.version); pack it again"
            )
        }
        return archive
    }

    /// The package installed at `url`, or why it cannot be read.
    static func installed(at url: URL) -> Result<PackageArchive, PackageArchiveError> {
        do {
            return .success(try PackageArchive.open(url, shownAs: url.path))
        } catch {
            return .failure(error)
        }
    }

    /// Whether two files hold the same bytes.
    static func sameBytes(_ a: URL, _ b: URL) -> Bool {
        let limit = Int(Int32.max)
        guard let first = try? RegularFileReader.read(a, limit: limit), let second = try? RegularFileReader.read(b, limit: limit) else {
            return false
        }
        return first == second
    }

    func createFolder() throws(LibraryError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        } catch {
            throw .folder(path: folder.path, reason: "cannot create the library folder; check the permissions (the system library needs root)")
        }
    }
}
