import Foundation
import KursusCourse
import KursusText

/// Why `kursus pack` wrote no package. Nothing is left at the destination when packing fails.
public enum PackageWriteError: Error, Sendable, CustomStringConvertible {
    /// The course folder does not validate; the diagnostics say why.
    case invalidCourse(folder: String, diagnostics: [Diagnostic])
    /// A file in the folder cannot go into a package.
    case unsafeFile(path: String, reason: String)
    case unreadable(path: String, reason: String)
    case tooLarge(reason: String)
    /// The destination is inside the course folder (it would pack itself next time).
    case destinationInsideFolder(path: String)
    case writeFailed(path: String, reason: String)
    case signing(PackageKeyError)
    /// The written package did not read back (for example a file that compresses beyond
    /// the reader's ratio limit).
    case selfCheck(PackageArchiveError)

    public var description: String {
        switch self {
        case let .invalidCourse(folder, diagnostics):
            (diagnostics.filter { $0.severity == .error }.map(\.description)
                + [
                    "\(TerminalSafe.clean(folder)): the course has errors and was not packed; fix them (kursus validate \(TerminalSafe.clean(folder)))"
                ])
                .joined(separator: "\n")
        case let .unsafeFile(path, reason): "\(TerminalSafe.clean(path)): \(reason)"
        case let .unreadable(path, reason): "\(TerminalSafe.clean(path)): cannot be read: \(reason)"
        case let .tooLarge(reason): "the course is too large for a package: \(reason)"
        case let .destinationInsideFolder(path):
            "\(TerminalSafe.clean(path)): the package would be inside the course folder; write it somewhere else"
        case let .writeFailed(path, reason): "\(TerminalSafe.clean(path)): cannot write the package: \(reason)"
        case let .signing(error): error.description
        case let .selfCheck(error): "the package written does not read back, so it was removed: \(error.description)"
        }
    }
}
