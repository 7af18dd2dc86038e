import Foundation
import KursusText

/// Before and after, and the surveys, in the terminal report.
extension TerminalWriter {
    mutating func beforeAfter(_ sections: [BeforeAfterSection]) {
        heading(strings[.beforeAfter])
        guard !sections.isEmpty else {
            paragraph(strings[.noBeforeAfter])
            return
        }
        paragraph(strings[.pairedNote], style: .dim)
        for section in sections {
            subheading("\(section.beforeTitle) → \(section.afterTitle)")
            if section.anonymous {
                paragraph(strings[.anonymousNotPaired])
                continue
            }
            var questions: [String] = []
            for item in section.items where !questions.contains(item.questionID) { questions.append(item.questionID) }
            for questionID in questions {
                let rows = section.items.filter { $0.questionID == questionID }
                lines.append("")
                paragraph(rows.first?.text ?? questionID)
                var table = TextTable(
                    columns: [
                        .init(strings[.team], .left, flexible: true, minimumWidth: 8), .init(strings[.pairs]), .init(strings[.before]),
                        .init(strings[.after]), .init(strings[.change]), .init(strings[.confidenceInterval]), .init("p"), .init("r"),
                        .init(strings[.onlyOneSide]),
                    ], indent: 2)
                for row in rows { table.add(pairedCells(row)) }
                self.table(table)
            }
        }
    }

    func pairedCells(_ row: PairedItem) -> [String] {
        let team = row.team ?? strings[.everyone]
        let counts = [number.count(row.onlyBefore) + " / " + number.count(row.onlyAfter)]
        guard let statistics = row.statistics else {
            let empty = row.pairs.value == 0 ? strings[.noPairs] : "–"
            return [team, number.count(row.pairs), empty, "–", "–", "–", "–", "–"] + counts
        }
        var interval = "–"
        if let lower = statistics.changeLower, let upper = statistics.changeUpper {
            interval = number.signed(lower, digits: 2) + " … " + number.signed(upper, digits: 2)
        }
        var p = "–"
        if let value = statistics.wilcoxonP {
            let method = statistics.wilcoxonMethod == "exact" ? strings[.exact] : strings[.normal]
            p = number.pValue(value) + " " + method
        }
        return [
            team, number.count(row.pairs), number.decimal(statistics.meanBefore, digits: 2), number.decimal(statistics.meanAfter, digits: 2),
            number.signed(statistics.meanChange, digits: 2), interval, p, statistics.effectSize.map { number.decimal($0, digits: 2) } ?? "–",
        ] + counts
    }

    mutating func surveys(_ surveys: [SurveySection], minimum: Int) {
        heading(strings[.surveys])
        guard !surveys.isEmpty else {
            paragraph(strings[.noSurveys])
            return
        }
        for survey in surveys {
            subheading(titled(survey.title, id: survey.unitID) + (survey.anonymous ? " · \(strings[.anonymous])" : ""))
            paragraph("\(strings[.respondents]): \(number.count(survey.respondents))")
            if survey.notFilteredByTeam { paragraph(strings[.notFilteredByTeam], style: .warning) }
            if !survey.likert.isEmpty {
                lines.append("")
                paragraph(strings[.likertLegend], style: .dim)
                for item in survey.likert { likert(item) }
            }
            for item in survey.freeText { freeText(item, minimum: minimum) }
        }
    }

    private mutating func likert(_ item: LikertItem) {
        lines.append("")
        paragraph(item.text)
        var median = "–"
        if let cell = item.median {
            median = cell.text { value in
                let label = value == value.rounded() && value >= 1 && value <= Double(item.labels.count) ? item.labels[Int(value) - 1] : nil
                return number.decimal(value, digits: value == value.rounded() ? 0 : 1) + (label.map { " (\(TerminalText.line($0)))" } ?? "")
            }
        }
        let figures = "n \(number.count(item.answers)) · \(strings[.median]) \(median)"
        guard let negative = item.negative, let neutral = item.neutral, let positive = item.positive else {
            paragraph(figures, indent: 2)
            return
        }
        let shares = [negative, neutral, positive].map { number.decimal($0, digits: 0) }.joined(separator: "/") + " %"
        let half = max(8, min(25, (width - 2 - 1 - DisplayWidth.of(shares) - 2) / 2))
        let bar = BarChart.diverging(negative: negative, neutral: neutral, positive: positive, halfWidth: half) { text, segment in
            switch segment {
            case .negative: return paint(text, .bad)
            case .positive: return paint(text, .good)
            case .neutral, .centre: return paint(text, .dim)
            case .blank: return text
            }
        }
        lines.append("  " + bar + "  " + shares)
        paragraph(figures, indent: 2)
        if let counts = item.counts, counts.count == item.labels.count {
            let pairs = zip(item.labels, counts).map { "\($0) \(number.count($1))" }.joined(separator: " · ")
            paragraph(pairs, indent: 2, hanging: 2, style: .dim)
        }
    }

    private mutating func freeText(_ item: FreeTextItem, minimum: Int) {
        subheading("\(strings[.freeText]): \(item.text)")
        paragraph("\(number.count(item.answerCount)) \(strings[.answers])")
        guard let answers = item.answers else {
            paragraph(strings.text(.answersHidden, ["n": "\(minimum)"]), style: .dim)
            return
        }
        if answers.isEmpty { paragraph(strings[.noAnswers]) }
        for answer in answers { paragraph("• " + answer, indent: 2, hanging: 2) }
    }
}
