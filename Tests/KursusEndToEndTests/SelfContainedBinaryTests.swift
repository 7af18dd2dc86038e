import Foundation
import Testing

/// The built `kursus` copied alone into an empty folder, with no source tree above it and
/// no KURSUS_HOME: its UI strings, theme, schemas and portraits are compiled into it.
@Suite("a kursus binary on its own", .serialized)
struct SelfContainedBinaryTests {
    /// A temporary folder with only the binary (`bin/kursus`) and a copy of the bundled course.
    struct Alone {
        let folder: URL
        var binary: URL { folder.appendingPathComponent("bin/kursus") }
        var course: URL { folder.appendingPathComponent("kurset") }

        init() throws {
            folder = try KursusBinary.temporaryFolder("alone")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("bin"), withIntermediateDirectories: true)
            // Copied by `cp`, not in this process: a process another test forks while the copy
            // is open for writing (a tmux server, an LRS) would keep its descriptor for good, and
            // the copy could never be run ("text file busy").
            let copy = try KursusBinary.runTool(URL(fileURLWithPath: "/bin/cp"), [try KursusBinary.url.path, binary.path])
            #expect(copy.status == 0, "\(copy.stderr)")
            try FileManager.default.copyItem(at: KursusBinary.bundledCourse, to: course)
            // Nothing above the copy may hold Kursus's files, or the test would prove nothing.
            var above = folder
            while above.path != "/" {
                #expect(!FileManager.default.fileExists(atPath: above.appendingPathComponent("Assets").path), "Assets/ above \(folder.path)")
                #expect(!FileManager.default.fileExists(atPath: above.appendingPathComponent("share/kursus").path))
                above.deleteLastPathComponent()
            }
            _ = try run(["--version"])
        }

        /// Runs the copy. Just after `cp` has written it, the file can still be "busy"
        /// (ETXTBSY) for a moment, so starting it is retried briefly.
        func run(_ arguments: [String]) throws -> KursusBinary.Result {
            var attempts = 0
            while true {
                do {
                    return try KursusBinary.runTool(binary, arguments, environment: ["KURSUS_HOME": ""])
                } catch let error as KursusBinary.CommandError where error.description.hasSuffix("error \(ETXTBSY)") && attempts < 50 {
                    attempts += 1
                    usleep(100_000)
                }
            }
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test("--version and validate work without the source tree; generic portraits come from the compiled-in assets")
    func versionAndValidate() throws {
        let alone = try Alone()
        defer { alone.remove() }
        let version = try alone.run(["--version"])
        #expect(version.status == 0, "\(version.stderr)")
        #expect(version.stdout.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+\n/) != nil, "\(version.stdout.debugDescription)")

        let valid = try alone.run(["validate", alone.course.path])
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        #expect(!valid.stderr.contains("Assets folder"))

        // The course's scenarios use assets:paaroerende and friends; a name the player
        // does not ship is refused, so the check above really read the compiled-in portraits.
        let scenario = alone.course.appendingPathComponent("scenarier/foerste-videokonsultation.yaml")
        let text = try String(contentsOf: scenario, encoding: .utf8)
        try text.replacingOccurrences(of: "assets:paaroerende", with: "assets:findes-ikke").write(to: scenario, atomically: true, encoding: .utf8)
        let invalid = try alone.run(["validate", alone.course.path])
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("no generic portrait 'findes-ikke': Assets/portraits/findes-ikke.txt does not exist"), "\(invalid.stdout)")
    }

    @Test("the binary alone plays a course in a real terminal, in Danish and in colour")
    func play() throws {
        let alone = try Alone()
        defer { alone.remove() }
        let command =
            "sh -c " + Tmux.quote("cd \(Tmux.quote(alone.folder.path)) && ./bin/kursus play kurset --data-dir data --learner anna --lang da")
        let tmux = try Tmux(
            width: 80, height: 24, command: command, environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color", "KURSUS_HOME": "", "NO_COLOR": ""])
        let menu = try tmux.waitFor("Enter åbn")
        #expect(menu.contains("Kursus · Bliv digitalt kompetent"))
        let colour = try Regex(#"\x1B\[(?:[0-9;]*;)?(?:3[0-7]|38;5;[0-9]+)(?:;|m)"#)
        let coloured = try tmux.capture(escapes: true)
        #expect(coloured.firstMatch(of: colour) != nil, "no colour: the theme was not loaded: \(coloured.debugDescription)")
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Modul 2 › 2.1 Før konsultationen")
        try tmux.send("G")
        try tmux.waitFor("100 %")
        try tmux.send("q")
        let screen = try tmux.waitFor("KURSUS-EXIT:")
        #expect(screen.contains("KURSUS-EXIT:0"), "\(screen)")
        let progress = alone.folder.appendingPathComponent("data/learners/anna/progress/digital-kompetence.json")
        #expect(FileManager.default.fileExists(atPath: progress.path))
    }
}
