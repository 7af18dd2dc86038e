import KursusText

/// A GFM table collected while the AST is walked: column alignments and
/// rows of cells, each cell as inline text.
struct TableContent {
    struct Row {
        var isHeader: Bool
        var cells: [InlineText] = []
    }

    var alignments: [ColumnAlignment]
    private(set) var rows: [Row] = []

    init(alignments: [ColumnAlignment]) {
        self.alignments = alignments
    }

    mutating func startRow(isHeader: Bool) {
        rows.append(Row(isHeader: isHeader))
    }

    mutating func addCell(_ text: InlineText) {
        if rows.isEmpty { rows.append(Row(isHeader: false)) }
        rows[rows.count - 1].cells.append(text)
    }

    /// The number of columns: the most of alignments and any row's cells.
    var columnCount: Int {
        rows.reduce(alignments.count) { max($0, $1.cells.count) }
    }

    /// Cell `column` of `row`, empty when the row is short.
    func cell(_ row: Row, _ column: Int) -> InlineText {
        column < row.cells.count ? row.cells[column] : InlineText()
    }

    func alignment(_ column: Int) -> ColumnAlignment {
        column < alignments.count ? alignments[column] : .none
    }
}

/// Lays a table out within a width: a bordered grid whose columns are
/// fitted by `ColumnWidths` and whose cells wrap inside their columns, or,
/// when the columns cannot fit, a stacked list of "header: value" lines
/// per row.
struct TableLayout {
    private let table: TableContent
    private let symbols: MarkdownGlyphs
    private let border = SpanStyle(role: .tableBorder)

    init(_ table: TableContent, symbols: MarkdownGlyphs) {
        self.table = table
        self.symbols = symbols
    }

    /// The table's lines, none wider than `width`.
    func lines(width: Int) -> [LineBuilder] {
        let columns = table.columnCount
        guard columns > 0 else { return [] }
        var natural = Array(repeating: 0, count: columns)
        var longest = Array(repeating: 0, count: columns)
        for row in table.rows {
            for column in 0..<columns {
                let measure = LineWrapper<CollectingSink>.measure(table.cell(row, column))
                natural[column] = max(natural[column], measure.natural)
                longest[column] = max(longest[column], measure.longestWord)
            }
        }
        let overhead = 3 * columns + 1
        if let widths = ColumnWidths.fit(natural: natural, longestWord: longest, space: width - overhead) {
            return grid(widths)
        }
        return stacked(width: width)
    }

    // MARK: Grid

    private func grid(_ widths: [Int]) -> [LineBuilder] {
        var result: [LineBuilder] = []
        let bodyRows = table.rows.filter { !$0.isHeader }
        let headerRows = table.rows.filter(\.isHeader)
        let laidOut = table.rows.map { row in wrapCells(row, widths) }
        let separateRows = zip(table.rows, laidOut).contains { row, cells in
            !row.isHeader && cells.contains { $0.count > 1 }
        }
        result.append(rule(widths, symbols.topJoints, symbols.boxHorizontal))
        var bodyIndex = 0
        for (row, cells) in zip(table.rows, laidOut) {
            if !row.isHeader {
                if bodyIndex > 0 && separateRows {
                    result.append(rule(widths, symbols.rowJoints, symbols.boxHorizontal))
                }
                bodyIndex += 1
            }
            result += rowLines(cells, widths)
            if row.isHeader, !bodyRows.isEmpty, headerRows.count > 0, bodyIndex == 0 {
                result.append(rule(widths, symbols.headerJoints, symbols.headerHorizontal))
            }
        }
        result.append(rule(widths, symbols.bottomJoints, symbols.boxHorizontal))
        return result
    }

    private func wrapCells(_ row: TableContent.Row, _ widths: [Int]) -> [[LineBuilder]] {
        widths.indices.map { column in
            LineWrapper<CollectingSink>.lines(table.cell(row, column), width: widths[column])
        }
    }

    private func rowLines(_ cells: [[LineBuilder]], _ widths: [Int]) -> [LineBuilder] {
        let height = cells.reduce(1) { max($0, $1.count) }
        var result: [LineBuilder] = []
        for lineIndex in 0..<height {
            var line = LineBuilder()
            line.append(symbols.boxVertical, style: border, width: 1)
            for (column, width) in widths.enumerated() {
                line.appendSpaces(1)
                let cellLine = lineIndex < cells[column].count ? cells[column][lineIndex] : LineBuilder()
                let spare = max(0, width - cellLine.width)
                let before: Int
                switch table.alignment(column) {
                case .right: before = spare
                case .center: before = spare / 2
                case .left, .none: before = 0
                }
                line.appendSpaces(before)
                line.append(contentsOf: cellLine)
                line.appendSpaces(spare - before + 1)
                line.append(symbols.boxVertical, style: border, width: 1)
            }
            result.append(line)
        }
        return result
    }

    private func rule(
        _ widths: [Int], _ joints: (left: String, middle: String, right: String), _ horizontal: String
    ) -> LineBuilder {
        // Every box-drawing symbol is one column wide.
        var line = LineBuilder()
        line.append(joints.left, style: border, width: 1)
        for (index, width) in widths.enumerated() {
            line.appendRepeated(horizontal, count: width + 2, style: border)
            line.append(index == widths.count - 1 ? joints.right : joints.middle, style: border, width: 1)
        }
        return line
    }

    // MARK: Stacked

    /// The widest a header label is shown in front of each value of a stacked table.
    static let labelWidth = 40

    /// One "header: value" paragraph per cell, rows separated by a rule.
    private func stacked(width: Int) -> [LineBuilder] {
        let columns = table.columnCount
        let header = table.rows.first(where: \.isHeader)
        let headerStyle = SpanStyle(role: .tableHeader, attributes: .bold)
        let bodyRows = table.rows.filter { !$0.isHeader }
        let rows = bodyRows.isEmpty ? table.rows : bodyRows
        // Each label is repeated on every row, so a long one is cut (else a wide header
        // over many rows would multiply the output).
        let labels = (0..<columns).map { column in
            header.map { DisplayWidth.truncate(table.cell($0, column).plainText(omitting: .linkNumber), toWidth: Self.labelWidth) } ?? ""
        }
        var result: [LineBuilder] = []
        for (index, row) in rows.enumerated() {
            if index > 0 {
                var separator = LineBuilder()
                separator.appendRepeated(symbols.boxHorizontal, count: min(width, 20), style: border)
                result.append(separator)
            }
            for column in 0..<columns {
                var entry = InlineText()
                if header != nil, !row.isHeader {
                    let label = labels[column]
                    if !label.isEmpty {
                        entry.append(label + ":", style: headerStyle)
                        entry.append(" ", style: .body)
                    }
                }
                entry.append(contentsOf: table.cell(row, column))
                result += LineWrapper<CollectingSink>.lines(entry, width: width)
            }
        }
        return result
    }
}
