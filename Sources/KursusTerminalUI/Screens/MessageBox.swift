import KursusText

/// A framed message over the current screen, closed by any key.
enum MessageBox {
    static func draw(_ message: String, _ context: ScreenContext, into grid: inout Grid) {
        let innerWidth = min(grid.width - 8, 64)
        var lines: [String] = []
        for paragraph in message.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += paragraph.isEmpty ? [""] : HelpOverlay.wrap(String(paragraph), width: innerWidth - 2)
        }
        let closing = context.strings(.helpClose)
        let height = min(grid.height - 2, lines.count + 4)
        let width = innerWidth + 2
        let left = max(0, (grid.width - width) / 2)
        let top = max(0, (grid.height - height) / 2)
        Frame.draw(x: left, y: top, width: width, height: height, title: nil, context.symbols, into: &grid)
        var y = top + 1
        for line in lines where y < top + height - 2 {
            grid.put(line, x: left + 2, y: y, maxWidth: innerWidth - 2)
            y += 1
        }
        grid.put(closing, x: left + 2, y: top + height - 2, style: CellStyle(.muted, .dim), maxWidth: innerWidth - 2)
    }
}

/// A box drawn with line characters (ASCII when the locale is not UTF-8), cleared inside.
enum Frame {
    static func draw(x left: Int, y top: Int, width: Int, height: Int, title: String?, _ symbols: Symbols, into grid: inout Grid) {
        let frame = symbols.isUnicode ? ("┌", "┐", "└", "┘", "─", "│") : ("+", "+", "+", "+", "-", "|")
        let border = CellStyle(.accent, .bold)
        grid.fill(x: left, y: top, width: width, height: height, style: .plain)
        for x in left..<(left + width) {
            grid[x, top] = Cell(frame.4, style: border)
            grid[x, top + height - 1] = Cell(frame.4, style: border)
        }
        for y in top..<(top + height) {
            grid[left, y] = Cell(frame.5, style: border)
            grid[left + width - 1, y] = Cell(frame.5, style: border)
        }
        grid[left, top] = Cell(frame.0, style: border)
        grid[left + width - 1, top] = Cell(frame.1, style: border)
        grid[left, top + height - 1] = Cell(frame.2, style: border)
        grid[left + width - 1, top + height - 1] = Cell(frame.3, style: border)
        if let title { grid.put(" \(title) ", x: left + 2, y: top, style: CellStyle(.heading, .bold)) }
    }
}
