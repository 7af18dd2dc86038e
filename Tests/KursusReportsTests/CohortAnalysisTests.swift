import Foundation
import KursusCourse
import KursusEngine
import KursusRecords
import Testing

@testable import KursusReports

/// The cohort figures of four learners whose statements the real builder made:
///
/// - anna (Nord): everything required; quiz failed once, then passed.
/// - bo (Nord, named "Bo Berg"): read the lesson in 30 minutes, failed the quiz twice.
/// - cy (Syd): opened the lesson twice, completed it 200 minutes after the second
///   opening (capped at 2 hours).
/// - dan (no team): only signed in.
@Suite struct CohortAnalysisTests {
    typealias F = FactsFixture

    static var records: CourseRecords {
        var facts = StatementFacts(package: F.package())
        for statement in F.statements("anna", StatementFactsTests.annasEvents) { facts.add(statement, team: "Nord") }
        let bo = [
            F.opened("intro", 1, minute: 0), LearningEvent(at: F.at(minutes: 30), .lessonCompleted(unitID: "intro")),
            F.answer(attempt: 1, "enkelt", .option("b"), minute: 31), F.finished(attempt: 1, score: 0, passed: false, minute: 32, seconds: 200),
            F.finished(attempt: 2, score: 40, passed: false, minute: 40, seconds: 100),
        ]
        for statement in F.statements("bo", bo) { facts.add(statement, team: "Nord", name: "Bo Berg") }
        let cy = [
            F.opened("intro", 1, minute: 0), F.opened("intro", 2, minute: 200),
            LearningEvent(at: F.at(minutes: 400), .lessonCompleted(unitID: "intro")),
        ]
        for statement in F.statements("cy", cy) { facts.add(statement, team: "Syd") }
        for statement in F.statements("dan", [LearningEvent(at: F.at(minutes: 50), .sessionLaunched(session: 1))]) { facts.add(statement) }
        #expect(facts.counts.used == facts.counts.read)
        return facts.records
    }

    static func section(minimum: Int = 1, names: Bool = false) -> CohortSection {
        let learners = records.learners.values.sorted { $0.account < $1.account }
        return CohortAnalysis.section(package: F.package(), learners: learners, anonymous: [], policy: CellPolicy(minimum: minimum), names: names)
    }

    func counts(_ started: Int, _ completed: Int, _ passed: Int?) -> FunnelCounts {
        FunnelCounts(started: .value(started), completed: .value(completed), passed: passed.map { .value($0) })
    }

    @Test func learnersPerTeam() {
        let cohort = Self.section()
        #expect(cohort.learners == .value(4))
        #expect(cohort.teams.map(\.team) == ["Nord", "Syd", nil])
        #expect(cohort.teams.map(\.learners) == [.value(2), .value(1), .value(1)])
        // Nord's last activity is bo's last statement, minute 40.
        #expect(cohort.teams[0].lastActivity == F.at(minutes: 40))
        #expect(cohort.teams[2].lastActivity == F.at(minutes: 50))
    }

    @Test func theFunnelPerUnitAndModule() throws {
        let cohort = Self.section()
        let grundlag = try #require(cohort.modules.first)
        #expect(grundlag.units.map(\.unitID) == ["intro", "quiz", "scenarie", "ekstra"])
        #expect(grundlag.units.map(\.counts) == [counts(3, 3, nil), counts(2, 2, 1), counts(1, 1, 1), counts(0, 0, nil)])
        #expect(grundlag.units.map(\.kind) == ["lesson", "quiz", "scenario", "lesson"])
        #expect(grundlag.units[3].optional)
        // Module: anna alone completed intro, quiz and scenario (ekstra is optional) and passed quiz and scenario.
        #expect(grundlag.counts == counts(3, 1, 1))
        let afslutning = try #require(cohort.modules.last)
        #expect(afslutning.units.map(\.unitID) == ["foer", "evaluering"])
        #expect(afslutning.units[0].counts == counts(1, 1, nil))
        // The anonymous evaluation counts submissions: none here.
        #expect(afslutning.units[1].counts == counts(0, 0, nil))
        #expect(afslutning.counts == counts(1, 1, nil))
    }

    @Test func timeOnTaskIsTheMedianAndQuartilesOverLearners() throws {
        let units = Self.section().modules[0].units
        // Lesson: 5 min (anna), 30 min (bo), 200 min capped at 120 (cy) → 300, 1800, 7200 s.
        #expect(units[0].timeOnTask == .value(TimeSummary(learners: 3, lowerQuartile: 1050, median: 1800, upperQuartile: 4500)))
        // Quiz: anna 120 + 60, bo 200 + 100.
        #expect(units[1].timeOnTask == .value(TimeSummary(learners: 2, lowerQuartile: 210, median: 240, upperQuartile: 270)))
        #expect(units[2].timeOnTask == .value(TimeSummary(learners: 1, lowerQuartile: 95, median: 95, upperQuartile: 95)))
        #expect(units[3].timeOnTask == nil)
    }

    @Test func eachTeamHasItsOwnFunnel() {
        let teams = Self.section().teamModules
        #expect(teams.map(\.team) == ["Nord", "Syd", nil])
        #expect(teams[0].modules.map(\.counts) == [counts(2, 1, 1), counts(1, 1, nil)])
        #expect(teams[1].modules.map(\.counts) == [counts(1, 0, 0), counts(0, 0, nil)])
        #expect(teams[2].modules.map(\.counts) == [counts(0, 0, 0), counts(0, 0, nil)])
        #expect(teams[0].modules.map(\.moduleID) == ["grundlag", "afslutning"])
    }

    @Test func whereUnfinishedLearnersStand() {
        let cohort = Self.section()
        #expect(cohort.stuckCounts.map(\.unitID) == ["intro", "quiz", "scenarie", "foer"])
        #expect(cohort.stuckCounts.map(\.learners) == [.value(1), .value(2), .value(0), .value(0)])
        #expect(cohort.stuckLearners == nil && cohort.learnerActivity == nil)
    }

    @Test func namesOnlyWithNames() throws {
        let cohort = Self.section(names: true)
        let stuck = try #require(cohort.stuckLearners)
        #expect(
            stuck == [
                StuckLearner(learner: "dan", team: nil, unitID: "intro", title: "Introduktion", failedAttempts: 0, lastActivity: F.at(minutes: 50)),
                StuckLearner(
                    learner: "Bo Berg", team: "Nord", unitID: "quiz", title: "Quiz: teknik", failedAttempts: 2, lastActivity: F.at(minutes: 40)),
                StuckLearner(learner: "cy", team: "Syd", unitID: "quiz", title: "Quiz: teknik", failedAttempts: 0, lastActivity: F.at(minutes: 400)),
            ])
        let activity = try #require(cohort.learnerActivity)
        #expect(activity.map(\.learner) == ["Bo Berg", "anna", "cy", "dan"])
        #expect(activity.map(\.unitsCompleted) == [1, 4, 1, 0])
        #expect(activity.allSatisfy { $0.unitsRequired == 4 })
    }

    @Test func smallGroupsAreHidden() throws {
        let cohort = Self.section(minimum: 5)
        #expect(cohort.learners == .belowMinimum(5))
        #expect(cohort.teams.map(\.learners) == [.belowMinimum(5), .belowMinimum(5), .belowMinimum(5)])
        #expect(cohort.teams.allSatisfy { $0.lastActivity == nil })
        let ekstra = cohort.modules[0].units[3]
        #expect(ekstra.counts.started == .value(0))
        #expect(cohort.modules[0].units[0].counts.started == .belowMinimum(5))
        #expect(cohort.modules[0].units[0].timeOnTask == .belowMinimum(5))
        #expect(cohort.stuckCounts.map(\.learners) == [.belowMinimum(5), .belowMinimum(5), .value(0), .value(0)])
    }

    @Test func noLearners() {
        let cohort = CohortAnalysis.section(package: F.package(), learners: [], anonymous: nil, policy: CellPolicy(minimum: 5), names: true)
        #expect(cohort.learners == .value(0))
        #expect(cohort.teams.isEmpty && cohort.teamModules.isEmpty)
        #expect(cohort.modules[0].counts == counts(0, 0, 0))
        #expect(cohort.modules[0].units.allSatisfy { $0.timeOnTask == nil })
        // With a team filter the anonymous evaluation has no row.
        #expect(cohort.modules[1].units.map(\.unitID) == ["foer"])
        #expect(cohort.stuckLearners == [] && cohort.learnerActivity == [])
    }

    @Test func anonymousSubmissionsAreCountedAsSubmissions() {
        let week = Date(timeIntervalSince1970: 1_740_960_000)
        let answer = AnswerRecord(response: "4", scaled: nil, raw: nil, maximum: nil, at: week, seconds: nil)
        let submissions = [
            AnonymousSubmission(unitID: "evaluering", week: week, answers: ["relevans": answer], submitted: true),
            AnonymousSubmission(unitID: "evaluering", week: week, answers: ["relevans": answer], submitted: false),
        ]
        let cohort = CohortAnalysis.section(package: F.package(), learners: [], anonymous: submissions, policy: CellPolicy(minimum: 1), names: false)
        #expect(cohort.modules[1].units[1].counts == counts(2, 1, nil))
    }
}
