import Foundation
import KursusCourse
import KursusEngine
import KursusPackages

/// The courses `kursus play` offers when no package is named: those of the system
/// library and of the user's own library together. When both hold the same course id,
/// the newer version is played; with the same version, the system library's.
public struct LibraryShelf: Sendable {
    /// The libraries looked in, the one that wins a tie first.
    public let libraries: [CourseLibrary]
    public let trust: PackageTrust

    public init(libraries: [CourseLibrary], trust: PackageTrust) {
        self.libraries = libraries
        self.trust = trust
    }

    /// The course per id that would be played, sorted by title (then id), and the
    /// library files that cannot be played, each with its reason.
    public func courses() -> (courses: [LibraryEntry], damaged: [LibraryEntry]) {
        var chosen: [String: LibraryEntry] = [:]
        var damaged: [LibraryEntry] = []
        for library in libraries {
            let entries: [LibraryEntry]
            do {
                entries = try library.entries()
            } catch {
                damaged.append(.damaged(id: "", path: library.folder, problem: error.description))
                continue
            }
            for entry in entries {
                if entry.problem != nil {
                    damaged.append(entry)
                } else if let current = chosen[entry.id] {
                    // Earlier libraries win a tie; a later one only with a newer version.
                    if entry.courseVersion > current.courseVersion { chosen[entry.id] = entry }
                } else {
                    chosen[entry.id] = entry
                }
            }
        }
        let sorted = chosen.values.sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
        return (sorted, damaged)
    }

    /// Opens an installed package for playing: the archive's checks, the workstation's
    /// signature policy, and the course loaded from it.
    public func open(_ entry: LibraryEntry) throws(LibraryError) -> CoursePackage {
        let shown = entry.path.path
        let archive: PackageArchive
        do {
            archive = try PackageArchive.open(entry.path, shownAs: shown)
            try trust.check(archive)
        } catch let error as PackageArchiveError {
            throw .packageRefused(path: shown, reason: error.description)
        } catch {
            throw .packageRefused(path: shown, reason: "\(error)")
        }
        let result = CoursePackageLoader.load(storage: ArchiveStorage(archive), shownAs: shown)
        guard let package = result.package, !result.diagnostics.hasErrors else {
            let first = result.diagnostics.first { $0.severity == .error }?.description ?? "the course could not be loaded"
            throw .packageRefused(path: shown, reason: "the course has errors (first: \(first))")
        }
        return package
    }

    /// The catalogue's view of a course.
    public static func catalogueCourse(_ course: Course) -> CatalogueCourse {
        CatalogueCourse(
            id: course.id, title: course.title, description: course.description, language: course.language, version: course.version,
            requiredUnits: course.allUnits.filter { !$0.optional }.map(\.id))
    }
}
