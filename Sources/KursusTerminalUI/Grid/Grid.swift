import KursusText

/// An in-memory screen: rows of cells. Screens draw into a grid; the ncurses backend
/// copies it to the terminal, and tests compare it as text.
public struct Grid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    private(set) var cells: [Cell]
    /// Where the terminal cursor goes: the focused item (the selected line or option, a
    /// text field's insertion point), so screen readers and magnifiers that follow the
    /// cursor follow the learner. nil hides the cursor.
    public var cursor: GridPoint?
    /// Regions a mouse click acts on, in drawing order (a later one lies on top).
    public internal(set) var targets: [ClickTarget] = []
    /// What the mouse wheel does on this screen.
    public var wheel: WheelAction = .lines

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set { if contains(x: x, y: y) { cells[y * width + x] = newValue } }
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Writes `text` from column `x` on row `y`, never past `x + maxWidth` or the right
    /// edge. Text is made terminal-safe first. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = max(0, x)
        let safe = TerminalSafe.isSafe(text) ? text : TerminalSafe.clean(text)
        for character in safe {
            let columns = DisplayWidth.of(character)
            if columns == 0 {
                // A lone combining mark: attach it to the previous cell.
                if column > 0 { cells[y * width + column - 1].text.append(character) }
                continue
            }
            if column + columns > limit {
                if columns == 2, column < limit { self[column, y] = Cell(" ", style: style); column += 1 }
                break
            }
            self[column, y] = Cell(String(character), style: style)
            if columns == 2 { self[column + 1, y] = Cell("", style: style) }
            column += columns
        }
        return column - max(0, x)
    }

    /// Paints the style over a run of cells without changing their text.
    public mutating func style(x: Int, y: Int, width runWidth: Int, _ style: CellStyle) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + runWidth) where column >= 0 {
            cells[y * width + column].style = style
        }
    }

    /// Fills a rectangle with blanks in a style.
    public mutating func fill(x: Int = 0, y: Int, width runWidth: Int? = nil, height rows: Int = 1, style: CellStyle = .plain) {
        let right = min(width, x + (runWidth ?? width))
        for row in max(0, y)..<min(height, y + rows) {
            for column in max(0, x)..<max(max(0, x), right) {
                cells[row * width + column] = Cell(" ", style: style)
            }
        }
    }

    /// A horizontal line of `symbol`.
    public mutating func rule(y: Int, symbol: String, style: CellStyle = .muted) {
        for column in 0..<width { self[column, y] = Cell(symbol, style: style) }
    }

    /// Row `y` as text, trailing spaces trimmed: what a person would read.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var text = ""
        for x in 0..<width {
            let cell = cells[y * width + x]
            if !cell.isContinuation { text += cell.text }
        }
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    public var lines: [String] { (0..<height).map(line) }

    /// The whole grid as text, one line per row.
    public var text: String { lines.joined(separator: "\n") }

    /// The row's runs of equal style, for backends: (start column, text, style).
    public func runs(row y: Int) -> [(x: Int, text: String, style: CellStyle)] {
        guard y >= 0, y < height else { return [] }
        var runs: [(x: Int, text: String, style: CellStyle)] = []
        for x in 0..<width {
            let cell = cells[y * width + x]
            if cell.isContinuation { continue }
            if let last = runs.last, last.style == cell.style {
                runs[runs.count - 1].text += cell.text
            } else {
                runs.append((x, cell.text, cell.style))
            }
        }
        return runs
    }
}
