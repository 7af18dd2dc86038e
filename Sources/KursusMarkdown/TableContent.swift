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
