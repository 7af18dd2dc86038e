import Foundation
import KursusEngine
import Testing
@testable import KursusTerminalUI

@Suite("Keys, strings and symbols")
struct KeyMapAndStringsTests {
    @Test("the reader's keys")
    func keys() {
        let expected: [(TerminalInput, PlayerCommandResult)] = [
            (.up, .command(.lineUp)), (.character("k"), .command(.lineUp)),
            (.down, .command(.lineDown)), (.character("j"), .command(.lineDown)),
            (.pageUp, .command(.pageUp)), (.pageDown, .command(.pageDown)), (.character(" "), .command(.pageDown)),
            (.home, .command(.top)), (.character("g"), .command(.top)),
            (.end, .command(.bottom)), (.character("G"), .command(.bottom)),
            (.enter, .command(.open)), (.escape, .command(.back)), (.backspace, .command(.back)),
            (.character("?"), .command(.toggleHelp)), (.character("q"), .command(.quit)), (.controlC, .command(.quit)),
            (.controlZ, .suspend), (.resize, .resize), (.character("x"), .command(.other)), (.tab, .command(.other)), (.none, .ignored),
        ]
        for (input, result) in expected { #expect(KeyMap.command(for: input) == result, "\(input)") }
    }

    @Test("both string tables hold every key", arguments: ["da", "en"])
    func tables(language: String) throws {
        let strings = try UIStrings.load(language: language, assets: Repository.assets)
        #expect(strings.missingKeys.isEmpty)
        #expect(strings.language == language)
    }

    @Test("UI language: flag, then LC_ALL, then LANG, else English")
    func language() {
        #expect(UILanguage.resolve(flag: "da", environment: ["LANG": "en_US.UTF-8"]) == "da")
        #expect(UILanguage.resolve(flag: nil, environment: ["LC_ALL": "da_DK.UTF-8", "LANG": "en_US"]) == "da")
        #expect(UILanguage.resolve(flag: nil, environment: ["LANG": "da_DK.UTF-8"]) == "da")
        #expect(UILanguage.resolve(flag: nil, environment: ["LANG": "C.UTF-8"]) == "en")
        #expect(UILanguage.resolve(flag: nil, environment: [:]) == "en")
    }

    @Test("ASCII symbols unless the locale is UTF-8")
    func symbols() {
        #expect(Symbols.forEnvironment(["LANG": "da_DK.UTF-8"]) == .unicode)
        #expect(Symbols.forEnvironment(["LC_ALL": "C", "LANG": "da_DK.UTF-8"]) == .ascii)
        #expect(Symbols.forEnvironment([:]) == .ascii)
    }

    @Test("the default theme loads and names only known roles and colours")
    func theme() throws {
        let theme = try ColorTheme.load(named: "default", assets: Repository.assets)
        #expect(theme.colors[.success] == 2)
        #expect(theme.colors.count == Tint.allCases.count)
    }
}
