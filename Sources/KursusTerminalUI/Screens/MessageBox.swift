import KursusText

/// A framed message over the current screen, closed by any key.
enum MessageBox {
    static func draw(_ message: String, _ context: ScreenContext, into grid: inout Grid) {
        let innerWidth = min(grid.width - 8, 64)
        var lines: [String] = []
        for paragraph in message.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += paragraph.isEmpty ? [""] : WordWrap.lines(String(paragraph), width: innerWidth - 2)
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
