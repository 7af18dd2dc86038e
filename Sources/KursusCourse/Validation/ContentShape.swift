/// The structure of a unit file without its human texts, as a list of facts ("question 2
/// option 3: weight 100") each with its place, so a translation can be compared with the
/// main file fact by fact: whatever differs is reported at both places.
struct ContentShape {
    struct Fact {
        /// What the fact is about, the same in every language ("question 2 ('q2'): kind").
        var key: String
        var value: String
        var location: SourceLocation?
        /// The question, node or participant the fact belongs to ("question 2"), if any.
        var owner: String?
    }

    private(set) var facts: [Fact] = []
    /// Where each owner (a question, node or participant) starts.
    private(set) var owners: [String: SourceLocation] = [:]

    mutating func add(_ key: String, _ value: String, at location: SourceLocation?, owner: String? = nil) {
        facts.append(Fact(key: key, value: value, location: location, owner: owner))
        if let owner, let location, owners[owner] == nil { owners[owner] = location }
    }

    /// The errors for `translation` (in `language`) against `main`: every fact that is
    /// missing, extra or different, at the translation's place, naming the main file's.
    /// `fallback` is the translation's place for a fact it lacks.
    static func differences(
        main: ContentShape, translation: ContentShape, language: String, fallback: SourceLocation, mainFallback: SourceLocation
    ) -> [Diagnostic] {
        var theirs: [String: Fact] = [:]
        for fact in translation.facts where theirs[fact.key] == nil { theirs[fact.key] = fact }
        var found: [Diagnostic] = []
        var mainKeys = Set<String>()
        for fact in main.facts {
            mainKeys.insert(fact.key)
            let mainPlace = fact.location ?? mainFallback
            guard let other = theirs[fact.key] else {
                // Missing in the translation: at the question or node it belongs to there, if it has one.
                let place = fact.owner.flatMap { translation.owners[$0] } ?? fallback
                found.append(
                    .error(place, "the '\(language)' translation lacks \(fact.key) (\(fact.value)), which the main file has at \(mainPlace)"))
                continue
            }
            if other.value != fact.value {
                found.append(
                    .error(
                        other.location ?? fallback,
                        "the '\(language)' translation differs from the main file in \(fact.key): '\(other.value)' here, '\(fact.value)' at \(mainPlace); a translation changes only texts"
                    ))
            }
        }
        for fact in translation.facts where !mainKeys.contains(fact.key) {
            found.append(
                .error(
                    fact.location ?? fallback,
                    "the '\(language)' translation has \(fact.key) (\(fact.value)), which the main file (\(mainFallback.file)) does not have"))
        }
        return found
    }
}
