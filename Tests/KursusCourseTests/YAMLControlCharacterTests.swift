import Testing

@testable import KursusCourse

/// libyaml refuses control characters before it parses; the error names the line and
/// column of the character, not 1:1.
@Suite("YAML control characters are reported where they are")
struct YAMLControlCharacterTests {
    @Test(
        "course.yaml with a control character on line 4",
        arguments: [
            ("format: kursus/1\nid: k\nversion: '1'\ntitle: B\u{7}liv\n", 4, 9, "U+0007"),
            ("format: kursus/1\nid: k\nversion: '1'\ntitle: Æble\u{1}\n", 4, 12, "U+0001"),
        ])
    func manifest(text: String, line: Int, column: Int, code: String) {
        var parser = ManifestParser(file: "course.yaml")
        #expect(parser.parse(text) == nil)
        #expect(
            parser.diagnostics.map(\.description) == [
                "course.yaml:\(line):\(column): error: YAML could not be read: control characters are not allowed (\(code) here); remove it"
            ])
    }

    @Test("a lesson's front matter counts lines from the top of the lesson file")
    func frontMatter() {
        let lesson = LessonText("---\ntitle: x\nsummary: a\u{8}b\n---\n# X\n", path: "l.md")
        #expect(
            lesson.diagnostics.map(\.description).contains(
                "l.md:3:11: error: YAML could not be read: control characters are not allowed (U+0008 here); remove it"),
            "\(lesson.diagnostics)")
    }
}
