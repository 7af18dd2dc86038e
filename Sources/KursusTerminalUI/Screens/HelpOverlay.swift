import KursusText

/// The `?` overlay: a framed box over the current screen listing the keys.
enum HelpOverlay {
    static func draw(_ context: ScreenContext, into grid: inout Grid) {
        let strings = context.strings
        let lines: [String] = [
            strings(.helpMove), strings(.helpPage), strings(.helpTopBottom), strings(.helpOpen), strings(.quizHelpChoose), strings(.scenarioHelpKeys),
            strings(.helpBack), strings(.helpHelp), strings(.helpQuit), strings(.helpSuspend),
        ] + (context.isPreview ? [] : [strings(.helpSwitch)])
        let note = strings(.helpProgress)
        let innerWidth = min(grid.width - 6, max(lines.map { DisplayWidth.of($0) }.max() ?? 0, 40) + 2)
        let noteLines = wrap(note, width: innerWidth - 2)
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

    /// Word wrap by display columns, for the short notes on overlays. A word longer than
    /// the width is broken, so nothing is ever cut off at the edge.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            var word = String(word)
            while DisplayWidth.of(word) > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                var head = ""
                for character in word {
                    if DisplayWidth.of(head) + DisplayWidth.of(character) > width { break }
                    head.append(character)
                }
                guard !head.isEmpty else { break }
                lines.append(head)
                word.removeFirst(head.count)
            }
            guard !word.isEmpty else { continue }
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) > width, !current.isEmpty {
                lines.append(current)
                current = word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
