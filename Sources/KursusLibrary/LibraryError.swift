import Foundation
import KursusText

/// Why a library command failed. Every message names the file or folder and says what to
/// do; names taken from packages are made terminal-safe.
public enum LibraryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The library folder cannot be created, read or written.
    case folder(path: String, reason: String)
    /// The package to install could not be read or failed a check (`reason` says which).
    case packageRefused(path: String, reason: String)
    /// The library holds a newer version; `--force` installs the older one anyway.
    case olderVersion(id: String, installed: String, offered: String)
    /// The same version with different content; a new version number (or `--force`) is needed.
    case sameVersionDiffers(id: String, version: String)
    /// No course with this id is installed.
    case notInstalled(id: String, library: String)
    /// Writing or renaming the package in the library failed; the library is as it was.
    case writeFailed(path: String, reason: String)
    /// Another install or uninstall holds the library.
    case busy(path: String)

    public var description: String {
        switch self {
        case let .folder(path, reason):
            return "\(safe(path)): \(reason)"
        case let .packageRefused(path, reason):
            return "\(safe(path)): not installed: \(safe(reason))"
        case let .olderVersion(id, installed, offered):
            return
                "course '\(safe(id))' version \(safe(installed)) is installed, which is newer than version \(safe(offered)) in this package; nothing was changed (use --force to install the older version anyway)"
        case let .sameVersionDiffers(id, version):
            return
                "course '\(safe(id))' version \(safe(version)) is installed with different content; give the changed course a new version in course.yaml (or use --force to replace it)"
        case let .notInstalled(id, library):
            return "no course '\(safe(id))' is installed in \(safe(library)); 'kursus courses --library \(safe(library))' lists what is"
        case let .writeFailed(path, reason):
            return "\(safe(path)): cannot write the course into the library (\(reason)); the library is unchanged"
        case let .busy(path):
            return "\(safe(path)): another 'kursus install' or 'kursus uninstall' is changing this library; try again when it has finished"
        }
    }

    private func safe(_ text: String) -> String { TerminalSafe.clean(text) }
}
