import KursusText

/// A grid row for a terminal whose character set is not UTF-8 (`LANG=C`): every cell
/// spelled in ASCII (`ASCIITransliteration`), the row laid out anew.
///
/// A letter that becomes two ("ø" → "oe") pushes the rest of the row one column right,
/// and the next run of two or more blanks takes the extra column back (one blank is
/// always kept, so words never run together). So text after a gap (a percentage, a box's
/// right border) stays in its column, and only text in the same run of words moves. Text
/// that would still run past the right edge (the learner's name at the right of the
/// title) moves left into the gap before it instead. A wide character becomes `?` and a
/// blank, keeping its two columns. What fits nowhere is cut at the right edge.
public enum ASCIIRows {
    /// Row `y` as runs of one style (start column, ASCII text, style), covering the whole
    /// width, so drawing it leaves nothing of an earlier screen on the line.
    public static func runs(_ grid: Grid, row y: Int) -> [(x: Int, text: String, style: CellStyle)] {
        guard y >= 0, y < grid.height else { return [] }
        var cells: [(text: String, style: CellStyle)] = []
        var debt = 0
        var x = 0
        while x < grid.width {
            let cell = grid[x, y]
            let columns = x + 1 < grid.width && grid[x + 1, y].isContinuation ? 2 : 1
            defer { x += columns }
            if cell.isContinuation { continue }
            if debt > 0, cell.text == " ", x + 1 >= grid.width || grid[x + 1, y].text == " " {
                debt -= 1
                continue
            }
            var text =
                cell.text.count == 1 && !cell.text.utf8.allSatisfy({ $0 < 0x80 })
                ? ASCIITransliteration.ascii(
                    Character(cell.text), before: x > 0 ? grid[x - 1, y].text.last : nil,
                    after: x + columns < grid.width ? grid[x + columns, y].text.first : nil)
                : ASCIITransliteration.transliterate(cell.text)
            if text.count < columns { text += String(repeating: " ", count: columns - text.count) }
            debt += text.count - columns
            for character in text { cells.append((String(character), cell.style)) }
        }
        // Text that still runs past the right edge (right-aligned text that grew) moves
        // left into the nearest gap before it.
        var overflow = cells.count - grid.width
        while overflow > 0, let gap = cells.indices.dropFirst().last(where: { cells[$0].text == " " && cells[$0 - 1].text == " " }) {
            cells.remove(at: gap)
            overflow -= 1
        }
        var runs: [(x: Int, text: String, style: CellStyle)] = []
        for (column, cell) in cells.prefix(grid.width).enumerated() {
            if let last = runs.last, last.style == cell.style {
                runs[runs.count - 1].text += cell.text
            } else {
                runs.append((column, cell.text, cell.style))
            }
        }
        return runs
    }

    /// The row as text, trailing blanks trimmed, as a person reads it on such a terminal.
    public static func line(_ grid: Grid, row y: Int) -> String {
        var text = runs(grid, row: y).map(\.text).joined()
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
