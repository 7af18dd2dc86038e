import Foundation
import Testing

@testable import KursusCourse

/// Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) can make
/// text read differently from how it is stored ("Trojan Source"): `validate` warns about
/// each file that holds one, at the first one's line and column.
@Suite("validate warns about bidirectional controls")
struct BidiControlTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/digital-kompetence-v1")

    /// Replaces the first `find` in the file with `replace`.
    static func edit(_ folder: URL, _ file: String, _ find: String, _ replace: String) throws {
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let range = try #require(text.range(of: find))
        try Data(text.replacingCharacters(in: range, with: replace).utf8).write(to: url)
    }

    @Test("in course.yaml, a lesson, a quiz, a scenario and a portrait, each at its place, as warnings")
    func everyKindOfFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-bidi-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixture, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.edit(folder, "course.yaml", "title: Bliv digitalt", "title: Bliv \u{202E}digitalt")
        try Self.edit(folder, "lektioner/01-foer-konsultationen.md", "minutes: 10", "minutes: 10\n# \u{2066}x\u{2069}")
        try Self.edit(folder, "quizzer/teknik-tjek.yaml", "title: \"Tjek dig selv", "title: \"\u{200F}Tjek dig selv")
        try Self.edit(folder, "scenarier/kol-opfoelgning.yaml", "title: Telemedicinsk", "title: Tele\u{061C}medicinsk")
        try Self.edit(folder, "scenarier/portraetter/bent.txt", "/  ___  \\", "/  _\u{202D}_  \\")
        let report = PackageValidator(scanAssets: { _ in [] }).validate(folder, shownAs: "p")
        let bidi = report.diagnostics.filter { $0.message.contains("bidirectional") }
        #expect(
            bidi.map(\.description).sorted() == [
                "p/course.yaml:4:13: warning: holds a bidirectional control character (U+202E RIGHT-TO-LEFT OVERRIDE) that can make text show in another order than it is stored; remove it unless the text needs it",
                "p/lektioner/01-foer-konsultationen.md:4:3: warning: holds a bidirectional control character (U+2066 LEFT-TO-RIGHT ISOLATE) (and 1 more in this file) that can make text show in another order than it is stored; remove it unless the text needs it",
                "p/quizzer/teknik-tjek.yaml:3:9: warning: holds a bidirectional control character (U+200F RIGHT-TO-LEFT MARK) that can make text show in another order than it is stored; remove it unless the text needs it",
                "p/scenarier/kol-opfoelgning.yaml:4:12: warning: holds a bidirectional control character (U+061C ARABIC LETTER MARK) that can make text show in another order than it is stored; remove it unless the text needs it",
                "p/scenarier/portraetter/bent.txt:2:10: warning: holds a bidirectional control character (U+202D LEFT-TO-RIGHT OVERRIDE) that can make text show in another order than it is stored; remove it unless the text needs it",
            ], "\(report.diagnostics.map(\.description))")
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.map(\.description))")
    }

    @Test("a generic portrait in the installation's assets is checked too")
    func genericPortrait() throws {
        let assets = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-bidi-assets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: assets) }
        try FileManager.default.createDirectory(at: assets.appendingPathComponent("portraits"), withIntermediateDirectories: true)
        try Data("  o\n \u{202E}/|\\\n".utf8).write(to: assets.appendingPathComponent("portraits/kollega.txt"))
        let report = PackageValidator(scanAssets: { _ in [] }, assets: .overriding(assets)).validate(Self.fixture, shownAs: "p")
        let bidi = report.diagnostics.filter { $0.message.contains("bidirectional") }
        #expect(bidi.map(\.location) == [SourceLocation(file: assets.appendingPathComponent("portraits/kollega.txt").path, line: 2, column: 2)])
        #expect(bidi.allSatisfy { $0.severity == .warning })
    }
}
