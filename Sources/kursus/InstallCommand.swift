import ArgumentParser
import Foundation
import KursusLibrary
import KursusText

/// `kursus install FILE.kursus`: puts a checked course package into a course library.
struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Install a course package into the course library.",
        discussion: """
            The package is checked as a whole first: the archive, every file against its \
            SHA-256, the signature against this workstation's policy, and the course itself. \
            It is then copied in atomically: a crash leaves the old version or the new one. \
            Installing a newer version keeps every learner's progress. An older version does \
            not replace a newer one, nor does the same version with other content, unless \
            --force is given.
            """
    )

    @Argument(help: ArgumentHelp("The course package (.kursus) to install.", valueName: "package"))
    var package: String

    @OptionGroup var library: LibraryOptions

    @OptionGroup var data: DataOptions

    @Flag(help: "Install even an older version than the installed one, or the same version with other content.")
    var force = false

    func run() throws {
        let dataDirectory = data.resolved
        let target = library.library(dataDirectory: dataDirectory)
        let trust = try PackageOpening.trust(dataDirectory: dataDirectory)
        let outcome: InstallOutcome
        do {
            outcome = try target.install(URL(fileURLWithPath: package), shownAs: package, trust: trust, force: force)
        } catch {
            throw CommandFailure(error.description)
        }
        print(Self.describe(outcome))
    }

    /// One line on what happened, with names from the package made terminal-safe.
    static func describe(_ outcome: InstallOutcome) -> String {
        let entry = outcome.entry
        let course = "'\(TerminalSafe.clean(entry.title))' (\(TerminalSafe.clean(entry.id)))"
        let version = TerminalSafe.clean(entry.version)
        let path = TerminalSafe.clean(entry.path.path)
        switch outcome {
        case .installed:
            return "installed \(course) version \(version) as \(path)"
        case .updated(_, let previous):
            return "updated \(course) from version \(TerminalSafe.clean(previous)) to \(version) in \(path); learners' progress is kept"
        case .unchanged:
            return "\(course) version \(version) is already installed as \(path) (the same package); nothing changed"
        case .repacked:
            return "replaced \(course) version \(version) in \(path) with the same course packed again (signature changed)"
        case .forced(_, let previous):
            return
                "replaced \(course) version \(TerminalSafe.clean(previous)) with version \(version) in \(path) (--force); learners' progress is kept"
        case .repaired(_, let problem):
            return "installed \(course) version \(version) as \(path), replacing a damaged file (\(TerminalSafe.clean(problem)))"
        }
    }
}
