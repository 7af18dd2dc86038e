// The HTML report's markup: self-contained, accessible, escaped, printable. The browser
// and parser checks are in HTMLReportBrowserTests.swift.
import Foundation
import Testing

@testable import KursusReports

@Suite("HTML report")
struct HTMLReportTests {
    static let utc = TimeZone(identifier: "UTC") ?? .current

    func page(_ report: Report = SampleReport.report, language: ReportLanguage = .en) -> String {
        HTMLReport.page(report, language: language, timeZone: Self.utc)
    }

    @Test("one self-contained page: no scripts, nothing fetched, a lang attribute, A4 print rules")
    func selfContained() throws {
        for language in ReportLanguage.allCases {
            let html = page(language: language)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.contains("src="))
            #expect(!html.contains("href="))
            #expect(!html.contains("@import"))
            #expect(!html.contains("url("))
            #expect(html.contains("default-src 'none'"))
            #expect(html.contains("@page { size: A4;"))
            #expect(html.contains("max-width: 170mm"))
            #expect(html.contains("break-inside: avoid"))
        }
    }

    @Test("tables have captions and header cells with scope; every chart is an img with a title and a description")
    func accessible() throws {
        let html = page()
        let tables = html.components(separatedBy: "<table>").count - 1
        #expect(tables > 10)
        #expect(html.components(separatedBy: "<caption>").count - 1 == tables)
        #expect(html.contains("<th scope=\"col\""))
        for table in html.components(separatedBy: "<table>").dropFirst() {
            let body = table.components(separatedBy: "</table>")[0]
            let columns = body.components(separatedBy: "<th scope=\"col\"").count - 1
            for row in body.components(separatedBy: "<tr").dropFirst(2) {
                let cells = row.components(separatedBy: "<td").count - 1 + row.components(separatedBy: "<th scope=\"row\"").count - 1
                #expect(cells == columns, "a row with \(cells) cells under \(columns) headers: \(row.prefix(120))")
            }
        }
        #expect(html.contains("<th scope=\"row\""))
        let charts = html.components(separatedBy: "<svg ").count - 1
        #expect(charts == 10, "funnel, 2 questions with options, 2 before/after items, 2 Likert scales, endings, 2 choice points")
        for index in 1...charts {
            #expect(html.contains("<svg role=\"img\" aria-labelledby=\"chart-\(index)-title chart-\(index)-desc\""))
            #expect(html.contains("<title id=\"chart-\(index)-title\">"))
            #expect(html.contains("<desc id=\"chart-\(index)-desc\">"))
        }
        #expect(
            html.contains(
                "Kurset var relevant for mit arbejde: Meget uenig 2, Uenig 3, Hverken eller 5, Enig 22, Meget enig 18; Median 4 (Enig); n 50"))
        #expect(html.contains("Modul 1: Grundlaget: Started 75, Completed 68, Passed 61"))
    }

    @Test("hostile content is escaped everywhere: markup, quotes, ampersands, control characters, bidi controls")
    func escaping() throws {
        let html = page(HostileReport.report)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(!html.contains("<b>1</b>"))
        #expect(!html.contains("<i>Meget</i>"))
        #expect(!html.contains("</table> "))
        #expect(html.contains("Valg &quot;1&quot; &amp; &lt;2&gt;"))
        #expect(html.contains("&#39;x&#39;"))
        let forbidden = html.unicodeScalars.filter { scalar in
            (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFDD0
        }
        #expect(forbidden.isEmpty, "\(forbidden.map { String($0.value, radix: 16) })")
        #expect(html.contains("␛]52;c;ZXZpbA==␇␛[2J"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>linje 2"), "a free-text answer keeps its line break")
        #expect(HTMLEscaping.escape("a\u{202E}b\u{2066}c") == "a\u{FFFD}b\u{FFFD}c")
        #expect(HTMLEscaping.escape("x\u{0}\u{1B}y\r\nz") == "x\u{2400}\u{241B}y  z")
    }

    @Test("suppressed cells show \"< 5\" (escaped), never a value; Danish numbers use decimal commas")
    func suppressedAndDanish() throws {
        let html = page(language: .da)
        #expect(html.contains("<th scope=\"row\">(uden hold)</th><td class=\"num\">&lt; 5</td>"))
        #expect(html.contains("Svarene vises ikke: færre end 5 besvarelser."))
        #expect(html.contains("<td class=\"num\">94,1 %</td>"))
        #expect(!html.contains("Når du kommer ind på stuen</th><td class=\"num\">0"))
    }

    @Test("names appear only with --names")
    func names() {
        #expect(!page().contains("Mette Hansen"))
        #expect(page(SampleReport.named).contains("Mette Hansen"))
    }
}

@Suite("SVG charts")
struct SVGChartTests {
    @Test("a scale's colours: reds below the middle, grey at it, blues above, one per point")
    func palette() {
        #expect(SVGChart.palette(points: 5) == ["#b2182b", "#f4a582", "#d9d9d9", "#92c5de", "#2166ac"])
        #expect(SVGChart.palette(points: 4) == ["#b2182b", "#f4a582", "#92c5de", "#2166ac"])
        #expect(SVGChart.palette(points: 3) == ["#d6604d", "#d9d9d9", "#4393c3"])
        #expect(SVGChart.palette(points: 1) == ["#d9d9d9"])
        #expect(SVGChart.palette(points: 7).count == 7)
    }

    @Test("bars are drawn to scale: 50 % of the 300-unit track is 150 units")
    func barLengths() {
        let chart = SVGChart(id: "c", title: "T", description: "D")
        let svg = chart.bars(series: [("Share", "#123456")], rows: [.init(label: "A", values: [50], valueText: "50%")])
        #expect(svg.contains("<rect x=\"230\" y=\"3\" width=\"150\" height=\"16\" fill=\"#123456\"/>"))
        #expect(svg.contains("viewBox=\"0 0 640 26\""))
    }

    @Test("a diverging bar puts the lower half of the scale left of the centre, the middle point across it")
    func divergingGeometry() {
        let chart = SVGChart(id: "c", title: "T", description: "D")
        // 1 below, 2 in the middle, 1 above, out of 4: the bar starts (1 + 2/2)/4 of 130 left of the centre at 360.
        let svg = chart.diverging(scale: ["Nej", "Måske", "Ja"], rows: [.init(label: "Q", counts: [1, 2, 1], valueText: "n 4")])
        #expect(svg.contains("<rect x=\"295\" y=\"26\" width=\"32.5\" height=\"16\" fill=\"#d6604d\"/>"))
        #expect(svg.contains("<rect x=\"327.5\" y=\"26\" width=\"65\" height=\"16\" fill=\"#d9d9d9\"/>"))
        #expect(svg.contains("<rect x=\"392.5\" y=\"26\" width=\"32.5\" height=\"16\" fill=\"#4393c3\"/>"))
    }
}
