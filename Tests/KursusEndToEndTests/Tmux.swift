import Foundation
import Testing

/// A real terminal for end-to-end tests: a tmux server on a private socket, one session
/// of a fixed size running a command, driven with send-keys and read with capture-pane.
final class Tmux {
    let socket = "kursus-e2e-\(UUID().uuidString.prefix(8))"
    let session = "t"
    static let tmux = URL(fileURLWithPath: "/usr/bin/tmux")

    /// Starts `command` (run by /bin/sh) in a detached session of the given size. After the
    /// command ends the shell prints `KURSUS-EXIT:<status>` and waits, so tests can read
    /// the exit status and see that the terminal was restored.
    init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.tmux.path) else {
            throw KursusBinary.CommandError("tmux is not installed; run 'make test' (it installs it) or 'apt-get install tmux'")
        }
        let exports = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let script = "env \(exports) \(command); echo KURSUS-EXIT:$?; sleep 600"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", "/bin/sh", "-c", script])
        try tmux(["set-option", "-t", session, "status", "off"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try KursusBinary.runTool(Self.tmux, ["-L", socket] + arguments, environment: ["TMUX": ""])
        guard result.status == 0 else {
            throw KursusBinary.CommandError("tmux \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout
    }

    /// Keys in tmux's notation: "Enter", "Escape", "C-c", "NPage", or literal text.
    func send(_ keys: String...) throws {
        for key in keys {
            try tmux(["send-keys", "-t", session, key])
            usleep(60_000)
        }
    }

    func sendLiteral(_ text: String) throws {
        try tmux(["send-keys", "-t", session, "-l", text])
    }

    /// The visible screen as text (with `escapes`, including colour and attribute codes).
    func capture(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", session] + (escapes ? ["-e"] : []))
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen contains `text`; fails with the last screen after a timeout.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil(text.debugDescription, timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the screen satisfies `condition`.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            usleep(100_000)
        }
        throw KursusBinary.CommandError("timed out waiting for \(what); the screen was:\n\(screen)")
    }

    /// Waits until the screen no longer contains `text`.
    @discardableResult
    func waitUntilGone(_ text: String, timeout: Double = 15) throws -> String {
        try waitUntil("\(text.debugDescription) to go", timeout: timeout) { !$0.contains(text) }
    }

    /// The pid of the program the shell started (kursus).
    func programPID() throws -> Int32 {
        let shell = try tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let children = try KursusBinary.runTool(URL(fileURLWithPath: "/usr/bin/pgrep"), ["-P", shell, "kursus"])
            if let pid = Int32(children.stdout.split(separator: "\n").first ?? "") { return pid }
            usleep(100_000)
        }
        throw KursusBinary.CommandError("no kursus process under the tmux shell \(shell)")
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension Tmux {
    /// `kursus play` of the bundled course's fixture copy in Danish with `data` as its data
    /// directory, in a real terminal of `width` × `height` (tmux-256color, UTF-8).
    static func play(_ data: URL, _ arguments: String, width: Int = 80, height: Int = 24) throws -> Tmux {
        let command =
            "\(Tmux.quote(try KursusBinary.url.path)) play \(Tmux.quote(KursusBinary.bundledCourse.path)) --data-dir \(Tmux.quote(data.path)) --lang da \(arguments)"
        return try Tmux(width: width, height: height, command: command, environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color"])
    }

    /// The exit status the program in the pane ended with (the `KURSUS-EXIT:` line).
    func exitStatus() throws -> Int {
        let screen = try waitFor("KURSUS-EXIT:")
        let tail = try #require(screen.components(separatedBy: "KURSUS-EXIT:").last)
        return try #require(Int(tail.prefix { $0.isNumber }))
    }
}
