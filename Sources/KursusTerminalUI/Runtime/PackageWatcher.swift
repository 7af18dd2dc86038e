import Foundation
import KursusCourse

/// Trainer preview `--watch`: notices when a file in the package changes and loads the
/// package again. Polls file sizes and modification times at most once a second.
public final class PackageWatcher {
    public enum Change {
        case reloaded(CoursePackage)
        /// The change could not be loaded: every error and warning found, errors first,
        /// each with its place (never empty).
        case failed([Diagnostic])
    }

    private let folder: URL
    private let load: () throws(CourseError) -> CoursePackage
    private var snapshot: [String: String]
    private var lastPoll = Date.distantPast
    /// A package with more files than this is only partly watched.
    static let maximumFiles = 5000

    public convenience init(folder: URL, shownAs: String) {
        self.init(watching: folder) { () throws(CourseError) in try CoursePackage.open(folder, shownAs: shownAs).0 }
    }

    /// Watches a package folder, or a `.kursus` file (its size and modification time),
    /// and calls `load` to open the package again after a change.
    public init(watching url: URL, load: @escaping () throws(CourseError) -> CoursePackage) {
        self.folder = url
        self.load = load
        self.snapshot = Self.snapshot(of: url)
    }

    /// A change since the last poll, loaded; nil when nothing changed.
    public func poll(now: Date = Date()) -> Change? {
        guard now.timeIntervalSince(lastPoll) >= 1 else { return nil }
        lastPoll = now
        let current = Self.snapshot(of: folder)
        guard current != snapshot else { return nil }
        snapshot = current
        do {
            return .reloaded(try load())
        } catch {
            return .failed(Self.problems(error.diagnostics, folder: folder))
        }
    }

    /// Errors, then warnings, in the order found; a failure without any error still
    /// says where (the package) and that it could not be loaded.
    static func problems(_ diagnostics: [Diagnostic], folder: URL) -> [Diagnostic] {
        let found = diagnostics.errors + diagnostics.warnings
        guard found.errors.isEmpty else { return found }
        return [.error(SourceLocation(file: folder.path), "the package could not be loaded")] + found
    }

    static func snapshot(of folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        if let values = try? folder.resourceValues(forKeys: [.isRegularFileKey, .contentModificationDateKey, .fileSizeKey]),
            values.isRegularFile == true
        {
            // A package file: its size and modification time say when it was replaced.
            result[folder.path] = "\(values.contentModificationDate?.timeIntervalSince1970 ?? 0)/\(values.fileSize ?? -1)"
            return result
        }
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey], options: [.skipsHiddenFiles]
            )
        else { return result }
        for case let url as URL in enumerator {
            guard result.count < maximumFiles else { break }
            let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
            let stamp = "\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)/\(values?.fileSize ?? -1)"
            result[url.path] = stamp
        }
        return result
    }
}
