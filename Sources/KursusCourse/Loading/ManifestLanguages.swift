/// The languages of course.yaml: `languages: [da, en]` and text fields written as one
/// text or as a map with a text in every language (`title: {da: "…", en: "…"}`).
struct ManifestLanguages {
    /// Every language, the main one first; just the main one when `languages:` is absent.
    var all: [String]
    /// Whether course.yaml lists `languages:` at all (a map of texts needs it).
    var listed: Bool

    init(all: [String], listed: Bool) {
        self.all = all
        self.listed = listed
    }

    /// Reads `languages:` against the main `language:`. Problems go into `object`.
    init(_ object: inout YAMLTreeObject, main: String?) {
        let main = main ?? ""
        all = [main]
        listed = false
        guard let node = object.value("languages") else { return }
        listed = true
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            object.report(node, "'languages' must be a list of language tags, the main language first, such as [da, en]")
            return
        }
        var found: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item, !scalar.string.isEmpty else {
                object.report(item, "each item of 'languages' must be a language tag such as 'da' or 'en'")
                continue
            }
            let tag = scalar.string
            if !ManifestParser.looksLikeLanguageTag(tag) {
                // Still counted as a language, so the text maps are not reported as well.
                object.report(item, "'\(tag)' is not a language tag such as 'da' or 'en'")
                found.append(tag)
            } else if found.contains(tag) {
                object.report(item, "language '\(tag)' is listed twice in 'languages'")
            } else {
                found.append(tag)
            }
        }
        if let first = found.first, !main.isEmpty, first != main {
            let place = sequence.first
            if found.contains(main) {
                object.report(place, "the main language '\(main)' (from 'language') must come first in 'languages'")
            } else {
                object.report(
                    place,
                    "'languages' must include the main language '\(main)' (from 'language'), first: [\(([main] + found).joined(separator: ", "))]")
            }
        }
        if !main.isEmpty { all = [main] + found.filter { $0 != main } } else if !found.isEmpty { all = found }
    }

    /// A text field: one text for every language, or a map with exactly the course's
    /// languages. Returns the main language's text and, for a map, every translation.
    func text(_ key: String, required: Bool, in object: inout YAMLTreeObject) -> (text: String?, translations: [String: String]) {
        guard let node = object.value(key), case .mapping(let mapping) = node else {
            return (object.string(key, required: required), [:])
        }
        guard listed else {
            object.report(
                node,
                "'\(key)' is a map of languages, but the course lists no 'languages'; write one text, or add 'languages: [\(all.first ?? "da"), en]'"
            )
            return (nil, [:])
        }
        var translations: [String: String] = [:]
        for (keyNode, value) in mapping {
            guard let language = keyNode.string, !language.isEmpty else {
                object.report(keyNode, "each key of '\(key)' must be a language of the course (\(all.joined(separator: ", ")))")
                continue
            }
            guard all.contains(language) else {
                let hint = Spelling.closest(to: language, among: all).map { "; did you mean '\($0)'?" } ?? ""
                object.report(
                    keyNode, "'\(key)' has a text in '\(language)', which is not a language of the course (\(all.joined(separator: ", ")))\(hint)")
                continue
            }
            guard case .scalar(let scalar) = value else {
                object.report(value, "'\(key)' in '\(language)' must be a text value")
                continue
            }
            if required && scalar.string.isBlankText {
                object.report(value, "'\(key)' in '\(language)' must not be empty")
                continue
            }
            translations[language] = scalar.string
        }
        let given = Set(mapping.compactMap { $0.key.string })
        let absent = all.filter { !given.contains($0) }
        if !absent.isEmpty {
            object.report(
                node,
                "'\(key)' has no text in \(absent.map { "'\($0)'" }.joined(separator: ", ")); give a text in every language of the course (\(all.joined(separator: ", ")))"
            )
        }
        return (translations[all.first ?? ""], translations)
    }
}
