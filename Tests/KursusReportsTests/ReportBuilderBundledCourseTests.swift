import Foundation
import KursusCourse
import KursusEngine
import KursusRecords
import Testing

@testable import KursusReports

/// The bundled course (Courses/digital-kompetence), read from its files: one learner
/// opens and finishes every unit, and the report says so.
@Suite struct ReportBuilderBundledCourseTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/digital-kompetence-v1")

    @Test func aLearnerWhoFinishedEveryUnitOfTheBundledCourse() throws {
        let (loaded, diagnostics) = CoursePackageLoader.load(Self.folder, shownAs: "digital-kompetence")
        let package = try #require(loaded, "\(diagnostics)")
        let start = Date(timeIntervalSince1970: 1_741_078_800)
        var events: [LearningEvent] = [LearningEvent(at: start, .sessionLaunched(session: 1))]
        var minute = 0.0
        func next() -> Date {
            minute += 1
            return start.addingTimeInterval(minute * 60)
        }
        for unit in package.course.allUnits {
            events.append(LearningEvent(at: next(), .unitOpened(unitID: unit.id, opening: 1)))
            switch unit.kind {
            case .lesson:
                events.append(LearningEvent(at: next(), .lessonCompleted(unitID: unit.id)))
            case .quiz:
                events.append(LearningEvent(at: next(), .attemptFinished(unitID: unit.id, attempt: 1, scorePercent: 90, passed: true, seconds: 100)))
            case .survey:
                events.append(LearningEvent(at: next(), .attemptFinished(unitID: unit.id, attempt: 1, scorePercent: nil, passed: nil, seconds: 50)))
            case .scenario:
                let scenario = try #require(package.scenarios[unit.id])
                let ending = try #require(
                    scenario.nodes.first {
                        if case .ending = $0.kind { return true }
                        return false
                    })
                let outcome = ScenarioOutcome(ending: ending.id, title: "", score: 1, rating: nil, passed: true)
                events.append(LearningEvent(at: next(), .scenarioEnded(unitID: unit.id, run: 1, outcome: outcome, seconds: 300)))
            }
        }
        let builder = StatementBuilder(
            course: package.course, quizzes: package.quizzes, scenarios: package.scenarios, learnerID: "anje04", settings: .default,
            siteSecret: Data(repeating: 7, count: 32))
        var facts = StatementFacts(package: package)
        for event in events {
            for statement in builder.statements(for: event) { #expect(facts.add(statement.json) == .used) }
        }
        var reading = ReadingSummary()
        facts.counts.add(to: &reading)
        #expect(reading.unreadable == 0 && reading.notInCourse.isEmpty && reading.problems.isEmpty)

        let report = ReportBuilder.build(
            records: facts.records, reading: reading, options: ReportOptions(package: package, policy: CellPolicy(minimum: 1), names: true))
        #expect(report.header.courseID == package.course.id)
        #expect(report.cohort.learners == .value(1))
        // The anonymous evaluation counts its one submission, not the learner.
        #expect(facts.records.anonymousSubmissions.count == package.course.allUnits.filter { package.quizzes[$0.id]?.anonymous == true }.count)
        for module in report.cohort.modules {
            #expect(module.counts.started == .value(1) && module.counts.completed == .value(1), "\(module.moduleID)")
            for unit in module.units {
                #expect(unit.counts.started == .value(1) && unit.counts.completed == .value(1), "\(unit.unitID)")
            }
        }
        #expect(report.cohort.stuckLearners == [])
        #expect(report.cohort.learnerActivity?.first.map { $0.unitsCompleted == $0.unitsRequired } == true)
        #expect(report.quizzes.count == package.course.allUnits.filter { $0.kind == .quiz }.count)
    }
}
