import Foundation

/// Everything `kursus report` shows, computed once and then written as a terminal page,
/// CSV files, JSON or HTML (docs/reports.md). Built by `ReportBuilder` from the learning
/// records of one course; plain values only, so every format shows the same numbers.
///
/// The JSON form is this type encoded with sorted keys and ISO 8601 dates, described by
/// `Assets/schemas/report.schema.json`.
public struct Report: Codable, Sendable, Equatable {
    /// Raised when a field's meaning changes; readers check it.
    public var schemaVersion: Int
    public var header: ReportHeader
    public var reading: ReadingSummary
    public var cohort: CohortSection
    /// Quizzes (scored units), in course order.
    public var quizzes: [QuizItemsSection]
    /// Surveys linked with `compare-with`: the earlier survey and the later one.
    public var beforeAfter: [BeforeAfterSection]
    /// Every survey, in course order (the evaluation survey among them).
    public var surveys: [SurveySection]
    public var scenarios: [ScenarioSection]

    public static let currentSchemaVersion = 1

    public init(
        header: ReportHeader, reading: ReadingSummary, cohort: CohortSection, quizzes: [QuizItemsSection],
        beforeAfter: [BeforeAfterSection], surveys: [SurveySection], scenarios: [ScenarioSection]
    ) {
        schemaVersion = Self.currentSchemaVersion
        self.header = header
        self.reading = reading
        self.cohort = cohort
        self.quizzes = quizzes
        self.beforeAfter = beforeAfter
        self.surveys = surveys
        self.scenarios = scenarios
    }
}

/// What the report is about and how it was made.
public struct ReportHeader: Codable, Sendable, Equatable {
    public var courseID: String
    public var courseTitle: String
    /// The course version of the package the report was made with.
    public var courseVersion: String
    /// Course versions seen in the records (`course-version` extension), sorted.
    public var versionsSeen: [String]
    /// When the report was made.
    public var generatedAt: Date
    public var filters: ReportFilters
    /// Counts of 1 to minimum − 1 learners are shown as "< minimum".
    public var minimumGroup: Int
    /// Whether learners are named (`--names`).
    public var names: Bool
    /// The first and last record read (after filtering), when any.
    public var firstActivity: Date?
    public var lastActivity: Date?

    public init(
        courseID: String, courseTitle: String, courseVersion: String, versionsSeen: [String], generatedAt: Date,
        filters: ReportFilters, minimumGroup: Int, names: Bool, firstActivity: Date?, lastActivity: Date?
    ) {
        self.courseID = courseID
        self.courseTitle = courseTitle
        self.courseVersion = courseVersion
        self.versionsSeen = versionsSeen
        self.generatedAt = generatedAt
        self.filters = filters
        self.minimumGroup = minimumGroup
        self.names = names
        self.firstActivity = firstActivity
        self.lastActivity = lastActivity
    }
}

/// `--team`, `--since`, `--until` as given (the course is the header's).
public struct ReportFilters: Codable, Sendable, Equatable {
    /// Only learners of these teams; empty means everyone.
    public var teams: [String]
    /// Only records at or after this moment.
    public var since: Date?
    /// Only records before this moment.
    public var until: Date?

    public init(teams: [String] = [], since: Date? = nil, until: Date? = nil) {
        self.teams = teams
        self.since = since
        self.until = until
    }

    public func includes(_ time: Date) -> Bool {
        if let since, time < since { return false }
        if let until, time >= until { return false }
        return true
    }
}

/// Where the records came from and what could not be used: a report of what could be
/// read, never silence about what could not.
public struct ReadingSummary: Codable, Sendable, Equatable {
    public var sources: [SourceSummary]
    /// Statements read, duplicates included.
    public var statementsRead: Int
    /// The same statement id read more than once (from two sources, say), counted once.
    public var duplicates: Int
    /// Statements of other courses, left out.
    public var otherCourses: Int
    /// Statements outside `--since`/`--until` or of learners outside `--team`.
    public var filteredOut: Int
    /// Statements that are not Kursus statements of a form the report knows (with the reason).
    public var unreadable: Int
    /// Statements about units or questions the course package no longer has (a later
    /// course version removed them): counted here, left out of the figures.
    public var notInCourse: [MissingActivity]
    /// Messages: what could not be read and why. Each names the place.
    public var problems: [String]

    public init(
        sources: [SourceSummary] = [], statementsRead: Int = 0, duplicates: Int = 0, otherCourses: Int = 0, filteredOut: Int = 0,
        unreadable: Int = 0, notInCourse: [MissingActivity] = [], problems: [String] = []
    ) {
        self.sources = sources
        self.statementsRead = statementsRead
        self.duplicates = duplicates
        self.otherCourses = otherCourses
        self.filteredOut = filteredOut
        self.unreadable = unreadable
        self.notInCourse = notInCourse
        self.problems = problems
    }
}

public struct SourceSummary: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case dataDirectory = "data-directory", store, transfer, lrs }
    public var kind: Kind
    /// The folder, file or LRS address (without credentials).
    public var location: String
    public var statements: Int
    /// False when reading stopped early (the problems say why).
    public var complete: Bool

    public init(kind: Kind, location: String, statements: Int, complete: Bool) {
        self.kind = kind
        self.location = location
        self.statements = statements
        self.complete = complete
    }
}

/// A unit (or a question of a unit) that records mention but the course package lacks.
public struct MissingActivity: Codable, Sendable, Equatable {
    public var unitID: String
    /// Nil when the whole unit is missing.
    public var questionID: String?
    public var statements: Int

    public init(unitID: String, questionID: String?, statements: Int) {
        self.unitID = unitID
        self.questionID = questionID
        self.statements = statements
    }
}
