import Foundation
import KursusCourse
import Testing

@testable import KursusPackages

/// `PackageWriter`: deterministic packages, what goes in and what is refused, and the
/// round trip of the bundled course through a package.
@Suite struct PackageWriterTests {
    @Test func packingTheSameFolderTwiceGivesTheSameBytes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let course = try Fixtures.courseFolder(in: folder)
        _ = try Fixtures.writer.pack(folder: course, shownAs: "kursus", to: folder.file("a.kursus"))
        // Another modification time must not matter.
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: course.appendingPathComponent("lektioner/en.md").path)
        _ = try Fixtures.writer.pack(folder: course, shownAs: "kursus", to: folder.file("b.kursus"))
        let first = try Data(contentsOf: folder.file("a.kursus"))
        #expect(first == (try Data(contentsOf: folder.file("b.kursus"))))
        #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }

    @Test func changingAFileChangesTheManifest() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let course = try Fixtures.courseFolder(in: folder)
        let before = try Fixtures.writer.pack(folder: course, shownAs: "kursus", to: folder.file("a.kursus"))
        try folder.write("kursus/lektioner/en.md", "# Hej\n\nEn ændret lektion.\n")
        let after = try Fixtures.writer.pack(folder: course, shownAs: "kursus", to: folder.file("b.kursus"))
        #expect(before.manifest.files.map(\.path) == ["course.yaml", "lektioner/en.md"])
        #expect(before.manifest.files[0] == after.manifest.files[0])
        #expect(before.manifest.files[1].sha256 != after.manifest.files[1].sha256)
        // "# Hej\n\nEn ændret lektion.\n" is 27 bytes (æ is two), as `wc -c` counts them.
        #expect(after.manifest.files[1].size == 27)
        #expect(after.manifest.files[1].sha256 == Fixtures.sha256(Data("# Hej\n\nEn ændret lektion.\n".utf8)))
        #expect(before.manifest.encoded() != after.manifest.encoded())
    }

    @Test func theManifestAndEntriesAreAsTheFormatSays() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let course = try Fixtures.courseFolder(in: folder)
        _ = try Fixtures.writer.pack(folder: course, shownAs: "kursus", to: folder.file("a.kursus"))
        let archive = try PackageArchive.open(folder.file("a.kursus"), shownAs: "a.kursus")
        #expect(
            archive.manifest.course
                == PackageManifest.CourseInfo(
                    id: "lille-kursus", title: "Et lille kursus", version: "1.2.0", language: "da", description: "Til prøver."))
        #expect(archive.signature == nil)
        let index = try ZipIndex.read(archive.file, limits: .standard)
        #expect(index.entries.map(\.shownName) == ["kursus-package.json", "course.yaml", "lektioner/en.md"])
        // 1980-01-01 00:00 as a DOS date is 0x0021 (day 1, month 1, year 0), time 0.
        let header = try archive.file.read(at: 0, count: 30)
        #expect(header.uint16(at: 10) == 0 && header.uint16(at: 12) == 0x0021)
        #expect(index.entries.allSatisfy { $0.externalAttributes >> 16 == 0o100644 && $0.method == 8 && $0.isMarkedUTF8 })
        let text = String(decoding: archive.manifestBytes, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"course\" : {\n    \"description\" : \"Til prøver.\",\n    \"id\" : \"lille-kursus\","))
        #expect(text.contains("\"format\" : \"kursus-package/1\""))
    }

    @Test func hiddenFilesAreNeverPacked() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let course = try Fixtures.courseFolder(in: folder)
        try folder.write("kursus/.git/config", "[core]\n")
        try folder.write("kursus/.DS_Store", "x")
        try folder.write("kursus/lektioner/.en.md.swp", "x")
        let result = try Fixtures.writer.pack(folder: course, shownAs: "kursus", to: folder.file("a.kursus"))
        #expect(result.manifest.files.map(\.path) == ["course.yaml", "lektioner/en.md"])
    }

    @Test func symbolicLinksInTheFolderAreRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let course = try Fixtures.courseFolder(in: folder)
        try FileManager.default.createSymbolicLink(atPath: course.appendingPathComponent("lektioner/link.md").path, withDestinationPath: "en.md")
        #expect(throws: PackageWriteError.self) { try Fixtures.writer.pack(folder: course, shownAs: "kursus", to: folder.file("a.kursus")) }
        do {
            _ = try Fixtures.writer.pack(folder: course, shownAs: "kursus", to: folder.file("a.kursus"))
        } catch {
            #expect(error.description == "lektioner/link.md: is a symbolic link; copy the file it points to into the course folder instead")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("a.kursus").path))
    }

    @Test func aFolderThatDoesNotValidateIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let course = try Fixtures.courseFolder(in: folder)
        try FileManager.default.removeItem(at: course.appendingPathComponent("lektioner/en.md"))
        do {
            _ = try Fixtures.writer.pack(folder: course, shownAs: "kursus", to: folder.file("a.kursus"))
            Issue.record("an invalid course was packed")
        } catch {
            guard case .invalidCourse(_, let diagnostics) = error else { Issue.record("got \(error)"); return }
            #expect(diagnostics.contains { $0.message.contains("'lektioner/en.md' not found") })
            #expect(error.description.hasSuffix("kursus: the course has errors and was not packed; fix them (kursus validate kursus)"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("a.kursus").path))
    }

    @Test func thePackageMayNotBeWrittenIntoTheCourseFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let course = try Fixtures.courseFolder(in: folder)
        #expect(throws: PackageWriteError.self) {
            try Fixtures.writer.pack(folder: course, shownAs: "kursus", to: course.appendingPathComponent("lektioner/x.kursus"))
        }
    }

    @Test func theBundledCourseSurvivesARoundTrip() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try Fixtures.writer.pack(folder: Fixtures.bundledCourse, shownAs: "digital-kompetence", to: folder.file("dk.kursus"))
        let storage = try ArchiveStorage(opening: folder.file("dk.kursus"), shownAs: "dk.kursus")
        let original = FolderStorage(Fixtures.bundledCourse)
        let files = try original.allFiles()
        #expect(try storage.allFiles() == files)
        #expect(result.manifest.files.count == files.count)
        for path in files {
            #expect(try storage.read(path, shownAs: path, limit: 16 << 20) == (try original.read(path, shownAs: path, limit: 16 << 20)))
        }
        #expect(storage.origin == .archive(folder.file("dk.kursus")))
        #expect(storage.fileExists("course.yaml") && !storage.fileExists("kursus-package.json"))
        #expect(storage.resolve("../billeder/a.png", from: "lektioner") == .success("billeder/a.png"))
        #expect(storage.resolve("../../a.png", from: "lektioner") == .failure(.parentSegment))
    }
}

/// `ArchiveStorage` is shared between threads (the player reads lessons while the
/// saver runs): reads at once from many threads see the right bytes.
@Suite struct ArchiveStorageConcurrencyTests {
    @Test func manyThreadsReadTheSameArchiveAtOnce() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try Fixtures.writer.pack(folder: Fixtures.bundledCourse, shownAs: "dk", to: folder.file("dk.kursus"))
        let storage = try ArchiveStorage(opening: folder.file("dk.kursus"), shownAs: "dk.kursus")
        let original = FolderStorage(Fixtures.bundledCourse)
        let files = try storage.allFiles()
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var bad = 0
                    for path in files.shuffled() {
                        let packed = try? storage.read(path, shownAs: path, limit: 16 << 20)
                        let plain = try? original.read(path, shownAs: path, limit: 16 << 20)
                        if packed == nil || packed != plain { bad += 1 }
                    }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        // Every file of the folder is in the archive (the course grows; the count is the folder's).
        let onDisk = (FileManager.default.enumerator(at: Fixtures.bundledCourse, includingPropertiesForKeys: nil)?.allObjects ?? [])
            .compactMap { $0 as? URL }.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        #expect(files.count == onDisk.count && files.count > 20)
        #expect(mismatches == 0)
    }
}
