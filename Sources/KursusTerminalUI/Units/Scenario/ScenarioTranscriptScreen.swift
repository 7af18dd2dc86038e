import KursusCourse
import KursusEngine
import KursusText

/// The whole conversation so far (`t`), over the whole body: every line reachable a line,
/// a page, or the first and newest at a time; `t` or Esc returns to the call.
enum ScenarioTranscriptScreen {
    static func draw(
        _ session: ScenarioSession, scenario: Scenario, context: ScreenContext, status: (text: String, style: CellStyle)? = nil,
        into grid: inout Grid
    ) {
        let strings = context.strings
        let rows = Chrome.bodyRows(forHeight: grid.height)
        let lines = ScenarioWords.conversation(session.run, scenario, width: width(columns: grid.width), context)
        let first = session.transcript.firstLine(lines: lines.count, rows: rows)
        let last = min(lines.count, first + rows)
        let position =
            lines.isEmpty ? "" : strings(.scenarioTranscriptPosition, ["first": "\(first + 1)", "last": "\(last)", "total": "\(lines.count)"])
        Chrome.draw(
            into: &grid, title: strings(.scenarioTranscriptTitle, ["title": scenario.title]),
            titleRight: ScenarioCallScreen.titleRight(context, clock: ScenarioWords.clock(session.run.elapsedSeconds), width: grid.width),
            hints: strings(.scenarioHintsTranscript), hintsRight: status?.text ?? position, hintsRightStyle: status?.style ?? .muted,
            symbols: context.symbols
        )
        for (i, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            grid.put(line.0, x: 2, y: Chrome.bodyTop + i, style: line.1, maxWidth: width(columns: grid.width))
        }
        if first > 0 { grid.put(context.symbols.moreAbove, x: grid.width - 1, y: Chrome.bodyTop, style: .muted) }
        if last < lines.count { grid.put(context.symbols.moreBelow, x: grid.width - 1, y: Chrome.bodyTop + rows - 1, style: .muted) }
    }

    /// The text's width at this many columns.
    static func width(columns: Int) -> Int { max(8, columns - 4) }

    /// Lines of the transcript at this width, for scrolling to stop at its end.
    static func lineCount(_ session: ScenarioSession, scenario: Scenario, context: ScreenContext, columns: Int) -> Int {
        ScenarioWords.conversation(session.run, scenario, width: width(columns: columns), context).count
    }
}
