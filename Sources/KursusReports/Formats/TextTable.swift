import Foundation
import KursusText

/// A table laid out for a terminal of a given width, measured in display columns. Text
/// from content is made terminal-safe here: line breaks and tabs become spaces, and
/// every other control character its visible stand-in (`TerminalSafe`).
///
/// When the table is too wide, its flexible columns are truncated with "…" (widest
/// first, down to their minimum), then the gaps narrow; a table that still does not fit
/// is written as one block per row ("Header: value · …") so nothing is ever cut off.
struct TextTable: Sendable {
    enum Alignment: Sendable { case left, right }

    struct Column: Sendable {
        var header: String
        var alignment: Alignment
        /// Whether the column may be truncated, and how narrow it may get.
        var flexible: Bool
        var minimumWidth: Int

        init(_ header: String, _ alignment: Alignment = .right, flexible: Bool = false, minimumWidth: Int = 8) {
            self.header = header
            self.alignment = alignment
            self.flexible = flexible
            self.minimumWidth = minimumWidth
        }
    }

    var columns: [Column]
    var rows: [[String]]
    /// Per row, an optional bar (a fraction 0…1) drawn after the last column in the space
    /// that is left (at most `maximumBarWidth` cells).
    var bars: [Double?]
    var maximumBarWidth = 30
    /// Spaces before every line.
    var indent = 0

    init(columns: [Column], indent: Int = 0) {
        self.columns = columns
        self.rows = []
        self.bars = []
        self.indent = indent
    }

    mutating func add(_ cells: [String], bar: Double? = nil) {
        rows.append(cells)
        bars.append(bar)
    }

    /// The lines, header and a rule first; `paintBar` styles a bar (colour), `paintHeader`
    /// the header line.
    func render(
        width: Int, paintBar: (String) -> String = { $0 }, paintHeader: (String) -> String = { $0 }
    ) -> [String] {
        let headers = columns.map { TerminalText.line($0.header) }
        let cells = rows.map { row in (0..<columns.count).map { $0 < row.count ? TerminalText.line(row[$0]) : "" } }
        var widths = (0..<columns.count).map { index in
            cells.reduce(DisplayWidth.of(headers[index])) { max($0, DisplayWidth.of($1[index])) }
        }
        let available = width - indent
        var gap = 2
        func total() -> Int { widths.reduce(0, +) + gap * max(0, widths.count - 1) }
        // Room for the bars is kept before flexible columns take it: a sixth of the width
        // (at least 10 cells), when truncating flexible columns can make it.
        if bars.contains(where: { $0 != nil }) {
            let reserve = min(maximumBarWidth, max(10, available / 6)) + gap
            let shrinkable = widths.indices.filter { columns[$0].flexible }.reduce(0) { $0 + widths[$1] - columns[$1].minimumWidth }
            let target = available - reserve
            if total() > target, total() - max(0, shrinkable) <= target {
                while total() > target {
                    let candidates = widths.indices.filter { columns[$0].flexible && widths[$0] > columns[$0].minimumWidth }
                    guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                    widths[widest] = max(columns[widest].minimumWidth, widths[widest] - (total() - target))
                }
            }
        }
        while total() > available {
            let candidates = widths.indices.filter { columns[$0].flexible && widths[$0] > columns[$0].minimumWidth }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] = max(columns[widest].minimumWidth, widths[widest] - (total() - available))
        }
        if total() > available { gap = 1 }
        guard total() <= available else { return stacked(headers: headers, cells: cells, width: available) }
        let barWidth = bars.contains(where: { $0 != nil }) ? min(maximumBarWidth, available - total() - gap) : 0
        let pad = String(repeating: " ", count: indent)
        func line(_ row: [String]) -> String {
            let parts = row.indices.map { index -> String in
                let text = DisplayWidth.truncate(row[index], toWidth: widths[index])
                let space = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(text)))
                return columns[index].alignment == .left ? text + space : space + text
            }
            return pad + parts.joined(separator: String(repeating: " ", count: gap))
        }
        var lines = [paintHeader(trimmed(line(headers))), pad + String(repeating: "─", count: total())]
        for (index, row) in cells.enumerated() {
            var text = line(row)
            if barWidth >= 4, let fraction = bars[index] {
                let bar = BarChart.bar(fraction: fraction, width: barWidth)
                if !bar.isEmpty { text += String(repeating: " ", count: gap) + paintBar(bar) }
            }
            lines.append(trimmed(text))
        }
        return lines
    }

    /// One block per row: the first cell on its own line, then "Header: value" pairs.
    private func stacked(headers: [String], cells: [[String]], width: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for row in cells {
            lines.append(pad + DisplayWidth.truncate(row.first ?? "", toWidth: width))
            let pairs = zip(headers, row).dropFirst().map { "\($0): \($1)" }.joined(separator: " · ")
            lines += WordWrap.lines(pairs, width: max(1, width - 2)).map { pad + "  " + $0 }
        }
        return lines
    }

    private func trimmed(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
