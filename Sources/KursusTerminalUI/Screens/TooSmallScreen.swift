import KursusText
/// Shown instead of everything else while the terminal is below the minimum size.
enum TooSmallScreen {
    static func draw(_ context: ScreenContext, into grid: inout Grid) {
        let strings = context.strings
        let title = strings(.tooSmallTitle)
        let detail = strings(
            .tooSmallDetail,
            [
                "minColumns": "\(Chrome.minimumColumns)", "minRows": "\(Chrome.minimumRows)",
                "columns": "\(grid.width)", "rows": "\(grid.height)",
            ])
        let lines = [title] + WordWrap.lines(detail, width: max(10, grid.width - 2))
        let top = max(0, (grid.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            grid.put(line, x: 1, y: top + offset, style: offset == 0 ? CellStyle(.warning, .bold) : .plain, maxWidth: grid.width - 1)
        }
    }
}
