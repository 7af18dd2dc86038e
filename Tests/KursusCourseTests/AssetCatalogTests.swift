import Foundation
import KursusAssets
import Testing

@testable import KursusCourse

@Suite("Kursus's assets: compiled in, overridden by a folder")
struct AssetCatalogTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let assets = repository.appendingPathComponent("Assets")

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-assets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("the compiled-in copy has exactly the files of Assets/, byte for byte")
    func embeddedMatchesFolder() throws {
        let folder = AssetCatalog.folder(Self.assets)
        #expect(folder.paths.count == 14)
        #expect(AssetCatalog.embedded.paths == folder.paths)
        for path in folder.paths {
            let disk = try Data(contentsOf: Self.assets.appendingPathComponent(path))
            #expect(AssetCatalog.embedded.read(path)?.data == disk, "\(path) differs from Assets/\(path)")
        }
        #expect(AssetCatalog.embedded.read("strings/en.json")?.shown == "Assets/strings/en.json (built into kursus)")
    }

    @Test("a folder overrides single files; the rest comes from the compiled-in copy")
    func overriding() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try Data(#"{"colors": {"accent": "red"}}"#.utf8).write(to: folder.appendingPathComponent("themes/default.json"))
        let catalog = AssetCatalog.overriding(folder)
        let theme = try #require(catalog.read("themes/default.json"))
        #expect(String(decoding: theme.data, as: UTF8.self) == #"{"colors": {"accent": "red"}}"#)
        #expect(theme.shown == folder.appendingPathComponent("themes/default.json").path)
        let strings = try #require(catalog.read("strings/da.json"))
        #expect(strings.shown == "Assets/strings/da.json (built into kursus)")
        #expect(strings.data == Data(EmbeddedAssets.files["strings/da.json"] ?? []))

        // A folder alone has only its own files, and says where a missing one belongs.
        #expect(AssetCatalog.folder(folder).read("strings/da.json") == nil)
        #expect(AssetCatalog.folder(folder).shown("strings/da.json") == folder.appendingPathComponent("strings/da.json").path)
    }

    @Test("a broken override is not silently replaced by the compiled-in file")
    func brokenOverride() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("strings/en.json"), withIntermediateDirectories: true)
        let catalog = AssetCatalog.overriding(folder)
        #expect(catalog.read("strings/en.json") == nil)
        #expect(catalog.shown("strings/en.json") == folder.appendingPathComponent("strings/en.json").path)
    }

    @Test(
        "paths that leave the catalog are refused",
        arguments: ["../Package.swift", "/etc/passwd", "strings/../strings/en.json", "./strings/en.json", "", "strings//en.json"])
    func escapingPaths(_ path: String) {
        #expect(AssetCatalog.overriding(Self.assets).read(path) == nil)
        #expect(AssetCatalog.embedded.contains(path) == false)
    }

    @Test("Installation: KURSUS_HOME, share/kursus next to the binary, a checkout above it, or the binary alone")
    func locate() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("prefix/bin/kursus")
        let alone = Installation.locate(environment: ["KURSUS_HOME": ""], executable: binary)
        #expect(alone.root == nil)
        #expect(alone.assets == .embedded)
        #expect(alone.bundledCourse == nil)

        let share = folder.appendingPathComponent("prefix/share/kursus")
        let course = share.appendingPathComponent("Courses/digital-kompetence")
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        try Data("id: digital-kompetence\n".utf8).write(to: course.appendingPathComponent("course.yaml"))
        let installed = Installation.locate(environment: [:], executable: binary)
        #expect(installed.root?.path == share.path)
        #expect(installed.assets == .embedded)
        #expect(installed.bundledCourse?.path == course.path)

        try FileManager.default.createDirectory(at: share.appendingPathComponent("Assets"), withIntermediateDirectories: true)
        #expect(Installation.locate(environment: [:], executable: binary).assets == .overriding(share.appendingPathComponent("Assets")))

        let home = folder.appendingPathComponent("home")
        let fromHome = Installation.locate(environment: ["KURSUS_HOME": home.path], executable: binary)
        #expect(fromHome.root?.path == home.path)
        #expect(fromHome.assets == .embedded)
        #expect(fromHome.bundledCourse == nil)

        let checkout = Installation.locate(environment: [:], executable: Self.repository.appendingPathComponent(".build/debug/kursus"))
        #expect(checkout.root?.standardizedFileURL.path == Self.repository.standardizedFileURL.path)
        #expect(checkout.assets == .overriding(Self.repository.appendingPathComponent("Assets")))
        #expect(checkout.bundledCourse != nil)
    }
}
