import Foundation

/// Scenarios in the HTML report: runs and scores, endings, choice points and the most
/// common poor choices.
extension HTMLWriter {
    mutating func scenarios(_ scenarios: [ScenarioSection]) {
        html += "<section id=\"scenarios\" class=\"part\">\n"
        heading(2, strings[.scenarios])
        if scenarios.isEmpty { paragraph(strings[.noScenarios]) }
        for scenario in scenarios { self.scenario(scenario) }
        html += "</section>\n"
    }

    private mutating func scenario(_ scenario: ScenarioSection) {
        heading(3, "\(scenario.title) (\(scenario.unitID))")
        var summary = "\(strings[.runs]): \(number.count(scenario.runs))"
        if scenario.unfinishedRuns > 0 { summary += " (\(number.count(scenario.unfinishedRuns)) \(strings[.unfinishedRuns]))" }
        summary += " · \(strings[.learners]): \(number.count(scenario.learners))"
        if let mean = scenario.meanScore {
            summary +=
                " · \(strings[.meanScore]): "
                + mean.text { value in
                    let text = number.decimal(value, digits: 1)
                    guard let maximum = scenario.maximumScore else { return text }
                    return strings.text(.scoreOf, ["score": text, "maximum": number.decimal(maximum, digits: maximum == maximum.rounded() ? 0 : 1)])
                }
        }
        if let pass = scenario.passRate { summary += " · \(strings[.passRate]): \(number.percent(pass))" }
        if let retries = scenario.meanRetries {
            summary +=
                " · \(strings[.retries]): \(number.decimal(retries, digits: 2)) (\(number.count(scenario.learnersWhoRetried)) \(strings[.learnersWhoRetried]))"
        }
        paragraph(summary)
        if !scenario.endings.isEmpty {
            let description = scenario.endings.map { "\($0.text): \(number.count($0.runs)) (\(number.percent($0.share)))" }.joined(separator: "; ")
            let chart = self.chart(title: "\(strings[.chartEndings]): \(scenario.title)", description: description)
            html += chart.bars(
                series: [(strings[.share], "#4292c6")],
                rows: scenario.endings.map {
                    SVGChart.BarRow(label: $0.text, values: [$0.share.value], valueText: "\(number.count($0.runs)) · \(number.percent($0.share))")
                })
            table(
                caption: "\(strings[.endings]): \(scenario.title)",
                columns: [
                    Column(strings[.ending], numeric: false), Column(strings[.rating], numeric: false), Column(strings[.runs]),
                    Column(strings[.share]),
                ],
                rows: scenario.endings.map {
                    Row(cells: [$0.text, $0.rating.map(strings.quality) ?? "–", number.count($0.runs), number.percent($0.share)])
                })
        }
        if !scenario.choicePoints.isEmpty { heading(4, strings[.choicePoints]) }
        for point in scenario.choicePoints {
            var rows = point.options.map {
                Row(cells: ["\($0.number). \($0.text)", $0.quality.map(strings.quality) ?? "–", number.count($0.chosen), number.percent($0.share)])
            }
            var bars = point.options.map {
                SVGChart.BarRow(
                    label: "\($0.number). \($0.text)", values: [$0.share.value], valueText: "\(number.count($0.chosen)) · \(number.percent($0.share))"
                )
            }
            if let timedOut = point.timedOut {
                rows.append(Row(cells: [strings[.timedOut], "–", number.count(timedOut), number.percent(point.timedOutShare)]))
                bars.append(
                    SVGChart.BarRow(
                        label: strings[.timedOut], values: [point.timedOutShare?.value],
                        valueText: "\(number.count(timedOut)) · \(number.percent(point.timedOutShare))"))
            }
            let description = bars.map { "\($0.label): \($0.valueText)" }.joined(separator: "; ")
            paragraph("\(point.prompt) (n \(number.count(point.answers)))", class: "point")
            let chart = self.chart(title: "\(strings[.chartChoices]): \(point.prompt)", description: description)
            html += chart.bars(series: [(strings[.share], "#4292c6")], rows: bars)
            table(
                caption: "\(point.prompt) (n \(number.count(point.answers)))",
                columns: [
                    Column(strings[.option], numeric: false), Column(strings[.rating], numeric: false), Column(strings[.chosen]),
                    Column(strings[.share]),
                ], rows: rows)
        }
        if !scenario.commonPoorChoices.isEmpty {
            table(
                caption: strings[.poorChoices],
                columns: [Column(strings[.question], numeric: false), Column(strings[.option], numeric: false), Column(strings[.chosen])],
                rows: scenario.commonPoorChoices.map { Row(cells: [$0.prompt, "\($0.number). \($0.text)", number.count($0.chosen)]) })
        }
    }
}
