import ArgumentParser
import Foundation
import KursusLibrary
import KursusText

/// `kursus uninstall ID`: removes a course from a course library.
struct Uninstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove a course from the course library.",
        discussion: """
            Learners' progress in the course is kept in their data directories; it is there \
            again when the course is installed again.
            """
    )

    @Argument(help: ArgumentHelp("The course id (see 'kursus courses').", valueName: "id"))
    var id: String

    @OptionGroup var library: LibraryOptions

    @OptionGroup var data: DataOptions

    func run() throws {
        let target = library.library(dataDirectory: data.resolved)
        let removed: URL
        do {
            removed = try target.uninstall(id)
        } catch {
            throw CommandFailure(error.description)
        }
        print("removed '\(TerminalSafe.clean(id))' (\(TerminalSafe.clean(removed.path))); learners' progress in it is kept")
    }
}
