import KursusCourse
import KursusEngine
import KursusMarkdown
import KursusText

/// The video-consultation call: the video frame, the transcript (beside the frame from
/// 100 columns, below it on narrower terminals) and the learner's options.
public enum ScenarioCallScreen {
    /// From this width the transcript stands beside the video frame.
    public static let sideBySideColumns = 100
    static let frameColumns = 46

    /// `status`: a message from the player (a failed save, a notice) that takes the place
    /// of the response timer at the right of the key line.
    static func draw(
        _ session: ScenarioSession, scenario: Scenario, portraits: [String: [String]], context: ScreenContext,
        status: (text: String, style: CellStyle)? = nil, into grid: inout Grid
    ) {
        let strings = context.strings
        let run = session.run
        let offered = ScenarioMachine.availableOptions(run, scenario)
        let right = [context.titleRight, ScenarioWords.clock(run.elapsedSeconds)].filter { !$0.isEmpty }.joined(
            separator: " \(context.symbols.separator) ")
        let timer = session.secondsLeft(scenario).map { strings(.scenarioTimer, ["time": ScenarioWords.clock($0)]) } ?? ""
        Chrome.draw(
            into: &grid, title: strings(.scenarioTitle, ["title": scenario.title]), titleRight: right,
            hints: strings(.scenarioHintsCall, ["count": "\(max(1, offered.count))"]), hintsRight: status?.text ?? timer,
            hintsRightStyle: status?.style ?? CellStyle(.warning, .bold), symbols: context.symbols
        )
        let top = Chrome.bodyTop
        let bodyRows = Chrome.bodyRows(forHeight: grid.height)
        let width = grid.width
        // The options at the bottom of the body, wrapped, at most half the body.
        let optionLines = options(session, scenario, offered, width: width - 7, context)
        let optionRows = min(optionLines.count, max(2, bodyRows / 2))
        let upperRows = bodyRows - optionRows
        let optionTop = top + upperRows
        let shown = visibleOptions(optionLines, rows: optionRows)
        for (i, line) in shown.lines.enumerated() {
            if line.selected { grid.fill(x: 1, y: optionTop + i, width: width - 2, style: CellStyle(.accent, .reverse)) }
            grid.put(line.text, x: 1, y: optionTop + i, style: line.style, maxWidth: width - 3)
        }
        // More options than fit: arrows at the right edge say which way the rest lie.
        if shown.above { grid.put(context.symbols.moreAbove, x: width - 2, y: optionTop + shown.lines.prefix { $0.isPrompt }.count, style: .muted) }
        if shown.below { grid.put(context.symbols.moreBelow, x: width - 2, y: optionTop + optionRows - 1, style: .muted) }
        let portraitLines = scenario.citizen.flatMap { portraits[$0.id]?.count } ?? 5
        if width >= sideBySideColumns {
            let frameWidth = min(frameColumns, width / 2)
            ScenarioVideoFrame.draw(run, scenario, portraits: portraits, context, x: 0, y: top, width: frameWidth, height: upperRows, into: &grid)
            drawTranscript(session, scenario, context, x: frameWidth, y: top, width: width - frameWidth, height: upperRows, into: &grid)
        } else if !session.showTranscript {
            ScenarioVideoFrame.draw(run, scenario, portraits: portraits, context, x: 0, y: top, width: width, height: upperRows, into: &grid)
        } else {
            let frameRows = min(ScenarioVideoFrame.height(portraitLines: portraitLines), max(5, upperRows - 5))
            ScenarioVideoFrame.draw(run, scenario, portraits: portraits, context, x: 0, y: top, width: width, height: frameRows, into: &grid)
            drawTranscript(session, scenario, context, x: 0, y: top + frameRows, width: width, height: upperRows - frameRows, into: &grid)
        }
    }

    /// The prompt and as many option lines as fit, scrolled so the selected option is
    /// whole on screen (a small terminal cannot show every option at once).
    static func visibleOptions(_ lines: [OptionLine], rows: Int) -> (lines: [OptionLine], above: Bool, below: Bool) {
        let header = Array(lines.prefix { $0.isPrompt }.prefix(max(1, rows / 2)))
        guard lines.count > rows, rows > header.count else { return (Array(lines.prefix(rows)), false, false) }
        let body = Array(lines.drop { $0.isPrompt })
        let room = rows - header.count
        var start = 0
        if let last = body.lastIndex(where: \.selected), let first = body.firstIndex(where: \.selected), last >= room {
            // The selected option from its first line, never a stray tail of the one before.
            start = first
        }
        let end = min(body.count, start + room)
        return (header + body[start..<end], start > 0, end < body.count)
    }

    struct OptionLine {
        var text: String
        var style: CellStyle
        var selected: Bool
        var isPrompt = false
    }

    static func options(_ session: ScenarioSession, _ scenario: Scenario, _ offered: [Int], width: Int, _ context: ScreenContext) -> [OptionLine] {
        guard let node = scenario.node(session.run.current), case .choice(let choice) = node.kind else { return [] }
        let prompt = choice.prompt.isEmpty ? context.strings(.scenarioPrompt) : choice.prompt
        var lines = WordWrap.lines(prompt, width: max(8, width)).map { OptionLine(text: " " + $0, style: .bold, selected: false, isPrompt: true) }
        for (position, index) in offered.enumerated() {
            let selected = position == session.cursor
            let marker = selected ? context.symbols.cursor : String(repeating: " ", count: DisplayWidth.of(context.symbols.cursor))
            let number = "\(position + 1)"
            let wrapped = WordWrap.lines(choice.options[index].text, width: max(8, width - DisplayWidth.of(marker) - 2))
            for (i, text) in wrapped.enumerated() {
                let lead = i == 0 ? " \(marker) \(number)  " : String(repeating: " ", count: DisplayWidth.of(marker) + number.count + 4)
                lines.append(OptionLine(text: lead + text, style: selected ? CellStyle(.accent, [.bold, .reverse]) : .plain, selected: selected))
            }
        }
        return lines
    }

    static func drawTranscript(
        _ session: ScenarioSession, _ scenario: Scenario, _ context: ScreenContext, x: Int, y: Int, width: Int, height: Int, into grid: inout Grid
    ) {
        guard width >= 12, height >= 3 else { return }
        Frame.draw(x: x, y: y, width: width, height: height, title: context.strings(.scenarioTranscriptFrame), context.symbols, into: &grid)
        let inner = width - 4
        let rows = height - 2
        guard session.showTranscript else {
            for (i, line) in WordWrap.lines(context.strings(.scenarioTranscriptHidden), width: inner).prefix(rows).enumerated() {
                grid.put(line, x: x + 2, y: y + 1 + i, style: .muted, maxWidth: inner)
            }
            return
        }
        var lines = ScenarioWords.transcript(session.run, scenario, width: inner, context)
        if let stuck = session.run.stuck {
            lines.append(("", .plain))
            for line in WordWrap.lines(context.strings(.scenarioStuck, ["reason": stuck]), width: inner) {
                lines.append((line, CellStyle(.danger, .bold)))
            }
        }
        let scroll = min(session.transcriptScroll, max(0, lines.count - rows))
        let end = lines.count - scroll
        let visible = lines[max(0, end - rows)..<end]
        for (i, line) in visible.enumerated() {
            grid.put(line.0, x: x + 2, y: y + 1 + i, style: line.1, maxWidth: inner)
        }
        if scroll > 0 {
            let more = context.symbols.moreBelow
            grid.put(more, x: x + width - 2, y: y + height - 2, style: .muted)
        }
    }
}
