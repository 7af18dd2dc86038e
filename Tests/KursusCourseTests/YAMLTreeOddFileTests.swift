import Testing
import Yams

@testable import KursusCourse

/// Odd and hostile texts, read the event way and the full Yams way: trees, scenarios,
/// courses and diagnostics must be equal (`YAMLTreeReaderTests.expectSame`), and what
/// the event reader does not take must be left to Yams rather than read differently.
struct YAMLTreeOddFileTests {
    /// A small valid scenario with `{V}` where the odd value goes; the place decides
    /// which reader looks at it (a whole number, a bool, a text, a condition).
    static let scenario = """
        format: kursus-scenario/1
        id: odd
        title: Odd
        participants:
          - {id: p, name: Inger, age: {AGE}, role: citizen}
        call: {device: tablet, camera: {CAMERA}}
        variables:
          score: {INITIAL}
        nodes:
          - id: a
            choice: {PROMPT}
            timer: {seconds: {SECONDS}, default: 1}
            options:
              - {text: A, feedback: F, goto: b, effects: [{add: score, value: {VALUE}}], once: {ONCE}}
              - {text: B, feedback: F, goto: b, if: {IF}}
          - {id: b, ending: End, debrief: D, score: 1}

        """

    static func scenario(_ place: String, _ value: String) -> String {
        let defaults = [
            "AGE": "81", "CAMERA": "true", "INITIAL": "0", "PROMPT": "Hvad nu?", "SECONDS": "30", "VALUE": "1", "ONCE": "false", "IF": "score > 0",
        ]
        var text = scenario
        for (key, standard) in defaults { text = text.replacingOccurrences(of: "{\(key)}", with: key == place ? value : standard) }
        return text
    }

    /// Values YAML reads in more than one way: numbers, quoted numbers, YAML 1.1's
    /// booleans and nulls, tags, anchors, block scalars.
    static let values = [
        "1", "\"1\"", "'1'", "+1", "-1", "01", "010", "0x10", "0o10", "0b10", "1_000", "1:30", "1.0", "1e3", ".inf", "-.inf", ".nan", "~", "null",
        "yes", "no", "on", "off", "y", "n", "True", "FALSE", "TRUE", "!!int 5", "!!str 5", "!str 5", "! 5", "&a 5", "|\n      5", ">\n      5",
        "99999999999999999999", "-0", "0", "00", "7", "123456789012345678", "1234567890123456789", "9223372036854775808", "１", "\"\"", "", "[1]",
        "{a: 1}", "\"\\t5\"", "5 # comment", "\"score >\n  0\"", "'score >= 2 and'",
    ]

    @Test("odd values at every place read the same both ways", arguments: ["AGE", "CAMERA", "INITIAL", "PROMPT", "SECONDS", "VALUE", "ONCE", "IF"])
    func oddValuesAgree(place: String) {
        for value in Self.values {
            YAMLTreeReaderTests.expectSame(Self.scenario(place, value))
        }
    }

    static let course = """
        format: kursus/1
        id: odd
        title: {da: Skævt, en: Odd}
        language: da
        languages: [da, en]
        version: "1"
        modules:
          - id: m
            title: M
            sequential: {SEQUENTIAL}
            units:
              - {id: s, kind: scenario, title: S, file: s.yaml, optional: no, completion: attempted}
              - {id: q, kind: quiz, file: q.yaml, requires: [s, 5, "m"]}

        """

    @Test func oddCourseValuesAgree() {
        for value in Self.values {
            YAMLTreeReaderTests.expectSame(Self.course.replacingOccurrences(of: "{SEQUENTIAL}", with: value))
        }
    }

    /// Whole texts: layout, encodings of lines, structure YAML allows but course files
    /// do not use, and plain mistakes.
    static let texts = [
        "", "# only a comment\n", "---\n", "---\n...\n", "--- \n---\n", "just text\n", "- a\n- b\n", "[a, b]\n", "{}\n", "format: kursus/1\n",
        "\u{FEFF}format: kursus-scenario/1\nid: x\n", "format: kursus-scenario/1\r\nid: x\r\ntitle: T\r\n", "format:\tkursus/1\n",
        "format: kursus/1\nformat: kursus/1\n", "{format: kursus/1, format: x}\n", "? [a]\n: b\n", "? {a: b}\n: c\n", "? !!value a\n: b\n",
        "&root {format: kursus/1}\n", "!!map {format: kursus/1}\n", "format: &f kursus/1\nid: *f\n", "a: *undefined\n", "a: [1, 2\n",
        "a: \"unclosed\n", "a: b\n c: d\n", "a:\n  - b\n  c: d\n", "a: x\u{7}y\n", "a: \"\\u0007\"\n", "a: \"x\\0y\"\n", "a: \"\\uFEFFx\"\n",
        "\(String(repeating: "k", count: 2000)): v\n", "a: \(String(repeating: "[", count: 150))\(String(repeating: "]", count: 150))\n",
        "a: \(String(repeating: "[", count: 40))\(String(repeating: "]", count: 40))\n", "%YAML 1.1\n---\na: b\n",
        "%TAG !e! tag:e,2000:\n---\na: !e!x b\n",
        "<<: {id: x}\nformat: kursus/1\n", "a: b\n---\nc: d\n", "a: |\n  one\n  two\n\nb: >-\n  folded\n   kept\n", "'a': \"b\"\n\"a\": c\n",
        "1: a\n\"1\": b\n", "a: 'it''s'\n", "æøå: ÆØÅ\n", "a: b # c\n# d\n", "- [a, {b: c}]\n- ? d\n", "a:\n- b\n-   c\n", "\t\n", "a: b\n\u{0}\n",
    ]

    @Test func oddTextsAgree() {
        for text in Self.texts {
            YAMLTreeReaderTests.expectSame(text)
        }
        for text in Self.texts where !text.isEmpty {
            // Each also as the value of a scenario key, indented under it.
            let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
            YAMLTreeReaderTests.expectSame(Self.scenario("PROMPT", "\n" + indented))
        }
    }

    /// What the event reader leaves to Yams: each of these gives nil.
    @Test(
        "tags, anchors, aliases, duplicate keys, keys that are not text, deep nesting and syntax errors fall back",
        arguments: [
            "a: !!int 5\n", "a: !!str x\n", "!!map {a: b}\n", "a: !!seq [b]\n", "a: &x b\n", "a: &x [b]\n", "a: &x b\nc: *x\n", "a: *x\n",
            "a: b\na: c\n", "{a: b, a: c}\n", "? [a]\n: b\n", "? {a: b}\n: c\n", "a: [b\n", "a: \"b\n", "a: b\n---\nc: d\n", "a: x\u{7}\n",
            "a: \(String(repeating: "[", count: 150))\(String(repeating: "]", count: 150))\n", "a: \"\\uFEFFx\"\n",
        ])
    func unusualTextsFallBack(text: String) {
        #expect(YAMLTreeReader.read(text) == nil, "\(text.debugDescription)")
    }

    /// Whole numbers are read as Yams' `Node.int` reads them, in every style.
    @Test func wholeNumbersAgreeWithYams() throws {
        let texts = [
            "0", "00", "01", "7", "42", "-42", "+42", "1_000", "0x1F", "0o17", "0b101", "1:30", "123456789012345678", "1234567890123456789",
            "9223372036854775807", "9223372036854775808", "1.0", "1e3", "٣", "１", " 5", "5 ", "", "~", "true",
        ]
        for text in texts {
            for style in [YAMLTree.Style.plain, .any, .singleQuoted, .doubleQuoted, .literal, .folded] {
                let tree = YAMLTree.scalar(YAMLTree.Scalar(string: text, style: style, mark: YAMLTree.Mark(line: 1, column: 1)))
                let yams = try #require(Node.Scalar.Style(rawValue: style.rawValue))
                #expect(tree.int == Node.scalar(Node.Scalar(text, .implicit, yams)).int, "\(text.debugDescription) \(style)")
            }
        }
        #expect(YAMLTree.decimal("42") == 42 && YAMLTree.decimal("0") == 0 && YAMLTree.decimal("07") == nil && YAMLTree.decimal("-1") == nil)
    }

    /// Many keys in one mapping: the duplicate check stays quick and still finds the
    /// duplicate at the end.
    @Test func manyKeysAreCheckedForDuplicates() throws {
        let keys = (0..<5000).map { "  v\($0): \($0)" }.joined(separator: "\n")
        let read = try #require(YAMLTreeReader.read("variables:\n\(keys)\n"))
        #expect(read.root?.mapping?.first?.value.mapping?.count == 5000)
        #expect(YAMLTreeReader.read("variables:\n\(keys)\n  v17: 1\n") == nil)
        YAMLTreeReaderTests.expectSame(Self.scenario("INITIAL", "0\n\(keys)\n"))
    }
}
