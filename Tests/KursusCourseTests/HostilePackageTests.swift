import Foundation
import Testing
@testable import KursusCourse

/// Packages written to hurt: each must give a clear error naming the place, never a crash.
@Suite("Hostile and broken packages")
struct HostilePackageTests {
    func load(lessonPath: String, extra: (TemporaryPackage) throws -> Void = { _ in }) throws -> [Diagnostic] {
        let manifest = TemporaryPackage.manifest.replacingOccurrences(of: "file: lektioner/en.md", with: "file: \(lessonPath)")
        let package = try TemporaryPackage(files: ["course.yaml": manifest, "lektioner/to.md": "# to"])
        defer { package.remove() }
        try extra(package)
        return CoursePackageLoader.load(package.root, shownAs: "p").diagnostics
    }

    @Test("a unit path with '..' is refused", arguments: ["../../etc/passwd", "lektioner/../../x.md"])
    func parentSegments(path: String) throws {
        let diagnostics = try load(lessonPath: path)
        #expect(
            diagnostics.map(\.description).contains(
                "p/course.yaml:10:9: error: unit 'l1': file '\(path)': '..' leads outside the package folder; every file must be inside it"))
    }

    @Test("an absolute unit path is refused")
    func absolutePath() throws {
        let diagnostics = try load(lessonPath: "/etc/passwd")
        #expect(
            diagnostics.map(\.message).contains(
                "unit 'l1': file '/etc/passwd': absolute paths are not allowed; write the path relative to the package folder"))
    }

    @Test("a symbolic link that leads out of the package is refused")
    func symlinkOut() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-outside-\(UUID().uuidString).md")
        try Data("# hemmelig".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let diagnostics = try load(lessonPath: "lektioner/link.md") { package in
            try FileManager.default.createSymbolicLink(at: package.root.appendingPathComponent("lektioner/link.md"), withDestinationURL: outside)
        }
        #expect(
            diagnostics.map(\.message).contains(
                "unit 'l1': file 'lektioner/link.md': the path leads outside the package folder (through a symbolic link)"))
    }

    @Test("a symbolic link inside the package is fine")
    func symlinkInside() throws {
        let diagnostics = try load(lessonPath: "lektioner/link.md") { package in
            try package.write("lektioner/real.md", "---\ntitle: Rigtig\n---\n# x")
            try FileManager.default.createSymbolicLink(
                atPath: package.root.appendingPathComponent("lektioner/link.md").path, withDestinationPath: "real.md")
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test("a lesson that is not UTF-8 is reported at the bad byte")
    func invalidUTF8() throws {
        let diagnostics = try load(lessonPath: "lektioner/en.md") { package in
            try package.write("lektioner/en.md", Data("# Titel\n\nGod tekst\nS\u{F8}".utf8) + Data([0xF8, 0x6E, 0x0A]))
        }
        #expect(
            diagnostics.map(\.description).contains(
                "p/lektioner/en.md:4:3: error: lesson of unit 'l1' is not valid UTF-8 text; save the file as UTF-8 in your editor"))
    }

    @Test("a 50 MB lesson is refused before it is read")
    func hugeLesson() throws {
        let diagnostics = try load(lessonPath: "lektioner/en.md") { package in
            let url = package.root.appendingPathComponent("lektioner/en.md")
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 50 << 20)
            try handle.close()
        }
        #expect(diagnostics.map(\.message).contains("lesson of unit 'l1' is 50.0 MiB; the limit is 4.0 MiB. Split it into smaller files"))
    }

    @Test("a missing lesson is reported at the unit in the manifest")
    func missingLesson() throws {
        let diagnostics = try load(lessonPath: "lektioner/findes-ikke.md")
        #expect(
            diagnostics.map(\.description).contains(
                "p/course.yaml:10:9: error: unit 'l1': lesson file 'lektioner/findes-ikke.md' not found in the package"))
    }

    @Test("a lesson path that is a folder")
    func folderAsLesson() throws {
        let diagnostics = try load(lessonPath: "lektioner")
        #expect(diagnostics.map(\.message).contains("lesson of unit 'l1' is a folder, not a file"))
    }

    @Test("a lesson that is a named pipe is refused without waiting for a writer")
    func pipeAsLesson() throws {
        let diagnostics = try load(lessonPath: "lektioner/en.md") { package in
            let url = package.root.appendingPathComponent("lektioner/en.md")
            try? FileManager.default.removeItem(at: url)
            #expect(mkfifo(url.path, 0o600) == 0)
        }
        #expect(
            diagnostics.map(\.message).contains(
                "lesson of unit 'l1' is not a regular file but a named pipe (FIFO), which Kursus does not read (it could wait forever); put the file itself there"
            ))
    }

    @Test("a lesson that is a symbolic link loop is reported as a loop, not as missing")
    func symbolicLinkLoopAsLesson() throws {
        let diagnostics = try load(lessonPath: "lektioner/en.md") { package in
            let url = package.root.appendingPathComponent("lektioner/en.md")
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "en.md")
        }
        #expect(
            diagnostics.map(\.message).contains(
                "lesson of unit 'l1' is a symbolic link loop (a link that leads back to itself); replace it with the file or a link to it"),
            "\(diagnostics)")
    }

    @Test("a course.yaml and a package folder that are symbolic link loops are reported as loops")
    func symbolicLinkLoopAsManifest() throws {
        let package = try TemporaryPackage(files: ["lektioner/en.md": "x"])
        defer { package.remove() }
        let manifest = package.root.appendingPathComponent("course.yaml")
        try FileManager.default.createSymbolicLink(atPath: manifest.path, withDestinationPath: "course.yaml")
        let diagnostics = CoursePackageLoader.load(package.root, shownAs: "p").diagnostics
        #expect(
            diagnostics.map(\.description) == [
                "p/course.yaml:1:1: error: is a symbolic link loop (a link that leads back to itself); replace it with the file or a link to it"
            ])
        let loop = package.root.appendingPathComponent("loop")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: "loop")
        #expect(
            CoursePackageLoader.load(loop, shownAs: "loop").diagnostics.map(\.description) == [
                "loop:1:1: error: is a symbolic link loop (a link that leads back to itself); replace it with a link to the package folder"
            ])
    }

    @Test("control characters in messages are made inert")
    func controlCharactersInIDs() throws {
        let manifest = TemporaryPackage.manifest.replacingOccurrences(of: "id: test-kursus", with: "id: \"x\\e[2Jy\"")
        let package = try TemporaryPackage(files: ["course.yaml": manifest, "lektioner/en.md": "x", "lektioner/to.md": "x"])
        defer { package.remove() }
        let descriptions = CoursePackageLoader.load(package.root, shownAs: "p").diagnostics.map(\.description)
        #expect(!descriptions.isEmpty)
        #expect(descriptions.allSatisfy { !$0.unicodeScalars.contains { $0.value == 0x1B } })
    }

    @Test("too many units are refused without using much memory")
    func manyUnits() throws {
        var manifest = "format: kursus/1\nid: c\ntitle: C\nlanguage: da\nversion: '1'\nmodules:\n  - id: m\n    title: M\n    units:\n"
        for i in 0..<2500 { manifest += "      - {id: u\(i), kind: lesson, file: x.md}\n" }
        let package = try TemporaryPackage(files: ["course.yaml": manifest])
        defer { package.remove() }
        let descriptions = CoursePackageLoader.load(package.root, shownAs: "p").diagnostics.map(\.message)
        #expect(descriptions.contains("a course may have at most 2000 units"))
    }

    @Test("an empty manifest and a manifest that is a list")
    func wrongShapes() throws {
        for text in ["", "- a\n- b\n", "just text"] {
            let package = try TemporaryPackage(files: ["course.yaml": text])
            defer { package.remove() }
            let diagnostics = CoursePackageLoader.load(package.root, shownAs: "p").diagnostics
            #expect(diagnostics.map(\.message) == ["course.yaml must be a mapping of 'key: value' lines"])
        }
    }
}
