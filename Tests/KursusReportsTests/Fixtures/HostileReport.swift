import Foundation

@testable import KursusReports

/// The sample report with hostile content in every kind of text a course, a learner or
/// an LRS can put there: markup, quotes, ampersands, terminal escapes, other control
/// characters, bidi controls, formula starts, wide (CJK, emoji) characters and a very long
/// unbroken word.
enum HostileReport {
    static let script = "<script>alert(\"x\")</script>"
    static let escape = "\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J"
    static let bidi = "abc\u{202E}fdp.exe\u{2066}x\u{2069}"
    static let long = String(repeating: "Meget_lang_tekst_uden_mellemrum_", count: 6)

    /// U+FFFE and U+FDD0, which a Swift literal cannot hold.
    static let noncharacters = [0xFFFE, 0xFDD0].compactMap { Unicode.Scalar($0).map { String(Character($0)) } }.joined()

    static var report: Report {
        var report = SampleReport.named
        report.header.courseTitle = "Kursus \(script) & \"citat\" 'x' \(escape)"
        report.header.courseID = "id\u{0}\u{7F}\u{9B}1m"
        report.reading.problems.append("\(long) \(escape) \(bidi)")
        report.reading.sources[0].location = "/data/\(script)"
        report.cohort.teams[0].team = "=HYPERLINK(\"http://evil.example\")"
        report.cohort.teamModules[0].team = "+SUM(1;2)"
        report.cohort.teams[1].team = "病棟チーム🏥東"
        report.cohort.modules[1].title = String(repeating: "看護師の手指衛生", count: 8)
        report.cohort.modules[0].title = "Modul <b>1</b> \(escape)"
        report.cohort.modules[0].units[0].title = long
        report.cohort.stuckLearners?[0].learner = "@Mette \(bidi)"
        report.cohort.learnerActivity?[0].learner = "-Anna \(script)\u{1B}[31m"
        report.quizzes[0].title = "Quiz \u{1B}[1mfed\u{1B}[0m"
        report.quizzes[0].questions[0].text = "Hvornår? \(script)\ttab\r\nny linje"
        report.quizzes[0].questions[0].options?[0].text = "\t=1+1"
        report.quizzes[0].questions[1].options?[2].text = "\r-2"
        report.beforeAfter[0].items[0].text = "Tryg & \(bidi) </table>"
        report.surveys[0].likert[0].labels[0] = "<i>Meget</i> uenig"
        report.surveys[0].likert[0].text = "Relevant\u{85}\u{2028}? \(script)"
        report.surveys[0].freeText[0].answers?[0] = "=cmd|' /C calc'!A0"
        report.surveys[0].freeText[0].answers?[1] = "\(script)\nlinje 2 \(escape)\(noncharacters)"
        report.scenarios[0].endings[0].text = "Slut \(escape) \(long)"
        report.scenarios[0].choicePoints[0].prompt = "Hvad nu? \(script) \(bidi)"
        report.scenarios[0].choicePoints[0].options[0].text = "Valg \"1\" & <2>"
        report.scenarios[0].commonPoorChoices[0].text = "@SUM(A1)"
        return report
    }
}
