import Foundation
import KursusText

/// The report as text for a terminal (`kursus report`, the default format): tables and
/// Unicode bar charts that fit the width, in Danish or English. Content (course texts,
/// names, answers) is always made terminal-safe; the only escape sequences written are
/// SGR colours, and only with `color: true`.
public enum TerminalReport {
    /// The narrowest width laid out; a narrower terminal gets lines of this width.
    public static let minimumWidth = 60

    /// The whole report, lines joined by "\n", ending with one.
    public static func render(
        _ report: Report, language: ReportLanguage, width: Int, color: Bool, timeZone: TimeZone = .current
    ) -> String {
        var writer = TerminalWriter(language: language, width: max(minimumWidth, width), color: color, timeZone: timeZone)
        writer.header(report)
        writer.cohort(report.cohort)
        writer.quizzes(report.quizzes)
        writer.beforeAfter(report.beforeAfter)
        writer.surveys(report.surveys, minimum: report.header.minimumGroup)
        writer.scenarios(report.scenarios)
        return writer.lines.joined(separator: "\n") + "\n"
    }
}

/// Collects the lines of a terminal report; one extension per section.
struct TerminalWriter {
    let strings: ReportStrings
    let number: ReportNumberFormat
    let width: Int
    let color: Bool
    var lines: [String] = []

    init(language: ReportLanguage, width: Int, color: Bool, timeZone: TimeZone) {
        strings = ReportStrings(language)
        number = ReportNumberFormat(language, timeZone: timeZone)
        self.width = width
        self.color = color
    }

    // MARK: Styles (SGR only)

    enum Style: String {
        case bold = "1", dim = "2", good = "32", bad = "31", warning = "33", bar = "36"
    }

    func paint(_ text: String, _ style: Style) -> String {
        color && !text.isEmpty ? "\u{1B}[\(style.rawValue)m" + text + "\u{1B}[0m" : text
    }

    // MARK: Building blocks

    /// A section's title: bold, with a double rule under it, after a blank line.
    mutating func heading(_ text: String) {
        if !lines.isEmpty { lines.append("") }
        lines.append(paint(DisplayWidth.truncate(TerminalText.line(text), toWidth: width), .bold))
        lines.append(String(repeating: "═", count: width))
    }

    /// A title inside a section, after a blank line.
    mutating func subheading(_ text: String) {
        lines.append("")
        lines.append(paint(DisplayWidth.truncate(TerminalText.line(text), toWidth: width), .bold))
    }

    /// Text wrapped to the width after `indent` spaces; `hanging` indents the lines after
    /// the first further.
    mutating func paragraph(_ text: String, indent: Int = 0, hanging: Int = 0, style: Style? = nil) {
        let first = TerminalText.wrapped(text, width: max(10, width - indent - hanging))
        for (index, line) in first.enumerated() {
            let pad = String(repeating: " ", count: indent + (index == 0 ? 0 : hanging))
            lines.append(pad + (style.map { paint(line, $0) } ?? line))
        }
    }

    mutating func table(_ table: TextTable) {
        lines += table.render(width: width, paintBar: { paint($0, .bar) }, paintHeader: { paint($0, .dim) })
    }

    /// A title with an id, shortened to fit: "Title (unit-id)".
    func titled(_ title: String, id: String) -> String { "\(title) (\(id))" }

    // MARK: Header

    mutating func header(_ report: Report) {
        let header = report.header
        heading("\(strings[.reportTitle]): \(header.courseTitle)")
        var version = "\(strings[.course]): \(header.courseID) · \(strings[.version]) \(header.courseVersion)"
        if !header.versionsSeen.isEmpty { version += " · \(strings[.versionsSeen]): " + header.versionsSeen.joined(separator: ", ") }
        paragraph(version)
        let period = number.period(header.firstActivity, header.lastActivity)
        paragraph("\(strings[.period]): \(period) · \(strings[.generated]): \(number.dateTime(header.generatedAt))")
        var filters: [String] = []
        if !header.filters.teams.isEmpty { filters.append("\(strings[.teamsFilter]) " + header.filters.teams.joined(separator: ", ")) }
        if let since = header.filters.since { filters.append("\(strings[.since]) \(number.dateTime(since))") }
        if let until = header.filters.until { filters.append("\(strings[.until]) \(number.dateTime(until))") }
        paragraph("\(strings[.filters]): " + (filters.isEmpty ? strings[.noFilters] : filters.joined(separator: "; ")))
        paragraph(strings.text(.minimumGroup, ["n": "\(header.minimumGroup)"]) + " " + strings[header.names ? .namesShown : .namesHidden])
        reading(report.reading)
    }

    private mutating func reading(_ reading: ReadingSummary) {
        if !reading.sources.isEmpty {
            subheading(strings[.sources])
            for source in reading.sources {
                var text = "\(strings.source(source.kind)): \(source.location) · \(number.count(source.statements)) \(strings[.records])"
                if !source.complete { text += " · " + strings[.incomplete] }
                paragraph(text, indent: 2, hanging: 2, style: source.complete ? nil : .warning)
            }
        }
        paragraph(
            strings.text(
                .readingSummary,
                [
                    "read": number.count(reading.statementsRead), "duplicates": number.count(reading.duplicates),
                    "other": number.count(reading.otherCourses), "filtered": number.count(reading.filteredOut),
                    "unreadable": number.count(reading.unreadable),
                ]), indent: 2, hanging: 2)
        if !reading.notInCourse.isEmpty {
            subheading(strings[.notInCourse])
            for missing in reading.notInCourse {
                let what = missing.questionID.map { "\(missing.unitID) › \($0)" } ?? "\(missing.unitID) (\(strings[.wholeUnit]))"
                paragraph("\(what): \(number.count(missing.statements)) \(strings[.records])", indent: 2, hanging: 2)
            }
        }
        if !reading.problems.isEmpty {
            subheading(strings[.problems])
            for problem in reading.problems { paragraph("! " + problem, indent: 2, hanging: 2, style: .warning) }
        }
    }
}
