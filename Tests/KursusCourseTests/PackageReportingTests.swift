import Foundation
import KursusCourse
import Testing

/// `kursus validate` reports every problem in a package, not the first (issue 13): each
/// test builds a broken package in a temporary folder and checks messages and places.
@Suite("Validate reports every problem")
struct PackageReportingTests {
    static func validate(_ files: [String: String]) throws -> ValidationReport {
        let package = try TemporaryPackage(files: files)
        defer { package.remove() }
        return PackageValidator(scanAssets: { _ in [] }).validate(package.root, shownAs: "p")
    }

    static let quiz = """
        format: kursus-quiz/1
        pass-mark: 150
        questions:
          - id: q1
            type: true-false
            text: Er det sandt?
            answer: true
        """

    static let scenario = """
        format: kursus-scenario/1
        id: sc
        title: Et scenarie
        participants:
          - {id: p, name: Inger, role: citizen, portrait: "assets:aeldre-kvinde"}
        nodes:
          - {id: a, narration: x, next: slut}
          - {id: slut, ending: Slut, debrief: D}
        """

    @Test("a misspelt required key in course.yaml is reported, and the unit files are still checked")
    func typoInManifest() throws {
        let report = try Self.validate([
            "course.yaml": """
            format: kursus/1
            id: t
            titel: T
            language: da
            version: "1"
            modules:
              - id: m
                title: M
                units:
                  - {id: q, kind: quiz, title: Quiz, file: q.yaml}
            """,
            "q.yaml": Self.quiz,
        ])
        let lines = report.diagnostics.map(\.description)
        #expect(lines.contains("p/course.yaml:3:1: error: unknown key 'titel'; did you mean 'title'?"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("p/course.yaml:1:1: error: missing required key 'title'") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("p/q.yaml:2:12: error:") && $0.contains("150") }, "the quiz is checked too: \(lines)")
        #expect(report.summary.modules == 1 && report.summary.units == ["quiz": 1])
    }

    @Test("a missing required key in a module still lets its units be checked")
    func moduleWithoutTitle() throws {
        let report = try Self.validate([
            "course.yaml": """
            format: kursus/1
            id: t
            title: T
            language: da
            version: "1"
            modules:
              - id: m
                units:
                  - {id: q, kind: quiz, title: Quiz, file: q.yaml}
            """,
            "q.yaml": Self.quiz,
        ])
        let lines = report.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("p/course.yaml:7:5: error: missing required key 'title'") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("p/q.yaml:2:12: error:") }, "\(lines)")
    }

    @Test("a scenario or quiz file declared as a lesson is named as such, without 'has no title'")
    func scenarioDeclaredAsLesson() throws {
        let files = [
            "course.yaml": """
            format: kursus/1
            id: t
            title: T
            language: da
            version: "1"
            modules:
              - id: m
                title: M
                units:
                  - {id: sc, kind: lesson, file: sc.yaml}
                  - {id: q, kind: lesson, file: q.yaml}
            """,
            "sc.yaml": Self.scenario, "q.yaml": Self.quiz,
        ]
        let report = try Self.validate(files)
        let lines = report.diagnostics.map(\.description)
        // play and preview load the package without validating it: the loader says the same, once.
        let package = try TemporaryPackage(files: files)
        defer { package.remove() }
        let loaded = CoursePackageLoader.load(package.root, shownAs: "p").diagnostics.map(\.description)
        #expect(loaded.filter { $0.contains("looks like") }.count == 2, "\(loaded)")
        #expect(!loaded.contains { $0.contains("has no title") }, "\(loaded)")
        #expect(lines.filter { $0.contains("looks like") }.count == 2, "each mismatch is reported once: \(lines)")
        #expect(
            lines.contains(
                "p/course.yaml:10:9: error: unit 'sc': the file 'sc.yaml' looks like a scenario (format: kursus-scenario/1), but the unit's kind is lesson; write 'kind: scenario'"
            ), "\(lines)")
        #expect(
            lines.contains(
                "p/course.yaml:11:9: error: unit 'q': the file 'q.yaml' looks like a quiz, but the unit's kind is lesson; write 'kind: quiz'"),
            "\(lines)")
        #expect(!lines.contains { $0.contains("has no title") }, "\(lines)")
    }

    @Test("the summary counts the units whose files were found, not a missing lesson")
    func summaryCountsWhatWasFound() throws {
        let report = try Self.validate([
            "course.yaml": TemporaryPackage.manifest, "lektioner/en.md": TemporaryPackage.lessonOne,
        ])
        #expect(report.diagnostics.map(\.description).contains { $0.contains("lesson file 'lektioner/to.md' not found") })
        #expect(report.summary.units == ["lesson": 1])
    }

    @Test("YAML 1.1 booleans (yes/no/on/off) are errors that say what to write")
    func yamlOneOneBooleans() throws {
        let report = try Self.validate([
            "course.yaml": """
            format: kursus/1
            id: t
            title: T
            language: da
            version: "1"
            modules:
              - id: m
                title: M
                sequential: on
                units:
                  - {id: q, kind: quiz, title: Quiz, file: q.yaml, optional: yes}
                  - {id: sc, kind: scenario, file: sc.yaml}
            """,
            "q.yaml": Self.quiz.replacingOccurrences(of: "pass-mark: 150\n", with: "").replacingOccurrences(of: "answer: true", with: "answer: no"),
            "sc.yaml": Self.scenario.replacingOccurrences(of: "nodes:", with: "variables:\n  klar: off\nnodes:"),
        ])
        let lines = report.diagnostics.map(\.description)
        #expect(lines.contains("p/course.yaml:9:17: error: 'sequential' must be true or false, not 'on'; write true"), "\(lines)")
        #expect(lines.contains("p/course.yaml:11:66: error: 'optional' must be true or false, not 'yes'; write true"), "\(lines)")
        #expect(
            lines.contains { $0.hasPrefix("p/q.yaml:6:13: error:") && $0.hasSuffix("'answer' must be true or false, not 'no'; write false") },
            "\(lines)")
        #expect(
            lines.contains("p/sc.yaml:7:9: error: the initial value of 'klar' must be a whole number or true/false, not 'off'; write false"),
            "\(lines)")
    }
}
