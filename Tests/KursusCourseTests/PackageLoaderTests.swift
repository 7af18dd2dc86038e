import Foundation
import Testing
@testable import KursusCourse

@Suite("Loading course packages")
struct PackageLoaderTests {
    @Test("a good package loads with titles, minutes and objectives from front matter")
    func goodPackage() throws {
        let package = try TemporaryPackage.good()
        defer { package.remove() }
        let (loaded, diagnostics) = CoursePackageLoader.load(package.root, shownAs: "pkg")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let course = try #require(loaded?.course)
        #expect(course.id == "test-kursus")
        #expect(course.modules.map(\.id) == ["m1"])
        let units = course.allUnits
        #expect(units.map(\.id) == ["l1", "l2"])
        #expect(units[0].title == "Første lektion")
        #expect(units[0].estimatedMinutes == 5)
        #expect(units[0].objectives == ["Du kan forberede en videokonsultation"])
        #expect(units[1].title == "Anden lektion")
        #expect(units[1].optional)
        let lesson = try #require(loaded).lesson(units[0])
        #expect(lesson.body.hasPrefix("# Første lektion"))
        #expect(lesson.bodyLineOffset == 6)
    }

    @Test("a missing package names the path")
    func missingPackage() {
        let (loaded, diagnostics) = CoursePackageLoader.load(URL(fileURLWithPath: "/nonexistent/kursus"), shownAs: "/nonexistent/kursus")
        #expect(loaded == nil)
        #expect(
            diagnostics.map(\.description) == [
                "/nonexistent/kursus:1:1: error: course package not found; give the path of a folder that holds course.yaml"
            ])
    }

    @Test("a folder without course.yaml")
    func missingManifest() throws {
        let package = try TemporaryPackage(files: ["x.md": "# x"])
        defer { package.remove() }
        let (_, diagnostics) = CoursePackageLoader.load(package.root, shownAs: "pkg")
        #expect(diagnostics.map(\.description) == ["pkg/course.yaml:1:1: error: file not found"])
    }

    @Test("bad YAML is reported at its line and column")
    func badYAML() throws {
        let package = try TemporaryPackage(files: ["course.yaml": "format: kursus/1\nid: [unclosed\ntitle: x\n"])
        defer { package.remove() }
        let (_, diagnostics) = CoursePackageLoader.load(package.root, shownAs: "pkg")
        let first = try #require(diagnostics.first)
        #expect(first.severity == .error)
        #expect(first.location.file == "pkg/course.yaml")
        #expect(first.location.line >= 2)
        #expect(first.message.hasPrefix("YAML syntax error"))
    }

    @Test("unknown keys are errors with a suggestion, at the key's place")
    func unknownKey() throws {
        let manifest = TemporaryPackage.manifest.replacingOccurrences(of: "title: Testkursus", with: "titel: Testkursus")
        let package = try TemporaryPackage(files: ["course.yaml": manifest, "lektioner/en.md": TemporaryPackage.lessonOne, "lektioner/to.md": "x"])
        defer { package.remove() }
        let (_, diagnostics) = CoursePackageLoader.load(package.root, shownAs: "pkg")
        let messages = diagnostics.map(\.description)
        #expect(messages.contains("pkg/course.yaml:3:1: error: unknown key 'titel'; did you mean 'title'?"))
        #expect(messages.contains("pkg/course.yaml:1:1: error: missing required key 'title'"))
    }

    @Test("duplicate unit and module ids are errors naming the first use")
    func duplicateIDs() throws {
        let manifest = """
            format: kursus/1
            id: c
            title: C
            language: da
            version: "1"
            modules:
              - id: m
                title: M
                units:
                  - {id: a, kind: lesson, file: a.md}
              - id: m
                title: M2
                units:
                  - {id: a, kind: lesson, file: a.md}
            """
        let package = try TemporaryPackage(files: ["course.yaml": manifest, "a.md": "---\ntitle: A\n---\nx"])
        defer { package.remove() }
        let (_, diagnostics) = CoursePackageLoader.load(package.root, shownAs: "p")
        let messages = diagnostics.map(\.description)
        #expect(messages.contains("p/course.yaml:11:5: error: duplicate module id 'm'; first used at p/course.yaml:7:5"))
        #expect(
            messages.contains(
                "p/course.yaml:14:9: error: duplicate unit id 'a'; first used at p/course.yaml:10:9. Unit ids must be unique in the whole course"))
    }

    @Test("YAML duplicate keys in one mapping are caught")
    func duplicateKeys() throws {
        let package = try TemporaryPackage(files: ["course.yaml": "id: a\nid: b\n"])
        defer { package.remove() }
        let (_, diagnostics) = CoursePackageLoader.load(package.root, shownAs: "p")
        #expect(diagnostics.first?.message.contains("duplicate key 'id'") == true)
    }

    @Test("invalid ids and an unknown kind are reported")
    func invalidIDsAndKinds() throws {
        let manifest = TemporaryPackage.manifest
            .replacingOccurrences(of: "id: l1", with: "id: ../evil")
            .replacingOccurrences(of: "kind: lesson\n    file: lektioner/en.md", with: "kind: lesosn\n    file: lektioner/en.md")
        let package = try TemporaryPackage(files: ["course.yaml": manifest, "lektioner/en.md": "x", "lektioner/to.md": "x"])
        defer { package.remove() }
        let (_, diagnostics) = CoursePackageLoader.load(package.root, shownAs: "p")
        let messages = diagnostics.map(\.message)
        #expect(messages.contains("unit id '../evil' must start with a lowercase letter a-z or a digit"))
    }
}

@Suite("Prerequisites in the manifest")
struct ManifestPrerequisiteTests {
    @Test("requires as one id or a list, sequential modules, and their diagnostics with places")
    func requires() throws {
        let manifest = """
            format: kursus/1
            id: c
            title: C
            language: da
            version: "1"
            modules:
              - id: m1
                title: M1
                sequential: true
                units:
                  - {id: a, kind: lesson, file: a.md, title: A}
                  - {id: b, kind: lesson, file: a.md, title: B, requires: [a, ukendt]}
              - id: m2
                title: M2
                requires: m1
                units:
                  - {id: c, kind: lesson, file: a.md, title: C, requires: c}
            """
        let package = try TemporaryPackage(files: ["course.yaml": manifest, "a.md": "# A"])
        defer { package.remove() }
        let (loaded, diagnostics) = CoursePackageLoader.load(package.root, shownAs: "p")
        let course = try #require(loaded?.course)
        #expect(course.modules[0].sequential)
        #expect(course.modules[1].requires.map(\.id) == ["m1"])
        #expect(course.modules[0].units[1].requires.map(\.id) == ["a", "ukendt"])
        let messages = diagnostics.map(\.description)
        #expect(messages.contains("p/course.yaml:12:67: error: 'requires' names 'ukendt', which is neither a unit nor a module of this course"))
        #expect(messages.contains { $0.hasPrefix("p/course.yaml:17:") && $0.contains("unit 'c' requires itself") })
    }
}
