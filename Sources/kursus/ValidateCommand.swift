import ArgumentParser
import Foundation
import KursusCourse
import KursusMarkdown
import KursusText

/// `kursus validate PACKAGE`: checks a course package the way the player will read it.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a course package and report every problem with its file, line and column.",
        discussion: "Exits 0 when there are no errors (warnings allowed) and 1 when there are."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The course package: a folder that holds course.yaml, or a .kursus file.")
    var package: String

    @Option(help: "Output format: text (path:line:col: severity: message) or json.")
    var format: Format = .text

    func run() throws {
        let assets = (try? CommandSupport.installation())?.assets ?? .embedded
        let validator = PackageValidator(scanLesson: MarkdownScanner.findings(in:), assets: assets)
        let report: ValidationReport
        if PackageOpening.isArchive(package) {
            // A package file is opened (every archive check) and validated as it is, without a trust policy.
            let storage = try PackageOpening.storage(URL(fileURLWithPath: package), shownAs: package, trustFrom: nil)
            report = validator.validate(storage: storage, shownAs: package)
        } else {
            report = validator.validate(URL(fileURLWithPath: package), shownAs: package)
        }
        switch format {
        case .text:
            for diagnostic in report.diagnostics { print(diagnostic.description) }
            print(Self.summaryLine(report))
        case .json:
            print(try Self.json(report))
        }
        if !report.passed { throw ExitCode(1) }
    }

    static func summaryLine(_ report: ValidationReport) -> String {
        let s = report.summary
        let plurals = ["lesson": "lessons", "quiz": "quizzes", "survey": "surveys", "scenario": "scenarios"]
        let units = s.units.sorted { $0.key < $1.key }.map { "\($0.value) \($0.value == 1 ? $0.key : plurals[$0.key] ?? $0.key + "s")" }
        let content = (["\(s.modules) module\(s.modules == 1 ? "" : "s")"] + units).joined(separator: ", ")
        let verdict = report.passed ? "OK" : "FAILED"
        return "\(verdict): \(content); \(s.errors) error\(s.errors == 1 ? "" : "s"), \(s.warnings) warning\(s.warnings == 1 ? "" : "s")"
    }

    static func json(_ report: ValidationReport) throws -> String {
        struct Entry: Encodable { var file: String; var line: Int; var column: Int; var severity: String; var message: String }
        struct Output: Encodable {
            var package: String
            var passed: Bool
            var diagnostics: [Entry]
            var summary: ValidationReport.Summary
        }
        let output = Output(
            package: report.package, passed: report.passed,
            diagnostics: report.diagnostics.map {
                Entry(file: $0.location.file, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue, message: $0.message)
            },
            summary: report.summary
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return TerminalSafe.escapingUnsafe(json: String(decoding: try encoder.encode(output), as: UTF8.self))
    }
}
