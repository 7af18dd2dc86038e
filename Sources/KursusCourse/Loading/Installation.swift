import Foundation

/// Finds the player's own files: `Assets/` (string tables, themes, schemas) and the
/// bundled `Courses/`. Looked for in `$KURSUS_HOME`, then `<prefix>/share/kursus` next
/// to an installed binary, then in the folders above the executable (a source checkout,
/// where the binary sits in `.build/<config>/`).
public struct Installation: Sendable {
    public var root: URL

    public var assets: URL { root.appendingPathComponent("Assets") }
    public var courses: URL { root.appendingPathComponent("Courses") }
    public static let bundledCourseID = "digital-kompetence"
    public var bundledCourse: URL { courses.appendingPathComponent(Self.bundledCourseID) }

    public static func locate(environment: [String: String], executable: URL) -> Installation? {
        var candidates: [URL] = []
        if let home = environment["KURSUS_HOME"], !home.isEmpty { candidates.append(URL(fileURLWithPath: home)) }
        let binaryFolder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(binaryFolder.deletingLastPathComponent().appendingPathComponent("share/kursus"))
        var folder = binaryFolder
        for _ in 0..<6 {
            candidates.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        for candidate in candidates {
            let marker = candidate.appendingPathComponent("Assets/strings/en.json")
            if FileManager.default.fileExists(atPath: marker.path) { return Installation(root: candidate) }
        }
        return nil
    }
}
