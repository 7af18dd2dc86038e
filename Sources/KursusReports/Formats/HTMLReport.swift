import Foundation

/// The report as one self-contained HTML page (`kursus report --format html --out FILE`):
/// inline CSS and SVG charts, no scripts, nothing fetched from anywhere (a
/// Content-Security-Policy says so to the browser), printable on A4, and readable with a
/// screen reader: real tables with header cells and captions, and a text alternative
/// with the numbers for every chart. All content is escaped (`HTMLEscaping`).
public enum HTMLReport {
    /// The whole page.
    public static func page(_ report: Report, language: ReportLanguage, timeZone: TimeZone = .current) -> String {
        var writer = HTMLWriter(language: language, timeZone: timeZone)
        let title = "\(writer.strings[.reportTitle]): \(report.header.courseTitle)"
        writer.html += """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLEscaping.escape(title))</title>
            <style>
            \(HTMLStyle.css)
            </style>
            </head>
            <body>

            """
        writer.header(report, title: title)
        writer.html += "<main>\n"
        writer.cohort(report.cohort)
        writer.quizzes(report.quizzes)
        writer.beforeAfter(report.beforeAfter)
        writer.surveys(report.surveys, minimum: report.header.minimumGroup)
        writer.scenarios(report.scenarios)
        writer.html += "</main>\n</body>\n</html>\n"
        return writer.html
    }
}

/// Writes the HTML report's markup; one extension per section.
struct HTMLWriter {
    let strings: ReportStrings
    let number: ReportNumberFormat
    var html = ""
    private var charts = 0

    init(language: ReportLanguage, timeZone: TimeZone) {
        strings = ReportStrings(language)
        number = ReportNumberFormat(language, timeZone: timeZone)
    }

    /// Escaped content.
    func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// A new chart with a unique id.
    mutating func chart(title: String, description: String) -> SVGChart {
        charts += 1
        return SVGChart(id: "chart-\(charts)", title: title, description: description)
    }

    mutating func paragraph(_ text: String, class cssClass: String? = nil) {
        html += "<p\(cssClass.map { " class=\"\($0)\"" } ?? "")>\(e(text))</p>\n"
    }

    mutating func heading(_ level: Int, _ text: String) { html += "<h\(level)>\(e(text))</h\(level)>\n" }

    /// A table column: its header, and whether it holds numbers (right-aligned).
    struct Column {
        var header: String
        var numeric: Bool
        init(_ header: String, numeric: Bool = true) {
            self.header = header
            self.numeric = numeric
        }
    }

    /// A row: its first cell is the row's header cell.
    struct Row {
        var cells: [String]
        var cssClass: String? = nil
    }

    /// A table with a caption, column headers (`scope="col"`) and row headers (`scope="row"`).
    mutating func table(caption: String, columns: [Column], rows: [Row]) {
        html += "<table>\n<caption>\(e(caption))</caption>\n<thead><tr>"
        for column in columns { html += "<th scope=\"col\"\(column.numeric ? " class=\"num\"" : "")>\(e(column.header))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr\(row.cssClass.map { " class=\"\($0)\"" } ?? "")>"
            for (index, cell) in row.cells.enumerated() {
                let numeric = index < columns.count && columns[index].numeric ? " class=\"num\"" : ""
                html += index == 0 ? "<th scope=\"row\"\(numeric)>\(e(cell))</th>" : "<td\(numeric)>\(e(cell))</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
    }

    // MARK: Header

    mutating func header(_ report: Report, title: String) {
        let header = report.header
        html += "<header>\n<h1>\(e(title))</h1>\n<dl class=\"facts\">\n"
        func fact(_ name: String, _ value: String) { html += "<dt>\(e(name))</dt><dd>\(e(value))</dd>\n" }
        fact(strings[.course], "\(header.courseID) · \(strings[.version]) \(header.courseVersion)")
        if !header.versionsSeen.isEmpty { fact(strings[.versionsSeen], header.versionsSeen.joined(separator: ", ")) }
        fact(strings[.period], number.period(header.firstActivity, header.lastActivity))
        fact(strings[.generated], number.dateTime(header.generatedAt))
        var filters: [String] = []
        if !header.filters.teams.isEmpty { filters.append("\(strings[.teamsFilter]) " + header.filters.teams.joined(separator: ", ")) }
        if let since = header.filters.since { filters.append("\(strings[.since]) \(number.dateTime(since))") }
        if let until = header.filters.until { filters.append("\(strings[.until]) \(number.dateTime(until))") }
        fact(strings[.filters], filters.isEmpty ? strings[.noFilters] : filters.joined(separator: "; "))
        html += "</dl>\n"
        paragraph(strings.text(.minimumGroup, ["n": "\(header.minimumGroup)"]) + " " + strings[header.names ? .namesShown : .namesHidden])
        let reading = report.reading
        if !reading.sources.isEmpty {
            table(
                caption: strings[.sources],
                columns: [Column(strings[.sources], numeric: false), Column(strings.capitalized(.records)), Column("Status", numeric: false)],
                rows: reading.sources.map {
                    Row(cells: ["\(strings.source($0.kind)): \($0.location)", number.count($0.statements), $0.complete ? "" : strings[.incomplete]])
                })
        }
        paragraph(
            strings.text(
                .readingSummary,
                [
                    "read": number.count(reading.statementsRead), "duplicates": number.count(reading.duplicates),
                    "other": number.count(reading.otherCourses), "filtered": number.count(reading.filteredOut),
                    "unreadable": number.count(reading.unreadable),
                ]), class: "note")
        if !reading.notInCourse.isEmpty {
            table(
                caption: strings[.notInCourse], columns: [Column(strings[.unit], numeric: false), Column(strings.capitalized(.records))],
                rows: reading.notInCourse.map { missing in
                    let what = missing.questionID.map { "\(missing.unitID) › \($0)" } ?? "\(missing.unitID) (\(strings[.wholeUnit]))"
                    return Row(cells: [what, number.count(missing.statements)])
                })
        }
        if !reading.problems.isEmpty {
            html += "<h3>\(e(strings[.problems]))</h3>\n<ul class=\"warning\">\n"
            for problem in reading.problems { html += "<li>\(e(problem))</li>\n" }
            html += "</ul>\n"
        }
        html += "</header>\n"
    }
}
