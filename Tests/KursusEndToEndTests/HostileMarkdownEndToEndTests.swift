import Foundation
import Testing

/// Lessons of hostile Markdown just under the 4 MiB lesson limit: `validate`, `render`
/// and `preview` of each stay under 200 MB of peak memory (issue 16: the nested-list
/// lesson once took 987 MB in validate, 1.04 GB in preview, and at 15.6 MB 3.6 GB in
/// render). Time is measured in `make bench`, not asserted here.
@Suite("Hostile Markdown: bounded memory in validate, render and preview", .serialized)
struct HostileMarkdownEndToEndTests {
    static let limitKiB = 200 * 1000

    /// The kinds of hostile lesson.
    static let kinds = [
        "nested lists", "nested quotes", "ordered and bullet lists", "list items", "underscore runs", "emphasis",
        "asterisks", "table", "wide table", "link references", "paragraphs",
    ]

    /// The hostile lesson of a kind: each at most 4 MiB.
    static func lesson(_ kind: String) -> String {
        switch kind {
        case "nested lists": return String(repeating: String(repeating: "- ", count: 1000) + "x\n\n", count: 2090)
        case "nested quotes": return String(repeating: String(repeating: "> ", count: 1000) + "x\n\n", count: 2090)
        case "ordered and bullet lists": return String(repeating: String(repeating: "1. - ", count: 400) + "x\n\n", count: 2090)
        case "list items": return String(repeating: "- x\n", count: 1_040_000)
        case "underscore runs": return String(repeating: "_a", count: 2_090_000)
        case "emphasis": return String(repeating: "*a **b ", count: 590_000)
        case "asterisks": return String(repeating: "*", count: 4_000_000)
        case "paragraphs": return String(repeating: "x\n\n", count: 1_390_000)
        case "table":
            return "|" + String(repeating: "a|", count: 1000) + "\n|" + String(repeating: "-|", count: 1000) + "\n"
                + String(repeating: "x\n", count: 2_090_000)
        case "wide table":
            return "|" + String(repeating: String(repeating: "h", count: 1000) + "|", count: 300) + "\n|"
                + String(repeating: "-|", count: 300) + "\n" + String(repeating: "|" + String(repeating: "x|", count: 300) + "\n", count: 6000)
        default:
            return (0..<60_000).map { "[r\($0)]: /u\($0)\n" }.joined() + "\n" + (0..<60_000).map { "[r\($0)] " }.joined()
        }
    }

    static let course =
        "format: kursus/1\nid: h\ntitle: Hostile\nlanguage: da\nversion: '1'\nmodules:\n  - id: m\n    title: M\n    units:\n      - {id: a, kind: lesson, title: Fjendtlig, file: a.md}\n"

    /// A package whose one lesson is `lesson`.
    private func package(_ lesson: String) throws -> URL {
        let folder = try KursusBinary.temporaryFolder("hostile-md")
        try Data(Self.course.utf8).write(to: folder.appendingPathComponent("course.yaml"))
        try Data(lesson.utf8).write(to: folder.appendingPathComponent("a.md"))
        return folder
    }

    /// Runs kursus and returns its exit status, standard output and peak resident
    /// memory in KiB. The peak comes from a small Python parent that forks and execs
    /// kursus: a process started straight from this test runner by posix_spawn (a vfork)
    /// inherits the runner's own peak through exec (Linux keeps the larger of the old
    /// and the new memory's high-water mark), so wait4's ru_maxrss measured the test
    /// runner, not kursus. A real fork starts the mark at Python's few megabytes.
    private func measured(_ arguments: [String]) throws -> (status: Int32, output: String, peakKiB: Int) {
        let executable = try KursusBinary.url
        let folder = try KursusBinary.temporaryFolder("hostile-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let peakFile = folder.appendingPathComponent("peak").path
        let parent = """
            import os, resource, sys
            pid = os.fork()
            if pid == 0:
                os.execv(sys.argv[2], sys.argv[2:])
            _, status = os.waitpid(pid, 0)
            open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
            sys.exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
            """
        let python = "/usr/bin/python3"
        let argv = ([python, "-c", parent, peakFile, executable.path] + arguments).map { strdup($0) } + [nil]
        let environment: [String] = ["LANG=C.UTF-8", "SWIFT_BACKTRACE=enable=no"]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        guard posix_spawn(&pid, python, &actions, nil, argv, envp) == 0 else {
            throw KursusBinary.CommandError("cannot start kursus")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw KursusBinary.CommandError("waitpid failed") }
        }
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        let peak = (try? String(contentsOfFile: peakFile, encoding: .utf8)).flatMap { Int($0) }
        guard let peak else { throw KursusBinary.CommandError("no peak memory measured (is /usr/bin/python3 there?)") }
        return (code, output, peak)
    }

    @Test("validate stays under 200 MB", arguments: kinds)
    func validate(kind: String) throws {
        let lesson = Self.lesson(kind)
        #expect(lesson.utf8.count <= 4 << 20)
        let folder = try package(lesson)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try measured(["validate", folder.path])
        #expect(run.status == 0, "\(run.output.prefix(500))")
        #expect(run.peakKiB <= Self.limitKiB, "validate of \(kind): \(run.peakKiB) KiB")
    }

    @Test("validate warns where lists nest deeper than 16 levels, once, with the count")
    func nestingWarning() throws {
        let folder = try package(Self.lesson("nested lists"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try measured(["validate", folder.path])
        #expect(run.status == 0)
        #expect(
            run.output.contains(
                "\(folder.path)/a.md:1:33: warning: block quotes and list items nest deeper than 16 levels here (and on 2089 more lines); the rest of the line is shown as plain text: flatten the nesting"
            ), "\(run.output.prefix(600))")
        #expect(run.output.contains("1 warning"))
    }

    @Test("validate warns where a table is cut off after 65,536 cells, at its first row shown as text")
    func tableWarning() throws {
        let folder = try package(Self.lesson("table"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try measured(["validate", folder.path])
        #expect(run.status == 0)
        #expect(
            run.output.contains(
                "\(folder.path)/a.md:67:1: warning: this table has more than 65536 cells (rows times columns); its rows from here on are shown as plain text: split it into smaller tables"
            ), "\(run.output.prefix(600))")
        #expect(run.output.contains("1 warning"))
    }

    @Test("render stays under 200 MB", arguments: kinds)
    func render(kind: String) throws {
        let file = try KursusBinary.temporaryFolder("hostile-render").appendingPathComponent("a.md")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Data(Self.lesson(kind).utf8).write(to: file)
        let run = try measured(["render", file.path, "--width", "80", "--color", "never"])
        #expect(run.status == 0)
        #expect(!run.output.isEmpty)
        #expect(run.peakKiB <= Self.limitKiB, "render of \(kind): \(run.peakKiB) KiB")
    }

    @Test("render of 15.6 MB of nested lists stays under 200 MB")
    func renderLarge() throws {
        let file = try KursusBinary.temporaryFolder("hostile-render").appendingPathComponent("a.md")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Data(String(repeating: String(repeating: "- ", count: 1000) + "x\n\n", count: 7800).utf8).write(to: file)
        let run = try measured(["render", file.path, "--width", "80", "--color", "never"])
        #expect(run.status == 0)
        // 7,800 items of 16 bullet levels and 984 markers as text: 42 lines each at 80 columns.
        #expect(run.output.split(separator: "\n", omittingEmptySubsequences: false).count == 7800 * 42 + 7799 + 1)
        #expect(run.peakKiB <= Self.limitKiB, "render: \(run.peakKiB) KiB")
    }

    @Test(
        "preview opens the lesson in a real terminal under 200 MB and quits with q",
        arguments: ["nested lists", "table", "underscore runs", "list items", "paragraphs"])
    func preview(kind: String) throws {
        let folder = try package(Self.lesson(kind))
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = "\(Tmux.quote(try KursusBinary.url.path)) preview \(Tmux.quote(folder.path)) --unit a --lang da"
        let tmux = try Tmux(width: 80, height: 24, command: command, environment: ["LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no"])
        try tmux.waitFor("Fjendtlig", timeout: 60)
        let pid = try tmux.programPID()
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        let peak = try #require(Int(line.split(separator: " ").dropFirst().first ?? ""))
        #expect(peak <= Self.limitKiB, "preview of \(kind): \(peak) KiB")
        try tmux.send("q")
        #expect(try tmux.exitStatus() == 0)
    }
}
