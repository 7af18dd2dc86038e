import Foundation
import KursusEngine
import Testing
@testable import KursusTerminalUI

@Suite("Keys, strings and symbols")
struct KeyMapAndStringsTests {
    @Test("keys as commands when no text field has focus")
    func keys() {
        let expected: [(TerminalInput, KeyResult)] = [
            (.up, .event(.command(.lineUp))), (.character("k"), .event(.command(.lineUp))),
            (.down, .event(.command(.lineDown))), (.character("j"), .event(.command(.lineDown))),
            (.pageUp, .event(.command(.pageUp))), (.pageDown, .event(.command(.pageDown))), (.character(" "), .event(.command(.pageDown))),
            (.home, .event(.command(.top))), (.character("g"), .event(.command(.top))),
            (.end, .event(.command(.bottom))), (.character("G"), .event(.command(.bottom))),
            (.enter, .event(.command(.open))), (.escape, .event(.command(.back))), (.backspace, .event(.command(.back))),
            (.character("?"), .event(.command(.toggleHelp))), (.character("q"), .event(.command(.quit))),
            (.controlC, .event(.command(.quit))), (.character("s"), .event(.switchLearner)),
            (.controlZ, .suspend), (.resize, .resize), (.character("x"), .event(.command(.other))),
            (.tab, .event(.command(.other))), (.none, .ignored),
        ]
        for (input, result) in expected { #expect(KeyMap.event(for: input, mode: .navigation) == result, "\(input)") }
    }

    @Test("keys as text when a field has focus; Ctrl-C still quits")
    func textKeys() {
        let expected: [(TerminalInput, KeyResult)] = [
            (.character("q"), .event(.text("q"))), (.character("s"), .event(.text("s"))), (.character("ø"), .event(.text("ø"))),
            (.backspace, .event(.deleteBackward)), (.tab, .event(.nextField)), (.enter, .event(.command(.open))),
            (.escape, .event(.command(.back))), (.controlC, .event(.command(.quit))), (.controlZ, .suspend),
        ]
        for (input, result) in expected { #expect(KeyMap.event(for: input, mode: .text) == result, "\(input)") }
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

@Suite("Counted strings")
struct CountedStringTests {
    @Test("one and many read right in both languages", arguments: ["da", "en"])
    func pluralForms(language: String) throws {
        let strings = try UIStrings.load(language: language, assets: Repository.assets)
        #expect(strings.missingSingulars.isEmpty)
        for key in UIStrings.countedKeys {
            // `from` and `to`: the versions in the course-updated note.
            let one = strings(key, count: 1, ["units": "x", "from": "v", "to": "w", "message": "m", "place": "p"])
            let many = strings(key, count: 3, ["units": "x, y, z", "from": "v", "to": "w", "message": "m", "place": "p"])
            #expect(one.contains("1") && !one.contains("{"), "\(key): \(one)")
            #expect(many.contains("3") && !many.contains("{"), "\(key): \(many)")
        }
        if language == "en" {
            #expect(strings(.startPinRejected, count: 1) == "Wrong PIN. 1 more try before a pause.")
            #expect(strings(.startPinRejected, count: 2) == "Wrong PIN. 2 more tries before a pause.")
            #expect(strings(.quizMenuQuestions, count: 1) == "1 question")
        }
    }

    @Test("keys that can count nothing have a zero form that names no number", arguments: ["da", "en"])
    func zeroForms(language: String) throws {
        let strings = try UIStrings.load(language: language, assets: Repository.assets)
        #expect(strings.missingZeroForms.isEmpty)
        #expect(!UIStrings.zeroCountedKeys.isEmpty)
        for key in UIStrings.zeroCountedKeys {
            let none = strings(key, count: 0, ["message": "m", "place": "p"])
            #expect(!none.contains("0") && !none.contains("{"), "\(key): \(none)")
            #expect(none != strings(key, count: 2, ["message": "m", "place": "p"]))
        }
        if language == "en" {
            #expect(
                strings(.quitUnsaved, count: 0, ["message": "disk full", "place": "lesson 2"])
                    == "kursus: quit before everything was saved: changes since the last save are lost (disk full). Saved progress goes up to lesson 2."
            )
        }
        // A counted key without a zero form reads the plural: "0 questions".
        #expect(strings(.quizMenuQuestions, count: 0).hasPrefix("0"))
    }
}
