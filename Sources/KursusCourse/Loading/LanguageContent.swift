import Foundation

/// One language's unit files of a package, as read while it loaded: where each unit's
/// file is, quizzes and scenarios parsed, and each lesson's front matter in brief. A
/// package holds one for every language of its course (`CoursePackage.contents`).
public struct LanguageContent: Hashable, Sendable {
    public var language: String
    /// Lesson, quiz and scenario files by unit id, package-relative.
    public var lessonFiles: [String: String] = [:]
    public var quizFiles: [String: String] = [:]
    public var scenarioFiles: [String: String] = [:]
    /// Quizzes (surveys too) and scenarios by unit id, parsed once while loading.
    public var quizzes: [String: Quiz] = [:]
    public var scenarios: [String: Scenario] = [:]
    /// Each lesson's front matter keys, words and place, read while loading, for the
    /// language parity and reading-time checks.
    public var lessons: [String: LessonShape] = [:]

    public init(language: String) {
        self.language = language
    }

    /// Takes in what another reader found (another unit's file, read on another thread).
    mutating func add(_ other: LanguageContent) {
        lessonFiles.merge(other.lessonFiles) { $1 }
        quizFiles.merge(other.quizFiles) { $1 }
        scenarioFiles.merge(other.scenarioFiles) { $1 }
        quizzes.merge(other.quizzes) { $1 }
        scenarios.merge(other.scenarios) { $1 }
        lessons.merge(other.lessons) { $1 }
    }
}

/// What the checks need of a lesson without reading it again.
public struct LessonShape: Hashable, Sendable {
    /// Front matter keys in the order written (none without front matter).
    public var keys: [String]
    public var minutes: Int?
    /// The objectives of the front matter, in this language.
    public var objectives: [String] = []
    /// Words of the body (runs of letters or digits); nil when the loader read only the
    /// front matter (`play` with the fingerprint cache: the menu needs no word counts).
    public var words: Int?
    /// The file, as messages show it (line 1: the front matter's place).
    public var location: SourceLocation

    public init(keys: [String], minutes: Int?, words: Int?, location: SourceLocation) {
        self.keys = keys
        self.minutes = minutes
        self.words = words
        self.location = location
    }

    /// Counts words as a reader does: runs of letters or digits, hyphens and apostrophes
    /// inside a word keep it one word; Markdown punctuation is not a word.
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            // ASCII letters and digits are the alphanumerics below 0x80: no set lookup for them.
            let value = scalar.value
            let wordy =
                value < 0x80
                ? (0x30...0x39).contains(value) || (0x61...0x7A).contains(value | 0x20) : alphanumerics.contains(scalar)
            if wordy && !inWord { count += 1 }
            inWord = wordy || (inWord && (scalar == "-" || scalar == "'" || scalar == "’"))
        }
        return count
    }

    private static let alphanumerics = CharacterSet.alphanumerics
}

/// Where a unit's translation is: beside the main file, with the language before the
/// extension (`lektioner/01.md` → `lektioner/01.en.md`, `quizzer/x.gift` → `quizzer/x.en.gift`).
public enum TranslationFile {
    public static func path(_ file: String, language: String) -> String {
        let slash = file.lastIndex(of: "/").map { file.index(after: $0) } ?? file.startIndex
        let name = file[slash...]
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return file + "." + language }
        return String(file[..<dot]) + "." + language + String(file[dot...])
    }
}
