import KursusMarkdown
import KursusText

/// A quiz screen's body as lines of styled runs, built top to bottom and then drawn from
/// a scroll offset. Markdown (question texts, options, feedback) is laid out with the
/// lesson renderer for the width it gets.
struct QuizPage {
    struct Line {
        var runs: [(text: String, style: CellStyle)]
        /// What a click on this line does (an option's lines), if anything.
        var target: ClickAction? = nil
    }

    let width: Int
    /// How Markdown is laid out here (symbols, the word for an image); the width is set per use.
    let markdown: MarkdownLayoutOptions
    private(set) var lines: [Line] = []
    /// The line the cursor row starts on, so the view can keep it on screen.
    var focusLine: Int?
    /// Where the terminal cursor goes (the focused option, a text field's insertion
    /// point): line and column on the page.
    var cursor: (line: Int, column: Int)?

    init(width: Int, markdown: MarkdownLayoutOptions) {
        self.width = max(10, width)
        self.markdown = markdown
    }

    mutating func blank() {
        if let last = lines.last, last.runs.isEmpty { return }
        lines.append(Line(runs: []))
    }

    mutating func text(_ text: String, style: CellStyle = .plain, indent: Int = 0) {
        for piece in WordWrap.lines(text, width: max(4, width - indent)) {
            lines.append(Line(runs: [(String(repeating: " ", count: indent) + piece, style)]))
        }
    }

    /// Markdown laid out at the width left after `prefix`; the prefix goes on the first
    /// line, spaces as wide as it on the others. `style` overrides the text's own colour
    /// (used for the cursor row) but keeps its attributes.
    mutating func markdown(_ source: String, prefix: [(text: String, style: CellStyle)] = [], indent: Int = 0, emphasis: TextAttributes = []) {
        let prefixWidth = prefix.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let available = max(4, width - indent - prefixWidth)
        var options = markdown
        options.width = available
        var laidOut = MarkdownLayout.layout(source, options: options).lines
        while let last = laidOut.last, last.spans.isEmpty || last.plainText.allSatisfy({ $0 == " " }) { laidOut.removeLast() }
        if laidOut.isEmpty { laidOut = [StyledLine.empty] }
        let pad = String(repeating: " ", count: indent)
        for (index, line) in laidOut.enumerated() {
            var runs: [(text: String, style: CellStyle)] = [(pad, .plain)]
            runs += index == 0 ? prefix : [(String(repeating: " ", count: prefixWidth), .plain)]
            for span in line.spans {
                var style = Theme.style(for: span.style)
                style.attributes.formUnion(emphasis)
                runs.append((span.text, style))
            }
            lines.append(Line(runs: runs))
        }
    }

    mutating func appendRaw(_ line: Line) { lines.append(line) }

    /// Makes the lines from `start` on (an option just added) answer a click with `action`.
    mutating func target(from start: Int, _ action: ClickAction) {
        for index in lines.indices where index >= start { lines[index].target = action }
    }

    /// Marks the next line as the one to keep visible.
    mutating func focusHere() { focusLine = lines.count }

    /// Draws the lines from `scroll` into the body rows at `left`; returns the scroll used
    /// (clamped so the page never scrolls past its end).
    @discardableResult
    func draw(into grid: inout Grid, left: Int, top: Int, rows: Int, scroll: Int) -> Int {
        let start = max(0, min(scroll, lines.count - rows))
        for (offset, line) in lines.dropFirst(start).prefix(rows).enumerated() {
            var x = left
            for run in line.runs {
                x += grid.put(run.text, x: x, y: top + offset, style: run.style, maxWidth: grid.width - x)
            }
            if let target = line.target { grid.addTarget(x: left, y: top + offset, width: grid.width - left - 1, target) }
        }
        if let cursor, cursor.line >= start, cursor.line < start + rows {
            grid.cursor = GridPoint(x: left + cursor.column, y: top + cursor.line - start)
        }
        return start
    }

    /// A scroll that shows the focus line (and a little after it), starting from the top.
    func autoScroll(rows: Int) -> Int {
        guard let focus = focusLine, lines.count > rows else { return 0 }
        return max(0, min(lines.count - rows, focus + 3 - rows))
    }
}
