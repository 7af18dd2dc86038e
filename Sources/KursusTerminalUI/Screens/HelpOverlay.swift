import KursusText

/// The `?` overlay: a framed box over the current screen listing the keys.
enum HelpOverlay {
    static func draw(_ context: ScreenContext, into grid: inout Grid) {
        let strings = context.strings
        var lines: [String] =
            [
                strings(.helpMove), strings(.helpPage), strings(.helpTopBottom), strings(.helpOpen), strings(.quizHelpChoose),
                strings(.scenarioHelpKeys),
                strings(.helpBack), strings(.helpHelp), strings(.helpQuit), strings(.helpSuspend),
            ] + (context.isPreview ? [strings(.helpProblems)] : [strings(.helpSwitch), strings(.helpSettings)])
            + (context.hasCatalogue ? [strings(.helpCatalogue)] : [])
        // A small terminal cannot hold every line: the ones a learner needs least go first
        // (suspending, this help's own key, Home/End), so the settings key always shows.
        let room = grid.height - 2 - 3
        for dropped in [strings(.helpSuspend), strings(.helpHelp), strings(.helpTopBottom)] where lines.count > room {
            lines.removeAll { $0 == dropped }
        }
        let note = strings(.helpProgress)
        let innerWidth = min(grid.width - 6, max(lines.map { DisplayWidth.of($0) }.max() ?? 0, 40) + 2)
        let noteLines = WordWrap.lines(note, width: innerWidth - 2)
        let contentRows = lines.count + 1 + noteLines.count + 2
        let height = min(grid.height - 2, contentRows + 2)
        let width = innerWidth + 2
        let left = max(0, (grid.width - width) / 2)
        let top = max(0, (grid.height - height) / 2)
        Frame.draw(x: left, y: top, width: width, height: height, title: strings(.helpTitle), context.symbols, into: &grid)
        var y = top + 1
        let maxY = top + height - 2
        // The last row inside the frame is the closing hint's; nothing else is drawn there.
        for line in lines where y < maxY {
            grid.put(line, x: left + 2, y: y, maxWidth: innerWidth - 2)
            y += 1
        }
        y += 1
        for line in noteLines where y < maxY {
            grid.put(line, x: left + 2, y: y, style: .muted, maxWidth: innerWidth - 2)
            y += 1
        }
        if y < maxY { y = maxY }
        grid.put(strings(.helpClose), x: left + 2, y: maxY, style: CellStyle(.muted, .dim), maxWidth: innerWidth - 2)
    }
}
