import Foundation
import KursusCourse
import KursusPackages

/// A fresh temporary folder for one test, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-library-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Real course folders packed into real `.kursus` files with the archive layer's writer.
enum LibraryFixtures {
    static let writer = PackageWriter(validator: PackageValidator(scanAssets: { _ in [] }))

    /// A course folder with one lesson per unit id, packed as `<name>.kursus` in `folder`.
    static func package(
        in folder: TemporaryFolder, id: String = "hygiejne", title: String = "Håndhygiejne", version: String, units: [String] = ["vask", "sprit"],
        lessonText: String = "Vask hænderne.", name: String? = nil, signingKey: PackageSigningKey? = nil, storedFile: String? = nil
    ) throws -> URL {
        let source = folder.file("src-\(id)-\(version)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("lektioner"), withIntermediateDirectories: true)
        var yaml = """
            format: kursus/1
            id: \(id)
            title: \(title)
            language: da
            version: "\(version)"
            description: Et kort kursus.
            modules:
              - id: m1
                title: Modul
                units:

            """
        for unit in units {
            yaml += """
                      - id: \(unit)
                        kind: lesson
                        title: Lektion \(unit)
                        file: lektioner/\(unit).md

                """
            try Data("# \(unit)\n\n\(lessonText)\n".utf8).write(to: source.appendingPathComponent("lektioner/\(unit).md"))
        }
        try Data(yaml.utf8).write(to: source.appendingPathComponent("course.yaml"))
        // A .png is stored uncompressed in a package, so tests can find and change its bytes.
        if let storedFile { try Data(storedFile.utf8).write(to: source.appendingPathComponent("bilag.png")) }
        let target = folder.file("\(name ?? "\(id)-\(version)").kursus")
        _ = try writer.pack(folder: source, shownAs: source.lastPathComponent, to: target, signingKey: signingKey)
        return target
    }
}
