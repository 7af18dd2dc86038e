/// Well-formed language tags (RFC 5646 §2.1, the `Language-Tag` rule): what xAPI asks of
/// every language map key and of `context.language`. This checks the sequence of subtag
/// kinds and lengths (as xAPI 1.0.3 §2.2 requires of an LRS), not whether each subtag is
/// registered with IANA: `da`, `en-US`, `zh-Hant-TW`, `und`, `tlh`, `x-kursus` and the
/// grandfathered tags pass; `dansk-sprog`, `en_US`, `e` and `en--us` do not.
public enum LanguageTag {
    static let grandfathered: Set<String> = [
        "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo", "i-navajo",
        "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de",
        "art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang",
    ]

    public static func isValid(_ tag: String) -> Bool {
        guard !tag.isEmpty, tag.utf8.count <= 128, tag.unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
        let lower = tag.lowercased()
        if grandfathered.contains(lower) { return true }
        let subtags = lower.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard subtags.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy(isAlphanumeric) }) else { return false }
        if subtags[0] == "x" { return isPrivateUse(subtags[1...]) }
        var i = 0
        // language: 2-3 letters with up to three 3-letter extlangs, or 4-8 letters.
        guard isAlpha(subtags[i]), (2...8).contains(subtags[i].count) else { return false }
        let short = subtags[i].count <= 3
        i += 1
        if short {
            var extlangs = 0
            while i < subtags.count, extlangs < 3, subtags[i].count == 3, isAlpha(subtags[i]) {
                i += 1
                extlangs += 1
            }
        }
        if i < subtags.count, subtags[i].count == 4, isAlpha(subtags[i]) { i += 1 }  // script
        if i < subtags.count, (subtags[i].count == 2 && isAlpha(subtags[i])) || (subtags[i].count == 3 && isDigits(subtags[i])) {
            i += 1  // region
        }
        while i < subtags.count, isVariant(subtags[i]) { i += 1 }
        var singletons: Set<String> = []
        while i < subtags.count, subtags[i].count == 1, subtags[i] != "x" {
            guard singletons.insert(subtags[i]).inserted else { return false }
            i += 1
            let start = i
            while i < subtags.count, subtags[i].count >= 2 { i += 1 }
            guard i > start else { return false }
        }
        if i < subtags.count, subtags[i] == "x" { return isPrivateUse(subtags[(i + 1)...]) }
        return i == subtags.count
    }

    private static func isPrivateUse(_ rest: ArraySlice<String>) -> Bool {
        !rest.isEmpty && rest.allSatisfy { (1...8).contains($0.count) }
    }

    private static func isVariant(_ subtag: String) -> Bool {
        if (5...8).contains(subtag.count) { return true }
        return subtag.count == 4 && subtag.first.map(\.isNumber) == true
    }

    private static func isAlphanumeric(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
    private static func isAlpha(_ s: String) -> Bool { s.allSatisfy { $0.isASCII && $0.isLetter } }
    private static func isDigits(_ s: String) -> Bool { s.allSatisfy { $0.isASCII && $0.isNumber } }
}
