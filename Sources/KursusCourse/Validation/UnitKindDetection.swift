import Foundation

/// Tells what a unit's file looks like, so a scenario or quiz file declared as
/// `kind: lesson` is reported as that ("looks like a scenario") instead of as a lesson
/// with no title.
public enum UnitKindDetection {
    /// How far into a file its `format:` line is looked for.
    static let headLimit = 8_192

    /// The kind the text's `format:` line (or, for a `.gift` file, its name) declares,
    /// or nil when it does not look like a quiz or scenario file.
    public static func kindFromContent(_ text: Substring, fileName: String) -> UnitKind? {
        if fileName.lowercased().hasSuffix(".gift") { return .quiz }
        for line in text.prefix(headLimit).split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("format:") else { continue }
            let value = trimmed.dropFirst("format:".count).trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            if value == Scenario.formatVersion { return .scenario }
            if value == QuizFile.formatVersion { return .quiz }
        }
        return nil
    }

    /// Whether `bytes` hold `format:` anywhere.
    static func containsFormatKey(_ bytes: [UInt8]) -> Bool {
        let key = Array("format:".utf8)
        guard bytes.count >= key.count else { return false }
        for start in 0...(bytes.count - key.count) where bytes[start] == key[0] && bytes[start..<start + key.count].elementsEqual(key) {
            return true
        }
        return false
    }

    /// The error for a unit declared as a lesson whose file's `text` (already read) is a
    /// scenario or quiz file, at the unit in course.yaml, or nil when it reads as a lesson.
    /// The package loader calls it on the text it reads, so no file is read for it again.
    public static func mismatch(_ unit: CourseUnit, text: String) -> Diagnostic? {
        guard unit.kind == .lesson, let file = unit.file else { return nil }
        // Almost every lesson has no `format:` line at all: found on bytes, without
        // splitting the text into lines of characters.
        guard file.lowercased().hasSuffix(".gift") || containsFormatKey(Array(text.utf8.prefix(headLimit))) else { return nil }
        guard let found = kindFromContent(text.utf8.count > headLimit ? Substring(text.prefix(headLimit)) : text[...], fileName: file) else {
            return nil
        }
        let what = found == .scenario ? "a scenario (format: \(Scenario.formatVersion))" : "a quiz"
        return .error(
            unit.location,
            "unit '\(unit.id)': the file '\(file)' looks like \(what), but the unit's kind is lesson; write 'kind: \(found.rawValue)'"
        )
    }
}
