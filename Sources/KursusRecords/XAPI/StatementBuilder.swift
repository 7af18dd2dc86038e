import Foundation
import KursusCourse
import KursusEngine
import KursusProgress

/// Turns the engine's `LearningEvent`s into xAPI 1.0.3 statements for one learner in one
/// course (docs/records.md has the catalogue). Pure: the same event always gives the
/// same bytes, so a statement made again has the same id and the same content, and an
/// LRS that already holds it answers that it does.
///
/// ```swift
/// let secret = try SiteSecret.load(dataDirectory: dataDirectory)
/// let settings = RecordSettings(config: config, dataDirectory: dataDirectory)
/// let builder = StatementBuilder(course: package.course, quizzes: package.quizzes, scenarios: package.scenarios,
///                                learnerID: "anna", settings: settings, siteSecret: secret, team: profile.team)
/// let pending = builder.statements(for: event)   // → the learner's outbox
/// ```
public struct StatementBuilder: Sendable {
    let course: Course
    /// Quizzes and surveys by unit id.
    let quizzes: [String: Quiz]
    /// Scenarios by unit id.
    let scenarios: [String: Scenario]
    private(set) var learnerID: String
    let settings: RecordSettings
    let siteSecret: Data
    /// The language played as a language map key (`und` when course.yaml's is no RFC 5646
    /// tag): the statements' `context.language`.
    let language: String
    /// Every language of the course (the played one first) with its quizzes and
    /// scenarios, so language maps carry every language.
    let translations: [(key: String, quizzes: [String: Quiz], scenarios: [String: Scenario])]
    private(set) var learner: StatementIdentity
    /// Per scenario unit: the lowest and highest score any run can end with, where the
    /// search finished (scenarios of up to 2,000 nodes, as the debrief).
    let scoreRanges: [String: ScoreRange]
    /// `context.team` of the learner's own statements (never of anonymous ones): the team
    /// of the learner's profile as an identified Group, nil when the learner has none.
    private(set) var team: JSONValue?

    /// `team` is the team of the learner's profile (`LearnerProfile.team`); nil or blank
    /// gives statements without `context.team`.
    /// `translations`: every language's quizzes and scenarios (`CoursePackage.contents`,
    /// `CourseContent.translations`) for a course in several languages; `course` is in
    /// the language played (`contentLanguage`).
    public init(
        course: Course, quizzes: [String: Quiz], scenarios: [String: Scenario], learnerID: String, settings: RecordSettings, siteSecret: Data,
        team: String? = nil, translations: [String: LanguageContent] = [:]
    ) {
        self.course = course
        self.quizzes = quizzes
        self.scenarios = scenarios
        self.learnerID = learnerID
        self.settings = settings
        self.siteSecret = siteSecret
        language = Self.key(course.isMultilingual ? course.contentLanguage : course.language)
        var others: [(key: String, quizzes: [String: Quiz], scenarios: [String: Scenario])] = [(language, quizzes, scenarios)]
        for other in course.languages where other != course.contentLanguage {
            guard let content = translations[other] else { continue }
            others.append((Self.key(other), content.quizzes, content.scenarios))
        }
        self.translations = others
        let courseIRI = Self.courseIRI(settings: settings, course: course.id)
        learner = .learner(id: learnerID, courseIRI: courseIRI, settings: settings, secret: siteSecret)
        var ranges: [String: ScoreRange] = [:]
        for (unit, scenario) in scenarios where scenario.nodes.count <= ScenarioState.scoreSearchLimit {
            if let range = ScenarioValidator.scoreRange(scenario), range.complete { ranges[unit] = range }
        }
        scoreRanges = ranges
        self.team = Self.teamGroup(team, settings: settings)
    }

    /// The same builder for another learner of the same course and settings: what the
    /// course needs (the scenarios' score ranges, searched when the builder was made) is
    /// not worked out again, so making statements for many learners stays fast.
    public func forLearner(_ learnerID: String, team: String?) -> StatementBuilder {
        var builder = self
        builder.learnerID = learnerID
        builder.learner = .learner(id: learnerID, courseIRI: courseIRI, settings: settings, secret: siteSecret)
        builder.team = Self.teamGroup(team, settings: settings)
        return builder
    }

    /// The same learner's builder after they switched the course to another language
    /// (`CoursePackage.inLanguage`): statements from now on carry that language as
    /// `context.language`; ids, the learner and the team stay.
    public func inLanguage(
        course: Course, quizzes: [String: Quiz], scenarios: [String: Scenario], translations: [String: LanguageContent]
    ) -> StatementBuilder {
        var builder = StatementBuilder(
            course: course, quizzes: quizzes, scenarios: scenarios, learnerID: learnerID, settings: settings, siteSecret: siteSecret,
            translations: translations)
        builder.team = team
        return builder
    }

    /// The team as an identified Group: an account on `<activity base>/teams` named by the
    /// team. Nil for no team, or one of only spaces.
    static func teamGroup(_ team: String?, settings: RecordSettings) -> JSONValue? {
        guard let team, !team.allSatisfy(\.isWhitespace) else { return nil }
        return ["objectType": "Group", "account": ["homePage": .string(settings.activityBase + "/teams"), "name": .string(team)]]
    }

    /// The statements for one event (one each, today), ready for the outbox.
    public func statements(for event: LearningEvent) -> [PendingStatement] {
        statementValues(for: event).compactMap { value in
            value["id"]?.stringValue.map { PendingStatement(id: $0, json: JSONWriter.data(value)) }
        }
    }

    /// The same statements as JSON values (for tests and documentation).
    public func statementValues(for event: LearningEvent) -> [JSONValue] {
        switch event.kind {
        case .sessionLaunched(let session):
            return [statement(learner, "sessions/\(session)/launched", .initialized, object: courseActivity(described: true), at: event.at)]
        case .sessionEnded(let session, let seconds):
            return [
                statement(
                    learner, "sessions/\(session)/ended", .terminated, object: courseActivity(described: true),
                    result: ["duration": .string(ISO8601Duration.string(seconds: seconds))], at: event.at
                )
            ]
        case .unitOpened(let unitID, let opening):
            let place = "units/\(IRI.segment(unitID))/openings/\(opening)"
            let who = isAnonymous(unitID) ? anonymous(place) : learner
            return [statement(who, place, .launched, object: unitActivity(unitID), context: unitContext(unitID), at: event.at)]
        case .lessonCompleted(let unitID):
            return [
                statement(
                    learner, "units/\(IRI.segment(unitID))/completed", .completed, object: unitActivity(unitID),
                    result: ["completion": true], context: unitContext(unitID), at: event.at
                )
            ]
        case .questionAnswered(let unitID, let attempt, let questionID, let answer, let seconds):
            return [answered(unitID: unitID, attempt: attempt, questionID: questionID, answer: answer, seconds: seconds, at: event.at)]
        case .attemptFinished(let unitID, let attempt, let scorePercent, let passed, let seconds):
            return [attemptFinished(unitID: unitID, attempt: attempt, scorePercent: scorePercent, passed: passed, seconds: seconds, at: event.at)]
        case .scenarioChoice(let unitID, let run, let step, let choice):
            return [scenarioChoice(unitID: unitID, run: run, step: step, choice: choice, at: event.at)]
        case .scenarioEnded(let unitID, let run, let outcome, let seconds):
            return [scenarioEnded(unitID: unitID, run: run, outcome: outcome, seconds: seconds, at: event.at)]
        }
    }

    // MARK: - Parts every statement has

    /// A whole statement. `place` names the event's place in the record; with the
    /// identity it gives the statement id.
    func statement(
        _ who: StatementIdentity, _ place: String, _ verb: XAPIVerb, object: JSONValue, result: [String: JSONValue] = [:],
        context: [String: JSONValue] = [:], contextExtensions: [KursusExtension: JSONValue] = [:], at date: Date
    ) -> JSONValue {
        var contextValue = context
        contextValue["registration"] = .string(who.registration)
        contextValue["language"] = .string(language)
        contextValue["platform"] = "Kursus"
        // The learner's team goes with the learner's own statements only: an anonymous
        // submission must not name a group of about 25 people.
        if let team, !who.isAnonymous { contextValue["team"] = team }
        var extensionValues: [String: JSONValue] = [KursusExtension.courseVersion.key(base: settings.activityBase): .string(course.version)]
        for (name, value) in contextExtensions { extensionValues[name.key(base: settings.activityBase)] = value }
        contextValue["extensions"] = .object(extensionValues)
        var statement: [String: JSONValue] = [
            "id": .string(who.statementID(place)),
            "actor": who.actor,
            "verb": verb.json,
            "object": object,
            "context": .object(contextValue),
            "timestamp": .string(XAPITimestamp.string(who.coarseTime ? XAPITimestamp.weekStart(date) : date)),
        ]
        if !result.isEmpty { statement["result"] = .object(result) }
        return .object(statement)
    }

    func extensions(_ values: [KursusExtension: JSONValue?]) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for (name, value) in values {
            if let value { out[name.key(base: settings.activityBase)] = value }
        }
        return out
    }

    func anonymous(_ place: String) -> StatementIdentity {
        .anonymous(learnerID: learnerID, courseIRI: courseIRI, place: place, settings: settings, secret: siteSecret)
    }

    /// Whether the unit is a survey whose file says `anonymous: true`.
    func isAnonymous(_ unitID: String) -> Bool {
        course.unit(withID: unitID)?.kind == .survey && quizzes[unitID]?.anonymous == true
    }

    // MARK: - Activities

    static func courseIRI(settings: RecordSettings, course: String) -> String {
        settings.activityBase + "/courses/" + IRI.segment(course)
    }

    var courseIRI: String { Self.courseIRI(settings: settings, course: course.id) }

    func unitIRI(_ unitID: String) -> String { courseIRI + "/units/" + IRI.segment(unitID) }

    static func activity(_ id: String, _ definition: [String: JSONValue?]) -> JSONValue {
        let members = definition.compactMapValues { $0 }
        return .compact(["objectType": "Activity", "id": .string(id), "definition": members.isEmpty ? nil : .object(members)])
    }

    /// The course; its description only where the course is the statement's object, not
    /// in every statement's context.
    func courseActivity(described: Bool = false) -> JSONValue {
        Self.activity(
            courseIRI,
            [
                "type": .string(XAPIActivityType.course),
                "name": languageMap(Course.byLanguage(course.title, course.titleTranslations, mapLanguages)),
                "description": described
                    ? course.description.flatMap { languageMap(Course.byLanguage($0, course.descriptionTranslations, mapLanguages)) } : nil,
            ])
    }

    func moduleActivity(_ module: CourseModule) -> JSONValue {
        Self.activity(
            courseIRI + "/modules/" + IRI.segment(module.id),
            [
                "type": .string(XAPIActivityType.module), "name": languageMap(module.titlesByLanguage(mapLanguages)),
            ])
    }

    /// A unit; one the course no longer has is named by its id only.
    func unitActivity(_ unitID: String) -> JSONValue {
        guard let unit = course.unit(withID: unitID) else { return Self.activity(unitIRI(unitID), [:]) }
        let type =
            switch unit.kind {
            case .lesson: XAPIActivityType.lesson
            case .quiz: XAPIActivityType.assessment
            case .survey: XAPIActivityType.survey
            case .scenario: XAPIActivityType.simulation
            }
        return Self.activity(unitIRI(unitID), ["type": .string(type), "name": languageMap(unit.titlesByLanguage(mapLanguages))])
    }

    /// For statements about a unit: the module as parent, the course as grouping.
    func unitContext(_ unitID: String) -> [String: JSONValue] {
        var activities: [String: JSONValue] = ["grouping": [courseActivity()]]
        if let module = course.module(containing: unitID) { activities["parent"] = [moduleActivity(module)] }
        return ["contextActivities": .object(activities)]
    }

    /// For statements about a question or a choice point: the unit as parent, module and
    /// course as grouping.
    func partContext(_ unitID: String) -> [String: JSONValue] {
        var grouping: [JSONValue] = []
        if let module = course.module(containing: unitID) { grouping.append(moduleActivity(module)) }
        grouping.append(courseActivity())
        return ["contextActivities": ["parent": [unitActivity(unitID)], "grouping": .array(grouping)]]
    }
}
