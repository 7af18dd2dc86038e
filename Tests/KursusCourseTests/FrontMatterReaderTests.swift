import Foundation
import Testing

@testable import KursusCourse

/// The quick front matter reader (libyaml events) against the full one (Yams): wherever
/// the quick one answers, it must give exactly what the full one gives, and it must
/// leave every front matter with a problem to the full one.
struct FrontMatterReaderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Both ways agree on everything a lesson's text gives.
    func expectSame(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let quick = LessonText(text, path: "l.md", quick: true)
        let full = LessonText(text, path: "l.md", quick: false)
        #expect(quick.frontMatter == full.frontMatter, "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(quick.frontMatterKeys == full.frontMatterKeys, "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(quick.diagnostics == full.diagnostics, "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(quick.body == full.body && quick.bodyLineOffset == full.bodyLineOffset, sourceLocation: sourceLocation)
    }

    @Test func theCommonShapeIsReadQuicklyWithTheSameValues() throws {
        let yaml = "title: \"Kameraet: lys forfra\"\nminutes: 12\nobjectives:\n  - Du kan placere kameraet.\n  - 'Du kan: forklare'\n"
        let read = try #require(FrontMatterReader.read(yaml))
        #expect(
            read.frontMatter == FrontMatter(title: "Kameraet: lys forfra", minutes: 12, objectives: ["Du kan placere kameraet.", "Du kan: forklare"]))
        #expect(read.keys == ["title", "minutes", "objectives"])
        #expect(FrontMatterReader.read("")?.keys == [])
        #expect(FrontMatterReader.read("objectives: [a, \"b\"]\ntitle: >\n  folded\n  text\n")?.frontMatter.title == "folded text\n")
        expectSame("---\n" + yaml + "---\n# X\n")
    }

    @Test(
        "front matter with a problem, or anything but the common shape, is left to the full reader",
        arguments: [
            "title: x\nminutes: 0\n", "title: x\nminutes: 601\n", "minutes: 010\n", "minutes: 0x10\n", "minutes: \"5\"\n", "minutes: 1_0\n",
            "minutes: 1:30\n", "minutes: +5\n", "minutes:\n", "minutes: 5.0\n", "title: x\ntitle: y\n", "titel: x\n", "title: x\ntags: [a]\n",
            "title: !!str x\n", "title: &a x\n", "title: [x]\n", "objectives: x\n", "objectives:\n  - [a]\n", "objectives:\n  - {a: b}\n",
            "objectives: !!seq [a]\n", "- a\n", "x\n", "title: \"unclosed\n", "title: a\u{8}b\n", "{title: x, title: y}\n", "? [a]\n: b\n",
            "title: *a\n", "1: x\n",
        ])
    func problemsAreLeftToTheFullReader(yaml: String) {
        #expect(FrontMatterReader.read(yaml) == nil, "\(yaml.debugDescription)")
        expectSame("---\n" + yaml + "---\n# X\n")
    }

    @Test(
        "values that look special to YAML are read as the full reader reads them",
        arguments: [
            "title: null\n", "title: ~\n", "title: yes\n", "title: 12\n", "title: \"a\\0b\"\n", "title: \"æ\\u00e6 \\t\"\n", "title: ''\n",
            "title:\n", "title: |\n  a\n  b\n", "title: >-\n  a\n\n  b\n", "title: a # comment\n", "# only a comment\n", "objectives: []\n",
            "objectives:\n- a\n- \n- 'b'\n", "minutes: 600\n", "minutes: 1\n", "{title: x, minutes: 3}\n", "\"title\": x\n",
            "title: \u{202E}x\n", "title: 'it''s'\n",
        ])
    func specialValuesAgree(yaml: String) {
        expectSame("---\n" + yaml + "---\n# X\n")
    }

    /// Every lesson in the repository (the bundled course, the fixtures, the examples):
    /// the two ways agree, and the common shape is read quickly.
    @Test func everyLessonInTheRepositoryReadsTheSameBothWays() throws {
        var lessons = 0
        var bundled = 0
        var quick = 0
        for folder in ["Courses", "Tests/Fixtures", "docs"] {
            let root = Self.repository.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "md" {
                guard let text = try? String(contentsOf: url, encoding: .utf8), text.hasPrefix("---\n") else { continue }
                lessons += 1
                expectSame(text)
                guard folder == "Courses" else { continue }
                bundled += 1
                if let split = LessonText.splitFrontMatter(text), FrontMatterReader.read(split.yaml) != nil { quick += 1 }
            }
        }
        #expect(lessons >= 55 && bundled >= 50)
        // The bundled course's lessons all have the common shape.
        #expect(quick == bundled, "\(quick) of \(bundled) lessons read quickly")
    }
}
