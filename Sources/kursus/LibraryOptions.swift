import ArgumentParser
import Foundation
import KursusLibrary
#if canImport(Glibc)
import Glibc
#endif

/// `--library DIR`, shared by install, uninstall, courses and play.
struct LibraryOptions: ParsableArguments {
    @Option(
        name: .customLong("library"),
        help: ArgumentHelp(
            "The course library folder.",
            discussion: "Default: /var/lib/kursus/library when run as root, else <data-dir>/library.",
            valueName: "dir"))
    var folder: String?

    /// The library named with --library, else the default for this user: the system
    /// library for root, else the user's own.
    func library(dataDirectory: URL) -> CourseLibrary {
        if let folder { return CourseLibrary(folder: URL(fileURLWithPath: folder)) }
        if geteuid() == 0 { return CourseLibrary(folder: Self.systemFolder) }
        return CourseLibrary(folder: CourseLibrary.defaultFolder(dataDirectory: dataDirectory, isRoot: false))
    }

    /// The libraries `kursus play` and `kursus courses` look in without --library: the
    /// system library (`$KURSUS_SYSTEM_LIBRARY` overrides its place, for tests), then the
    /// user's own; with --library, only that one.
    func libraries(dataDirectory: URL) -> [CourseLibrary] {
        if let folder { return [CourseLibrary(folder: URL(fileURLWithPath: folder))] }
        let system = CourseLibrary(folder: Self.systemFolder)
        let user = CourseLibrary(folder: CourseLibrary.defaultFolder(dataDirectory: dataDirectory, isRoot: false))
        return system.folder == user.folder ? [system] : [system, user]
    }

    static var systemFolder: URL {
        CommandSupport.environment["KURSUS_SYSTEM_LIBRARY"].map { URL(fileURLWithPath: $0, isDirectory: true) } ?? CourseLibrary.systemFolder
    }
}
