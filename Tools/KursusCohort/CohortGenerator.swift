import Foundation
import KursusCourse
import KursusEngine
import KursusProgress
import KursusRecords

/// A seeded, realistic cohort of learners taking a course, as learning records made by
/// the player's own parts: events as the engine makes them (`LearningEvent`, quiz
/// attempts from `AttemptBuilder` scored by `QuizScoring`, scenario runs from
/// `ScenarioMachine`), statements from `StatementBuilder` with each learner's team.
/// Deterministic: the same course and options give the same statements, byte for byte.
/// Learners are made one at a time, so a cohort of any size streams.
///
/// ```swift
/// let cohort = try CohortGenerator.load(course: courseFolder, options: CohortOptions(seed: 7))
/// try CohortOutput.writeDataDirectory(cohort, to: dataDirectory)     // profiles and outboxes
/// try CohortOutput.writeTransfer(cohort, to: file)                     // a .kursus-records file
/// for learner in cohort.learners { let statements = cohort.statements(for: learner) }
/// ```
public struct CohortGenerator: Sendable {
    public let package: CoursePackage
    public let options: CohortOptions
    /// Which questions were made weak, and how.
    public let design: CohortDesign
    /// Every learner, team by team.
    public private(set) var learners: [CohortLearner]
    /// The key of pseudonyms and anonymous submissions (`CohortOptions.siteSecret`).
    public let siteSecret: Data
    /// Made once for the course (with its scenarios' score ranges), then for each learner.
    let builder: StatementBuilder

    /// Checks the options: at least one team, at least one learner per team, team names
    /// a learner profile accepts, no team twice.
    public init(package: CoursePackage, options: CohortOptions) throws(CohortError) {
        guard !options.teams.isEmpty else { throw .invalidOptions("a cohort needs at least one team (--teams 1 or more)") }
        guard options.learnersPerTeam > 0 else { throw .invalidOptions("a team needs at least one learner (--learners-per-team 1 or more)") }
        guard options.learnerCount <= 1_000_000 else { throw .invalidOptions("at most 1,000,000 learners; choose fewer teams or learners") }
        for team in options.teams {
            do {
                guard try LearnerFields.team(team) == team else {
                    throw CohortError.invalidOptions("the team name '\(team)' is not as a profile stores it (trim it, and no empty name)")
                }
            } catch let error as CohortError {
                throw error
            } catch {
                throw .invalidOptions("the team name is refused: \(error)")
            }
        }
        guard Set(options.teams).count == options.teams.count else { throw .invalidOptions("each team name may be given once") }
        self.package = package
        self.options = options
        design = CohortDesign(package: package, seed: options.seed)
        learners = CohortRoster.learners(options)
        siteSecret = options.siteSecret
        builder = StatementBuilder(
            course: package.course, quizzes: package.quizzes, scenarios: package.scenarios, learnerID: "cohort", settings: options.settings,
            siteSecret: siteSecret
        )
    }

    /// The same cohort with only some of its learners (each still made as in the whole).
    func with(_ some: ArraySlice<CohortLearner>) -> CohortGenerator {
        var part = self
        part.learners = Array(some)
        return part
    }

    /// Loads the course package at `course` (a folder with `course.yaml`) and makes the
    /// generator; a package with errors is refused with the first of them.
    public static func load(course: URL, options: CohortOptions) throws(CohortError) -> CohortGenerator {
        let (loaded, diagnostics) = CoursePackageLoader.load(course, shownAs: course.path)
        guard let package = loaded, !diagnostics.contains(where: { $0.severity == .error }) else {
            let first = diagnostics.first { $0.severity == .error }.map { "\($0)" } ?? "it could not be read"
            throw .course(path: course.path, reason: "not a usable course package: \(first)")
        }
        return try CohortGenerator(package: package, options: options)
    }

    /// The learner's learning events, oldest first (none for a learner who never started).
    public func events(for learner: CohortLearner) -> [LearningEvent] {
        let teamIndex = options.teams.firstIndex(of: learner.team) ?? 0
        return LearnerJourney.events(for: learner, teamIndex: teamIndex, package: package, design: design, options: options)
    }

    /// The learner's statements as the player's outbox holds them, in the order made.
    public func statements(for learner: CohortLearner) -> [PendingStatement] {
        let builder = builder.forLearner(learner.id, team: learner.team)
        return events(for: learner).flatMap { builder.statements(for: $0) }
    }
}
