import Foundation

/// Quiz items in the terminal report: per quiz its attempts and scores, then per
/// question n, facility, discrimination, flags in words and the options chosen (✓ marks
/// the correct one).
extension TerminalWriter {
    mutating func quizzes(_ quizzes: [QuizItemsSection]) {
        heading(strings[.quizItems])
        guard !quizzes.isEmpty else {
            paragraph(strings[.noQuizzes])
            return
        }
        for quiz in quizzes { self.quiz(quiz) }
    }

    private mutating func quiz(_ quiz: QuizItemsSection) {
        subheading(titled(quiz.title, id: quiz.unitID))
        var summary = "\(strings[.firstAttempts]): \(number.count(quiz.attempts)) (\(strings[.allAttempts]): \(number.count(quiz.allAttempts)))"
        if let mean = quiz.meanScore { summary += " · \(strings[.meanScore]): \(number.percent(mean))" }
        if let first = quiz.firstAttemptPassRate { summary += " · \(strings[.firstAttemptPassed]): \(number.percent(first))" }
        if let pass = quiz.passRate { summary += " · \(strings[.passRate]): \(number.percent(pass))" }
        paragraph(summary)
        for (index, question) in quiz.questions.enumerated() {
            lines.append("")
            let label = "\(index + 1). "
            paragraph(label + question.text, hanging: label.count, style: .bold)
            let figures = [
                "n \(number.count(question.answered))",
                "\(strings[.facility]) \(number.percent(question.facility))",
                "\(strings[.discrimination]) \(number.decimal(question.discrimination, digits: 1))",
            ]
            paragraph(figures.joined(separator: " · "), indent: label.count, hanging: 2)
            if !question.flags.isEmpty {
                paragraph(
                    "⚑ \(strings[.flags]): " + question.flags.map(strings.flag).joined(separator: "; "), indent: label.count, hanging: 2,
                    style: .warning)
            }
            if let options = question.options, !options.isEmpty { self.options(options, indent: label.count) }
        }
        if quiz.questions.contains(where: { $0.options?.contains(where: \.correct) == true }) {
            lines.append("")
            paragraph(strings[.correctMark], style: .dim)
        }
    }

    private mutating func options(_ options: [OptionRow], indent: Int) {
        var table = TextTable(
            columns: [
                .init("", .left, minimumWidth: 1), .init(strings[.option], .left, flexible: true, minimumWidth: 12),
                .init(strings[.chosen]), .init(strings[.share]),
            ], indent: indent)
        table.maximumBarWidth = 20
        for option in options {
            table.add(
                [option.correct ? "✓" : "", option.text, number.count(option.chosen), number.percent(option.share)],
                bar: option.share.value.map { $0 / 100 })
        }
        self.table(table)
    }
}
