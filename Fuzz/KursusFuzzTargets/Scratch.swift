import Foundation
import KursusCourse

/// Scratch folders for the targets that read files from a data folder: one per target
/// under `kursus-fuzz-<pid>` in /dev/shm (memory, so the fsyncs of a repair cost
/// nothing) or, where that is missing, the temporary folder. Each input gets a fresh
/// folder, removed after the run, so no run sees what an earlier one left.
enum Scratch {
    static let root: URL = {
        let shm = URL(fileURLWithPath: "/dev/shm")
        let base = FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        return base.appendingPathComponent("kursus-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
    }()

    /// An empty folder for `name`'s next run (private, as Kursus's data folders are).
    static func fresh(_ name: String) -> URL {
        let folder = root.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// Writes `data` to `file`, making its folders (0700) first.
    static func write(_ data: Data, to file: URL) -> Bool {
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try data.write(to: file)
            return true
        } catch {
            return false
        }
    }

    /// Removes a run's folder, and the process's root once nothing else is in it
    /// (`rmdir` leaves a folder that another target is still using).
    static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
        _ = rmdir(root.path)
    }
}

/// The bundled course (`Courses/digital-kompetence` in this checkout), loaded once.
enum BundledCourse {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Courses/digital-kompetence")

    static let package: CoursePackage? = CoursePackageLoader.load(folder, shownAs: "digital-kompetence").package
}
