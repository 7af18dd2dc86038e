// The CSV report: one file per table, RFC 4180 quoting, Excel's dialect, suppressed
// cells, and defused formula starts (OWASP's CSV injection advice).
import Foundation
import Testing

@testable import KursusReports

/// A strict RFC 4180 reader for the tests: fields, quotes doubled inside quoted fields.
enum CSVReader {
    static func rows(_ data: Data, separator: Character) -> [[String]] {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" && field.isEmpty {
                quoted = true
            } else if Character(scalar) == separator {
                row.append(field)
                field = ""
            } else if scalar == "\r" {
                continue
            } else if scalar == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return rows
    }
}

@Suite("CSV report")
struct CSVReportTests {
    func file(_ name: String, _ report: Report = SampleReport.report, language: ReportLanguage = .en, excel: Bool = false) throws -> Data {
        try #require(CSVReport.files(report, language: language, excel: excel).first { $0.name == name }).data
    }

    @Test("one file per table; the names lists only with --names")
    func names() {
        let names = CSVReport.files(SampleReport.report, language: .en, excel: false).map(\.name)
        #expect(
            names == [
                "report.csv", "cohort-teams.csv", "cohort-funnel.csv", "cohort-team-funnel.csv", "cohort-time.csv", "cohort-stuck.csv",
                "quiz-summary.csv", "quiz-items.csv", "quiz-options.csv", "before-after.csv", "survey-summary.csv", "survey-likert.csv",
                "survey-likert-counts.csv", "survey-free-text.csv", "scenario-summary.csv", "scenario-endings.csv", "scenario-choices.csv",
                "scenario-poor-choices.csv",
            ])
        let named = CSVReport.files(SampleReport.named, language: .en, excel: false).map(\.name)
        #expect(Set(named).subtracting(names) == ["cohort-stuck-learners.csv", "cohort-learner-activity.csv"])
    }

    @Test("plain CSV: commas, decimal points, LF, no byte order mark; suppressed cells read \"< 5\"")
    func plain() throws {
        let teams = String(decoding: try file("cohort-teams.csv"), as: UTF8.self)
        #expect(
            teams == """
                Team,Learners,Last activity
                Afsnit A,25,2026-03-14T15:40:00Z
                Afsnit B,24,2026-03-12T10:05:00Z
                Afsnit C,23,2026-03-13T13:20:00Z
                (no team),< 5,2026-02-20T09:00:00Z

                """)
        let options = String(decoding: try file("quiz-options.csv"), as: UTF8.self)
        #expect(options.contains("\nquiz-1,q1,2,Når du kommer ind på stuen,no,< 5,< 5\n"))
        #expect(options.contains("\nquiz-1,q2,3,Præcis 10 sekunder,no,36,52.9\n"))
    }

    @Test("Excel: semicolons, decimal commas, a UTF-8 byte order mark and CRLF; Danish column names")
    func excel() throws {
        let data = try file("quiz-items.csv", language: .da, excel: true)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Enheds-id;Spørgsmåls-id;Nr.;Spørgsmål;Type;Svar;Lethed (%);Diskrimination;Se nærmere på\r\n"))
        #expect(
            text.contains(
                "\r\nquiz-1;q2;2;Hvor længe skal hånddesinfektion gnides ind?;single;68;38,2;-8,5;\"negativ diskrimination: de bedste svarede dårligere her; en forkert svarmulighed valgt oftere end den rigtige\"\r\n"
            ))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("a cell from content starting with =, +, -, @, tab or CR gets a leading '; computed numbers do not")
    func formulaInjection() throws {
        let hostile = HostileReport.report
        let teams = CSVReader.rows(try file("cohort-teams.csv", hostile), separator: ",")
        #expect(teams[1][0] == "'=HYPERLINK(\"http://evil.example\")")
        let teamFunnel = CSVReader.rows(try file("cohort-team-funnel.csv", hostile, excel: true), separator: ";")
        #expect(teamFunnel[1][0] == "'+SUM(1;2)")
        let stuck = CSVReader.rows(try file("cohort-stuck-learners.csv", hostile), separator: ",")
        #expect(stuck[1][0].hasPrefix("'@Mette"))
        let activity = CSVReader.rows(try file("cohort-learner-activity.csv", hostile), separator: ",")
        #expect(activity[1][0].hasPrefix("'-Anna"))
        let options = CSVReader.rows(try file("quiz-options.csv", hostile), separator: ",")
        #expect(options[1][3] == "'\t=1+1")
        #expect(options[6][3] == "'\r-2")
        let answers = CSVReader.rows(try file("survey-free-text.csv", hostile), separator: ",")
        #expect(answers.contains { $0.last == "'=cmd|' /C calc'!A0" })
        let poor = CSVReader.rows(try file("scenario-poor-choices.csv", hostile), separator: ",")
        #expect(poor[1][4] == "'@SUM(A1)")
        let items = CSVReader.rows(try file("quiz-items.csv"), separator: ",")
        #expect(items[2][7] == "-8.5", "a computed negative number is a number")
        #expect(CSVTable.defused("Almindelig tekst") == "Almindelig tekst")
        #expect(CSVTable.defused("") == "")
    }

    @Test("quotes, separators and line breaks survive an RFC 4180 reader; control characters become visible")
    func quoting() throws {
        let hostile = HostileReport.report
        let choices = CSVReader.rows(try file("scenario-choices.csv", hostile), separator: ",")
        #expect(choices[1][5] == "Valg \"1\" & <2>")
        let answers = CSVReader.rows(try file("survey-free-text.csv", hostile), separator: ",")
        #expect(answers.contains { $0.last?.hasPrefix("<script>alert(\"x\")</script>\nlinje 2 ␛]52;c;ZXZpbA==␇␛[2J") == true })
        for (name, data) in CSVReport.files(hostile, language: .en, excel: true) {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{07}" || $0 == "\u{9B}" }, "\(name)")
            let rows = CSVReader.rows(data, separator: ";")
            #expect(rows.allSatisfy { $0.count == rows.first?.count }, "\(name): every row has as many cells as the header")
        }
        #expect(CSVTable.quoted("a,b", separator: ",") == "\"a,b\"")
        #expect(CSVTable.quoted("a,b", separator: ";") == "a,b")
        #expect(CSVTable.quoted("say \"hi\"", separator: ",") == "\"say \"\"hi\"\"\"")
    }
}
