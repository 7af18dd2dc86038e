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
}
