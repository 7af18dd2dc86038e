import Foundation
import KursusCourse
import KursusEngine
import KursusLibrary
import KursusPackages
import KursusProgress
import KursusTerminalUI
import KursusText

/// `kursus play` without a package: the courses of the system library and the user's own
/// (or of --library). None: the bundled course, as before libraries. One: that course.
/// Several: the catalogue, after sign-in.
struct LibraryPlay {
    /// The course the session starts with.
    var package: CoursePackage
    /// The catalogue's courses (empty: no catalogue).
    var catalogue: [CatalogueCourse]
    /// Opens the catalogue's courses for the runtime.
    var shelf: CourseShelf?

    static func choose(libraries: [CourseLibrary], trust: PackageTrust) throws -> LibraryPlay? {
        let shelf = LibraryShelf(libraries: libraries, trust: trust)
        let (entries, damaged) = shelf.courses()
        for entry in damaged {
            warn("\(TerminalSafe.clean(entry.path.path)): skipped: \(TerminalSafe.clean(entry.problem ?? "damaged"))")
        }
        var loaded: [(LibraryEntry, CoursePackage)] = []
        for entry in entries {
            do {
                loaded.append((entry, try shelf.open(entry)))
            } catch {
                warn("skipped: \(error.description)")
            }
        }
        guard let first = loaded.first else {
            if !entries.isEmpty { throw CommandFailure("no installed course can be played; see the messages above") }
            return nil
        }
        if loaded.count == 1 { return LibraryPlay(package: first.1, catalogue: [], shelf: nil) }
        let packages = Dictionary(loaded.map { ($0.1.course.id, $0.1) }) { a, _ in a }
        return LibraryPlay(
            package: first.1, catalogue: loaded.map { LibraryShelf.catalogueCourse($0.1.course) }, shelf: LoadedShelf(packages: packages))
    }

    private static func warn(_ text: String) {
        ConsoleOutput.error("kursus: " + text)
    }
}

/// The catalogue's courses, loaded once when the player starts.
struct LoadedShelf: CourseShelf {
    let packages: [String: CoursePackage]

    func open(_ id: String) -> Result<(package: CoursePackage, fingerprint: String?), ServiceFailure> {
        guard let package = packages[id] else { return .failure(ServiceFailure("the course '\(id)' is not in the library")) }
        return .success((package, try? CourseFingerprint.compute(package)))
    }
}
