/// The verbs and activity types Kursus uses, all from published vocabularies (none
/// invented), and the names of Kursus's own extensions. docs/records.md says why each
/// was chosen.
public enum XAPIVerb: String, CaseIterable, Sendable {
    /// A course session began (cmi5 §9.3.2: the first statement of a session).
    case initialized = "http://adlnet.gov/expapi/verbs/initialized"
    /// A course session ended, with its duration (cmi5 §9.3.8: the last statement).
    case terminated = "http://adlnet.gov/expapi/verbs/terminated"
    /// A unit was opened from the course menu (cmi5 §9.3.1: the player, in the role of
    /// the LMS, launched the unit).
    case launched = "http://adlnet.gov/expapi/verbs/launched"
    /// A lesson was read to its end; a survey or an unassessed run was finished.
    case completed = "http://adlnet.gov/expapi/verbs/completed"
    case passed = "http://adlnet.gov/expapi/verbs/passed"
    case failed = "http://adlnet.gov/expapi/verbs/failed"
    /// A question was answered, or a choice taken at a scenario's choice point.
    case answered = "http://adlnet.gov/expapi/verbs/answered"

    public var id: String { rawValue }

    /// Past tense, as the specification's examples write displays.
    public var display: JSONValue {
        let (english, danish): (String, String) =
            switch self {
            case .initialized: ("initialized", "startede")
            case .terminated: ("terminated", "afsluttede")
            case .launched: ("launched", "åbnede")
            case .completed: ("completed", "gennemførte")
            case .passed: ("passed", "bestod")
            case .failed: ("failed", "bestod ikke")
            case .answered: ("answered", "besvarede")
            }
        return ["en": .string(english), "da": .string(danish)]
    }

    public var json: JSONValue { ["id": .string(id), "display": display] }
}

/// Activity types (`definition.type`).
public enum XAPIActivityType {
    public static let course = "http://adlnet.gov/expapi/activities/course"
    public static let module = "http://adlnet.gov/expapi/activities/module"
    public static let lesson = "http://adlnet.gov/expapi/activities/lesson"
    /// A quiz unit.
    public static let assessment = "http://adlnet.gov/expapi/activities/assessment"
    /// A survey unit (the Tin Can registry's survey type: no ADL type exists).
    public static let survey = "http://id.tincanapi.com/activitytype/survey"
    /// A scenario unit: a simulated video consultation.
    public static let simulation = "http://adlnet.gov/expapi/activities/simulation"
    /// A question, or a scenario's choice point (xAPI 1.0.3 §2.4.4.1: interactions SHOULD have this type).
    public static let interaction = "http://adlnet.gov/expapi/activities/cmi.interaction"
}

/// Kursus's own extensions. Their keys are IRIs under the site's activity base
/// (`<activity-base>/extensions/<name>`), a domain the site controls (xAPI §3.1).
public enum KursusExtension: String, CaseIterable, Sendable {
    /// Context: the course's `version` from course.yaml (a string).
    case courseVersion = "course-version"
    /// Context: the attempt number of a quiz or survey (1 for the first).
    case attempt
    /// Context: the run number of a scenario (1 for the first).
    case run
    /// Result: the feedback the learner was shown, a language map (Markdown as written).
    case feedback
    /// Result: a scenario choice's quality, `good`, `mixed` or `poor`.
    case quality
    /// Result: true when the response timer ran out and chose for the learner.
    case timedOut = "timed-out"
    /// Result: the id of the ending node a scenario run reached.
    case ending
    /// Result: the ending's rating, `good`, `mixed` or `poor`.
    case rating

    public func key(base: String) -> String { base + "/extensions/" + rawValue }
}
