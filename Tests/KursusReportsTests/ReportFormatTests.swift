// What every format shares: the texts in both languages, how numbers, times and dates
// are written, and a report with nothing in it.
import Foundation
import KursusText
import Testing

@testable import KursusReports

@Suite("Report texts and numbers")
struct ReportFormatTests {
    static let utc = TimeZone(identifier: "UTC") ?? .current

    @Test("every label has a Danish and an English text, with the same placeholders")
    func everyLabel() throws {
        let placeholder = try Regex("\\{[a-z]+\\}")
        for key in ReportText.allCases {
            let (danish, english) = key.texts
            #expect(!danish.isEmpty && !english.isEmpty, "\(key)")
            #expect(TerminalSafe.isSafe(danish) && TerminalSafe.isSafe(english), "\(key)")
            let marks = { (text: String) in Set(text.matches(of: placeholder).map { String(text[$0.range]) }) }
            #expect(marks(danish) == marks(english), "\(key)")
        }
        #expect(ReportStrings(.da).text(.minimumGroup, ["n": "5"]) == "Mindste gruppe der vises: 5. Mindre grupper vises som \"< 5\".")
        #expect(ReportStrings(.en).flag(.distractorBeatsKey) == "a wrong option chosen more often than the correct one")
        #expect(ReportLanguage(code: "da_DK.UTF-8") == .da)
        #expect(ReportLanguage(code: "en_GB") == .en)
    }

    @Test("numbers: decimal commas in Danish, points in English, no negative zero")
    func numbers() {
        let da = ReportNumberFormat(.da, timeZone: Self.utc)
        let en = ReportNumberFormat(.en, timeZone: Self.utc)
        #expect(da.decimal(3.14159, digits: 2) == "3,14")
        #expect(en.decimal(3.14159, digits: 2) == "3.14")
        #expect(en.decimal(-0.001, digits: 2) == "0.00")
        #expect(en.decimal(.nan, digits: 1) == "–")
        #expect(da.percent(45.26) == "45,3 %")
        #expect(en.percent(45.26) == "45.3%")
        #expect(da.count(1_234_567) == "1.234.567")
        #expect(en.count(1_234_567) == "1,234,567")
        #expect(en.count(999) == "999")
        #expect(en.signed(1.05, digits: 2) == "+1.05")
        #expect(en.signed(-0.25, digits: 2) == "-0.25")
        #expect(en.signed(0.0001, digits: 2) == "0.00")
        #expect(en.pValue(0.0004) == "< 0.001")
        #expect(da.pValue(0.3125) == "0,312")
        #expect(en.count(ReportCell<Int>.belowMinimum(5)) == "< 5")
        #expect(en.percent(ReportCell<Double>.belowMinimum(7)) == "< 7")
        #expect(en.percent(nil as ReportCell<Double>?) == "–")
    }

    @Test("times: seconds, minutes and seconds, minutes, hours")
    func durations() {
        let da = ReportNumberFormat(.da, timeZone: Self.utc)
        let en = ReportNumberFormat(.en, timeZone: Self.utc)
        #expect(en.duration(0) == "0 s")
        #expect(en.duration(59.4) == "59 s")
        #expect(en.duration(65) == "1 min 05 s")
        #expect(en.duration(599) == "9 min 59 s")
        #expect(en.duration(600) == "10 min")
        #expect(en.duration(3720) == "1 h 02 min")
        #expect(da.duration(3720) == "1 t 02 min")
        #expect(en.duration(-1) == "–")
        #expect(en.duration(1e9) == "277778 h")
        #expect(en.duration(1e300).hasSuffix(" h"))
        #expect(en.duration(.infinity) == "–")
    }

    @Test("dates are written in the given time zone")
    func dates() {
        let date = SampleReport.date("2026-03-14T23:30:00Z")
        #expect(ReportNumberFormat(.en, timeZone: Self.utc).dateTime(date) == "2026-03-14 23:30")
        let copenhagen = TimeZone(identifier: "Europe/Copenhagen") ?? Self.utc
        #expect(ReportNumberFormat(.da, timeZone: copenhagen).dateTime(date) == "2026-03-15 00:30")
        #expect(ReportNumberFormat(.da, timeZone: copenhagen).day(date) == "2026-03-15")
    }
}

@Suite("An empty report in every format")
struct EmptyReportFormatTests {
    static let empty = Report(
        header: ReportHeader(
            courseID: "tom", courseTitle: "Tomt kursus", courseVersion: "1", versionsSeen: [], generatedAt: SampleReport.date("2026-03-15T08:00:00Z"),
            filters: ReportFilters(teams: ["Afsnit A"]), minimumGroup: 5, names: false, firstActivity: nil, lastActivity: nil),
        reading: ReadingSummary(),
        cohort: CohortSection(
            learners: .value(0), teams: [], modules: [], teamModules: [], stuckCounts: [], stuckLearners: nil, learnerActivity: nil),
        quizzes: [], beforeAfter: [], surveys: [], scenarios: [])

    @Test("the terminal says there is nothing, section by section")
    func terminal() {
        let text = TerminalReport.render(Self.empty, language: .en, width: 80, color: false, timeZone: TerminalReportGoldenTests.utc)
        #expect(text.contains("Period: – · Made: 2026-03-15 08:00"))
        #expect(text.contains("Filters: teams Afsnit A"))
        #expect(text.contains("Learners: 0"))
        #expect(text.contains("Everyone has finished the course."))
        #expect(text.contains("The course has no quizzes."))
        #expect(text.contains("No surveys are linked with compare-with."))
        #expect(text.contains("The course has no surveys."))
        #expect(text.contains("The course has no scenarios."))
    }

    @Test("CSV files hold their header row only; JSON round-trips; HTML has every section")
    func files() throws {
        for (name, data) in CSVReport.files(Self.empty, language: .en, excel: false) where name != "report.csv" {
            #expect(String(decoding: data, as: UTF8.self).split(separator: "\n").count == 1, "\(name)")
        }
        #expect(try JSONReport.report(from: JSONReport.data(Self.empty)) == Self.empty)
        let html = HTMLReport.page(Self.empty, language: .da)
        #expect(html.contains("Kurset har ingen quizzer."))
        #expect(html.contains("Kurset har ingen spørgeskemaer."))
        #expect(!html.contains("<svg"))
    }

    @Test("figures that are not numbers, or absurdly large, never crash a format")
    func notNumbers() throws {
        var report = SampleReport.report
        report.beforeAfter[0].items[0].statistics?.meanChange = .nan
        report.beforeAfter[0].items[0].statistics?.changeUpper = .infinity
        report.beforeAfter[0].items[1].statistics?.changeLower = -1e300
        report.cohort.modules[0].units[0].timeOnTask = .value(TimeSummary(learners: 72, lowerQuartile: 1e300, median: .nan, upperQuartile: .infinity))
        report.quizzes[0].questions[0].options?[0].share = .value(.nan)
        report.surveys[0].likert[0].median = .value(1e300)
        report.surveys[0].likert[1].median = .value(-3)
        let text = TerminalReport.render(report, language: .en, width: 80, color: false)
        #expect(text.contains("Change"))
        let html = HTMLReport.page(report, language: .en)
        #expect(html.contains("</html>"))
        #expect(CSVReport.files(report, language: .en, excel: true).count == 18)
    }

    @Test("an anonymous before/after pair says nothing is paired")
    func anonymousPair() {
        var report = Self.empty
        report.beforeAfter = [
            BeforeAfterSection(beforeUnitID: "a", beforeTitle: "Før", afterUnitID: "b", afterTitle: "Efter", anonymous: true, items: [])
        ]
        let text = TerminalReport.render(report, language: .en, width: 80, color: false)
        #expect(text.contains("Før → Efter\nAnonymous answers are never linked to a learner, so nothing is paired."))
        #expect(HTMLReport.page(report, language: .en).contains("Anonymous answers are never linked to a learner, so nothing is paired."))
    }
}
