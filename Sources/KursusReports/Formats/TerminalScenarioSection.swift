import Foundation

/// Scenarios in the terminal report: runs and scores, the share of runs per ending, the
/// options (and time-outs) chosen at each choice point, and the most common poor choices.
extension TerminalWriter {
    mutating func scenarios(_ scenarios: [ScenarioSection]) {
        heading(strings[.scenarios])
        guard !scenarios.isEmpty else {
            paragraph(strings[.noScenarios])
            return
        }
        for scenario in scenarios { self.scenario(scenario) }
    }

    private mutating func scenario(_ scenario: ScenarioSection) {
        subheading(titled(scenario.title, id: scenario.unitID))
        var summary = "\(strings[.runs]): \(number.count(scenario.runs))"
        if scenario.unfinishedRuns > 0 { summary += " (\(number.count(scenario.unfinishedRuns)) \(strings[.unfinishedRuns]))" }
        summary += " · \(strings[.learners]): \(number.count(scenario.learners))"
        if let mean = scenario.meanScore {
            let score = mean.text { value in
                let text = number.decimal(value, digits: 1)
                guard let maximum = scenario.maximumScore else { return text }
                return strings.text(.scoreOf, ["score": text, "maximum": number.decimal(maximum, digits: maximum == maximum.rounded() ? 0 : 1)])
            }
            summary += " · \(strings[.meanScore]): \(score)"
        }
        if let pass = scenario.passRate { summary += " · \(strings[.passRate]): \(number.percent(pass))" }
        if let retries = scenario.meanRetries {
            summary += " · \(strings[.retries]): \(number.decimal(retries, digits: 2))"
            summary += " (\(number.count(scenario.learnersWhoRetried)) \(strings[.learnersWhoRetried]))"
        }
        paragraph(summary)
        if !scenario.endings.isEmpty {
            lines.append("")
            var table = TextTable(columns: [
                .init(strings[.ending], .left, flexible: true, minimumWidth: 14), .init(strings[.rating], .left, minimumWidth: 4),
                .init(strings[.runs]), .init(strings[.share]),
            ])
            table.maximumBarWidth = 20
            for ending in scenario.endings {
                table.add(
                    [ending.text, ending.rating.map(strings.quality) ?? "–", number.count(ending.runs), number.percent(ending.share)],
                    bar: ending.share.value.map { $0 / 100 })
            }
            self.table(table)
        }
        if !scenario.choicePoints.isEmpty {
            subheading(strings[.choicePoints])
            for point in scenario.choicePoints { choicePoint(point) }
        }
        if !scenario.commonPoorChoices.isEmpty {
            subheading(strings[.poorChoices])
            var table = TextTable(columns: [
                .init(strings[.question], .left, flexible: true, minimumWidth: 12),
                .init(strings[.option], .left, flexible: true, minimumWidth: 12), .init(strings[.chosen]),
            ])
            for choice in scenario.commonPoorChoices {
                table.add([choice.prompt, "\(choice.number). \(choice.text)", number.count(choice.chosen)])
            }
            self.table(table)
        }
    }

    private mutating func choicePoint(_ point: ChoicePointRow) {
        lines.append("")
        paragraph("\(point.prompt) (n \(number.count(point.answers)))")
        var table = TextTable(
            columns: [
                .init(strings[.option], .left, flexible: true, minimumWidth: 14), .init(strings[.rating], .left, minimumWidth: 4),
                .init(strings[.chosen]), .init(strings[.share]),
            ], indent: 2)
        table.maximumBarWidth = 20
        for option in point.options {
            table.add(
                [
                    "\(option.number). \(option.text)", option.quality.map(strings.quality) ?? "–", number.count(option.chosen),
                    number.percent(option.share),
                ],
                bar: option.share.value.map { $0 / 100 })
        }
        if let timedOut = point.timedOut {
            table.add(
                [strings[.timedOut], "–", number.count(timedOut), number.percent(point.timedOutShare)],
                bar: point.timedOutShare?.value.map { $0 / 100 })
        }
        self.table(table)
    }
}
