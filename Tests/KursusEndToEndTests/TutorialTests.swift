import Foundation
import Testing

/// docs/tutorial.md as steps, in order: files to save (a fenced block whose info string
/// has `file=PATH`) and commands with the output they print (a ```console block: a line
/// `$ command`, then the lines it prints, standard output before error output). Other
/// fenced blocks (```sh for interactive steps such as preview) are only shown.
struct TutorialScript {
    enum Step: Equatable {
        case file(path: String, contents: String)
        case command(String, output: String)
    }

    var steps: [Step] = []

    init(markdown: String) {
        var lines = markdown.components(separatedBy: "\n")[...]
        while let line = lines.popFirst() {
            guard line.hasPrefix("```") else { continue }
            let info = line.dropFirst(3).split(separator: " ").map(String.init)
            var block: [String] = []
            while let inner = lines.popFirst(), !inner.hasPrefix("```") { block.append(inner) }
            if let file = info.first(where: { $0.hasPrefix("file=") }) {
                steps.append(.file(path: String(file.dropFirst(5)), contents: block.joined(separator: "\n") + "\n"))
            } else if info.first == "console" {
                steps += Self.commands(block)
            }
        }
    }

    static func commands(_ block: [String]) -> [Step] {
        var result: [Step] = []
        var command: String?
        var output: [String] = []
        func flush() {
            if let command { result.append(.command(command, output: output.joined(separator: "\n"))) }
        }
        for line in block {
            if line.hasPrefix("$ ") {
                flush()
                command = String(line.dropFirst(2))
                output = []
            } else {
                output.append(line)
            }
        }
        flush()
        return result
    }
}

@Suite("docs/tutorial.md: every command prints what the tutorial says", .serialized)
struct TutorialTests {
    static let tutorial = KursusBinary.repository.appendingPathComponent("docs/tutorial.md")

    @Test("the tutorial's blocks are read as files and commands in order")
    func parsing() {
        let markdown = """
            Save it:

            ```yaml file=a/b.yaml
            x: 1
            ```

            ```console
            $ kursus validate a
            OK: 1 module
            $ mkdir c
            ```

            ```sh
            kursus preview a --watch
            ```
            """
        #expect(
            TutorialScript(markdown: markdown).steps == [
                .file(path: "a/b.yaml", contents: "x: 1\n"), .command("kursus validate a", output: "OK: 1 module"),
                .command("mkdir c", output: ""),
            ])
    }

    @Test("each command, run in a new folder with the built binary, prints exactly its output in the tutorial")
    func commandsPrintWhatTheTutorialShows() throws {
        let script = TutorialScript(markdown: try String(contentsOf: Self.tutorial, encoding: .utf8))
        let commands = script.steps.filter { if case .command = $0 { true } else { false } }
        // A tutorial that lost its blocks would otherwise pass with nothing checked.
        #expect(commands.count >= 10, "found \(commands.count) commands")
        for needed in ["kursus import-gift", "kursus scenario check", "kursus validate", "kursus pack", "kursus verify"] {
            #expect(commands.contains { if case .command(let line, _) = $0 { line.hasPrefix(needed) } else { false } }, "\(needed)")
        }
        let folder = try KursusBinary.temporaryFolder("tutorial")
        defer { try? FileManager.default.removeItem(at: folder) }
        let binaries = try KursusBinary.url.deletingLastPathComponent().path
        let environment = [
            "PATH": "\(binaries):/usr/bin:/bin", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "HOME": folder.path,
            "KURSUS_DATA_DIR": folder.appendingPathComponent(".data").path, "COLUMNS": "80",
        ]
        for step in script.steps {
            switch step {
            case let .file(path, contents):
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: url)
            case let .command(command, expected):
                let result = try KursusBinary.runTool(
                    URL(fileURLWithPath: "/bin/sh"), ["-c", "cd \(Tmux.quote(folder.path)) && \(command)"], environment: environment)
                let printed = (result.stdout + result.stderr).replacingOccurrences(of: folder.path, with: "/tmp/tutorial")
                let actual = printed.hasSuffix("\n") ? String(printed.dropLast()) : printed
                #expect(actual == expected, "$ \(command)\n--- printed ---\n\(actual)\n--- the tutorial says ---\n\(expected)")
            }
        }
    }
}
