import KursusText
import Testing

@Suite("TerminalSafe for whole outputs")
struct TerminalSafeOutputTests {
    @Test("cleanLines keeps line breaks, tabs and CRLF, and cleans every escape")
    func cleanLines() {
        #expect(TerminalSafe.cleanLines("a\tb\nc\r\n") == "a\tb\nc\r\n")
        #expect(TerminalSafe.cleanLines("path/\u{1B}]52;c;aGk=\u{07}\n") == "path/\u{241B}]52;c;aGk=\u{2407}\n")
        #expect(TerminalSafe.cleanLines("id \u{9B}31m\n") == "id \u{FFFD}31m\n")
        #expect(TerminalSafe.cleanLines("x\u{202E}y\u{2066}") == "x\u{FFFD}y\u{FFFD}")
        // A lone carriage return would let text overwrite the line it is on.
        #expect(TerminalSafe.cleanLines("done\rfake") == "done\u{240D}fake")
        #expect(TerminalSafe.cleanLines("Diætist Ørsted") == "Diætist Ørsted")
    }

    @Test("escapingUnsafe writes C1 controls, DEL and bidi controls as \\u escapes and keeps the rest")
    func escaping() {
        #expect(TerminalSafe.escapingUnsafe(json: "{\n  \"a\": \"x\u{9B}y\u{202E}z\u{7F}\"\n}") == "{\n  \"a\": \"x\\u009by\\u202ez\\u007f\"\n}")
        #expect(TerminalSafe.escapingUnsafe(json: "{\"navn\": \"Ærø\"}") == "{\"navn\": \"Ærø\"}")
        #expect(TerminalSafe.escapingUnsafe(json: "\"\u{2069}\"") == "\"\\u2069\"")
    }
}
