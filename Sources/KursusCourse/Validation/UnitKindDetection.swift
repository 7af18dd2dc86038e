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
        // Most files (every lesson) have no "format:" at all: a byte search rules that out
        // (a character is at most four bytes, so this covers the first `headLimit` of them).
        guard containsFormatKey(text.utf8) else { return nil }
        for line in text.prefix(headLimit).split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("format:") else { continue }
            let value = trimmed.dropFirst("format:".count).trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            if value == Scenario.formatVersion { return .scenario }
            if value == QuizFile.formatVersion { return .quiz }
        }
        return nil
    }

    /// Whether the first `4 * headLimit` bytes of `utf8` hold "format:" (a character is at
    /// most four bytes, so this covers the first `headLimit` characters and more).
    static func containsFormatKey(_ utf8: Substring.UTF8View) -> Bool {
        let head = utf8.prefix(4 * headLimit)
        return head.withContiguousStorageIfAvailable { holdsFormatKey($0) } ?? holdsFormatKey(Array(head))
    }

    /// Whether `bytes` hold "format:" (its seven bytes all differ, so after a mismatch
    /// the byte only needs a second look as a possible start).
    private static func holdsFormatKey<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        let key = formatKey
        var matched = 0
        for byte in bytes {
            if byte == key[matched] {
                matched += 1
                if matched == key.count { return true }
            } else {
                matched = byte == key[0] ? 1 : 0
            }
        }
        return false
    }

    private static let formatKey = Array("format:".utf8)

    /// The error for a unit declared as a lesson whose file's `text` (already read) is a
    /// scenario or quiz file, at the unit in course.yaml, or nil when it reads as a lesson.
    /// The package loader calls it on the text it reads, so no file is read for it again.
    public static func mismatch(_ unit: CourseUnit, text: String) -> Diagnostic? {
        guard unit.kind == .lesson, let file = unit.file else { return nil }
        // A lesson has no "format:" line: found on the bytes before any character is split.
        guard file.lowercased().hasSuffix(".gift") || containsFormatKey(text[...].utf8) else { return nil }
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
