import Foundation
import Testing
import Yams

@testable import KursusCourse

/// The event reader (`YAMLTreeReader`) against the full way (Yams composes, the tree is
/// made from its node): wherever the event reader answers, its tree must be the one the
/// full way gives, and the scenario and course.yaml readers must give the same values
/// and the same diagnostics either way. Every scenario and course.yaml in the
/// repository is read both ways, and the bundled ones must not need the full way.
struct YAMLTreeReaderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The tree Yams gives for `text`, or nil when it reports a problem (or no document).
    static func fullTree(_ text: String) -> YAMLTree?? {
        switch YAMLSource(file: "f.yaml").compose(text) {
        case .success(let node): return .some(node.map(YAMLTree.init))
        case .failure: return nil
        }
    }

    /// Both ways agree on `text` read as a tree, as a scenario and as a course.yaml.
    static func expectSame(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if let read = YAMLTreeReader.read(text) {
            #expect(fullTree(text) == .some(read.root), "tree of \(text.prefix(300).debugDescription)", sourceLocation: sourceLocation)
        }
        let fast = ScenarioFile.parse(text, file: "s.yaml", fast: true)
        let full = ScenarioFile.parse(text, file: "s.yaml", fast: false)
        #expect(fast.scenario == full.scenario, "scenario from \(text.prefix(300).debugDescription)", sourceLocation: sourceLocation)
        #expect(
            fast.diagnostics.map(\.description) == full.diagnostics.map(\.description),
            "scenario diagnostics of \(text.prefix(300).debugDescription)",
            sourceLocation: sourceLocation)
        var fastManifest = ManifestParser(file: "course.yaml")
        var fullManifest = ManifestParser(file: "course.yaml")
        let fastCourse = fastManifest.parse(text, fast: true)
        let fullCourse = fullManifest.parse(text, fast: false)
        #expect(fastCourse == fullCourse, "course from \(text.prefix(300).debugDescription)", sourceLocation: sourceLocation)
        #expect(
            fastManifest.diagnostics.map(\.description) == fullManifest.diagnostics.map(\.description),
            "manifest diagnostics of \(text.prefix(300).debugDescription)", sourceLocation: sourceLocation)
    }

    /// Scenario and course.yaml texts in the repository: the bundled course, the test
    /// fixtures, the fuzzing corpus and its regressions, and every such example in docs/.
    static func repositoryFiles() -> [(name: String, text: String, bundled: Bool)] {
        let files = yamlFiles(in: ["Courses", "Tests/Fixtures", "Fuzz/Corpus/scenario", "Fuzz/Corpus/manifest", "Fuzz/Regressions"]) {
            url, text in
            text.contains("kursus-scenario/1") || url.path.contains("/scenario") || url.lastPathComponent == "course.yaml"
                || url.path.contains("/manifest/")
        }
        return files + docExamples(["scenario-format.md", "course-format.md", "tutorial.md", "authoring.md"], containing: "format: kursus")
    }

    /// The `.yaml` files under `folders` of the repository that `include` takes, marked
    /// bundled when they are in Courses/.
    static func yamlFiles(in folders: [String], _ include: (URL, String) -> Bool) -> [(name: String, text: String, bundled: Bool)] {
        var files: [(String, String, Bool)] = []
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: repository.appendingPathComponent(folder), includingPropertiesForKeys: nil) else {
                continue
            }
            for case let url as URL in walker where url.pathExtension == "yaml" {
                guard let text = try? String(contentsOf: url, encoding: .utf8), include(url, text) else { continue }
                files.append((url.path, text, folder == "Courses"))
            }
        }
        return files
    }

    /// The ```yaml blocks holding `marker` in the named files of docs/.
    static func docExamples(_ names: [String], containing marker: String) -> [(name: String, text: String, bundled: Bool)] {
        var files: [(String, String, Bool)] = []
        for name in names {
            guard let text = try? String(contentsOf: repository.appendingPathComponent("docs/\(name)"), encoding: .utf8) else { continue }
            for (index, block) in yamlBlocks(in: text).enumerated() where block.contains(marker) {
                files.append(("docs/\(name) #\(index)", block, false))
            }
        }
        return files
    }

    /// The contents of the ```yaml blocks of a Markdown text.
    static func yamlBlocks(in markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```yaml") {
                current = []
            } else if let lines = current, line.hasPrefix("```") {
                blocks.append(lines.joined(separator: "\n") + "\n")
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func everyScenarioAndManifestInTheRepositoryReadsTheSameBothWays() {
        let files = Self.repositoryFiles()
        #expect(files.count >= 60, "\(files.count) files")
        for file in files {
            Self.expectSame(file.text)
        }
    }

    /// The bundled course's scenarios and course.yaml, and the generated scenario of
    /// scripts/bench-scenario.sh, are read from the events: none needs Yams' tree.
    @Test func theBundledFilesNeedNoFallBack() throws {
        let bundled = Self.repositoryFiles().filter(\.bundled)
        #expect(bundled.count >= 17)
        for file in bundled {
            #expect(YAMLTreeReader.read(file.text) != nil, "\(file.name) fell back")
        }
        #expect(YAMLTreeReader.read(Self.benchScenario(nodes: 200)) != nil)
    }

    /// The shape of scripts/bench-scenario.sh's scenario, `nodes` long.
    static func benchScenario(nodes: Int) -> String {
        var lines = [
            "format: kursus-scenario/1", "id: stor", "title: Stor", "participants:", "  - {id: p, name: Inger, role: citizen}",
            "call: {device: tablet, connection: weak}", "variables:", "  score: 0", "nodes:",
        ]
        for index in 0..<(nodes - 3) {
            if index % 2 == 0 {
                lines.append(
                    "  - id: n\(index)\n    choice: Valg \(index)\n    options:\n      - {text: A, feedback: Godt, goto: n\(index + 1), effects: [{add: score, value: 1}]}\n      - {text: B, feedback: Mindre godt, goto: n\(index + 1)}"
                )
            } else {
                lines.append("  - {id: n\(index), say: p, text: Replik \(index), next: n\(index + 1)}")
            }
        }
        lines.append(
            "  - id: n\(nodes - 3)\n    choice: Slut?\n    options:\n      - {text: A, feedback: F, goto: slut-a}\n      - {text: B, feedback: F, goto: slut-b}"
        )
        lines.append("  - {id: slut-a, ending: En, debrief: D}")
        lines.append("  - {id: slut-b, ending: To, debrief: D}")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theBenchScenarioReadsTheSameBothWaysWithoutProblems() throws {
        let text = Self.benchScenario(nodes: 200)
        Self.expectSame(text)
        let parsed = ScenarioFile.parse(text, file: "s.yaml")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.description))")
        #expect(try #require(parsed.scenario).nodes.count == 200)
    }

    @Test func theTreeKeepsTextStylesAndPlaces() throws {
        let read = try #require(YAMLTreeReader.read("a: 'x'\nb:\n  - 1\n  - c: |\n      d\n"))
        let root = try #require(read.root?.mapping)
        #expect(root.mark == YAMLTree.Mark(line: 1, column: 1))
        #expect(root.map { $0.key.string } == ["a", "b"])
        guard case .scalar(let a) = root[0].value else { throw Unexpected.shape }
        #expect(a == YAMLTree.Scalar(string: "x", style: .singleQuoted, mark: YAMLTree.Mark(line: 1, column: 4)))
        guard case .sequence(let b) = root[1].value else { throw Unexpected.shape }
        #expect(b.mark == YAMLTree.Mark(line: 3, column: 3))
        #expect(b[0].int == 1 && b[0].mark == YAMLTree.Mark(line: 3, column: 5))
        #expect(b[1].mark == YAMLTree.Mark(line: 4, column: 5) && b[1].mapping?.first?.value.string == "d\n")
        #expect(try #require(YAMLTreeReader.read("")).root == nil)
        #expect(try #require(YAMLTreeReader.read("# a comment only\n")).root == nil)
    }

    enum Unexpected: Error { case shape }
}
