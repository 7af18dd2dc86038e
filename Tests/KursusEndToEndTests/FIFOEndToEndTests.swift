import Foundation
import Testing

/// A FIFO (named pipe) in place of any file Kursus reads: every command refuses it as
/// "not a regular file", naming the file, and ends at once. Each run is bounded by
/// timeout(1), so a command that blocks in open() fails the test instead of hanging it.
@Suite("A FIFO in place of a file never hangs a command", .serialized)
struct FIFOEndToEndTests {
    /// Runs kursus, killed after `seconds`; a status of 137 means it hung.
    static func bounded(_ arguments: [String], seconds: Int = 8, environment: [String: String] = [:]) throws -> KursusBinary.Result {
        try KursusBinary.runTool(
            URL(fileURLWithPath: "/usr/bin/timeout"), ["-s", "KILL", "\(seconds)", try KursusBinary.url.path] + arguments, environment: environment)
    }

    /// A copy of the bundled fixture course in a fresh folder.
    static func course() throws -> (root: URL, course: URL) {
        let root = try KursusBinary.temporaryFolder("fifo")
        let course = root.appendingPathComponent("c")
        try FileManager.default.copyItem(at: KursusBinary.bundledCourse, to: course)
        return (root, course)
    }

    /// Replaces (or creates) `url` with a FIFO.
    static func fifo(_ url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard mkfifo(url.path, 0o600) == 0 else { throw KursusBinary.CommandError("mkfifo \(url.path) failed") }
    }

    static func expectRefused(_ result: KursusBinary.Result, naming file: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let output = result.stdout + result.stderr
        #expect(result.status != 137, "the command hung on the FIFO \(file.path)", sourceLocation: sourceLocation)
        #expect(result.status != 0, "\(output)", sourceLocation: sourceLocation)
        let refusal = output.split(separator: "\n").first { $0.contains(file.path) && $0.contains("not a regular file") }
        #expect(refusal != nil, "no line names \(file.path) as not a regular file:\n\(output)", sourceLocation: sourceLocation)
    }

    @Test(
        "validate refuses a FIFO course file, lesson, quiz, scenario or portrait",
        arguments: [
            "course.yaml", "lektioner/01-foer-konsultationen.md", "quizzer/teknik-tjek.yaml", "scenarier/kol-opfoelgning.yaml",
            "scenarier/portraetter/jens.txt",
        ])
    func validate(file: String) throws {
        let (root, course) = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = course.appendingPathComponent(file)
        try Self.fifo(target)
        Self.expectRefused(try Self.bounded(["validate", course.path]), naming: target)
    }

    @Test("validate and scenario check refuse a FIFO generic portrait in the installation's assets")
    func genericPortrait() throws {
        let (root, course) = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let home = root.appendingPathComponent("home")
        let portrait = home.appendingPathComponent("Assets/portraits/kollega.txt")
        try Self.fifo(portrait)
        let environment = ["KURSUS_HOME": home.path]
        Self.expectRefused(try Self.bounded(["validate", course.path], environment: environment), naming: portrait)
        let scenario = course.appendingPathComponent("scenarier/digital-genoptraening.yaml")
        Self.expectRefused(try Self.bounded(["scenario", "check", scenario.path], environment: environment), naming: portrait)
    }

    @Test("import-gift and scenario check refuse a FIFO input file")
    func singleFiles() throws {
        let root = try KursusBinary.temporaryFolder("fifo-files")
        defer { try? FileManager.default.removeItem(at: root) }
        let gift = root.appendingPathComponent("q.gift")
        try Self.fifo(gift)
        Self.expectRefused(try Self.bounded(["import-gift", gift.path]), naming: gift)
        let scenario = root.appendingPathComponent("s.yaml")
        try Self.fifo(scenario)
        Self.expectRefused(try Self.bounded(["scenario", "check", scenario.path]), naming: scenario)
    }

    @Test("progress refuses a FIFO progress file and a FIFO profile; learners list flags the FIFO profile")
    func dataDirectory() throws {
        let root = try KursusBinary.temporaryFolder("fifo-data")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        let progress = data.appendingPathComponent("learners/bo/progress/digital-kompetence.json")
        try Self.fifo(progress)
        // A damaged progress file is shown on its course's line; the others would still be.
        let shown = try Self.bounded(["progress", "--data-dir", data.path, "--learner", "bo"])
        #expect(shown.status != 137, "progress hung on the FIFO")
        #expect(shown.stdout.contains("cannot be read: it is not a regular file but a named pipe (FIFO)"), "\(shown.stdout)\(shown.stderr)")
        #expect(shown.stdout.contains("(\(progress.path))"), "\(shown.stdout)")
        let profile = data.appendingPathComponent("learners/bo/profile.json")
        try Self.fifo(profile)
        let list = try Self.bounded(["learners", "list", "--data-dir", data.path])
        #expect(list.status != 137, "learners list hung on the FIFO")
        #expect((list.stdout + list.stderr).contains("\(profile.path): "), "\(list.stdout)\(list.stderr)")
        #expect((list.stdout + list.stderr).contains("not a regular file"), "\(list.stdout)\(list.stderr)")
    }

    @Test(
        "play refuses a FIFO config.yaml or profile before the UI starts, and exits, so the learner's lock is not held",
        arguments: ["config.yaml", "learners/bo/profile.json"])
    func play(file: String) throws {
        let root = try KursusBinary.temporaryFolder("fifo-play")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        let target = data.appendingPathComponent(file)
        try Self.fifo(target)
        let arguments = ["play", KursusBinary.bundledCourse.path, "--data-dir", data.path, "--learner", "bo", "--linear", "--lang", "da"]
        let played = try Self.bounded(arguments)
        Self.expectRefused(played, naming: target)
        // The lock went with the process: once the FIFO is a file again, bo can be removed.
        try FileManager.default.removeItem(at: target)
        let removed = try Self.bounded(["learners", "remove", "bo", "--yes", "--data-dir", data.path])
        #expect(!(removed.stdout + removed.stderr).contains("running player"), "\(removed.stdout)\(removed.stderr)")
    }

    @Test("play says a FIFO progress file cannot be opened, naming it, and goes on to the start screen without hanging")
    func playProgress() throws {
        let root = try KursusBinary.temporaryFolder("fifo-play-progress")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        let target = data.appendingPathComponent("learners/bo/progress/digital-kompetence.json")
        try Self.fifo(target)
        let played = try Self.bounded([
            "play", KursusBinary.bundledCourse.path, "--data-dir", data.path, "--learner", "bo", "--linear", "--lang", "da",
        ])
        #expect(played.status != 137, "play hung on the FIFO")
        // The linear mode wraps at 80 columns, a long path too: compare without spaces.
        let output = played.stdout.filter { !$0.isWhitespace }
        let expected = "Kunne ikke åbne: \(target.path): cannot read progress: it is not a regular file".filter { !$0.isWhitespace }
        #expect(output.contains(expected), "\(played.stdout)")
        #expect(output.contains("Hvemerdu?"), "\(played.stdout)")
        try FileManager.default.removeItem(at: target)
        let removed = try Self.bounded(["learners", "remove", "bo", "--yes", "--data-dir", data.path])
        #expect(removed.status == 0, "\(removed.stdout)\(removed.stderr)")
    }

    @Test("keys fingerprint, verify --key and sync refuse a FIFO key, trusted key or credentials file")
    func keysAndCredentials() throws {
        let root = try KursusBinary.temporaryFolder("fifo-keys")
        defer { try? FileManager.default.removeItem(at: root) }
        let key = root.appendingPathComponent("k.pub")
        try Self.fifo(key)
        Self.expectRefused(try Self.bounded(["keys", "fingerprint", key.path]), naming: key)
        let data = root.appendingPathComponent("data")
        let credentials = data.appendingPathComponent("lrs.yaml")
        try Self.fifo(credentials)
        try Data(
            "records:\n  lrs:\n    endpoint: http://127.0.0.1:9/xAPI/\n    credentials: lrs.yaml\n".utf8
        ).write(to: data.appendingPathComponent("config.yaml"))
        Self.expectRefused(try Self.bounded(["sync", "--data-dir", data.path]), naming: credentials)
    }

    @Test("preview --watch keeps answering keys, q included, when a watched lesson becomes a FIFO")
    func previewWatch() throws {
        let (root, course) = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let command = "\(Tmux.quote(try KursusBinary.url.path)) preview \(Tmux.quote(course.path)) --watch --lang da"
        let tmux = try Tmux(width: 80, height: 24, command: command, environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color"])
        try tmux.waitFor("Før konsultationen")
        usleep(1_100_000)
        try Self.fifo(course.appendingPathComponent("lektioner/01-foer-konsultationen.md"))
        try tmux.waitFor("e: liste")
        try tmux.send("e")
        // The message may wrap inside the box: compare without spaces and box lines.
        let list = try tmux.waitUntil("the FIFO's refusal") { $0.filter { !" │\n".contains($0) }.contains("notaregularfile") }
        #expect(list.filter { !" │\n".contains($0) }.contains("01-foer-konsultationen.md"), "\(list)")
        try tmux.send("Escape")
        try tmux.send("q")
        #expect(try tmux.exitStatus() == 0)
    }
}
