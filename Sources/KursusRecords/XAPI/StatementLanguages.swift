import KursusCourse

/// Language maps with every language of the course (xAPI 1.0.3 §4.1.12.1): the played
/// language's text first, then each translation's, keyed by the languages' tags as
/// course.yaml writes them (`und` for one that is no RFC 5646 tag).
extension StatementBuilder {
    /// A language map key for a course language.
    static func key(_ language: String) -> String {
        LanguageTag.isValid(language) ? language : "und"
    }

    /// The languages of the course's language maps: every language of a course in
    /// several, else just its `language`.
    var mapLanguages: [String] { course.isMultilingual ? course.languages : [course.language] }

    /// A language map from texts by course language; nil when every text is empty.
    func languageMap(_ texts: [String: String]) -> JSONValue? {
        var members: [String: JSONValue] = [:]
        for (language, text) in texts where !text.isEmpty { members[Self.key(language)] = .string(text) }
        if members.isEmpty { return nil }
        return .object(members)
    }

    /// The same part (a question's definition, a choice point's, feedback) made in every
    /// language by `make` and merged: language maps gain every language's text;
    /// everything else (ids, patterns, types) is the played language's. A translation
    /// whose part has another shape (a file that fails the parity check) adds nothing.
    func inEveryLanguage(
        _ make: (_ key: String, _ quizzes: [String: Quiz], _ scenarios: [String: Scenario]) -> JSONValue?
    ) -> JSONValue? {
        guard var result = make(language, quizzes, scenarios) else { return nil }
        let keys = Set(translations.map(\.key))
        for other in translations.dropFirst() {
            guard let part = make(other.key, other.quizzes, other.scenarios) else { continue }
            result = Self.merged(result, part, languageKeys: keys)
        }
        return result
    }

    static func merged(_ played: JSONValue, _ other: JSONValue, languageKeys: Set<String>) -> JSONValue {
        switch (played, other) {
        case (.object(let ours), .object(let theirs)):
            if ours["interactionType"] != theirs["interactionType"] { return played }
            var result = ours
            for (key, value) in theirs {
                if let mine = ours[key] {
                    result[key] = merged(mine, value, languageKeys: languageKeys)
                } else if languageKeys.contains(key), case .string = value, ours.keys.allSatisfy(languageKeys.contains) {
                    result[key] = value
                }
            }
            return .object(result)
        case (.array(let ours), .array(let theirs)) where ours.count == theirs.count:
            return .array(zip(ours, theirs).map { merged($0, $1, languageKeys: languageKeys) })
        default:
            return played
        }
    }
}
