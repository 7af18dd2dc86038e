/// A box drawn with line characters (ASCII when the locale is not UTF-8), cleared inside.
enum Frame {
    static func draw(x left: Int, y top: Int, width: Int, height: Int, title: String?, _ symbols: Symbols, into grid: inout Grid) {
        let (topLeft, topRight, bottomLeft, bottomRight) = symbols.boxCorners
        let border = CellStyle(.accent, .bold)
        grid.fill(x: left, y: top, width: width, height: height, style: .plain)
        for x in left..<(left + width) {
            grid[x, top] = Cell(symbols.boxHorizontal, style: border)
            grid[x, top + height - 1] = Cell(symbols.boxHorizontal, style: border)
        }
        for y in top..<(top + height) {
            grid[left, y] = Cell(symbols.boxVertical, style: border)
            grid[left + width - 1, y] = Cell(symbols.boxVertical, style: border)
        }
        grid[left, top] = Cell(topLeft, style: border)
        grid[left + width - 1, top] = Cell(topRight, style: border)
        grid[left, top + height - 1] = Cell(bottomLeft, style: border)
        grid[left + width - 1, top + height - 1] = Cell(bottomRight, style: border)
        if let title { grid.put(" \(title) ", x: left + 2, y: top, style: CellStyle(.heading, .bold)) }
    }
}
