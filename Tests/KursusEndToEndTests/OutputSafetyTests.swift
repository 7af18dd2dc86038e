import Foundation
import Testing

/// Untrusted text (paths, ids, config lines, course text) never reaches the terminal raw,
/// whatever command prints it, and JSON and YAML output escapes what JSONEncoder and the
/// YAML emitter leave raw (C1 controls, bidi overrides).
@Suite("What kursus prints is terminal-safe")
struct OutputSafetyTests {
    /// Raw bytes that act on a terminal: ESC, BEL, the 8-bit CSI, a right-to-left override.
    static let unsafe = ["\u{1B}", "\u{07}", "\u{9B}", "\u{202E}"]

    static func expectInert(_ result: KursusBinary.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for sequence in unsafe {
            #expect(
                !result.stdout.contains(sequence), "\(what): raw \(sequence.unicodeScalars.map { $0.value }) on stdout",
                sourceLocation: sourceLocation)
            #expect(
                !result.stderr.contains(sequence), "\(what): raw \(sequence.unicodeScalars.map { $0.value }) on stderr",
                sourceLocation: sourceLocation)
        }
    }

    @Test("an OSC 52 clipboard write in config.yaml is shown inert in the error")
    func configLine() throws {
        let folder = try KursusBinary.temporaryFolder("unsafe-config")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("idle-lock-minutes: 5\n\u{1B}]52;c;aGVsbG8=\u{07}: 3\n".utf8).write(to: folder.appendingPathComponent("config.yaml"))
        let result = try KursusBinary.run(["play", "--data-dir", folder.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("config.yaml"))
        Self.expectInert(result, "play with a hostile config.yaml")
    }

    @Test("a learner id with an 8-bit CSI is refused, and the refusal is inert")
    func learnerID() throws {
        let result = try KursusBinary.run(["play", "--learner", "\u{9B}31mbo"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("31mbo"))
        Self.expectInert(result, "play --learner")
    }

    @Test("paths with escapes: the validate hint, learners list and progress show them inert")
    func paths() throws {
        let folder = try KursusBinary.temporaryFolder("unsafe-paths")
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = folder.appendingPathComponent("c\u{1B}[31m")
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        try Data("format: kursus/1\nid: x\n".utf8).write(to: course.appendingPathComponent("course.yaml"))
        let data = folder.appendingPathComponent("d\u{1B}]0;title\u{07}")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)

        let played = try KursusBinary.run(["play", course.path, "--data-dir", data.path])
        #expect(played.status != 0)
        #expect(played.stderr.contains("kursus validate"))
        Self.expectInert(played, "play's validate hint")
        let listed = try KursusBinary.run(["learners", "list", "--data-dir", data.path])
        #expect(listed.stdout.contains("No learners in"))
        Self.expectInert(listed, "learners list")
        let progress = try KursusBinary.run(["progress", "--learner", "bo", "--data-dir", data.path])
        #expect(progress.status != 0)
        Self.expectInert(progress, "progress")
    }

    @Test("validate --format json escapes C1 controls and bidi overrides in paths as \\u")
    func validateJSON() throws {
        let folder = try KursusBinary.temporaryFolder("unsafe-json")
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = folder.appendingPathComponent("c\u{9B}2J\u{202E}")
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        try Data("format: kursus/1\nid: x\n".utf8).write(to: course.appendingPathComponent("course.yaml"))
        let result = try KursusBinary.run(["validate", course.path, "--format", "json"])
        #expect(result.status == 1)
        Self.expectInert(result, "validate --format json")
        #expect(result.stdout.contains("c\\u009b2J\\u202e"))
        // Still JSON that means the same path.
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]]
        #expect((diagnostics?.first?["file"] as? String)?.contains("c\u{9B}2J\u{202E}") == true)
    }

    @Test("import-gift to standard output writes C1 controls and bidi overrides as YAML escapes, and the YAML means the same")
    func importGift() throws {
        let folder = try KursusBinary.temporaryFolder("unsafe-gift")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gift = folder.appendingPathComponent("q.gift")
        try Data("::Q1:: Vælg \u{202E}rigtigt\u{9B}31m {=ja ~nej}\n".utf8).write(to: gift)
        let result = try KursusBinary.run(["import-gift", gift.path])
        #expect(result.status == 0, "\(result.stderr)")
        Self.expectInert(result, "import-gift")
        #expect(result.stdout.contains("\\u202e"))
        // The converted quiz keeps the text: a package around it plays the same question.
        try Data(result.stdout.utf8).write(to: folder.appendingPathComponent("quiz.yaml"))
        try Data(
            "format: kursus/1\nid: g\ntitle: G\nlanguage: da\nversion: '1'\nmodules:\n  - id: m\n    title: M\n    units:\n      - {id: q, kind: quiz, title: Quiz, file: quiz.yaml}\n"
                .utf8
        ).write(to: folder.appendingPathComponent("course.yaml"))
        let validated = try KursusBinary.run(["validate", folder.path, "--format", "json"])
        #expect(validated.status == 0, "\(validated.stdout)")
    }
}
