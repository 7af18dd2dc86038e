import Foundation
import KursusCourse

/// Compares a short answer with the accepted ones.
///
/// Both sides are trimmed and every run of whitespace becomes one space. Unless the rules
/// are case sensitive, both are case-folded (Unicode, so "ÆBLE" matches "æble"). In an
/// accepted answer `*` matches any run of characters, also none; there is no escape for
/// a literal `*`. Matching is by grapheme cluster (Swift `Character`).
public enum ShortAnswerMatcher {
    public static func accepts(_ text: String, rules: ShortAnswerRules) -> Bool {
        bestMatch(text, rules: rules).map { $0.weightPercent > 0 } ?? false
    }

    /// Of the accepted answers the text matches, the one with the highest credit (the
    /// first of equals), or nil when none matches.
    public static func bestMatch(_ text: String, rules: ShortAnswerRules) -> AcceptedAnswer? {
        let given = Array(normalized(text, caseSensitive: rules.caseSensitive))
        var best: AcceptedAnswer?
        for answer in rules.answers {
            let accepted = normalized(answer.text, caseSensitive: rules.caseSensitive)
            guard matches(given, pattern: Array(accepted)) else { continue }
            if best == nil || answer.weightPercent > (best?.weightPercent ?? 0) { best = answer }
        }
        return best
    }

    /// Trimmed, whitespace collapsed, and case-folded unless `caseSensitive`.
    public static func normalized(_ text: String, caseSensitive: Bool) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        let collapsed = words.joined(separator: " ")
        if caseSensitive { return collapsed }
        return collapsed.folding(options: [.caseInsensitive], locale: nil)
    }

    /// Glob match with `*` only, iterative with backtracking to the last star, so it
    /// runs in O(text × pattern) at worst without recursion.
    static func matches(_ text: [Character], pattern: [Character]) -> Bool {
        var t = 0
        var p = 0
        var starAt: Int?
        var textAtStar = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                starAt = p
                textAtStar = t
                p += 1
            } else if p < pattern.count, pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let star = starAt {
                p = star + 1
                textAtStar += 1
                t = textAtStar
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
