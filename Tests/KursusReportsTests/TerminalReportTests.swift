// The terminal report's behaviour beyond the goldens: widths, colour, hostile content,
// suppression, and the bars.
import Foundation
import KursusText
import Testing

@testable import KursusReports

@Suite("Terminal report")
struct TerminalReportTests {
    static let utc = TimeZone(identifier: "UTC") ?? .current

    func render(_ report: Report, width: Int, color: Bool = false, language: ReportLanguage = .en) -> String {
        TerminalReport.render(report, language: language, width: width, color: color, timeZone: Self.utc)
    }

    @Test("every line fits the width, from 60 columns up; narrower terminals get 60", arguments: [20, 60, 61, 73, 80, 100, 132, 200])
    func fitsWidth(width: Int) {
        for report in [SampleReport.report, SampleReport.named, HostileReport.report] {
            for language in ReportLanguage.allCases {
                let text = render(report, width: width, language: language)
                for line in text.split(separator: "\n") {
                    #expect(DisplayWidth.of(line) <= max(60, width), "\(width) \(language): \(line)")
                }
            }
        }
    }

    @Test("hostile content never puts a control character on the terminal")
    func hostile() {
        for width in [60, 80, 132] {
            let text = render(HostileReport.report, width: width)
            let controls = text.unicodeScalars.filter { $0 != "\n" && TerminalSafe.replacement(for: $0) != nil }
            #expect(controls.isEmpty, "control characters: \(controls.map { String($0.value, radix: 16) })")
            #expect(text.contains("␛]52;c;ZXZpbA==␇␛[2J"))
            #expect(!text.contains("\u{202E}"))
            #expect(text.contains("<script>"), "content is shown as text, not interpreted")
        }
    }

    @Test("colour only when asked, and then only SGR sequences")
    func colour() throws {
        let plain = render(HostileReport.report, width: 80)
        #expect(!plain.contains("\u{1B}"))
        let coloured = render(HostileReport.report, width: 80, color: true)
        let sgr = try Regex("\u{1B}\\[[0-9;]*m")
        let stripped = coloured.replacing(sgr, with: "")
        #expect(!stripped.contains("\u{1B}"), "an escape that is not SGR")
        #expect(coloured.contains("\u{1B}[1m"), "headings are bold")
        #expect(stripped == plain, "colour changes nothing but colour")
    }

    @Test("suppressed cells show \"< 5\", never a number")
    func suppressed() {
        let text = render(SampleReport.report, width: 80)
        #expect(text.contains("(no team)       < 5"))
        #expect(text.contains("Smitte på stuen                poor     < 5    < 5"))
        #expect(text.contains("Answers not shown: fewer than 5 respondents."))
        #expect(text.contains("Jeg vil anbefale kurset\n  n < 5 · Median < 5"))
    }

    @Test("Danish numbers have decimal commas and thousands points")
    func danishNumbers() {
        let text = render(SampleReport.report, width: 80, language: .da)
        #expect(text.contains("Læst: 10.242 registreringer"))
        #expect(text.contains("Lethed 94,1 %"))
        #expect(text.contains("+1,05"))
    }

    @Test("flags are spelled out in words, and the correct option is marked")
    func flagsAndKey() {
        let text = render(SampleReport.report, width: 132)
        #expect(text.contains("too easy: facility above 90 %; a wrong option nobody chose"))
        #expect(text.contains("✓  Til hænderne er tørre, mindst 30 sekunder"))
    }
}

@Suite("Bars and tables")
struct BarAndTableTests {
    @Test("bars grow in eighths of a cell")
    func eighths() {
        #expect(BarChart.bar(fraction: 0, width: 10) == "")
        #expect(BarChart.bar(fraction: 1, width: 10) == String(repeating: "█", count: 10))
        #expect(BarChart.bar(fraction: 0.5, width: 3) == "█▌")  // 12 eighths
        #expect(BarChart.bar(fraction: 1.0 / 80, width: 10) == "▏")
        #expect(BarChart.bar(fraction: 0.3, width: 10) == "███")  // 24 eighths
        #expect(BarChart.bar(fraction: 2, width: 4) == "████")
        #expect(BarChart.bar(fraction: .nan, width: 4) == "")
    }

    @Test("a diverging bar centres the neutral share and keeps its width")
    func diverging() {
        let bar = BarChart.diverging(negative: 20, neutral: 20, positive: 60, halfWidth: 10)
        #expect(bar == "       ▒▒░│░██████   ")
        #expect(bar.count == 21)
        let allPositive = BarChart.diverging(negative: 0, neutral: 0, positive: 100, halfWidth: 4)
        #expect(allPositive == "    │████")
    }

    @Test("a table truncates its flexible column with … and falls back to blocks when nothing else fits")
    func tableWidths() {
        var table = TextTable(columns: [.init("Name", .left, flexible: true, minimumWidth: 6), .init("Count")])
        table.add(["A very long name indeed", "12"])
        let header = "Name" + String(repeating: " ", count: 11) + "Count"
        let row = "A very long …" + String(repeating: " ", count: 5) + "12"
        #expect(table.render(width: 20) == [header, String(repeating: "─", count: 20), row])
        var wide = TextTable(columns: [.init("Name", .left, flexible: true, minimumWidth: 6), .init("Aaaaaaaaaa"), .init("Bbbbbbbbbb")])
        wide.add(["Row", "1", "2"])
        #expect(wide.render(width: 20) == ["Row", "  Aaaaaaaaaa: 1 ·", "  Bbbbbbbbbb: 2"])
    }
}
