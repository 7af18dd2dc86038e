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
    /// inside a word keep it one word; Markdown punctuation is not a word. A letter or
    /// digit is a scalar of `CharacterSet.alphanumerics`. The UTF-8 bytes are read
    /// directly: ASCII through a table and without branches, Latin-1 letters and General
    /// Punctuation (U+2000–U+206F: dashes, quotation marks, none alphanumeric) without a
    /// set lookup.
    public static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            asciiClasses.withUnsafeBufferPointer { classes in
                var count = 0
                var inWord = 0
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    let wordy: Int
                    let joins: Int
                    if byte < 0x80 {
                        let kind = Int(classes[Int(byte)])
                        wordy = kind & 1
                        joins = kind >> 1
                        index += 1
                    } else {
                        // Valid UTF-8 (a String's): the lead byte tells the length.
                        let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                        for offset in 1..<length where index + offset < bytes.count {
                            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                        }
                        index += length
                        wordy = ScalarSets.isAlphanumeric(value) ? 1 : 0
                        joins = value == 0x2019 ? 1 : 0  // ’
                    }
                    count += wordy & ~inWord & 1
                    inWord = wordy | (inWord & joins)
                }
                return count
            }
        }
    }

    /// Per ASCII byte: 1 for a letter or digit, 2 for a hyphen or apostrophe, else 0.
    private static let asciiClasses: [UInt8] = (0..<128).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): 1
        case UInt8(ascii: "-"), UInt8(ascii: "'"): 2
        default: 0
        }
    }
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
