import Foundation
import Testing

@testable import KursusCourse

#if canImport(Glibc)
import Glibc
#endif

/// The fingerprint cache: a course that did not change opens with its lessons' front
/// matter only, and nothing about the cache can make a changed course look unchanged.
struct FingerprintCacheTests {
    /// A package, its data directory's cache (its clock a minute ahead, so files written
    /// by the test count as settled), and the loads to compare.
    struct Fixture {
        let package: TemporaryPackage
        let data: URL
        let cache: CourseFingerprintCache

        init(_ package: TemporaryPackage? = nil) throws {
            self.package = try package ?? TemporaryPackage.good()
            data = self.package.root.appendingPathComponent(".data")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            cache = CourseFingerprintCache(dataDirectory: data, now: { Int64(Date().timeIntervalSince1970 * 1e9) + 60_000_000_000 })
        }

        func load(cached: Bool = true) -> CoursePackage? {
            CoursePackageLoader.load(package.root, shownAs: "pakke", fingerprints: cached ? cache : nil).package
        }

        var cacheFile: URL { cache.file(for: package.root.standardizedFileURL.resolvingSymlinksInPath()) }

        /// Sets a file's modification time to the nanosecond, as `touch -d` or `cp -p` can.
        func setModified(_ path: String, to nanoseconds: Int64) {
            var times = [
                timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000)),
                timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000)),
            ]
            _ = utimensat(AT_FDCWD, package.root.appendingPathComponent(path).path, &times, 0)
        }

        func stamp(_ path: String) -> FileStamp? {
            var status = stat()
            guard stat(package.root.appendingPathComponent(path).path, &status) == 0 else { return nil }
            return FileStamp(status)
        }
    }

    @Test func anUnchangedCourseOpensWithItsLessonsFrontMatterOnly() throws {
        let fixture = try Fixture()
        defer { fixture.package.remove() }
        let full = try #require(fixture.load(cached: false))
        let first = try #require(fixture.load())
        #expect(FileManager.default.fileExists(atPath: fixture.cacheFile.path))
        let second = try #require(fixture.load())
        #expect(first.fingerprint == full.fingerprint)
        #expect(second.fingerprint == full.fingerprint)
        // The menu's data is the same as from a full read; only the word count is left out.
        #expect(second.course == full.course)
        #expect(full.contents["da"]?.lessons["l1"]?.words == 8)
        #expect(second.contents["da"]?.lessons["l1"]?.words == nil)
        #expect(second.contents["da"]?.lessons["l1"]?.keys == ["title", "minutes", "objectives"])
        // A lesson without front matter was read whole the first time (it has no end of
        // front matter to stop at); since then the cache vouches for it, so it is not
        // opened (its words are counted by `validate`, which reads without the cache).
        #expect(first.contents["da"]?.lessons["l2"]?.words == 2)
        #expect(second.contents["da"]?.lessons["l2"]?.words == nil)
        #expect(second.contents["da"]?.lessons["l2"]?.keys == [])
    }

    @Test func aChangedFileOfTheSameSizeWithANewModificationTimeGetsANewFingerprint() throws {
        let fixture = try Fixture()
        defer { fixture.package.remove() }
        let before = try #require(fixture.load()?.fingerprint)
        let old = try #require(fixture.stamp("lektioner/en.md"))
        try fixture.package.write("lektioner/en.md", TemporaryPackage.lessonOne.replacingOccurrences(of: "Tekst", with: "Tekts"))
        fixture.setModified("lektioner/en.md", to: old.modified + 1_000_000_000)
        #expect(fixture.stamp("lektioner/en.md")?.size == old.size)
        let after = try #require(fixture.load()?.fingerprint)
        #expect(after != before)
        #expect(after == fixture.load(cached: false)?.fingerprint)
    }

    @Test func aChangedFileWithItsSizeAndModificationTimeSetBackStillGetsANewFingerprint() throws {
        let fixture = try Fixture()
        defer { fixture.package.remove() }
        let before = try #require(fixture.load()?.fingerprint)
        let old = try #require(fixture.stamp("lektioner/en.md"))
        try fixture.package.write("lektioner/en.md", TemporaryPackage.lessonOne.replacingOccurrences(of: "Tekst", with: "Tekts"))
        fixture.setModified("lektioner/en.md", to: old.modified)
        let now = try #require(fixture.stamp("lektioner/en.md"))
        #expect(now.size == old.size && now.modified == old.modified)
        // The change time (set by every write, and by nothing else) tells.
        let after = try #require(fixture.load()?.fingerprint)
        #expect(after != before)
        #expect(after == fixture.load(cached: false)?.fingerprint)
    }

    @Test func aFileReplacedByAnotherIsReadAgain() throws {
        let fixture = try Fixture()
        defer { fixture.package.remove() }
        let before = try #require(fixture.load())
        try fixture.package.write("lektioner/to.md", "# Ny\n\nAndet indhold.\n")
        let after = try #require(fixture.load())
        #expect(after.fingerprint != before.fingerprint)
        #expect(after.fingerprint == fixture.load(cached: false)?.fingerprint)
    }

    @Test func aTamperedCacheFileIsIgnored() throws {
        let fixture = try Fixture()
        defer { fixture.package.remove() }
        let real = try #require(fixture.load()?.fingerprint)
        let text = try String(contentsOf: fixture.cacheFile, encoding: .utf8)
        let forged = "sha256:" + String(repeating: "0", count: 64)
        let tampered = [
            text.replacingOccurrences(of: real, with: forged),  // the check line no longer matches
            String(text.dropLast(20)),  // cut short
            text.replacingOccurrences(of: CourseFingerprintCache.format, with: "kursus-fingerprints/9"),
            "",
            String(repeating: "x", count: CourseFingerprintCache.maximumBytes + 1),
        ]
        for bad in tampered {
            try Data(bad.utf8).write(to: fixture.cacheFile)
            #expect(fixture.load()?.fingerprint == real)
        }
        // A cache that is well formed (its check made to match) but records other stamps
        // than the files have is not used either.
        let root = fixture.package.root.standardizedFileURL.resolvingSymlinksInPath()
        var entry = try #require(CourseFingerprintCache.parse(text, root: root))
        entry.fingerprint = forged
        entry.files[1].stamp.size += 1
        try Data(CourseFingerprintCache.text(entry, root: root).utf8).write(to: fixture.cacheFile)
        #expect(fixture.load()?.fingerprint == real)
        // And one recorded for another course folder is refused whole.
        #expect(CourseFingerprintCache.parse(text, root: root.appendingPathComponent("andet")) == nil)
    }

    @Test func nothingIsStoredWhileAFileIsStillFresh() throws {
        let package = try TemporaryPackage.good()
        defer { package.remove() }
        let data = package.root.appendingPathComponent(".data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let cache = CourseFingerprintCache(dataDirectory: data, now: { Int64(Date().timeIntervalSince1970 * 1e9) })
        let loaded = CoursePackageLoader.load(package.root, shownAs: "pakke", fingerprints: cache).package
        #expect(loaded?.fingerprint != nil)
        #expect(!FileManager.default.fileExists(atPath: cache.folder.path))
    }

    @Test func aCourseWithErrorsIsNotCached() throws {
        let fixture = try Fixture()
        defer { fixture.package.remove() }
        try fixture.package.write("lektioner/en.md", "---\ntitle: [ikke lukket\n---\n# X\n")
        _ = fixture.load()
        #expect(!FileManager.default.fileExists(atPath: fixture.cacheFile.path))
    }

    @Test func theCacheIsNotWrittenThroughASymbolicLink() throws {
        let fixture = try Fixture()
        defer { fixture.package.remove() }
        let outside = fixture.package.root.appendingPathComponent(".outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: fixture.data.appendingPathComponent("cache"), withDestinationURL: outside)
        #expect(fixture.load()?.fingerprint != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    /// A scenario with a node no run reaches: its run checks give a warning, no error.
    static let scenario = """
        format: kursus-scenario/1
        id: sc
        title: Et scenarie
        participants:
          - {id: p, name: Inger, role: citizen, portrait: "assets:aeldre-kvinde"}
        nodes:
          - {id: a, narration: x, next: slut}
          - {id: b, narration: y, next: slut}
          - {id: slut, ending: Slut, debrief: D}
        """

    @Test func aScenarioTheCacheVouchesForIsNotSearchedAgainAndAChangedOneIs() throws {
        let manifest = TemporaryPackage.manifest + "\n      - {id: sc, kind: scenario, file: sc.yaml}\n"
        let fixture = try Fixture(
            try TemporaryPackage(files: [
                "course.yaml": manifest, "lektioner/en.md": TemporaryPackage.lessonOne, "lektioner/to.md": "# To\n", "sc.yaml": Self.scenario,
            ]))
        defer { fixture.package.remove() }
        func load() -> (package: CoursePackage?, diagnostics: [Diagnostic]) {
            CoursePackageLoader.load(fixture.package.root, shownAs: "pakke", fingerprints: fixture.cache)
        }
        let unreachable = { (diagnostics: [Diagnostic]) in diagnostics.contains { $0.message.contains("'b'") } }
        // The first load searches the scenario's runs (the warning) and stores the cache.
        let first = load()
        #expect(unreachable(first.diagnostics), "\(first.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: fixture.cacheFile.path))
        // The cache vouches for the unchanged file: the search is not made again; the
        // scenario itself is the same.
        let second = load()
        #expect(!unreachable(second.diagnostics), "\(second.diagnostics)")
        #expect(second.package?.scenarios["sc"] == first.package?.scenarios["sc"])
        #expect(second.package?.fingerprint == first.package?.fingerprint)
        // A changed scenario is checked: a target that is no node is an error again.
        let old = try #require(fixture.stamp("sc.yaml"))
        try fixture.package.write(
            "sc.yaml", Self.scenario.replacingOccurrences(of: "{id: a, narration: x, next: slut}", with: "{id: a, narration: x, next: sl}"))
        fixture.setModified("sc.yaml", to: old.modified + 1_000_000_000)
        let third = load()
        #expect(third.package?.scenarios["sc"] == nil)
        #expect(third.diagnostics.contains { $0.severity == .error && $0.message.contains("'sl' is not a node") }, "\(third.diagnostics)")
    }

    @Test func aLessonsFrontMatterEndsAfterItsClosingLine() {
        func end(_ text: String) -> Int? { LessonHead.frontMatterEnd(Data(text.utf8)) }
        #expect(end("---\ntitle: A\n---\n# A\n") == 17)
        #expect(end("---\r\ntitle: A\r\n... \r\nx") == 21)
        #expect(end("\u{FEFF}---\ntitle: A\n---\t\nx") == 21)
        #expect(end("---\ntitle: A\n---") == nil)  // no line break yet: read on
        #expect(end("---\ntitle: A\n") == nil)
        #expect(end("# A\n---\n---\n") == nil)
        #expect(end("--- \ntitle: A\n---\n") == nil)  // LessonText needs the opening line exact
    }

    @Test func aPipeInPlaceOfALessonIsRefusedWithoutWaiting() throws {
        let package = try TemporaryPackage.good()
        defer { package.remove() }
        let lesson = package.root.appendingPathComponent("lektioner/to.md")
        try FileManager.default.removeItem(at: lesson)
        #expect(mkfifo(lesson.path, 0o600) == 0)
        let result = CoursePackageLoader.load(package.root, shownAs: "pakke")
        #expect(result.diagnostics.contains { $0.message.contains("is not a regular file") })
    }
}
