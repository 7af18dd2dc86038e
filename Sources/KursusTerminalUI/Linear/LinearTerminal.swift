import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What the linear runtime reads from the learner: a typed line, nothing yet, or the end
/// of input (Ctrl-D, or the end of a piped script).
public enum LinearInput: Hashable, Sendable {
    case line(String)
    case timeout
    case end
}

/// Lines out, lines in: all the linear mode asks of a terminal. It never moves the cursor
/// or clears anything, so what was written stays where a screen reader found it.
public protocol LinearTerminal: AnyObject {
    /// Writes text as it is (the runtime has already made it terminal-safe).
    func write(_ text: String)
    /// Waits up to `milliseconds` for a typed line. With `secret`, the terminal does not
    /// echo what is typed (a PIN).
    func readLine(timeout milliseconds: Int, secret: Bool) -> LinearInput
    /// Columns and rows when standard output is a terminal; nil for a pipe or a file.
    func size() -> (columns: Int, rows: Int)?
    /// Restores the terminal's echo if a secret read left it off. Safe to call more than once.
    func shutdown()
    /// Whether the terminal itself shows what the learner types (false for a piped script).
    var echoesTypedLines: Bool { get }
}

/// Standard input and output: lines read with `poll` (so the idle lock's clock runs while
/// the learner thinks), PINs read with echo off through termios.
public final class StandardLinearTerminal: LinearTerminal {
    private var buffer: [UInt8] = []
    private var ended = false
    private var savedTermios: termios?

    public init() {}

    public var echoesTypedLines: Bool { isatty(STDIN_FILENO) == 1 }

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func size() -> (columns: Int, rows: Int)? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        let status = withUnsafeMutablePointer(to: &size) { ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), $0) }
        guard status == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    public func readLine(timeout milliseconds: Int, secret: Bool) -> LinearInput {
        setEcho(off: secret)
        if let line = takeLine() { return finish(line, secret: secret) }
        if ended { return .end }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(0, milliseconds)))
        guard ready > 0 else { return .timeout }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if count < 0 { return errno == EINTR || errno == EAGAIN ? .timeout : endOfInput(secret: secret) }
        if count == 0 { return endOfInput(secret: secret) }
        buffer += chunk.prefix(count)
        if let line = takeLine() { return finish(line, secret: secret) }
        return .timeout
    }

    public func shutdown() {
        setEcho(off: false)
    }

    /// The next whole line in the buffer, without its line end.
    private func takeLine() -> String? {
        guard let end = buffer.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        var bytes = Array(buffer[..<end])
        buffer.removeSubrange(...end)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func finish(_ line: String, secret: Bool) -> LinearInput {
        if secret {
            setEcho(off: false)
            // The learner's Enter was not echoed either: end the prompt's line.
            if isatty(STDIN_FILENO) == 1 { write("\n") }
        }
        return .line(line)
    }

    /// The input ended: a last line without a line end still counts.
    private func endOfInput(secret: Bool) -> LinearInput {
        ended = true
        guard !buffer.isEmpty else { return .end }
        let rest = String(decoding: buffer, as: UTF8.self)
        buffer = []
        return finish(rest, secret: secret)
    }

    /// Turns the terminal's echo off for a PIN and on again after; nothing when standard
    /// input is not a terminal.
    private func setEcho(off: Bool) {
        guard isatty(STDIN_FILENO) == 1 else { return }
        if off, savedTermios == nil {
            var settings = termios()
            guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
            savedTermios = settings
            settings.c_lflag &= ~tcflag_t(ECHO | ECHONL)
            tcsetattr(STDIN_FILENO, TCSANOW, &settings)
        } else if !off, var saved = savedTermios {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            savedTermios = nil
        }
    }
}
