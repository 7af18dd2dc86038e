import Foundation
import Testing

@testable import KursusCourse

/// Lessons' front matter kept in the fingerprint cache: an unchanged lesson is not opened
/// on the next start, a changed one is read again, and the cache's lines hold any text.
struct FingerprintCacheHeadTests {
    typealias Fixture = FingerprintCacheTests.Fixture

    var root: (Fixture) -> URL { { $0.package.root.standardizedFileURL.resolvingSymlinksInPath() } }

    @Test func anUnchangedLessonIsTakenFromTheCacheAndAChangedOneIsReadAgain() throws {
        let fixture = try Fixture()
        defer { fixture.package.remove() }
        let full = try #require(fixture.load(cached: false))
        _ = try #require(fixture.load())
        // The cache keeps the front matter of the lesson that has one.
        let text = try String(contentsOf: fixture.cacheFile, encoding: .utf8)
        var entry = try #require(CourseFingerprintCache.parse(text, root: root(fixture)))
        let head = try #require(entry.heads["lektioner/en.md"])
        #expect(
            head
                == CourseFingerprintCache.Head(
                    frontMatter: FrontMatter(title: "Første lektion", minutes: 5, objectives: ["Du kan forberede en videokonsultation"]),
                    keys: ["title", "minutes", "objectives"]))
        // A head changed in the cache (its check made to match) shows: the lesson file
        // itself was not read.
        entry.heads["lektioner/en.md"]?.frontMatter.title = "Fra cachen"
        try Data(CourseFingerprintCache.text(entry, root: root(fixture)).utf8).write(to: fixture.cacheFile)
        let cached = try #require(fixture.load())
        #expect(cached.course.modules[0].units[0].title == "Fra cachen")
        #expect(cached.fingerprint == full.fingerprint)
        #expect(cached.contents["da"]?.lessons["l1"]?.keys == ["title", "minutes", "objectives"])
        // Written since: read again, whatever the cache says.
        let old = try #require(fixture.stamp("lektioner/en.md"))
        try fixture.package.write(
            "lektioner/en.md", TemporaryPackage.lessonOne.replacingOccurrences(of: "title: Første lektion", with: "title: Ny titel"))
        fixture.setModified("lektioner/en.md", to: old.modified - 1_000_000_000)
        let changed = try #require(fixture.load())
        #expect(changed.course.modules[0].units[0].title == "Ny titel")
        #expect(changed.fingerprint != full.fingerprint)
        #expect(changed.fingerprint == fixture.load(cached: false)?.fingerprint)
    }

    @Test func aLessonWithAFrontMatterWarningIsNotKeptSoItsWarningIsNotLost() throws {
        let fixture = try Fixture()
        defer { fixture.package.remove() }
        try fixture.package.write("lektioner/en.md", "---\ntitle: T\nlayout: wide\n---\n# T\n")
        let first = CoursePackageLoader.load(fixture.package.root, shownAs: "pakke", fingerprints: fixture.cache)
        #expect(first.diagnostics.contains { $0.message.contains("unknown key 'layout'") })
        let text = try String(contentsOf: fixture.cacheFile, encoding: .utf8)
        let heads = try #require(CourseFingerprintCache.parse(text, root: root(fixture))).heads
        #expect(heads["lektioner/en.md"] == nil)
        #expect(heads["lektioner/to.md"] == CourseFingerprintCache.Head(frontMatter: FrontMatter(), keys: []))
        let second = CoursePackageLoader.load(fixture.package.root, shownAs: "pakke", fingerprints: fixture.cache)
        #expect(second.diagnostics.contains { $0.message.contains("unknown key 'layout'") })
    }

    @Test(
        "any text survives the cache line, and nothing else is read as one",
        arguments: [
            "", " ", "a b,c", "100%", "%41", "æøå", "line\nbreak\r\n", "\u{1B}]52;c;x\u{7}", "\u{202E}evil", "👩‍⚕️", "=", "-", "head 1 2",
        ])
    func headLinesCarryAnyText(text: String) throws {
        let head = CourseFingerprintCache.Head(
            frontMatter: FrontMatter(title: text, minutes: 7, objectives: [text, "b"]), keys: ["title", "minutes"])
        let line = HeadLine.line(head, file: 3)
        // Nothing a terminal acts on: no control, C1 or bidirectional character, no line break.
        #expect(
            !line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.properties.isBidiControl || $0 == "\u{2028}" })
        #expect(!line.contains("\n"))
        let parsed = try #require(HeadLine.parse(Substring(line)))
        #expect(parsed.index == 3 && parsed.head == head)
        let none = CourseFingerprintCache.Head(frontMatter: FrontMatter(), keys: [])
        #expect(HeadLine.parse(Substring(HeadLine.line(none, file: 0)))?.head == none)
    }

    @Test(
        "lines the writer cannot have written are refused",
        arguments: [
            "head 0 5 =a =title", "head 0 5 =a", "head x 5 =a =", "head -1 5 =a =", "head 01 5 =a =", "head 0 05 =a =", "head 0 5 a =",
            "head 0 5 =%4 =", "head 0 5 =%4a =", "head 0 5 =%41 =", "head 0 5 =%FF =", "head 0 5 =a b", "head 0 5 =a = x", "head 0 5 =a  =",
            "head 0 5 =a\u{1B} =", "head 0 5 =a%20b =", "head 0 5 =a b =", "head 0 5 =%C3%A6 =", "head 0 5 =\u{202E} =", "head 0 5 =\u{85} =",
            "head 0 5 =a%2 =",
        ])
    func strictHeadLines(line: String) {
        if line == "head 0 5 =a =title" {
            #expect(HeadLine.parse(Substring(line)) != nil)  // the one good line, for contrast
        } else {
            #expect(HeadLine.parse(Substring(line)) == nil, "\(line)")
        }
    }
}
