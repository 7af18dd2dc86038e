import Foundation
import KursusCohort
import KursusCourse
import KursusRecords
import KursusReports
import KursusTestSupport
import Testing

/// Issue 10: "For the same records, every source gives the same numbers." A generated
/// cohort (make-cohort's generator) is written as a data directory, exported to a
/// transfer file, imported into a record store and sent to a real Ralph LRS; the report
/// made from each source alone has the same figures, section by section.
@Suite(.ralph, .serialized) struct SameNumbersFromEverySourceTests {
    typealias F = SourceFixtures

    /// The report of `sources`, made as `kursus report` makes it (reading, facts, builder).
    static func report(
        _ sources: [any StatementSource], learners: LearnerDirectory, package: CoursePackage, filters: ReportFilters, at now: Date
    ) -> Report {
        let options = ReportOptions(package: package, filters: filters, policy: CellPolicy(minimum: 3), generatedAt: now)
        var facts = StatementFacts(options: options)
        let reading = ReportReading.read(sources, learners: learners) { statement in
            facts.add(statement.statement, team: statement.team, name: statement.name)
        }
        var summary = ReadingSummary()
        facts.counts.add(to: &summary)
        summary.duplicates += reading.duplicates
        summary.statementsRead = reading.statementsRead
        summary.sources = reading.sources
        return ReportBuilder.build(records: facts.records, reading: summary, options: options)
    }

    @Test("a cohort through a data directory, a transfer file, a record store and an LRS: the same figures from each")
    func sameFigures() throws {
        let ralph = try RalphScope.current()
        let root = try F.folder("same-numbers")
        defer { F.remove(root) }
        let package = try F.course()
        // A home page of its own, so that the statement ids are new to the suite's LRS.
        let home = "https://login-\(Int.random(in: 100_000..<1_000_000)).example"
        // A period of its own too (a Monday in 2040 plus some weeks): the suite's other
        // tests post statements of the same course to the same LRS.
        let start = Date(timeIntervalSince1970: 2_209_100_400 + Double(Int.random(in: 0..<500)) * 7 * 86_400)
        let options = CohortOptions(
            seed: 3, teams: CohortOptions.teamNames(2), learnersPerTeam: 6, settings: RecordSettings(accountHomePage: home), start: start)
        let filters = ReportFilters(since: start.addingTimeInterval(-7 * 86_400), until: start.addingTimeInterval(365 * 86_400))
        let cohort = try CohortGenerator.load(course: F.repository.appendingPathComponent("Tests/Fixtures/digital-kompetence-v1"), options: options)
        let data = root.appendingPathComponent("data")
        _ = try CohortOutput.writeDataDirectory(cohort, to: data)
        let transfer = root.appendingPathComponent("cohort.kursus-records")
        try F.export(data, to: transfer)
        let store = root.appendingPathComponent("records")
        try F.importFile(transfer, into: store)
        let statements = cohort.learners.flatMap { cohort.statements(for: $0) }
        #expect(statements.count > 500)
        let client = try ralph.client()
        for start in stride(from: 0, to: statements.count, by: 100) {
            let batch = statements[start..<min(start + 100, statements.count)]
            _ = try client.postStatements(batch.map(\.json))
        }

        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let (learners, _) = LearnerDirectory.read(dataDirectories: [data])
        let sources: [(String, any StatementSource, LearnerDirectory)] = [
            ("data directory", DataDirectorySource(directory: data, courseID: package.course.id), learners),
            ("transfer file", TransferFileSource(file: transfer), LearnerDirectory()),
            ("record store", RecordStoreSource(folder: store), LearnerDirectory()),
            ("LRS", LRSSource(client: client, since: options.start.addingTimeInterval(-8 * 86_400)), LearnerDirectory()),
        ]
        let reports = sources.map { (name, source, directory) in
            (name, Self.report([source], learners: directory, package: package, filters: filters, at: now))
        }
        let reference = reports[0].1
        #expect(reference.reading.statementsRead == statements.count)
        #expect(reference.cohort.learners == .value(cohort.learners.count - cohort.learners.filter { cohort.statements(for: $0).isEmpty }.count))
        #expect(reference.cohort.teams.map(\.team) == ["Hold 1", "Hold 2"])
        #expect(!reference.quizzes.isEmpty && !reference.scenarios.isEmpty && !reference.beforeAfter.isEmpty)
        for (name, report) in reports.dropFirst() {
            // The LRS holds other tests' statements too, outside this cohort's period.
            if name != "LRS" { #expect(report.reading.statementsRead == statements.count, "\(name)") }
            #expect(report.cohort == reference.cohort, "\(name)")
            #expect(report.quizzes == reference.quizzes, "\(name)")
            #expect(report.beforeAfter == reference.beforeAfter, "\(name)")
            #expect(report.surveys == reference.surveys, "\(name)")
            #expect(report.scenarios == reference.scenarios, "\(name)")
            #expect(report.header.versionsSeen == reference.header.versionsSeen, "\(name)")
        }
    }
}
