import Foundation
import KursusCourse
import Testing

@Suite("Scenario portraits")
struct ScenarioPortraitTests {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Assets")
    static let here = SourceLocation(file: "s.yaml", line: 7, column: 15)

    static func problems(_ result: Result<[String], CourseError>) -> [Diagnostic] {
        if case .failure(let error) = result { return error.diagnostics }
        return []
    }

    @Test("a control character is an error at its line and column")
    func controlCharacters() {
        let diagnostics = Self.problems(ScenarioPortraits.check("  .-.\n (o\u{1B}[31mo)\n", file: "p.txt"))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == SourceLocation(file: "p.txt", line: 2, column: 4))
        #expect(diagnostics.first?.message.contains("control character (U+001B)") == true)
        let tab = Self.problems(ScenarioPortraits.check("a\tb", file: "p.txt"))
        #expect(tab.first?.message.contains("a tab; use spaces") == true)
    }

    @Test("a line wider than the frame and too many lines are errors")
    func tooLarge() {
        let wide = Self.problems(ScenarioPortraits.check("ok\n" + String(repeating: "x", count: 41), file: "p.txt"))
        #expect(wide.first?.location == SourceLocation(file: "p.txt", line: 2, column: 41))
        #expect(wide.first?.message.contains("41 columns wide; a portrait may be at most 40") == true)
        let tall = Self.problems(ScenarioPortraits.check(Array(repeating: "x", count: 17).joined(separator: "\n"), file: "p.txt"))
        #expect(tall.first?.message.contains("17 lines; at most 16") == true)
        #expect(Self.problems(ScenarioPortraits.check(" \n\n", file: "p.txt")).first?.message == "the portrait is empty")
    }

    @Test("a good portrait loads, trailing blank lines and CRLF dropped")
    func good() throws {
        let lines = try ScenarioPortraits.check(" .-.\r\n(o o)\r\n\r\n", file: "p.txt").get()
        #expect(lines == [" .-.", "(o o)"])
    }

    @Test("a missing portrait names the path; a path leaving the package is refused")
    func missingAndOutside() throws {
        let package = try TemporaryPackage(files: ["portraetter/inger.txt": " .-.\n(o o)\n"])
        defer { package.remove() }
        let ok = ScenarioPortraits.load(.package("portraetter/inger.txt", Self.here), packageRoot: package.root, assets: Self.assets)
        #expect(try ok.get() == [" .-.", "(o o)"])
        let missing = Self.problems(
            ScenarioPortraits.load(.package("portraetter/bent.txt", Self.here), packageRoot: package.root, assets: Self.assets))
        #expect(missing.first?.message == "portrait file 'portraetter/bent.txt' not found")
        #expect(missing.first?.location == Self.here)
        let outside = Self.problems(ScenarioPortraits.load(.package("../../etc/passwd", Self.here), packageRoot: package.root, assets: Self.assets))
        #expect(outside.first?.message.contains("leads outside the package folder") == true)
        let generic = Self.problems(ScenarioPortraits.load(.generic("findes-ikke", Self.here), packageRoot: package.root, assets: Self.assets))
        #expect(generic.first?.message == "no generic portrait 'findes-ikke': Assets/portraits/findes-ikke.txt does not exist")
    }

    @Test("a bad portrait file reports its own file, line and column")
    func badFile() throws {
        let package = try TemporaryPackage(files: ["p.txt": "ok\nbad\u{07}\n"])
        defer { package.remove() }
        let diagnostics = Self.problems(ScenarioPortraits.load(.package("p.txt", Self.here), packageRoot: package.root, assets: Self.assets))
        #expect(diagnostics.first?.location == SourceLocation(file: "p.txt", line: 2, column: 4))
    }

    @Test("every generic portrait shipped in Assets/portraits passes the checks")
    func shipped() throws {
        let folder = Self.assets.appendingPathComponent("portraits")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        #expect(names.count >= 4)
        for name in names {
            let reference = PortraitReference.generic(String(name.dropLast(4)), Self.here)
            let result = ScenarioPortraits.load(reference, packageRoot: folder, assets: Self.assets)
            #expect(Self.problems(result).isEmpty, "\(name): \(Self.problems(result))")
        }
    }
}
