import Crypto
import Foundation
import KursusCourse
import KursusMarkdown
@testable import KursusPackages

/// A fresh temporary folder for one test.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-packages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func write(_ path: String, _ text: String) throws {
        let target = file(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bundledCourse = repository.appendingPathComponent("Courses/digital-kompetence")

    static let validator = PackageValidator(scanAssets: MarkdownScanner.imageReferences(in:))
    static let writer = PackageWriter(validator: validator)

    static let course = PackageManifest.CourseInfo(id: "test", title: "Test", version: "1.0.0", language: "da")

    /// A manifest that lists exactly `files`.
    static func manifest(_ files: [(String, Data)]) -> Data {
        PackageManifest(course: course, files: files.map { PackageManifest.File(path: $0.0, size: $0.1.count, sha256: sha256($0.1)) }).encoded()
    }

    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    /// A raw archive: a correct manifest for `files`, then the entries of `files`
    /// (which tests then make hostile one way or another).
    static func archive(_ files: [(String, Data)], deflate: Bool = false) -> RawZip {
        RawZip([RawZip.Entry(PackageFormat.manifestEntry, manifest(files))] + files.map { RawZip.Entry($0.0, $0.1, deflate: deflate) })
    }

    /// A small valid course folder.
    static func courseFolder(in folder: TemporaryFolder, lesson: String = "# Hej\n\nEn lektion.\n") throws -> URL {
        try folder.write(
            "kursus/course.yaml",
            """
            format: kursus/1
            id: lille-kursus
            title: Et lille kursus
            language: da
            version: 1.2.0
            description: Til prøver.
            modules:
              - id: m1
                title: Modul
                units:
                  - id: l1
                    kind: lesson
                    title: Lektion
                    file: lektioner/en.md
            """)
        try folder.write("kursus/lektioner/en.md", lesson)
        return folder.file("kursus")
    }

    /// Opens `bytes` written to a temporary file and returns what opening threw.
    static func openError(_ zip: RawZip, limits: PackageLimits = .standard) throws -> PackageArchiveError? {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.file("hostile.kursus")
        try zip.write(to: url)
        do {
            _ = try PackageArchive.open(url, shownAs: "hostile.kursus", limits: limits)
            return nil
        } catch {
            return error
        }
    }
}
