import Foundation
import Testing

/// The locale a ward PC gives: a UTF-8 locale that is named but not installed (common with
/// LANG=da_DK.UTF-8), and no UTF-8 at all.
@Suite("Locales in a real terminal", .serialized)
struct LocaleEndToEndTests {
    func preview(_ environment: [String: String]) throws -> Tmux {
        let command = "\(Tmux.quote(try KursusBinary.url.path)) preview \(Tmux.quote(KursusBinary.bundledCourse.path)) --lang da"
        return try Tmux(width: 80, height: 24, command: command, environment: environment.merging(["TERM": "tmux-256color"]) { a, _ in a })
    }

    @Test("LANG names a UTF-8 locale this machine lacks: æ, ø, å and the symbols still show")
    func missingUTF8Locale() throws {
        let tmux = try preview(["LANG": "da_DK.UTF-8", "LC_ALL": ""])
        let screen = try tmux.waitFor("Selvvurdering")
        #expect(screen.contains("Før du går i gang"))
        #expect(screen.contains("○ 1.1"))
        #expect(screen.contains("────"))
        try tmux.send("q")
    }

    @Test("a locale without UTF-8: the player draws in ASCII")
    func asciiLocale() throws {
        let tmux = try preview(["LANG": "C", "LC_ALL": "C"])
        let screen = try tmux.waitFor("Selvvurdering")
        #expect(screen.contains("[ ] 1.1"))
        #expect(screen.contains("-----"))
        #expect(!screen.contains("─"))
        try tmux.send("q")
    }
}
