import KursusText

/// The frame shared by all screens: a title line, a rule, the body, a rule and a key-hint line.
public enum Chrome {
    public static let minimumColumns = 60
    public static let minimumRows = 16
    /// Rows taken by the title, the two rules and the hint line.
    public static let rows = 4
    public static let bodyTop = 2

    public static func bodyRows(forHeight height: Int) -> Int { max(1, height - rows) }

    public static func isTooSmall(columns: Int, rows: Int) -> Bool {
        columns < minimumColumns || rows < minimumRows
    }

    /// Drops whole key hints (separated by two spaces) from the end until the rest fits,
    /// so a long status message never cuts a hint in half.
    static func fit(_ hints: String, _ width: Int) -> String {
        var items = hints.components(separatedBy: "  ")
        while !items.isEmpty, DisplayWidth.of(items.joined(separator: "  ")) > width { items.removeLast() }
        return items.joined(separator: "  ")
    }

    /// Draws title (left and right parts), rules and hints; the body is left to the caller.
    static func draw(
        into grid: inout Grid, title: String, titleRight: String, hints: String, hintsRight: String, hintsRightStyle: CellStyle = .muted,
        symbols: Symbols
    ) {
        let width = grid.width
        let (title, titleRight, hints, hintsRight) = (
            symbols.shown(title), symbols.shown(titleRight), symbols.shown(hints), symbols.shown(hintsRight)
        )
        let rightWidth = min(width / 2, DisplayWidth.of(titleRight))
        grid.fill(y: 0, style: CellStyle(.normal, .bold))
        // A title cut to fit ends in an ellipsis, so a learner can tell it was cut.
        let titleWidth = width - rightWidth - 3
        grid.put(
            " " + DisplayWidth.truncate(title, toWidth: max(0, titleWidth), ellipsis: symbols.ellipsis), x: 0, y: 0,
            style: CellStyle(.heading, .bold), maxWidth: width - rightWidth - 2)
        grid.put(
            DisplayWidth.truncate(titleRight, toWidth: rightWidth, ellipsis: symbols.ellipsis), x: width - rightWidth - 1, y: 0,
            style: CellStyle(.normal, .bold), maxWidth: rightWidth)
        grid.rule(y: 1, symbol: symbols.rule)
        grid.rule(y: grid.height - 2, symbol: symbols.rule)
        let statusWidth = min(width - 4, DisplayWidth.of(hintsRight))
        grid.put("  " + fit(hints, width - statusWidth - 5), x: 0, y: grid.height - 1, style: .plain, maxWidth: width - statusWidth - 2)
        grid.put(
            DisplayWidth.truncate(hintsRight, toWidth: statusWidth, ellipsis: symbols.ellipsis), x: width - statusWidth - 1, y: grid.height - 1,
            style: hintsRightStyle, maxWidth: statusWidth)
    }

    /// `text` wrapped to `width`, at most `lines` lines; when some is left out, the last
    /// line shown ends in an ellipsis, so the learner can tell it was cut.
    static func wrapped(_ text: String, width: Int, lines: Int, _ symbols: Symbols) -> [String] {
        let all = WordWrap.lines(symbols.shown(text), width: width)
        guard all.count > lines, lines > 0 else { return Array(all.prefix(max(0, lines))) }
        var kept = Array(all.prefix(lines))
        let ellipsisWidth = DisplayWidth.of(symbols.ellipsis)
        // Whole words are left out to make room for " …"; a single long word is cut.
        var last = kept[lines - 1]
        while DisplayWidth.of(last) + ellipsisWidth + 1 > width, let space = last.lastIndex(of: " ") { last = String(last[..<space]) }
        last = DisplayWidth.truncate(last, toWidth: max(0, width - ellipsisWidth - 1), ellipsis: "")
        kept[lines - 1] = last + " " + symbols.ellipsis
        return kept
    }
}
