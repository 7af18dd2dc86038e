import Foundation
import KursusCourse

/// A course package held in memory for the manifest target: `course.yaml` is the
/// fuzzer's input and every Markdown file it names holds the same small lesson, so a
/// manifest that reads is loaded and validated through the whole package loader
/// without touching the disk. Any other file is missing. Paths go through
/// `PackagePath.normalize`, as in a real package.
struct MemoryStorage: PackageStorage {
    static let stubLesson = Data("---\ntitle: Stub\nminutes: 5\n---\n# Stub\n\nEn *kort* lektion.\n".utf8)

    let manifest: Data

    init(manifest: Data) {
        self.manifest = manifest
    }

    var origin: PackageOrigin { .folder(URL(fileURLWithPath: "/nonexistent/kursus-fuzz")) }

    func read(_ path: String, shownAs shown: String, limit: Int) throws(CourseError) -> Data {
        guard let data = contents(path) else { throw CourseError(SourceLocation(file: shown), "file not found") }
        guard data.count <= limit else { throw CourseError(SourceLocation(file: shown), "larger than the limit") }
        return data
    }

    func fileExists(_ path: String) -> Bool {
        contents(path) != nil
    }

    func allFiles() throws(CourseError) -> [String] {
        [CoursePackage.manifestName]
    }

    func resolve(_ relative: String, from base: String) -> Result<String, PackagePath.PathProblem> {
        PackagePath.normalize(relative, from: base)
    }

    /// Whether `diagnostic` only says that a unit's file (or its translation) is not in
    /// the package: true of every quiz, survey and scenario here, so not the manifest's fault.
    static func isAboutMissingFile(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.message.hasSuffix("not found in the package")
            || (diagnostic.message.contains("translation '") && diagnostic.message.contains("' is missing"))
    }

    private func contents(_ path: String) -> Data? {
        if path == CoursePackage.manifestName { return manifest }
        return path.hasSuffix(".md") ? Self.stubLesson : nil
    }
}
