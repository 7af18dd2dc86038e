import Foundation
import Testing

@testable import KursusPackages

/// Truncated and corrupt archives, and archives whose manifest does not match them.
@Suite struct DamagedArchiveTests {
    let lesson = ("lektioner/en.md", Data("# Hej\n\nEn lektion om videokonsultationer.\n".utf8))
    let image = ("billeder/a.png", Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7) }))

    @Test func anArchiveCutShortIsRefused() throws {
        let bytes = try Fixtures.archive([lesson, image], deflate: true).bytes()
        for cut in [bytes.count - 1, bytes.count - 30, bytes.count / 2, 10] {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try bytes.prefix(cut).write(to: folder.file("cut.kursus"))
            #expect(throws: PackageArchiveError.self) { try PackageArchive.open(folder.file("cut.kursus"), shownAs: "cut.kursus") }
            do {
                _ = try PackageArchive.open(folder.file("cut.kursus"), shownAs: "cut.kursus")
            } catch {
                guard case .corrupt = error else { Issue.record("cut at \(cut): \(error)"); continue }
                #expect(error.description.hasPrefix("cut.kursus: the package is damaged or cut short ("))
            }
        }
    }

    @Test func aFileThatIsNotAZipIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("format: kursus/1\nid: ikke-en-zip\ntitle: En YAML-fil\n".utf8).write(to: folder.file("course.kursus"))
        #expect(throws: PackageArchiveError.corrupt(archive: "x.kursus", detail: "no zip end record: not a zip archive, or cut short")) {
            try PackageArchive.open(folder.file("course.kursus"), shownAs: "x.kursus")
        }
        #expect(throws: PackageArchiveError.unreadable(archive: "none.kursus", reason: "file not found")) {
            try PackageArchive.open(folder.file("none.kursus"), shownAs: "none.kursus")
        }
    }

    @Test func damagedEntryDataFailsWhenRead() throws {
        var bytes = try Fixtures.archive([lesson, image]).bytes()
        // Flip one byte inside the stored image's data (after the manifest and the lesson).
        let marker = image.1.subdata(in: 100..<116)
        let range = try #require(bytes.range(of: marker))
        bytes[range.lowerBound] ^= 0xFF
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try bytes.write(to: folder.file("flip.kursus"))
        let archive = try PackageArchive.open(folder.file("flip.kursus"), shownAs: "flip.kursus")
        #expect(try archive.read("lektioner/en.md", limit: 1 << 20) == lesson.1)
        #expect(throws: PackageArchiveError.corrupt(archive: "flip.kursus", detail: "entry 'billeder/a.png' fails its CRC-32 check")) {
            try archive.read("billeder/a.png", limit: 1 << 20)
        }
    }

    @Test func damagedDeflateDataIsRefused() throws {
        var bytes = try Fixtures.archive([lesson], deflate: true).bytes()
        // The lesson's deflate stream starts right after the name in its local header
        // (the name's first appearance is in the manifest's text, which comes before it).
        let name = Data("lektioner/en.md".utf8)
        let inManifest = try #require(bytes.range(of: name))
        let at = try #require(bytes.range(of: name, in: inManifest.upperBound..<bytes.endIndex)).upperBound
        for offset in 0..<4 { bytes[at + offset] = 0xFF }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try bytes.write(to: folder.file("bad.kursus"))
        let archive = try PackageArchive.open(folder.file("bad.kursus"), shownAs: "bad.kursus")
        #expect(throws: PackageArchiveError.self) { try archive.read("lektioner/en.md", limit: 1 << 20) }
    }

    @Test func aMissingManifestIsRefused() throws {
        let zip = RawZip([RawZip.Entry(lesson.0, lesson.1)])
        #expect(try Fixtures.openError(zip) == .manifestMissing(archive: "hostile.kursus"))
        // The manifest present, but not first.
        let late = RawZip([RawZip.Entry(lesson.0, lesson.1), RawZip.Entry(PackageFormat.manifestEntry, Fixtures.manifest([lesson]))])
        #expect(try Fixtures.openError(late) == .manifestMissing(archive: "hostile.kursus"))
    }

    @Test func anInvalidManifestIsRefused() throws {
        let cases: [(String, String)] = [
            ("{", "it is not the JSON the format describes (not valid JSON)"),
            (#"{"format":"kursus-package/1","files":[]}"#, "it is not the JSON the format describes (missing 'course')"),
            (
                #"{"format":"kursus-package/9","course":{"id":"a","title":"b","version":"1","language":"da"},"files":[]}"#,
                "its format is 'kursus-package/9'; this Kursus reads 'kursus-package/1' (a newer Kursus made it?)"
            ),
            (
                #"{"format":"kursus-package/1","course":{"id":"a","title":"b","version":"1","language":"da"},"files":[{"path":"../x","size":1,"sha256":"00"}]}"#,
                "file path '../x' is not a plain package path"
            ),
        ]
        for (json, reason) in cases {
            let zip = RawZip([RawZip.Entry(PackageFormat.manifestEntry, json)])
            #expect(try Fixtures.openError(zip) == .manifestInvalid(archive: "hostile.kursus", entry: "kursus-package.json", reason: reason))
        }
    }

    @Test func aFileNotInTheManifestIsRefused() throws {
        var zip = Fixtures.archive([lesson])
        zip.entries.append(RawZip.Entry("lektioner/ekstra.md", "# Sneget ind\n"))
        #expect(try Fixtures.openError(zip) == .notInManifest(archive: "hostile.kursus", entry: "lektioner/ekstra.md"))
    }

    @Test func aListedFileMissingFromTheArchiveIsRefused() throws {
        let zip = RawZip([RawZip.Entry(PackageFormat.manifestEntry, Fixtures.manifest([lesson, image])), RawZip.Entry(lesson.0, lesson.1)])
        let error = try Fixtures.openError(zip)
        #expect(error == .missingFromArchive(archive: "hostile.kursus", entry: "billeder/a.png"))
        #expect(error?.description == "hostile.kursus: 'billeder/a.png' is listed in kursus-package.json but the archive does not hold it")
    }

    @Test func contentThatDoesNotMatchTheManifestIsRefusedWhenRead() throws {
        // Same size, other bytes: only the SHA-256 can tell.
        let changed = Data("# Hej\n\nEn lektion om videokonsultationer!\n".utf8)
        var zip = Fixtures.archive([lesson])
        zip.entries[1].data = changed
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try zip.write(to: folder.file("changed.kursus"))
        let archive = try PackageArchive.open(folder.file("changed.kursus"), shownAs: "changed.kursus")
        let error = PackageArchiveError.contentMismatch(
            archive: "changed.kursus", entry: "lektioner/en.md", signed: false, detail: "its SHA-256 differs")
        #expect(throws: error) { try archive.read("lektioner/en.md", limit: 1 << 20) }
        #expect(throws: error) { try archive.verifyAll() }
        // Another size is refused when the package opens.
        var longer = Fixtures.archive([lesson])
        longer.entries[1].data = Data("# Hej med dig\n".utf8)
        guard case .contentMismatch(_, "lektioner/en.md", false, _)? = try Fixtures.openError(longer) else {
            Issue.record("a size that differs from the manifest opened")
            return
        }
    }
}
