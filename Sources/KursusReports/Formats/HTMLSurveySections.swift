import Foundation

/// Before and after, and the surveys, in the HTML report.
extension HTMLWriter {
    mutating func beforeAfter(_ sections: [BeforeAfterSection]) {
        html += "<section id=\"before-after\" class=\"part\">\n"
        heading(2, strings[.beforeAfter])
        if sections.isEmpty { paragraph(strings[.noBeforeAfter]) } else { paragraph(strings[.pairedNote], class: "note") }
        for section in sections {
            heading(3, "\(section.beforeTitle) → \(section.afterTitle)")
            if section.anonymous {
                paragraph(strings[.anonymousNotPaired])
                continue
            }
            var questions: [String] = []
            for item in section.items where !questions.contains(item.questionID) { questions.append(item.questionID) }
            for questionID in questions {
                let items = section.items.filter { $0.questionID == questionID }
                let text = items.first?.text ?? questionID
                heading(4, text)
                let rows = items.map { item -> SVGChart.ChangeRow in
                    let statistics = item.statistics
                    var value = number.count(item.pairs)
                    if let statistics {
                        value = number.signed(statistics.meanChange, digits: 2)
                        if let lower = statistics.changeLower, let upper = statistics.changeUpper {
                            value += " (\(number.signed(lower, digits: 2)) … \(number.signed(upper, digits: 2)))"
                        }
                    }
                    return SVGChart.ChangeRow(
                        label: item.team ?? strings[.everyone], change: statistics?.meanChange, lower: statistics?.changeLower,
                        upper: statistics?.changeUpper, valueText: value)
                }
                if rows.contains(where: { $0.change != nil }) {
                    let description = rows.map { "\($0.label): \($0.valueText)" }.joined(separator: "; ")
                    let chart = self.chart(title: "\(strings[.chartChange]): \(text)", description: description)
                    html += chart.changes(rows, tick: { number.decimal($0, digits: 1) })
                }
                table(
                    caption: "\(strings[.beforeAfter]): \(text)",
                    columns: [
                        Column(strings[.team], numeric: false), Column(strings[.pairs]), Column(strings[.before]), Column(strings[.after]),
                        Column(strings[.change]), Column(strings[.confidenceInterval]), Column("p"), Column("r"),
                        Column("\(strings[.onlyBefore]) / \(strings[.onlyAfter])"),
                    ],
                    rows: items.map { Row(cells: pairedCells($0)) })
            }
        }
        html += "</section>\n"
    }

    private func pairedCells(_ row: PairedItem) -> [String] {
        let team = row.team ?? strings[.everyone]
        let counts = [number.count(row.onlyBefore) + " / " + number.count(row.onlyAfter)]
        guard let statistics = row.statistics else {
            return [team, number.count(row.pairs), row.pairs.value == 0 ? strings[.noPairs] : "–", "–", "–", "–", "–", "–"] + counts
        }
        var interval = "–"
        if let lower = statistics.changeLower, let upper = statistics.changeUpper {
            interval = number.signed(lower, digits: 2) + " … " + number.signed(upper, digits: 2)
        }
        let p = statistics.wilcoxonP.map {
            number.pValue($0) + " " + (statistics.wilcoxonMethod == "exact" ? strings[.exact] : strings[.normal])
        }
        return [
            team, number.count(row.pairs), number.decimal(statistics.meanBefore, digits: 2), number.decimal(statistics.meanAfter, digits: 2),
            number.signed(statistics.meanChange, digits: 2), interval, p ?? "–", statistics.effectSize.map { number.decimal($0, digits: 2) } ?? "–",
        ] + counts
    }

    mutating func surveys(_ surveys: [SurveySection], minimum: Int) {
        html += "<section id=\"surveys\" class=\"part\">\n"
        heading(2, strings[.surveys])
        if surveys.isEmpty { paragraph(strings[.noSurveys]) }
        for survey in surveys {
            heading(3, "\(survey.title) (\(survey.unitID))" + (survey.anonymous ? " · \(strings[.anonymous])" : ""))
            paragraph("\(strings[.respondents]): \(number.count(survey.respondents))")
            if survey.notFilteredByTeam { paragraph(strings[.notFilteredByTeam], class: "warning") }
            var groups: [[LikertItem]] = []
            for item in survey.likert {
                if let last = groups.last?.last, last.labels == item.labels { groups[groups.count - 1].append(item) } else { groups.append([item]) }
            }
            for group in groups { likert(group) }
            for item in survey.freeText {
                heading(4, "\(strings[.freeText]): \(item.text)")
                paragraph("\(number.count(item.answerCount)) \(strings[.answers])", class: "note")
                guard let answers = item.answers else {
                    paragraph(strings.text(.answersHidden, ["n": "\(minimum)"]), class: "note")
                    continue
                }
                if answers.isEmpty { paragraph(strings[.noAnswers]) }
                if !answers.isEmpty {
                    html += "<ul class=\"answers\">\n"
                    for answer in answers { html += "<li>\(HTMLEscaping.escapeKeepingLines(answer))</li>\n" }
                    html += "</ul>\n"
                }
            }
        }
        html += "</section>\n"
    }

    private func median(_ item: LikertItem) -> String {
        guard let cell = item.median else { return "–" }
        return cell.text { value in
            let whole = value == value.rounded()
            let label = whole && value >= 1 && value <= Double(item.labels.count) ? " (\(item.labels[Int(value) - 1]))" : ""
            return number.decimal(value, digits: whole ? 0 : 1) + label
        }
    }

    /// The median without its label (for the chart, where room is short).
    private func medianValue(_ item: LikertItem) -> String {
        item.median?.text { number.decimal($0, digits: $0 == $0.rounded() ? 0 : 1) } ?? "–"
    }

    private mutating func likert(_ items: [LikertItem]) {
        guard let labels = items.first?.labels else { return }
        let description = items.map { item in
            let counts = item.counts.map { zip(labels, $0).map { "\($0) \(number.count($1))" }.joined(separator: ", ") } ?? number.count(item.answers)
            return "\(item.text): \(counts); \(strings[.median]) \(median(item)); n \(number.count(item.answers))"
        }.joined(separator: ". ")
        let chart = self.chart(title: strings[.chartLikert], description: description)
        html += chart.diverging(
            scale: labels,
            rows: items.map {
                SVGChart.LikertRow(
                    label: $0.text, counts: $0.counts, valueText: "n \(number.count($0.answers)) · \(strings[.median]) \(medianValue($0))")
            })
        table(
            caption: strings[.chartLikert],
            columns: [Column(strings[.question], numeric: false)] + labels.map { Column($0) } + [Column(strings[.median]), Column("n")],
            rows: items.map { item in
                let counts = item.counts.map { $0.map { number.count($0) } } ?? Array(repeating: "–", count: labels.count)
                return Row(cells: [item.text] + counts + [median(item), number.count(item.answers)])
            })
    }
}
