// The terminal report of the sample, compared with golden files at 80 and 132 columns in
// Danish and English. KURSUS_UPDATE_GOLDEN=1 rewrites them (review the diff: goldens are
// the spec).
import Foundation
import KursusText
import Testing

@testable import KursusReports

enum ReportGolden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KURSUS_UPDATE_GOLDEN"] == "1" {
            try? Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run with KURSUS_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        let actualLines = actual.components(separatedBy: "\n")
        let expectedLines = expected.components(separatedBy: "\n")
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let mine = index < actualLines.count ? actualLines[index] : "(no line)"
            let golden = index < expectedLines.count ? expectedLines[index] : "(no line)"
            if mine != golden {
                Issue.record(
                    "report differs from Golden/\(name) at line \(index + 1):\n  golden: \(golden)\n  actual: \(mine)\nrerun with KURSUS_UPDATE_GOLDEN=1 and review the diff",
                    sourceLocation: sourceLocation)
                return
            }
        }
    }
}

@Suite("Terminal report goldens")
struct TerminalReportGoldenTests {
    static let utc = TimeZone(identifier: "UTC") ?? .current

    @Test("the sample report at 80 and 132 columns, in Danish and English", arguments: [80, 132], ReportLanguage.allCases)
    func golden(width: Int, language: ReportLanguage) {
        let text = TerminalReport.render(SampleReport.report, language: language, width: width, color: false, timeZone: Self.utc)
        ReportGolden.check(text, named: "report-\(language.rawValue)-\(width).txt")
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(DisplayWidth.of(line) <= width, "too wide at \(width): \(line)")
        }
    }

    @Test("the sample with --names lists the learners, at 80 columns")
    func goldenNamed() {
        let text = TerminalReport.render(SampleReport.named, language: .en, width: 80, color: false, timeZone: Self.utc)
        ReportGolden.check(text, named: "report-en-80-names.txt")
    }
}
