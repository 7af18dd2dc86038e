import Foundation
import Testing

/// `kursus install`, `uninstall`, `courses`, and `kursus play` without a package: the
/// catalogue in a real terminal, and an update that keeps a learner's progress.
@Suite("Course library on the command line and in a real terminal", .serialized)
struct LibraryTests {
    let folder: URL
    var library: String { folder.appendingPathComponent("library").path }
    var data: String { folder.appendingPathComponent("data").path }

    init() throws {
        folder = try KursusBinary.temporaryFolder("library")
    }

    func run(_ arguments: [String]) throws -> KursusBinary.Result {
        // A system library that does not exist, so the machine's own never takes part.
        try KursusBinary.run(
            arguments + ["--data-dir", data],
            environment: ["KURSUS_SYSTEM_LIBRARY": folder.appendingPathComponent("no-system").path, "LANG": "C.UTF-8"])
    }

    /// A small hand-hygiene course with one lesson per unit, packed with `kursus pack`.
    func pack(version: String, units: [String], title: String = "Håndhygiejne", name: String) throws -> String {
        let source = folder.appendingPathComponent("src-\(name)")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("lektioner"), withIntermediateDirectories: true)
        var yaml = """
            format: kursus/1
            id: haandhygiejne
            title: "\(title)"
            language: da
            version: "\(version)"
            description: Hvornår og hvordan du spritter af.
            modules:
              - id: m1
                title: Hænder
                units:

            """
        for unit in units {
            yaml += "      - id: \(unit)\n        kind: lesson\n        title: Om \(unit)\n        file: lektioner/\(unit).md\n"
            try Data("# Om \(unit)\n\nKort tekst om \(unit).\n".utf8).write(to: source.appendingPathComponent("lektioner/\(unit).md"))
        }
        try Data(yaml.utf8).write(to: source.appendingPathComponent("course.yaml"))
        let output = folder.appendingPathComponent("\(name).kursus").path
        let packed = try KursusBinary.run(["pack", source.path, "-o", output])
        #expect(packed.status == 0, "\(packed.stderr)")
        return output
    }

    func bundled() throws -> String {
        let output = folder.appendingPathComponent("digital-kompetence.kursus").path
        let packed = try KursusBinary.run(["pack", KursusBinary.bundledCourse.path, "-o", output])
        #expect(packed.status == 0, "\(packed.stderr)")
        return output
    }

    @Test("install, list, reinstall, downgrade refused and forced, uninstall")
    func commands() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let v1 = try pack(version: "1.9", units: ["vask", "sprit"], name: "v1")
        let v2 = try pack(version: "1.10", units: ["vask", "sprit"], name: "v2")
        let installed = try run(["install", v1, "--library", library])
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout == "installed 'Håndhygiejne' (haandhygiejne) version 1.9 as \(library)/haandhygiejne.kursus\n")
        let again = try run(["install", v1, "--library", library])
        #expect(again.stdout.contains("is already installed") && again.status == 0)
        let updated = try run(["install", v2, "--library", library])
        #expect(updated.stdout.contains("from version 1.9 to 1.10") && updated.stdout.contains("progress is kept"), "\(updated.stdout)")
        let older = try run(["install", v1, "--library", library])
        #expect(older.status == 1)
        #expect(
            older.stderr.contains(
                "course 'haandhygiejne' version 1.10 is installed, which is newer than version 1.9 in this package; nothing was changed (use --force"),
            "\(older.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(library)/haandhygiejne.kursus")) == Data(contentsOf: URL(fileURLWithPath: v2)))
        let forced = try run(["install", v1, "--library", library, "--force"])
        #expect(forced.status == 0 && forced.stdout.contains("(--force)"), "\(forced.stderr)")
        _ = try run(["install", try bundled(), "--library", library])

        let listed = try run(["courses", "--library", library])
        #expect(listed.status == 0, "\(listed.stderr)")
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(library): 2 courses")
        #expect(lines.contains { $0.hasPrefix("  digital-kompetence  1.0.0    da        unsigned   Bliv digitalt kompetent") }, "\(listed.stdout)")
        #expect(lines.contains { $0.hasPrefix("  haandhygiejne       1.9      da        unsigned   Håndhygiejne") }, "\(listed.stdout)")
        #expect(lines.contains("    \(library)/haandhygiejne.kursus"))
        let json = try run(["courses", "--library", library, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let courses = try #require(object["courses"] as? [[String: Any]])
        #expect(courses.map { $0["id"] as? String } == ["digital-kompetence", "haandhygiejne"])
        #expect(courses.last?["version"] as? String == "1.9")
        #expect(courses.last?["language"] as? String == "da")
        #expect(courses.last?["title"] as? String == "Håndhygiejne")
        #expect(courses.last?["path"] as? String == "\(library)/haandhygiejne.kursus")

        let removed = try run(["uninstall", "haandhygiejne", "--library", library])
        #expect(removed.status == 0)
        #expect(removed.stdout.contains("learners' progress in it is kept"))
        #expect(!FileManager.default.fileExists(atPath: "\(library)/haandhygiejne.kursus"))
        let unknown = try run(["uninstall", "haandhygiejne", "--library", library])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no course 'haandhygiejne' is installed in \(library)"))
    }

    @Test("a damaged library file is listed with its reason (exit 1); a folder and a corrupt package are refused")
    func damaged() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let v1 = try pack(version: "1.0", units: ["vask"], title: "Hånd\\e[2Jhygiejne", name: "v1")
        #expect(try run(["install", v1, "--library", library]).status == 0)
        try Data("PK\u{3}\u{4} cut short".utf8).write(to: URL(fileURLWithPath: "\(library)/noter.kursus"))
        let listed = try run(["courses", "--library", library])
        #expect(listed.status == 1)
        #expect(listed.stdout.contains("  noter          DAMAGED"), "\(listed.stdout)")
        // The title's escape sequence is shown as a visible symbol, never sent.
        #expect(!listed.stdout.contains("\u{1B}"))
        #expect(listed.stdout.contains("Hånd"))
        let folderInstall = try run(["install", KursusBinary.bundledCourse.path, "--library", library])
        #expect(folderInstall.status == 1)
        #expect(folderInstall.stderr.contains("pack it first with 'kursus pack"))
        var bytes = try Data(contentsOf: URL(fileURLWithPath: v1))
        bytes.removeLast(bytes.count / 3)
        try bytes.write(to: folder.appendingPathComponent("cut.kursus"))
        let cut = try run(["install", folder.appendingPathComponent("cut.kursus").path, "--library", library])
        #expect(cut.status == 1)
        #expect(cut.stderr.contains("not installed:"), "\(cut.stderr)")
    }

    @Test("without --library: install goes to the system library as root, else to <data-dir>/library; courses lists both")
    func defaultLibraries() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // $KURSUS_SYSTEM_LIBRARY (set by `run`) stands in for /var/lib/kursus/library.
        let system = folder.appendingPathComponent("no-system").path
        let userLibrary = "\(data)/library"
        let isRoot = geteuid() == 0
        #expect(try run(["install", try bundled(), "--library", isRoot ? userLibrary : system]).status == 0)
        let installed = try run(["install", try pack(version: "1.0", units: ["vask"], name: "h")])
        #expect(installed.status == 0, "\(installed.stderr)")
        let defaultFolder = isRoot ? system : userLibrary
        #expect(FileManager.default.fileExists(atPath: "\(defaultFolder)/haandhygiejne.kursus"))
        let listed = try run(["courses", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        let courses = try #require(object["courses"] as? [[String: Any]])
        // The system library is listed first.
        #expect(courses.map { $0["id"] as? String } == (isRoot ? ["haandhygiejne", "digital-kompetence"] : ["digital-kompetence", "haandhygiejne"]))
        #expect(courses.map { $0["library"] as? String } == [system, userLibrary])
    }

    func play(_ arguments: String) throws -> Tmux {
        let command =
            "\(Tmux.quote(try KursusBinary.url.path)) play --library \(Tmux.quote(library)) --data-dir \(Tmux.quote(data)) --lang da \(arguments)"
        return try Tmux(width: 80, height: 24, command: command, environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color"])
    }

    @Test("two installed courses: the catalogue after sign-in, the learner's own progress, c returns to it")
    func catalogue() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["install", try bundled(), "--library", library]).status == 0)
        #expect(try run(["install", try pack(version: "1.0", units: ["vask", "sprit"], name: "h"), "--library", library]).status == 0)
        let tmux = try play("")
        // No progress before sign-in.
        let start = try tmux.waitFor("Navn")
        #expect(start.contains("Kursus · Kurser"))
        #expect(!start.contains("Håndhygiejne"))
        try tmux.sendLiteral("Anne Holm")
        try tmux.send("Tab", "Tab", "Tab", "Enter")
        let catalogue = try tmux.waitFor("Vælg et kursus")
        #expect(catalogue.contains("Bliv digitalt kompetent"))
        #expect(catalogue.contains("Håndhygiejne"))
        #expect(catalogue.contains("Hvornår og hvordan du spritter af."))
        #expect(catalogue.contains("Dansk · version 1.0"))
        #expect(catalogue.contains("Ikke påbegyndt"))
        #expect(catalogue.contains("Anne Holm"))
        // Bliv digitalt kompetent sorts first; the hand-hygiene course is the second.
        try tmux.send("Down", "Enter")
        try tmux.waitFor("c kurser")
        try tmux.waitFor("1.1  Om vask")
        try tmux.send("Enter")
        try tmux.waitFor("Kort tekst om vask")
        try tmux.send("Escape")
        try tmux.waitFor("50 % gennemført")
        try tmux.send("c")
        let back = try tmux.waitFor("1 af 2 enheder gennemført")
        #expect(back.contains("Ikke påbegyndt"), "the other course is untouched:\n\(back)")
        try tmux.send("s")
        let signedOut = try tmux.waitFor("Anne Holm er logget ud")
        #expect(!signedOut.contains("1 af 2"))
        try tmux.send("q")
        try tmux.waitFor("KURSUS-EXIT:0")
        let progress = folder.appendingPathComponent("data/learners/anne-holm/progress/haandhygiejne.json")
        #expect(FileManager.default.fileExists(atPath: progress.path))
    }

    @Test("an update keeps the learner's progress, keeps a removed unit's record, and says the course was updated")
    func update() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["install", try pack(version: "1.0", units: ["vask", "sprit"], name: "v1"), "--library", library]).status == 0)
        var tmux = try play("")
        try tmux.waitFor("Navn")
        try tmux.sendLiteral("Bo Berg")
        try tmux.send("Tab", "Tab", "Tab", "Enter")
        // One course: no catalogue, straight into it.
        try tmux.waitFor("1.2  Om sprit")
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Kort tekst om sprit")
        try tmux.send("Escape")
        try tmux.waitFor("50 % gennemført")
        try tmux.send("q")
        try tmux.waitFor("KURSUS-EXIT:0")

        // Version 2: 'sprit' removed, 'handsker' added.
        let v2 = try pack(version: "2.0", units: ["vask", "handsker"], name: "v2")
        #expect(try run(["install", v2, "--library", library]).stdout.contains("from version 1.0 to 2.0"))
        tmux = try play("")
        try tmux.waitFor("Bo Berg")
        try tmux.send("Enter")
        let note = try tmux.waitFor("opdateret fra version 1.0 til version 2.0")
        #expect(note.contains("sprit"), "the note names the unit that is gone:\n\(note)")
        try tmux.send("Enter")
        let menu = try tmux.waitFor("1.2  Om handsker")
        #expect(menu.contains("0 % gennemført"))
        try tmux.send("q")
        try tmux.waitFor("KURSUS-EXIT:0")
        let file = folder.appendingPathComponent("data/learners/bo-berg/progress/haandhygiejne.json")
        let saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let units = try #require(saved["units"] as? [String: Any])
        #expect((units["sprit"] as? [String: Any])?["outcome"] as? String == "completed", "the removed unit keeps its record: \(units)")
        #expect(saved["courseVersion"] as? String == "2.0")
    }
}
