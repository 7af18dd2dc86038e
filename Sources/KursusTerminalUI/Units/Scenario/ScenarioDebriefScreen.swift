import KursusCourse
import KursusEngine
import KursusMarkdown
import KursusText

/// After the call: the outcome, the score and pass, the path with the feedback for each
/// choice (a mark and a word), the learning points, and the retry picker.
public enum ScenarioDebriefScreen {
    /// `maximumScore`: the highest reachable score, when known, so the score reads "7 af 9".
    static func draw(
        _ session: ScenarioSession, scenario: Scenario, context: ScreenContext, maximumScore: Int? = nil,
        status: (text: String, style: CellStyle)? = nil, into grid: inout Grid
    ) {
        let strings = context.strings
        let run = session.run
        let outcomeTitle = run.outcome.map { strings(.scenarioOutcome, ["title": $0.title]) } ?? ""
        let picking: Int? = if case .pickRetry(let cursor) = session.mode { cursor } else { nil }
        Chrome.draw(
            into: &grid, title: strings(.scenarioDebriefTitle, ["title": scenario.title]), titleRight: outcomeTitle,
            hints: strings(picking == nil ? .scenarioHintsDebrief : .scenarioHintsPick), hintsRight: status?.text ?? "",
            hintsRightStyle: status?.style ?? .muted, symbols: context.symbols
        )
        let width = grid.width - 4
        let lines =
            picking.map { picker(run, scenario, cursor: $0, width: width, context) }
            ?? body(run, scenario, width: width, context, maximumScore: maximumScore)
        let rows = Chrome.bodyRows(forHeight: grid.height)
        var scroll = min(session.debrief.offset, max(0, lines.count - rows))
        if picking != nil, let row = lines.firstIndex(where: { $0.selected }) {
            scroll = max(0, min(row - rows / 2, lines.count - rows))
        }
        for (i, line) in lines.dropFirst(scroll).prefix(rows).enumerated() {
            let y = Chrome.bodyTop + i
            if line.selected { grid.fill(x: 1, y: y, width: grid.width - 2, style: CellStyle(.accent, .reverse)) }
            var x = 2
            for span in line.spans {
                // A line wider than the screen (the verdict, say) ends in an ellipsis.
                let text = DisplayWidth.truncate(span.0, toWidth: max(0, grid.width - 2 - x), ellipsis: context.symbols.ellipsis)
                x += grid.put(text, x: x, y: y, style: span.1, maxWidth: grid.width - 2 - x)
            }
        }
    }

    /// Lines of the debrief's body at this width, so scrolling stops at its end.
    static func lineCount(_ session: ScenarioSession, scenario: Scenario, context: ScreenContext, maximumScore: Int?, columns: Int) -> Int {
        body(session.run, scenario, width: columns - 4, context, maximumScore: maximumScore).count
    }

    struct Line {
        var spans: [(String, CellStyle)]
        var selected = false
        init(_ text: String, _ style: CellStyle = .plain) { spans = [(text, style)] }
        init(spans: [(String, CellStyle)], selected: Bool = false) {
            self.spans = spans
            self.selected = selected
        }
    }

    static func wrapped(_ text: String, width: Int, indent: Int = 0, _ style: CellStyle = .plain) -> [Line] {
        var lines: [Line] = []
        let pad = String(repeating: " ", count: indent)
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let wrappedLines = WordWrap.lines(String(paragraph), width: max(8, width - indent))
            lines += (wrappedLines.isEmpty ? [""] : wrappedLines).map { Line(pad + $0, style) }
        }
        while lines.last?.spans.first?.0.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return lines
    }

    static func body(_ run: ScenarioRun, _ scenario: Scenario, width: Int, _ context: ScreenContext, maximumScore: Int? = nil) -> [Line] {
        let strings = context.strings
        var lines: [Line] = []
        if let stuck = run.stuck {
            lines += wrapped(strings(.scenarioStuck, ["reason": stuck]), width: width, CellStyle(.danger, .bold))
        }
        if let outcome = run.outcome, let node = scenario.node(outcome.ending), case .ending(let ending) = node.kind {
            lines += wrapped(ending.debrief, width: width)
            var verdict: [String] = []
            if let score = outcome.score {
                if let maximumScore, maximumScore >= score {
                    verdict.append(strings(.scenarioScoreOf, ["score": "\(score)", "maximum": "\(maximumScore)"]))
                } else {
                    verdict.append(strings(.scenarioScore, ["score": "\(score)"]))
                }
            }
            if let rating = outcome.rating {
                let (mark, _, _) = ScenarioWords.mark(rating, context)
                verdict.append("\(mark) \(strings(.scenarioRating, ["rating": ScenarioWords.rating(rating, context)]))")
            }
            if scenario.pass != nil {
                verdict.append(
                    "\(outcome.passed ? context.symbols.completed : context.symbols.failed) \(strings(outcome.passed ? .scenarioPassed : .scenarioNotPassed))"
                )
            }
            // On one line when it fits, else wrapped (never cut).
            let text = verdict.joined(separator: "  \(context.symbols.separator)  ")
            if DisplayWidth.of(text) <= width {
                lines.append(Line(text, .bold))
            } else {
                lines += wrapped(text, width: width, .bold)
            }
        }
        lines.append(Line(""))
        lines.append(Line(strings(.scenarioYourPath), CellStyle(.heading, .bold)))
        if run.path.isEmpty { lines.append(Line(" " + strings(.scenarioNoChoices), .muted)) }
        for (i, step) in run.path.enumerated() {
            let number = "\(i + 1). "
            let indent = 1 + number.count
            let head = wrapped(step.text, width: width - indent)
            for (j, line) in head.enumerated() {
                lines.append(Line((j == 0 ? " " + number : String(repeating: " ", count: indent)) + (line.spans.first?.0 ?? "")))
            }
            let mark = ScenarioWords.mark(step.quality, context)
            var label = mark.word
            if step.timedOut { label += (label.isEmpty ? "" : ", ") + strings(.scenarioTimedOut) }
            // "✓ godt valg: feedback", wrapped under the choice; the mark and the word keep their style.
            let prefix = mark.mark + " " + (label.isEmpty ? "" : label + ": ")
            let lead = String(repeating: " ", count: indent)
            let feedback = WordWrap.lines(prefix + step.feedback, width: max(8, width - indent))
            for (j, text) in feedback.enumerated() {
                if j == 0, text.hasPrefix(prefix) {
                    lines.append(Line(spans: [(lead + prefix, mark.style), (String(text.dropFirst(prefix.count)), .plain)]))
                } else if j == 0 {
                    lines.append(Line(spans: [(lead + text, mark.style)]))
                } else {
                    lines.append(Line(lead + "  " + text))
                }
            }
        }
        if let outcome = run.outcome, let node = scenario.node(outcome.ending), case .ending(let ending) = node.kind, !ending.learningPoints.isEmpty {
            lines.append(Line(""))
            lines.append(Line(strings(.scenarioLearningPoints), CellStyle(.heading, .bold)))
            let bullet = context.symbols.bullet
            for point in ending.learningPoints {
                for (j, line) in wrapped(point, width: width - 3).enumerated() {
                    lines.append(Line((j == 0 ? " \(bullet) " : "   ") + (line.spans.first?.0 ?? "")))
                }
            }
        }
        return lines
    }

    static func picker(_ run: ScenarioRun, _ scenario: Scenario, cursor: Int, width: Int, _ context: ScreenContext) -> [Line] {
        var lines = [Line(context.strings(.scenarioPickTitle), CellStyle(.heading, .bold)), Line("")]
        for (i, step) in run.path.enumerated() {
            let selected = i == cursor
            let marker = selected ? context.symbols.cursor : String(repeating: " ", count: DisplayWidth.of(context.symbols.cursor))
            var prompt = context.strings(.scenarioPrompt)
            if let node = scenario.node(step.node), case .choice(let choice) = node.kind, !choice.prompt.isEmpty { prompt = choice.prompt }
            let style = selected ? CellStyle(.accent, [.bold, .reverse]) : CellStyle.plain
            // One line each, cut with an ellipsis so a learner can tell there is more.
            let ellipsis = context.symbols.ellipsis
            lines.append(
                Line(
                    spans: [(DisplayWidth.truncate(" \(marker) \(i + 1). \(prompt)", toWidth: width, ellipsis: ellipsis), style)], selected: selected)
            )
            var chose = context.strings(.scenarioPickYouChose, ["text": step.text])
            if step.timedOut { chose = "(\(context.strings(.scenarioTimedOut))) " + chose }
            lines.append(
                Line(
                    spans: [(DisplayWidth.truncate("      " + chose, toWidth: width, ellipsis: ellipsis), selected ? style : .muted)],
                    selected: selected))
        }
        return lines
    }
}
