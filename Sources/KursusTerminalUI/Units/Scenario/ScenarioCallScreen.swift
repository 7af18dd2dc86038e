import KursusCourse
import KursusEngine
import KursusMarkdown
import KursusText

/// The video-consultation call: the video frame, the conversation (beside the frame from
/// 100 columns, below it on narrower terminals) and the learner's options. The
/// conversation always keeps a box of its own and scrolls a line or a page at a time.
/// When the run has ended, the call stays with its last lines until Enter.
public enum ScenarioCallScreen {
    /// From this width the transcript stands beside the video frame.
    public static let sideBySideColumns = 100
    static let frameColumns = 46
    /// The conversation box never has fewer rows inside its border than this.
    static let minimumConversationRows = 3
    /// From this width the key line has room for every scrolling key.
    static let longHintsColumns = 80

    /// `status`: a message from the player (a failed save, a notice) that takes the right
    /// of the key line.
    static func draw(
        _ session: ScenarioSession, scenario: Scenario, portraits: [String: [String]], context: ScreenContext,
        status: (text: String, style: CellStyle)? = nil, into grid: inout Grid
    ) {
        let strings = context.strings
        let run = session.run
        let offered = ScenarioMachine.availableOptions(run, scenario)
        let hints: String
        if session.mode == .ended {
            hints = strings(.scenarioHintsEnded)
        } else {
            hints = strings(grid.width >= longHintsColumns ? .scenarioHintsCall : .scenarioHintsCallShort, ["count": "\(max(1, offered.count))"])
        }
        Chrome.draw(
            into: &grid, title: strings(.scenarioTitle, ["title": scenario.title]),
            titleRight: titleRight(context, clock: ScenarioWords.clock(run.elapsedSeconds), width: grid.width),
            hints: hints, hintsRight: status?.text ?? "", hintsRightStyle: status?.style ?? .muted, symbols: context.symbols
        )
        let layout = Layout(session, scenario, portraits: portraits, context, width: grid.width, height: grid.height)
        let shown = visibleOptions(layout.optionLines, rows: layout.optionRows)
        let width = grid.width
        // ↑/↓ move the option cursor here, so the wheel pages the conversation instead.
        grid.wheel = .pages
        var cursorPlaced = false
        for (i, line) in shown.lines.enumerated() {
            if line.selected { grid.fill(x: 1, y: layout.optionTop + i, width: width - 2, style: CellStyle(.accent, .reverse)) }
            let text = DisplayWidth.truncate(line.text, toWidth: width - 3, ellipsis: context.symbols.ellipsis)
            grid.put(text, x: 1, y: layout.optionTop + i, style: line.style, maxWidth: width - 3)
            // A click chooses an option; a click on the chosen one answers, as Enter does.
            if let number = line.number {
                grid.addTarget(x: 1, y: layout.optionTop + i, width: width - 2, .option(number: number, chosen: line.selected))
            }
            // The terminal cursor on the chosen option's first line, for screen readers and magnifiers.
            if line.selected, !cursorPlaced {
                grid.cursor = GridPoint(x: 2, y: layout.optionTop + i)
                cursorPlaced = true
            }
        }
        // More options than fit: arrows at the right edge say which way the rest lie.
        if shown.above {
            grid.put(context.symbols.moreAbove, x: width - 2, y: layout.optionTop + shown.lines.prefix { $0.isPrompt }.count, style: .muted)
        }
        if shown.below { grid.put(context.symbols.moreBelow, x: width - 2, y: layout.optionTop + layout.optionRows - 1, style: .muted) }
        if let frame = layout.frame {
            ScenarioVideoFrame.draw(
                run, scenario, portraits: portraits, context, x: frame.x, y: frame.y, width: frame.width, height: frame.height, into: &grid)
        } else if let strip = layout.strip {
            ScenarioVideoFrame.drawStrip(run, scenario, context, x: 0, y: strip, width: width, into: &grid)
        }
        drawConversation(session, scenario, context, layout.box, into: &grid)
    }

    /// The learner's name and the call clock for the title's right. The clock is shown
    /// whole or not at all: the name is cut (with an ellipsis) to make room, and when
    /// too little of it would be left, the clock is left out.
    static func titleRight(_ context: ScreenContext, clock: String, width: Int) -> String {
        let name = context.titleRight
        guard !name.isEmpty else { return clock }
        let separator = " \(context.symbols.separator) "
        let room = width / 2
        let full = name + separator + clock
        if DisplayWidth.of(full) <= room { return full }
        let nameRoom = room - DisplayWidth.of(separator) - DisplayWidth.of(clock)
        guard nameRoom >= 4 else { return name }
        return DisplayWidth.truncate(name, toWidth: nameRoom, ellipsis: context.symbols.ellipsis) + separator + clock
    }

    /// A box on screen, border included.
    struct Box: Equatable {
        var x: Int, y: Int, width: Int, height: Int
        /// Rows inside the border: the conversation's page.
        var innerRows: Int { max(0, height - 2) }
        var innerWidth: Int { max(0, width - 4) }
        /// So few rows that the conversation leaves out the blank lines between entries.
        var isCompact: Bool { innerRows < 5 }
    }

    /// Where everything goes at this size.
    struct Layout {
        var optionLines: [OptionLine]
        var optionTop: Int
        var optionRows: Int
        /// The video frame; nil when the terminal is too low for it beside a readable
        /// conversation (a one-line call strip stands in for it).
        var frame: Box?
        var strip: Int?
        var box: Box

        init(_ session: ScenarioSession, _ scenario: Scenario, portraits: [String: [String]], _ context: ScreenContext, width: Int, height: Int) {
            let top = Chrome.bodyTop
            let bodyRows = Chrome.bodyRows(forHeight: height)
            optionLines = ScenarioCallScreen.optionArea(session, scenario, width: width - 7, context)
            // The options at the bottom of the body, wrapped, at most half the body.
            optionRows = min(optionLines.count, max(2, bodyRows / 2))
            let upper = bodyRows - optionRows
            optionTop = top + upper
            strip = nil
            if width >= sideBySideColumns {
                let frameWidth = min(frameColumns, width / 2)
                frame = Box(x: 0, y: top, width: frameWidth, height: upper)
                box = Box(x: frameWidth, y: top, width: width - frameWidth, height: upper)
                return
            }
            // Below the frame: the conversation takes at least half of what is left, and
            // never fewer than the minimum; the frame the rest, up to its full height.
            let portraitLines = scenario.citizen.flatMap { portraits[$0.id]?.count } ?? 5
            let wanted = max(minimumConversationRows + 2, (upper + 1) / 2)
            let frameRows = min(ScenarioVideoFrame.height(portraitLines: portraitLines), upper - wanted)
            if frameRows >= ScenarioVideoFrame.minimumHeight {
                frame = Box(x: 0, y: top, width: width, height: frameRows)
                box = Box(x: 0, y: top + frameRows, width: width, height: upper - frameRows)
            } else {
                frame = nil
                strip = top
                box = Box(x: 0, y: top + 1, width: width, height: upper - 1)
            }
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
        /// The option this line belongs to, by its digit key (1-based); nil for prompt lines.
        var number: Int?
    }

    /// What stands below the conversation: the countdown and the options of the choice,
    /// or, once the run has ended, the line that says how to go on.
    static func optionArea(_ session: ScenarioSession, _ scenario: Scenario, width: Int, _ context: ScreenContext) -> [OptionLine] {
        if session.mode == .ended {
            let text = context.strings(session.run.isFinished ? .scenarioEnded : .scenarioEndedStuck)
            return WordWrap.lines(text, width: max(8, width)).map {
                OptionLine(text: " " + $0, style: CellStyle(.accent, .bold), selected: false, isPrompt: true)
            }
        }
        let offered = ScenarioMachine.availableOptions(session.run, scenario)
        var lines: [OptionLine] = []
        if let countdown = countdown(session, scenario, offered, context) {
            lines.append(OptionLine(text: " " + countdown, style: CellStyle(.warning, .bold), selected: false, isPrompt: true))
        }
        return lines + options(session, scenario, offered, width: width, context)
    }

    /// "00:25 left, then the timer picks 2: …": how long, and which option it will take.
    static func countdown(_ session: ScenarioSession, _ scenario: Scenario, _ offered: [Int], _ context: ScreenContext) -> String? {
        guard let left = session.secondsLeft(scenario), let pick = ScenarioMachine.timeoutOption(session.run, scenario),
            let position = offered.firstIndex(of: pick), let node = scenario.node(session.run.current), case .choice(let choice) = node.kind
        else { return nil }
        return context.strings(
            .scenarioCountdown, ["time": ScenarioWords.clock(left), "number": "\(position + 1)", "text": choice.options[pick].text])
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
                lines.append(
                    OptionLine(
                        text: lead + text, style: selected ? CellStyle(.accent, [.bold, .reverse]) : .plain, selected: selected,
                        number: position + 1))
            }
        }
        return lines
    }

    /// The conversation in its box, from the line the session's scroll says, with arrows
    /// at the right edge when there is more above or below.
    static func drawConversation(_ session: ScenarioSession, _ scenario: Scenario, _ context: ScreenContext, _ box: Box, into grid: inout Grid) {
        guard box.width >= 12, box.height >= 3 else { return }
        Frame.draw(
            x: box.x, y: box.y, width: box.width, height: box.height, title: context.strings(.scenarioTranscriptFrame), context.symbols, into: &grid)
        let lines = ScenarioWords.conversation(session.run, scenario, width: box.innerWidth, context, compact: box.isCompact)
        let rows = box.innerRows
        let first = session.conversation.firstLine(lines: lines.count, rows: rows)
        for (i, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            grid.put(line.0, x: box.x + 2, y: box.y + 1 + i, style: line.1, maxWidth: box.innerWidth)
        }
        if first > 0 { grid.put(context.symbols.moreAbove, x: box.x + box.width - 2, y: box.y + 1, style: .muted) }
        if first + rows < lines.count { grid.put(context.symbols.moreBelow, x: box.x + box.width - 2, y: box.y + box.height - 2, style: .muted) }
    }
}
