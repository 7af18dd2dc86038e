// ======================================================================================
// TEMPORARY PLACEHOLDERS — DELETE THIS WHOLE FILE AT MERGE (issue 10).
//
// `kursus report` is written against the pipeline other helpers are building in
// KursusReports: StatementFacts, ReportOptions, ReportBuilder, TerminalReport, CSVReport,
// JSONReport and HTMLReport. They do not exist on this branch yet; these stand-ins only
// let ReportCommand compile and run (they make an empty report of the right shape).
// Once the real types are merged, delete this file and adjust ReportCommand's calls to
// the real signatures if they differ.
// ======================================================================================

import Foundation
import KursusCourse
import KursusReports

/// PLACEHOLDER for KursusReports' fact parser: statements in, `CourseRecords` out.
struct StatementFacts {
    let package: CoursePackage
    var records = CourseRecords()

    init(package: CoursePackage) {
        self.package = package
    }

    mutating func add(_ statement: Data, team: String?, name: String?) {}
}

/// PLACEHOLDER for the builder's options.
struct ReportOptions {
    var package: CoursePackage
    var filters: ReportFilters
    var minimumGroup: Int
    var names: Bool
    var generatedAt: Date
}

/// PLACEHOLDER: an empty report with the reading summary and header filled in.
enum ReportBuilder {
    static func build(records: CourseRecords, reading: ReadingSummary, options: ReportOptions) -> Report {
        let course = options.package.course
        let header = ReportHeader(
            courseID: course.id, courseTitle: course.title, courseVersion: course.version, versionsSeen: [],
            generatedAt: options.generatedAt, filters: options.filters, minimumGroup: options.minimumGroup, names: options.names,
            firstActivity: nil, lastActivity: nil)
        let cohort = CohortSection(
            learners: .value(0), teams: [], modules: [], teamModules: [], stuckCounts: [], stuckLearners: nil, learnerActivity: nil)
        return Report(header: header, reading: reading, cohort: cohort, quizzes: [], beforeAfter: [], surveys: [], scenarios: [])
    }
}

/// PLACEHOLDER terminal page.
enum TerminalReport {
    static func render(_ report: Report, language: String, width: Int, color: Bool) -> String {
        "\(report.header.courseTitle): \(report.reading.statementsRead) statements read\n"
    }
}

/// PLACEHOLDER CSV files, by file name.
enum CSVReport {
    static func files(_ report: Report, language: String, excel: Bool) -> [String: Data] {
        ["reading.csv": Data("statements\n\(report.reading.statementsRead)\n".utf8)]
    }
}

/// PLACEHOLDER JSON document: the report encoded with sorted keys and ISO 8601 dates.
enum JSONReport {
    static func data(_ report: Report) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(report)) ?? Data()
    }
}

/// PLACEHOLDER HTML page.
enum HTMLReport {
    static func page(_ report: Report, language: String) -> String {
        "<!DOCTYPE html><html lang=\"\(language)\"><title>Report</title><p>\(report.reading.statementsRead)</p></html>\n"
    }
}
