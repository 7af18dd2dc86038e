import KursusText
import Foundation
import KursusCourse

/// One language's UI strings, loaded from `Assets/strings/<language>.json`:
/// `{"language": "da", "strings": {"menu.hints": "…", …}}`. Placeholders are `{name}`.
public struct UIStrings: Sendable {
    public let language: String
    private let table: [String: String]
    /// For terminals whose locale is not UTF-8: arrows, dots and dashes in UI strings
    /// become ASCII (course text is left to the terminal).
    public var asciiOnly = false

    public init(language: String, table: [String: String]) {
        self.language = language
        self.table = table
    }

    static let asciiReplacements: [(String, String)] = [
        ("↑↓", "Up/Dn"), ("↑ ↓", "Up Dn"), ("›", ">"), ("·", "-"), ("…", "..."), ("–", "-"), ("—", "-"),
        ("•", "*"), ("×", "x"), ("▸", ">"),
    ]

    public func callAsFunction(_ key: L10nKey, _ arguments: [String: String] = [:]) -> String {
        format(table[key.rawValue] ?? key.rawValue, arguments)
    }

    /// A string that depends on a number: the key's singular form, `<key>.one`, for
    /// exactly one (Danish and English both have one singular and one plural form), its
    /// zero form, `<key>.zero`, for none where the table has one, else the key's own
    /// (plural) form. `{count}` is the number.
    public func callAsFunction(_ key: L10nKey, count: Int, _ arguments: [String: String] = [:]) -> String {
        let form =
            count == 1
            ? table[key.rawValue + Self.singularSuffix] : count == 0 ? table[key.rawValue + Self.zeroSuffix] : nil
        return format(form ?? table[key.rawValue] ?? key.rawValue, arguments.merging(["count": "\(count)"]) { given, _ in given })
    }

    /// The suffix of a key's singular form.
    public static let singularSuffix = ".one"

    /// The suffix of a key's form for nothing counted, `<key>.zero`, used where "0 answers"
    /// would be wrong: something was lost, but it was not an answer.
    public static let zeroSuffix = ".zero"

    /// Counted keys that have a zero form.
    public static let zeroCountedKeys: [L10nKey] = [.quitUnsaved]

    /// Keys of `zeroCountedKeys` whose zero form the table lacks; empty for a complete table.
    public var missingZeroForms: [L10nKey] { Self.zeroCountedKeys.filter { table[$0.rawValue + Self.zeroSuffix] == nil } }

    /// Keys counted with `callAsFunction(_:count:)`: each has a singular form.
    public static let countedKeys: [L10nKey] = [
        .startPinRejected, .quizMenuQuestions, .progressCourseChangedMissing, .recordsWaiting, .recordsWaitingOffline,
        .progressCourseUpdatedMissing, .problemsErrors, .problemsWarnings, .settingsIdleWarningSeconds,
        .quitUnsaved, .progressUnsavedLastSession,
    ]

    /// Counted keys whose singular form the table lacks; empty for a complete table.
    public var missingSingulars: [L10nKey] { Self.countedKeys.filter { table[$0.rawValue + Self.singularSuffix] == nil } }

    private func format(_ template: String, _ arguments: [String: String]) -> String {
        var text = template
        if asciiOnly {
            for (from, to) in Self.asciiReplacements { text = text.replacingOccurrences(of: from, with: to) }
        }
        for (name, value) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        // Spelled in ASCII before it is laid out, so its width is what the terminal shows.
        return asciiOnly ? ASCIITransliteration.transliterate(text) : text
    }

    /// Keys the table lacks; empty for a complete table.
    public var missingKeys: [L10nKey] { L10nKey.allCases.filter { table[$0.rawValue] == nil } }

    public struct LoadError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// The string table for `language` from an `Assets` folder.
    public static func load(language: String, assets: URL) throws(LoadError) -> UIStrings {
        try load(language: language, assets: .folder(assets))
    }

    /// The string table for `language` (`strings/<language>.json`) from Kursus's assets.
    public static func load(language: String, assets: AssetCatalog) throws(LoadError) -> UIStrings {
        struct File: Decodable { var language: String; var strings: [String: String] }
        let path = "strings/\(language).json"
        guard let asset = assets.read(path) else {
            throw LoadError(path: assets.shown(path), reason: "the UI string table is missing or unreadable")
        }
        let shown = asset.shown
        guard let file = try? JSONDecoder().decode(File.self, from: asset.data) else {
            throw LoadError(path: shown, reason: "not a valid string table")
        }
        let strings = UIStrings(language: file.language, table: file.strings)
        if let missing = strings.missingKeys.first {
            throw LoadError(path: shown, reason: "missing the string '\(missing.rawValue)'")
        }
        if let missing = strings.missingSingulars.first {
            throw LoadError(path: shown, reason: "missing the string '\(missing.rawValue)\(singularSuffix)'")
        }
        return strings
    }
}

/// The UI language: `--lang`, else `LC_ALL`, else `LANG` (Danish when it starts with "da"), else English.
public enum UILanguage {
    public static let supported = ["da", "en"]

    public static func resolve(flag: String?, environment: [String: String]) -> String {
        if let flag, supported.contains(flag) { return flag }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("da") ? "da" : "en"
        }
        return "en"
    }
}
