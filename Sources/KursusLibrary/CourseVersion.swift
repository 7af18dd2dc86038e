/// A course's `version:` from course.yaml, ordered the way people number versions: the
/// text is split at dots into parts, and the parts are compared left to right. Within a
/// part, runs of digits compare as numbers and other runs as text (by Unicode scalar
/// values), so `1.10` is newer than `1.9` and `2.0-beta2` older than `2.0-beta10`. A part
/// that is missing counts as `0`: `1.2` and `1.2.0` are the same version. Leading and
/// trailing spaces are ignored.
public struct CourseVersion: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// The version as written in course.yaml.
    public let text: String
    private let parts: [[Run]]

    /// A run of digits (compared as a number) or of other characters (compared as text).
    enum Run: Hashable, Sendable {
        /// The digits without leading zeros ("" for zero), so numbers of any length compare.
        case number(String)
        case text(String)
    }

    public init(_ text: String) {
        self.text = text
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var parts = trimmed.split(separator: ".", omittingEmptySubsequences: false).map { Self.runs(of: Substring($0)) }
        // Trailing zero parts do not make a version newer: 1.2.0 is 1.2.
        while let last = parts.last, Self.isZero(last) { parts.removeLast() }
        self.parts = parts
    }

    public var description: String { text }

    public static func == (lhs: CourseVersion, rhs: CourseVersion) -> Bool { lhs.parts == rhs.parts }

    public func hash(into hasher: inout Hasher) { hasher.combine(parts) }

    public static func < (lhs: CourseVersion, rhs: CourseVersion) -> Bool {
        for index in 0..<max(lhs.parts.count, rhs.parts.count) {
            let left = index < lhs.parts.count ? lhs.parts[index] : [.number("")]
            let right = index < rhs.parts.count ? rhs.parts[index] : [.number("")]
            if let order = compare(left, right) { return order }
        }
        return false
    }

    /// true: `left` is older; false: newer; nil: equal.
    private static func compare(_ left: [Run], _ right: [Run]) -> Bool? {
        for index in 0..<max(left.count, right.count) {
            // A part that runs out first is the older one ("1a" before "1a2").
            guard index < left.count else { return true }
            guard index < right.count else { return false }
            switch (left[index], right[index]) {
            case let (.number(a), .number(b)):
                if a != b { return a.count != b.count ? a.count < b.count : a < b }
            case let (.text(a), .text(b)):
                if a != b { return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) }
            case (.number, .text):
                return true
            case (.text, .number):
                return false
            }
        }
        return nil
    }

    private static func isZero(_ runs: [Run]) -> Bool {
        runs.allSatisfy { $0 == .number("") }
    }

    static func runs(of part: Substring) -> [Run] {
        var runs: [Run] = []
        var current = ""
        var inDigits = false
        func flush() {
            guard !current.isEmpty else { return }
            if inDigits {
                runs.append(.number(String(current.drop { $0 == "0" })))
            } else {
                runs.append(.text(current))
            }
            current = ""
        }
        for character in part {
            let digit = character.isASCII && character.isNumber
            if digit != inDigits { flush() }
            inDigits = digit
            current.append(character)
        }
        flush()
        return runs
    }
}
