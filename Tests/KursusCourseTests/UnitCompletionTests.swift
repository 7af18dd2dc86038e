import Testing
@testable import KursusCourse

/// `completion: passed | attempted` on a scenario unit in course.yaml.
@Suite("Unit completion in course.yaml")
struct UnitCompletionTests {
    static func manifest(_ unit: String) -> String {
        """
        format: kursus/1
        id: k
        title: K
        language: da
        version: "1"
        modules:
          - id: m
            title: M
            units:
              - id: sc
                kind: scenario
                file: s.yaml
              - id: other
        \(unit)
        """
    }

    static func parse(_ unit: String) -> (Course?, [String]) {
        var parser = ManifestParser(file: "course.yaml")
        let course = parser.parse(manifest(unit))
        return (course, parser.diagnostics.map(\.description))
    }

    @Test("absent: a pass is needed; 'attempted': failing is enough; 'passed' written out")
    func values() throws {
        let (plain, plainProblems) = Self.parse("        kind: scenario\n        file: t.yaml")
        #expect(plainProblems.isEmpty)
        #expect(try #require(plain).allUnits.map(\.completion) == [.passed, .passed])
        let (attempted, problems) = Self.parse("        kind: scenario\n        file: t.yaml\n        completion: attempted")
        #expect(problems.isEmpty)
        #expect(try #require(attempted).allUnits.map(\.completion) == [.passed, .attempted])
        let (passed, _) = Self.parse("        kind: scenario\n        file: t.yaml\n        completion: passed")
        #expect(try #require(passed).allUnits.last?.completion == .passed)
    }

    @Test("a bad value is an error at its line and column, with the word meant")
    func badValue() {
        let (_, problems) = Self.parse("        kind: scenario\n        file: t.yaml\n        completion: attempt")
        #expect(
            problems == [
                "course.yaml:16:21: error: 'completion' must be 'passed' (only a pass completes the unit) or 'attempted' (any finished run does), not 'attempt'; did you mean 'attempted'?"
            ])
        let (_, listed) = Self.parse("        kind: scenario\n        file: t.yaml\n        completion: [attempted]")
        #expect(listed == ["course.yaml:16:21: error: 'completion' must be a text value"])
    }

    @Test("on a unit that is not a scenario it is an error, not silently ignored")
    func notScenario() {
        let (_, problems) = Self.parse("        kind: quiz\n        file: q.yaml\n        completion: attempted")
        #expect(problems == ["course.yaml:16:21: error: 'completion' applies to scenario units only; remove it from this quiz unit"])
    }
}
