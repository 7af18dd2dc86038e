@testable import KursusCourse
import Testing

@Suite("YAML aliases are refused in every course file")
struct YAMLAliasGuardTests {
    @Test(
        "the place of an alias, counted in characters after æ, ø and å",
        arguments: [
            ("a: *x\n", 1, 4),
            ("æøå: *x\n", 1, 6),
            ("a:\n  - b\n  - *x\n", 3, 5),
            ("a: [b, *x]\n", 1, 8),
            ("a: {b: *x}\n", 1, 8),
            ("\"q: *x\": *y\n", 1, 10),
        ])
    func found(text: String, line: Int, column: Int) {
        #expect(YAMLAliasGuard.firstAlias(in: text) == YAMLAliasGuard.Finding(line: line, column: column))
    }

    @Test(
        "stars that are text are not aliases",
        arguments: [
            "a: Tjek lyd, *vigtigt*\n",
            "a: \"*citeret*\"\n",
            "a: '*enkelt* ''*'''\n",
            "a: |\n  *kursiv*\n  * punkt\nb: c\n",
            "a: >-\n  *foldet*\n",
            "# *kommentar*\na: b # *også*\n",
            "- * punkt med mellemrum\n",
            "a: 2 * 3\n",
            "",
        ])
    func notFound(text: String) {
        #expect(YAMLAliasGuard.firstAlias(in: text) == nil)
    }

    @Test(
        "aliases the text scanner let through are found by the parser's events",
        arguments: [
            ("title: &t \"x\"\nauthors: [\"\", *t]\n", 2, 15),
            ("{\"k\":*a}\n", 1, 6),
            ("a: \"x\"\nb: *y\n", 2, 4),
            ("a: \"lang\n  tekst\"\nb: *y\n", 3, 4),
            ("- \"x\"\n- *y\n", 2, 3),
            ("a: 'x'\n? *k\n: v\n", 2, 3),
        ])
    func foundByEvents(text: String, line: Int, column: Int) {
        let finding = YAMLAliasGuard.firstAlias(in: text)
        #expect(finding.map { [$0.line, $0.column] } == [line, column])
    }

    @Test("an anchor alone is harmless and allowed", arguments: ["a: &x 1\n", "a:\n  - &y [1]\n"])
    func anchor(text: String) {
        #expect(YAMLAliasGuard.firstAlias(in: text) == nil)
    }

    @Test("a syntax error is left to the parser that reports it")
    func syntaxError() {
        #expect(YAMLAliasGuard.firstAlias(in: "a: [b\n") == nil)
    }

    @Test("a block scalar ends where the indentation does; an alias after it is found")
    func afterBlock() {
        #expect(YAMLAliasGuard.firstAlias(in: "a: |\n  *x\nb: *y\n") == YAMLAliasGuard.Finding(line: 3, column: 4))
    }

    @Test("course.yaml with an alias gets the same clear error at its place")
    func manifest() {
        var parser = ManifestParser(file: "course.yaml")
        let course = parser.parse("format: kursus/1\nid: &i k\ntitle: *i\n")
        #expect(course == nil)
        #expect(parser.diagnostics.map(\.description) == ["course.yaml:3:8: error: \(YAMLAliasGuard.message)"])
    }

    @Test("course.yaml with the alias after a quoted string is refused at the alias")
    func manifestAfterQuotedString() {
        var parser = ManifestParser(file: "course.yaml")
        let course = parser.parse("format: kursus/1\nid: k\ntitle: &t \"x\"\nauthors: [\"\", *t]\n")
        #expect(course == nil)
        #expect(parser.diagnostics.map(\.description) == ["course.yaml:4:15: error: \(YAMLAliasGuard.message)"])
    }

    @Test("a lesson's front matter with an alias is refused at its line in the lesson file")
    func frontMatter() {
        let lesson = LessonText("---\ntitle: &t \"x\"\nsummary: {\"k\":*t}\n---\n# X\n", path: "l.md")
        #expect(lesson.diagnostics.map(\.description).contains("l.md:3:15: error: \(YAMLAliasGuard.message)"), "\(lesson.diagnostics)")
    }
}
