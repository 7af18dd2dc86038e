import Foundation
import KursusCourse

/// Makes the `Report` of one course from its records (`StatementFacts.records`), once;
/// every format then shows the same numbers.
public enum ReportBuilder {
    /// The report. `reading` says where the records came from and what could not be used
    /// (`StatementCounts.add(to:)`); statements of learners left out by `--team` are
    /// added to its `filteredOut`.
    ///
    /// With teams in `options.filters`, only learners whose team is one of them count
    /// (a learner without a known team counts in no team's report). Anonymous survey
    /// submissions have no team and are kept when their week overlaps the period
    /// (`ReportFilters.includesWeek`); the survey analysis is told a team filter is on,
    /// so it never presents them as the team's.
    public static func build(records: CourseRecords, reading: ReadingSummary, options: ReportOptions) -> Report {
        let package = options.package
        let policy = options.policy
        let filters = options.filters
        let teams = Set(filters.teams)
        var reading = reading
        var learners: [LearnerRecord] = []
        for learner in records.learners.values {
            if teams.isEmpty || learner.team.map(teams.contains) == true {
                learners.append(learner)
            } else {
                reading.filteredOut += learner.statements
            }
        }
        learners.sort { $0.account < $1.account }
        let anonymous = records.anonymousSubmissions.sorted { $0.key < $1.key }.map(\.value)
            .filter { filters.includesWeek(starting: $0.week) }

        let header = ReportHeader(
            courseID: package.course.id, courseTitle: package.course.title, courseVersion: package.course.version,
            versionsSeen: records.versionsSeen.sorted(), generatedAt: options.generatedAt, filters: filters, minimumGroup: policy.minimum,
            names: options.names, firstActivity: learners.compactMap(\.firstActivity).min(), lastActivity: learners.compactMap(\.lastActivity).max())
        return Report(
            header: header, reading: reading,
            cohort: CohortAnalysis.section(
                package: package, learners: learners, anonymous: teams.isEmpty ? anonymous : nil, policy: policy, names: options.names),
            quizzes: QuizItemAnalysis.sections(package: package, learners: learners, policy: policy),
            beforeAfter: SurveyAnalysis.beforeAfter(package: package, learners: learners, policy: policy),
            surveys: SurveyAnalysis.surveys(package: package, learners: learners, anonymous: anonymous, teamFiltered: !teams.isEmpty, policy: policy),
            scenarios: ScenarioAnalysis.sections(package: package, learners: learners, policy: policy))
    }
}
