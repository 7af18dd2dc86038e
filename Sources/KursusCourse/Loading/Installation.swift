import Foundation

/// Finds the player's own files. Its assets (string tables, themes, schemas, portraits)
/// are compiled into the binary; an `Assets/` folder in an installation folder overrides
/// them file by file. The installation folder is `$KURSUS_HOME`, else
/// `<prefix>/share/kursus` next to an installed binary, else a folder above the executable
/// that holds `Assets/` (a source checkout, where the binary sits in `.build/<config>/`).
/// The bundled course is `Courses/digital-kompetence` in that folder, when there is one;
/// a packaged player has its courses in the course library instead.
public struct Installation: Sendable {
    /// The installation folder, or nil for a binary on its own.
    public var root: URL?
    /// Where the player's assets are read from.
    public var assets: AssetCatalog

    public static let bundledCourseID = "digital-kompetence"

    public init(root: URL?) {
        self.root = root
        let folder = root?.appendingPathComponent("Assets")
        var isFolder: ObjCBool = false
        if let folder, FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue {
            assets = .overriding(folder)
        } else {
            assets = .embedded
        }
    }

    /// The installation's `Courses/` folder, when there is an installation folder.
    public var courses: URL? { root?.appendingPathComponent("Courses") }

    /// The bundled course's folder, when the installation folder has it.
    public var bundledCourse: URL? {
        guard let course = courses?.appendingPathComponent(Self.bundledCourseID),
            FileManager.default.fileExists(atPath: course.appendingPathComponent("course.yaml").path)
        else { return nil }
        return course
    }

    /// The installation for a binary at `executable`. `$KURSUS_HOME`, when set, is the
    /// installation folder whatever it holds; the other candidates count only when they
    /// hold `Assets/` or the bundled course. Without any, the binary stands alone.
    public static func locate(environment: [String: String], executable: URL) -> Installation {
        if let home = environment["KURSUS_HOME"], !home.isEmpty { return Installation(root: URL(fileURLWithPath: home)) }
        let binaryFolder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates = [binaryFolder.deletingLastPathComponent().appendingPathComponent("share/kursus")]
        var folder = binaryFolder
        for _ in 0..<6 {
            candidates.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        for candidate in candidates {
            let markers = ["Assets/strings/en.json", "Courses/\(bundledCourseID)/course.yaml"]
            if markers.contains(where: { FileManager.default.fileExists(atPath: candidate.appendingPathComponent($0).path) }) {
                return Installation(root: candidate)
            }
        }
        return Installation(root: nil)
    }
}
