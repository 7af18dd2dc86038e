import Foundation
import KursusCourse
import KursusEngine
import KursusRecords
import Testing

@testable import KursusReports

/// The whole way from statements to a `Report`: filters, header, reading summary.
@Suite struct ReportBuilderTests {
    typealias F = FactsFixture

    static let generated = Date(timeIntervalSince1970: 1_750_000_000)

    /// The cohort tests' four learners, plus one anonymous evaluation and a statement
    /// about a unit the course no longer has.
    static func facts(filters: ReportFilters = ReportFilters()) -> StatementFacts {
        var facts = StatementFacts(package: F.package(), filters: filters)
        for statement in F.statements("anna", StatementFactsTests.annasEvents) { facts.add(statement, team: "Nord") }
        let bo = [F.opened("intro", 1, minute: 0), LearningEvent(at: F.at(minutes: 30), .lessonCompleted(unitID: "intro"))]
        for statement in F.statements("bo", bo) { facts.add(statement, team: "Nord", name: "Bo Berg") }
        for statement in F.statements("cy", [F.opened("intro", 1, minute: 0), F.opened("quiz", 1, minute: 60)]) { facts.add(statement, team: "Syd") }
        for statement in F.statements("dan", [LearningEvent(at: F.at(minutes: 50), .sessionLaunched(session: 1))]) { facts.add(statement) }
        let evaluation = [
            F.answer("evaluering", attempt: 1, "relevans", .likert(4), minute: 70),
            F.finished("evaluering", attempt: 1, score: nil, passed: nil, minute: 71, seconds: 60),
        ]
        for statement in F.statements("anna", evaluation) { facts.add(statement) }
        var old = F.course
        old.modules[0].units.append(CourseUnit(id: "gammel", kind: .lesson, title: "Gammel", file: "g.md", location: F.location))
        for statement in F.statements("bo", [F.opened("gammel", 1, minute: 80)], course: old) { facts.add(statement) }
        return facts
    }

    static func report(filters: ReportFilters = ReportFilters(), minimum: Int = 1, names: Bool = false) -> Report {
        let facts = facts(filters: filters)
        var reading = ReadingSummary(sources: [
            SourceSummary(kind: .store, location: "/srv/kursus/store", statements: facts.counts.read, complete: true)
        ])
        facts.counts.add(to: &reading)
        let options = ReportOptions(
            package: F.package(), filters: filters, policy: CellPolicy(minimum: minimum), names: names, generatedAt: generated)
        return ReportBuilder.build(records: facts.records, reading: reading, options: options)
    }

    @Test func theHeaderSaysWhatTheReportIsAbout() {
        let report = Self.report(minimum: 3, names: true)
        #expect(report.schemaVersion == Report.currentSchemaVersion)
        #expect(report.header.courseID == "digital kompetence" && report.header.courseTitle == "Bliv digitalt kompetent")
        #expect(report.header.courseVersion == "2.0.0" && report.header.versionsSeen == ["2.0.0"])
        #expect(report.header.generatedAt == Self.generated)
        #expect(report.header.minimumGroup == 3 && report.header.names)
        #expect(report.header.firstActivity == F.at(minutes: 0) && report.header.lastActivity == F.at(minutes: 60))
    }

    @Test func theReadingSummaryCarriesWhatCouldNotBeUsed() {
        let report = Self.report()
        // 17 + 2 + 2 + 1 + 2 statements used, 1 about a removed unit.
        #expect(report.reading.statementsRead == 25)
        #expect(report.reading.sources.map(\.statements) == [25])
        #expect(report.reading.notInCourse == [MissingActivity(unitID: "gammel", questionID: nil, statements: 1)])
        #expect(report.reading.filteredOut == 0)
    }

    @Test func everyLearnerWithoutATeamFilter() throws {
        let report = Self.report()
        #expect(report.cohort.learners == .value(4))
        #expect(report.cohort.teams.map(\.team) == ["Nord", "Syd", nil])
        let evaluation = try #require(report.cohort.modules[1].units.last)
        #expect(evaluation.unitID == "evaluering")
        #expect(evaluation.counts == FunnelCounts(started: .value(1), completed: .value(1), passed: nil))
        #expect(report.quizzes.map(\.unitID) == ["quiz"])
        #expect(report.quizzes[0].attempts == .value(1))
    }

    @Test func aTeamFilterKeepsItsLearnersAndCountsTheRestAsFilteredOut() throws {
        let report = Self.report(filters: ReportFilters(teams: ["Nord"]))
        #expect(report.header.filters.teams == ["Nord"])
        #expect(report.cohort.learners == .value(2))
        #expect(report.cohort.teams.map(\.team) == ["Nord"])
        // cy's two statements and dan's one.
        #expect(report.reading.filteredOut == 3)
        // Anonymous submissions have no team: no row in a team's funnel.
        #expect(report.cohort.modules[1].units.map(\.unitID) == ["foer"])
        #expect(report.header.lastActivity == F.at(minutes: 30))
        // bo's lesson and anna's: both in Nord.
        #expect(report.cohort.modules[0].units[0].counts.completed == .value(2))
    }

    @Test func sinceAndUntilApplyToStatementsAndToTheWeekOfAnonymousOnes() throws {
        let later = Self.report(filters: ReportFilters(since: F.at(minutes: 21)))
        // Only cy's quiz opening (minute 60), bo's completion (30) and dan's sign-in (50) are inside.
        #expect(later.cohort.learners == .value(3))
        #expect(later.reading.filteredOut == 17 + 1 + 1)
        // The evaluation's week (Monday 3 March) overlaps the period.
        #expect(later.cohort.modules[1].units.last?.counts.completed == .value(1))
        let nextWeek = Self.report(filters: ReportFilters(since: F.start.addingTimeInterval(7 * 86400)))
        #expect(nextWeek.cohort.learners == .value(0))
        #expect(nextWeek.cohort.modules[1].units.last?.counts.completed == .value(0))
        #expect(nextWeek.header.firstActivity == nil && nextWeek.header.lastActivity == nil)
    }

    @Test func theReportSurvivesJSON() throws {
        let report = Self.report(minimum: 2, names: true)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(Report.self, from: try encoder.encode(report))
        #expect(decoded.cohort == report.cohort)
        #expect(decoded.quizzes == report.quizzes)
    }

    @Test func noStatementsAtAll() {
        let options = ReportOptions(package: F.package(), generatedAt: Self.generated)
        let report = ReportBuilder.build(records: CourseRecords(), reading: ReadingSummary(), options: options)
        #expect(report.header.minimumGroup == 5 && !report.header.names)
        #expect(report.cohort.learners == .value(0))
        #expect(report.quizzes.first?.attempts == .value(0))
        #expect(report.header.versionsSeen.isEmpty)
    }
}
