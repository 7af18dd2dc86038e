import Foundation
import KursusText
import Testing

@Suite("kursus validate, render and the command line")
struct CommandLineTests {
    @Test("--version prints the version")
    func version() throws {
        let version = try KursusBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(!version.stdout.isEmpty)
    }

    @Test("play and preview share the display options and their check", arguments: ["play", "preview"])
    func displayOptions(command: String) throws {
        let result = try KursusBinary.run([command, KursusBinary.bundledCourse.path, "--lang", "fr", "--color", "never", "--plain"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--lang must be one of: da, en"), "\(result.stderr)")
        let help = try KursusBinary.run([command, "--help"])
        #expect(help.stdout.contains("DISPLAY OPTIONS:"), "\(help.stdout)")
    }

    @Test("the bundled course validates cleanly")
    func bundledCourse() throws {
        let course = KursusBinary.repository.appendingPathComponent("Courses/digital-kompetence")
        let result = try KursusBinary.run(["validate", course.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last == "OK: 7 modules, 25 lessons, 6 quizzes, 8 scenarios, 3 surveys; 0 errors, 0 warnings")
        // Every other line is a scenario's reachable score range, a note for the trainer.
        #expect(lines.dropLast().count == 8)
        #expect(lines.dropLast().allSatisfy { $0.contains(": note: reachable scores ") })
        #expect(lines.first == "\(course.path)/scenarier/foerste-videokonsultation.yaml:2:1: note: reachable scores 0 to 14")
        // In JSON the notes have the same place and the severity "note", and are not counted.
        let json = try KursusBinary.run(["validate", course.path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let notes = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(notes.count == 8 && notes.allSatisfy { $0["severity"] as? String == "note" })
        #expect(notes.first?["file"] as? String == "\(course.path)/scenarier/foerste-videokonsultation.yaml")
        #expect(notes.first?["line"] as? Int == 2 && notes.first?["column"] as? Int == 1)
        #expect((object["summary"] as? [String: Any])?["warnings"] as? Int == 0)
    }

    @Test("YAMS_DEFAULT_ENCODING in the environment changes nothing: no stray line on standard output, the same JSON")
    func yamlEncodingFromEnvironment() throws {
        let plain = try KursusBinary.run(["validate", KursusBinary.bundledCourse.path, "--format", "json"])
        let withVariable = try KursusBinary.run(
            ["validate", KursusBinary.bundledCourse.path, "--format", "json"], environment: ["YAMS_DEFAULT_ENCODING": "UTF16"])
        #expect(withVariable.status == 0, "\(withVariable.stderr)")
        #expect(!withVariable.stdout.contains("YAMS_DEFAULT_ENCODING"), "Yams' own notice must not reach standard output")
        #expect(withVariable.stdout == plain.stdout)
        #expect((try? JSONSerialization.jsonObject(with: Data(withVariable.stdout.utf8))) != nil)
    }

    @Test("validate --format json carries diagnostics and a summary")
    func validateJSON() throws {
        let folder = try KursusBinary.temporaryFolder("validate")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(
            "format: kursus/1\nid: x\ntitle: X\nlanguage: da\nversion: '1'\nmodules:\n  - id: m\n    title: M\n    units:\n      - {id: a, kind: lesson, file: ../a.md}\n"
                .utf8
        )
        .write(to: folder.appendingPathComponent("course.yaml"))
        let result = try KursusBinary.run(["validate", folder.path, "--format", "json"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["line"] as? Int == 10)
        #expect(diagnostics.first?["severity"] as? String == "error")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["modules"] as? Int == 1)
        // The unit's file was refused, not found, so the summary counts no lesson.
        #expect((summary["units"] as? [String: Int]) == [:])
        let text = try KursusBinary.run(["validate", folder.path])
        #expect(text.stdout.hasPrefix("\(folder.path)/course.yaml:10:9: error: unit 'a': file '../a.md': '..' leads outside the package folder"))
    }

    @Test("bad packages: non-zero exit, a message naming the file, nothing written")
    func badPackages() throws {
        let data = try KursusBinary.temporaryFolder("bad-data")
        defer { try? FileManager.default.removeItem(at: data) }
        let missing = try KursusBinary.run(["play", "/nonexistent/pakke", "--data-dir", data.path, "--learner", "anna"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("/nonexistent/pakke:1:1: error: course package not found"))
        let validateMissing = try KursusBinary.run(["validate", "/nonexistent/pakke"])
        #expect(validateMissing.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).isEmpty)
    }

    @Test("a learner id with path characters is refused before anything is written", arguments: ["../x", "a/b", ".skjult"])
    func hostileLearner(id: String) throws {
        let data = try KursusBinary.temporaryFolder("learner-data")
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try KursusBinary.run(["play", KursusBinary.bundledCourse.path, "--data-dir", data.path, "--learner", id])
        #expect(result.status != 0)
        #expect(result.stderr.contains("learner id"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).isEmpty)
    }

    @Test("render: no line wider than --width, no control characters, at many widths")
    func renderWidths() throws {
        let lesson = KursusBinary.bundledCourse.appendingPathComponent("lektioner/03-naar-teknikken-svigter.md")
        for width in [20, 40, 60, 80, 120] {
            let result = try KursusBinary.run(["render", lesson.path, "--width", "\(width)", "--color", "never"])
            #expect(result.status == 0)
            #expect(result.stdout.split(separator: "\n").count > 10)
            for line in result.stdout.split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= width, "line wider than \(width): \(line)")
                #expect(line.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) })
            }
        }
    }

    @Test("render makes control sequences in content inert")
    func renderHostile() throws {
        let folder = try KursusBinary.temporaryFolder("render")
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = folder.appendingPathComponent("hostile.md")
        try Data("# Hej\u{1B}]52;c;ZXZpbA==\u{07}\n\nTekst\u{1B}[2J med \u{9B}31m farver\n".utf8).write(to: hostile)
        let rendered = try KursusBinary.run(["render", hostile.path, "--color", "always"])
        #expect(rendered.status == 0)
        #expect(!rendered.stdout.contains("\u{1B}]"))
        #expect(!rendered.stdout.contains("\u{1B}[2J"))
        #expect(!rendered.stdout.contains("\u{9B}"))
        #expect(!rendered.stdout.contains("\u{07}"))
    }

    @Test("render reads files as the course layer does: path:line:col diagnostics, no pipes or folders")
    func renderReading() throws {
        let folder = try KursusBinary.temporaryFolder("render-read")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.md")
        try (Data("# Titel\n\nS".utf8) + Data([0xF8, 0x0A])).write(to: bad)
        let invalid = try KursusBinary.run(["render", bad.path])
        #expect(invalid.status == 1)
        #expect(invalid.stdout.isEmpty)
        #expect(invalid.stderr == "\(bad.path):3:2: error: is not valid UTF-8 text; save the file as UTF-8 in your editor\n")
        let missing = try KursusBinary.run(["render", folder.appendingPathComponent("nope.md").path])
        #expect(missing.stderr == "\(folder.path)/nope.md:1:1: error: file not found\n")
        let asFolder = try KursusBinary.run(["render", folder.path])
        #expect(asFolder.stderr == "\(folder.path):1:1: error: is a folder, not a file\n")
        let pipe = folder.appendingPathComponent("pipe.md")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        let fromPipe = try KursusBinary.run(["render", pipe.path])
        #expect(fromPipe.status == 1)
        #expect(fromPipe.stderr.contains("\(pipe.path):1:1: error: is not a regular file"), "\(fromPipe.stderr)")
    }

    @Test("render leaves out front matter the way the player does, and follows symbolic links")
    func renderFrontMatter() throws {
        let folder = try KursusBinary.temporaryFolder("render-front")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lesson = folder.appendingPathComponent("lesson.md")
        try Data("---\r\ntitle: Skjult\r\n...\r\nSynlig tekst\n".utf8).write(to: lesson)
        let link = folder.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "lesson.md")
        for file in [lesson, link] {
            let result = try KursusBinary.run(["render", file.path, "--color", "never"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "Synlig tekst\n")
        }
    }
}
