import KursusEngine
import KursusMarkdown
import KursusText

/// A lesson laid out for one width, kept by the lesson view while the lesson is open.
public struct RenderedLesson: Sendable {
    public var unitID: String
    public var width: Int
    /// The lines, kept compactly (a lesson may have a million).
    public var lines: StyledLines

    public init(unitID: String, width: Int, lines: StyledLines) {
        self.unitID = unitID
        self.width = width
        self.lines = lines
    }

    public init(unitID: String, width: Int, lines: [StyledLine]) {
        self.init(unitID: unitID, width: width, lines: StyledLines(lines))
    }
}

/// The lesson reader: the laid-out text between the title and the key hints.
public enum LessonScreen {
    /// Text is at most this wide, centred on wide terminals, so lines stay readable.
    public static let maximumTextWidth = 96
    public static let minimumMargin = 2

    /// The width lessons are laid out for on a terminal `columns` wide.
    public static func textWidth(forColumns columns: Int) -> Int {
        max(10, min(maximumTextWidth, columns - 2 * minimumMargin))
    }

    static func draw(_ state: PlayerState, _ lessonState: LessonState, _ lesson: RenderedLesson?, _ context: ScreenContext, into grid: inout Grid) {
        let position = lessonState.scroll
        let unitID = lessonState.unitID
        let strings = context.strings
        let units = state.units
        let unitIndex = units.firstIndex { $0.id == unitID }
        let module = state.course.module(containing: unitID)
        let moduleIndex = module.flatMap { m in state.course.modules.firstIndex { $0.id == m.id } }
        let unitInModule = module?.units.firstIndex { $0.id == unitID }
        let number = [moduleIndex, unitInModule].compactMap { $0.map { "\($0 + 1)" } }.joined(separator: ".")
        let unitTitle = unitIndex.map { units[$0].title } ?? ""
        let moduleLabel = moduleIndex.map { strings(.readerModule, ["number": "\($0 + 1)"]) } ?? ""
        let bodyRows = Chrome.bodyRows(forHeight: grid.height)
        let percent = position.percentRead(rows: bodyRows)
        let lineCount = position.lineCount ?? 0
        // Pages overlap by one line, as PgDn moves by the body height less one.
        let step = max(1, bodyRows - 1)
        let pages = lineCount <= bodyRows ? 1 : 1 + (lineCount - bodyRows + step - 1) / step
        let page = position.endVisible(rows: bodyRows) ? pages : min(pages, 1 + position.offset / step)
        Chrome.draw(
            into: &grid,
            title: "\(moduleLabel) \(context.symbols.breadcrumb) \(number) \(unitTitle)",
            titleRight: context.isPreview ? "\(context.titleRight) · \(percent) %" : "\(percent) %",
            hints: strings(.readerHints),
            hintsRight: StatusLine.text(state, context) ?? strings(.readerPage, ["page": "\(page)", "pages": "\(pages)"]),
            hintsRightStyle: StatusLine.style(state),
            symbols: context.symbols
        )
        guard let lesson, lesson.unitID == unitID else {
            grid.put("  " + strings(.readerLoading), x: 0, y: Chrome.bodyTop, style: .muted)
            return
        }
        let textWidth = textWidth(forColumns: grid.width)
        let margin = max(minimumMargin, (grid.width - textWidth) / 2)
        let visible = lesson.lines.dropFirst(position.offset).prefix(bodyRows)
        for (offset, line) in visible.enumerated() {
            var x = margin
            for span in line.spans {
                x += grid.put(span.text, x: x, y: Chrome.bodyTop + offset, style: Theme.style(for: span.style), maxWidth: grid.width - x)
            }
        }
        if position.endVisible(rows: bodyRows), visible.count < bodyRows {
            let y = Chrome.bodyTop + visible.count + (visible.count + 1 < bodyRows ? 1 : 0)
            grid.put(strings(.readerEnd), x: margin, y: y, style: CellStyle(.muted, .dim))
        }
    }
}
