import Foundation

/// Quiz items in the HTML report: per quiz a table of its questions, then per question
/// its flags in words and its options, as a table and a chart.
extension HTMLWriter {
    mutating func quizzes(_ quizzes: [QuizItemsSection]) {
        html += "<section id=\"quizzes\" class=\"part\">\n"
        heading(2, strings[.quizItems])
        if quizzes.isEmpty { paragraph(strings[.noQuizzes]) }
        for quiz in quizzes { self.quiz(quiz) }
        html += "</section>\n"
    }

    private mutating func quiz(_ quiz: QuizItemsSection) {
        heading(3, "\(quiz.title) (\(quiz.unitID))")
        var summary = "\(strings[.firstAttempts]): \(number.count(quiz.attempts)) (\(strings[.allAttempts]): \(number.count(quiz.allAttempts)))"
        if let mean = quiz.meanScore { summary += " · \(strings[.meanScore]): \(number.percent(mean))" }
        if let first = quiz.firstAttemptPassRate { summary += " · \(strings[.firstAttemptPassed]): \(number.percent(first))" }
        if let pass = quiz.passRate { summary += " · \(strings[.passRate]): \(number.percent(pass))" }
        paragraph(summary)
        table(
            caption: "\(strings[.quizItems]): \(quiz.title)",
            columns: [
                Column(strings[.question], numeric: false), Column("n"), Column(strings[.facility]), Column(strings[.discrimination]),
                Column(strings[.flags], numeric: false),
            ],
            rows: quiz.questions.enumerated().map { index, question in
                Row(cells: [
                    "\(index + 1). \(question.text)", number.count(question.answered), number.percent(question.facility),
                    number.decimal(question.discrimination, digits: 1), question.flags.map(strings.flag).joined(separator: "; "),
                ])
            })
        for (index, question) in quiz.questions.enumerated() {
            guard let options = question.options, !options.isEmpty else { continue }
            heading(4, "\(index + 1). \(question.text)")
            if !question.flags.isEmpty {
                html += "<p class=\"flags\">⚑ \(e(strings[.flags])): \(e(question.flags.map(strings.flag).joined(separator: "; ")))</p>\n"
            }
            let description = options.map { option in
                "\(option.correct ? "✓ " : "")\(option.text): \(number.count(option.chosen)) (\(number.percent(option.share)))"
            }.joined(separator: "; ")
            let chart = self.chart(title: "\(strings[.chartOptions]): \(index + 1). \(question.text)", description: description)
            html += chart.bars(
                series: [(strings[.share], "#4292c6")],
                rows: options.map {
                    SVGChart.BarRow(
                        label: ($0.correct ? "✓ " : "") + $0.text, values: [$0.share.value],
                        valueText: "\(number.count($0.chosen)) · \(number.percent($0.share))")
                })
            table(
                caption: "\(strings[.option]): \(index + 1). \(question.text) — \(strings[.correctMark])",
                columns: [Column(strings[.option], numeric: false), Column(strings[.chosen]), Column(strings[.share])],
                rows: options.map {
                    Row(
                        cells: [($0.correct ? "✓ " : "") + $0.text, number.count($0.chosen), number.percent($0.share)],
                        cssClass: $0.correct ? "correct" : nil)
                })
        }
    }
}
