/// A course as its manifest describes it. Values only; loading lives in `Loading/`.
public struct Course: Hashable, Sendable {
    public var id: String
    /// The title in `contentLanguage`.
    public var title: String
    /// The main language (`language:` in course.yaml): the language of the unit files the
    /// manifest names, and the one played when no other is asked for.
    public var language: String
    /// Every language the course is written in, the main one first (`languages:` in
    /// course.yaml; just `[language]` for a course in one language).
    public var languages: [String]
    /// The language the titles, descriptions and unit texts of this value are in: the
    /// language being played.
    public var contentLanguage: String
    /// The title in each language where course.yaml gives a map; empty when one text
    /// serves every language.
    public var titleTranslations: [String: String]
    /// The description in each language where course.yaml gives a map.
    public var descriptionTranslations: [String: String]
    public var version: String
    public var description: String?
    public var authors: [String]
    public var modules: [CourseModule]
    /// Where the manifest was read from, for diagnostics.
    public var location: SourceLocation

    public init(
        id: String, title: String, language: String, version: String, description: String? = nil,
        authors: [String] = [], modules: [CourseModule], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.language = language
        self.version = version
        self.description = description
        self.authors = authors
        self.modules = modules
        self.location = location
        languages = [language]
        contentLanguage = language
        titleTranslations = [:]
        descriptionTranslations = [:]
    }

    /// Every unit in course order.
    public var allUnits: [CourseUnit] { modules.flatMap(\.units) }

    public func unit(withID id: String) -> CourseUnit? {
        for module in modules {
            if let unit = module.units.first(where: { $0.id == id }) { return unit }
        }
        return nil
    }

    public func module(containing unitID: String) -> CourseModule? {
        modules.first { module in module.units.contains { $0.id == unitID } }
    }
}

public struct CourseModule: Hashable, Sendable {
    public var id: String
    public var title: String
    public var description: String?
    /// The title and description in each language where course.yaml gives a map.
    public var titleTranslations: [String: String] = [:]
    public var descriptionTranslations: [String: String] = [:]
    public var units: [CourseUnit]
    /// Unit or module ids that must be done before any unit of this module opens.
    public var requires: [Requirement]
    /// Units open one after another: each required unit waits for the required units before it.
    public var sequential: Bool
    public var location: SourceLocation

    public init(
        id: String, title: String, description: String? = nil, units: [CourseUnit], requires: [Requirement] = [],
        sequential: Bool = false, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.units = units
        self.requires = requires
        self.sequential = sequential
        self.location = location
    }
}

/// A prerequisite as written in the manifest: the id of a unit or of a module, with its place.
public struct Requirement: Hashable, Sendable {
    public var id: String
    public var location: SourceLocation

    public init(_ id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

/// The kinds of unit a package can hold. v1 plays lessons; the others are reserved names.
public enum UnitKind: String, Hashable, Sendable, CaseIterable, Codable {
    case lesson
    case quiz
    case scenario
    case survey

    /// Kinds this version of the player can play.
    public static let supported: [UnitKind] = [.lesson, .quiz, .survey, .scenario]

    /// Quizzes and surveys share one file format.
    public var isQuestionnaire: Bool { self == .quiz || self == .survey }
}

public struct CourseUnit: Hashable, Sendable {
    public var id: String
    public var kind: UnitKind
    public var title: String
    /// The title in each language, where it differs between languages: a map in
    /// course.yaml, or each language's own file (front matter, quiz or scenario title).
    public var titleTranslations: [String: String] = [:]
    /// The unit's file, relative to the package folder, as written in the manifest.
    public var file: String?
    public var optional: Bool
    /// Unit or module ids that must be done before this unit opens.
    public var requires: [Requirement]
    public var estimatedMinutes: Int?
    public var objectives: [String]
    /// Quizzes and surveys: how many questions an attempt asks (after a pool draw).
    public var questionCount: Int?
    public var location: SourceLocation
    /// Scenarios: what makes the unit done (`completion:` in course.yaml).
    public var completion: UnitCompletion

    public init(
        id: String, kind: UnitKind, title: String, file: String?, optional: Bool = false, requires: [Requirement] = [],
        estimatedMinutes: Int? = nil, objectives: [String] = [], completion: UnitCompletion = .passed, location: SourceLocation
    ) {
        self.completion = completion
        self.requires = requires
        self.id = id
        self.kind = kind
        self.title = title
        self.file = file
        self.optional = optional
        self.estimatedMinutes = estimatedMinutes
        self.objectives = objectives
        self.location = location
    }
}

/// What makes a scenario unit done (`completion:` in course.yaml).
public enum UnitCompletion: String, Hashable, Sendable, CaseIterable {
    /// A run that meets the scenario's `pass` rule (the default). A run below it shows
    /// as failed (✗) and does not count toward the course's percentage.
    case passed
    /// Any finished run: failing is enough. A run below the pass rule shows as done and
    /// counts; the debrief still says whether it passed.
    case attempted
}
