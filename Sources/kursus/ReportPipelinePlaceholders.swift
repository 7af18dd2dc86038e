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

// The signatures below mirror those on the helpers' branches (rep-facts, rep-formats) as
// of this writing, so that deleting this file is all the merge needs.

/// PLACEHOLDER for KursusReports' fact parser: statements in, `CourseRecords` out.
struct StatementFacts {
    private(set) var records = CourseRecords()
    private(set) var counts = StatementCounts()

    init(options: ReportOptions) {}

    @discardableResult
    mutating func add(_ statement: Data, team: String? = nil, name: String? = nil) -> Bool {
        counts.read += 1
        return true
    }
}

/// PLACEHOLDER for what became of the statements given to `StatementFacts`.
struct StatementCounts {
    var read = 0
    var duplicates = 0

    func add(to summary: inout ReadingSummary) {
        summary.statementsRead += read
        summary.duplicates += duplicates
    }
}

/// PLACEHOLDER for the builder's options.
struct ReportOptions {
    var package: CoursePackage
    var filters: ReportFilters
    var policy: CellPolicy
    var names: Bool
    var generatedAt: Date
}

/// PLACEHOLDER for the report's language.
enum ReportLanguage: String {
    case da, en

    init(code: String) {
        self = code.lowercased().hasPrefix("da") ? .da : .en
    }
}

/// PLACEHOLDER: an empty report with the reading summary and header filled in.
enum ReportBuilder {
    static func build(records: CourseRecords, reading: ReadingSummary, options: ReportOptions) -> Report {
        let course = options.package.course
        let header = ReportHeader(
            courseID: course.id, courseTitle: course.title, courseVersion: course.version, versionsSeen: [], generatedAt: options.generatedAt,
            filters: options.filters, minimumGroup: options.policy.minimum, names: options.names, firstActivity: nil, lastActivity: nil)
        let cohort = CohortSection(
            learners: .value(0), teams: [], modules: [], teamModules: [], stuckCounts: [], stuckLearners: nil, learnerActivity: nil)
        return Report(header: header, reading: reading, cohort: cohort, quizzes: [], beforeAfter: [], surveys: [], scenarios: [])
    }
}

/// PLACEHOLDER terminal page.
enum TerminalReport {
    static func render(_ report: Report, language: ReportLanguage, width: Int, color: Bool) -> String {
        "\(report.header.courseTitle): \(report.reading.statementsRead) statements read\n"
    }
}

/// PLACEHOLDER CSV files.
enum CSVReport {
    static func files(_ report: Report, language: ReportLanguage, excel: Bool) -> [(name: String, data: Data)] {
        [("reading.csv", Data("statements\n\(report.reading.statementsRead)\n".utf8))]
    }
}

/// PLACEHOLDER JSON document: the report encoded with sorted keys and ISO 8601 dates.
enum JSONReport {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func data(_ report: Report) throws(Failure) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return try encoder.encode(report) + Data("\n".utf8)
        } catch {
            throw Failure(description: "the report cannot be written as JSON")
        }
    }
}

/// PLACEHOLDER HTML page.
enum HTMLReport {
    static func page(_ report: Report, language: ReportLanguage) -> String {
        "<!DOCTYPE html><html lang=\"\(language.rawValue)\"><title>Report</title><p>\(report.reading.statementsRead)</p></html>\n"
    }
}
