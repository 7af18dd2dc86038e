import KursusCourse
import KursusEngine
import KursusText

/// Trainer preview `--watch`: the list that `e` opens, of every error and warning in a
/// change that could not be loaded. It covers the body between the rules, so the title
/// and the key line stay in view. Each entry is its severity and `file:line:col`, then
/// the message wrapped (never cut) below it; all of it made terminal-safe, since file
/// names and quoted values come from the package.
enum ProblemsOverlay {
    static func draw(_ state: PlayerState, top first: Int, _ context: ScreenContext, into grid: inout Grid) {
        let strings = context.strings
        let problems = state.problems
        let left = 1
        let width = grid.width - 2
        let top = Chrome.bodyTop - 1
        let height = grid.height - Chrome.rows + 2
        guard width > 8, height > 4 else { return }
        Frame.draw(x: left, y: top, width: width, height: height, title: strings(.problemsTitle), context.symbols, into: &grid)
        let textWidth = width - 4
        let maxY = top + height - 2
        var y = top + 1
        var last = first
        for index in problems.indices where index >= first {
            let lines = entry(problems[index], width: textWidth, strings)
            // An entry that does not fit below the one before waits for the next scroll;
            // the first one shown is drawn as far as there is room.
            if index > first, y + lines.count > maxY { break }
            for (offset, line) in lines.enumerated() where y < maxY {
                let style = offset > 0 ? CellStyle.plain : severityStyle(problems[index].severity)
                grid.put(line, x: left + 2, y: y, style: style, maxWidth: textWidth)
                y += 1
            }
            last = index
            y += 1
        }
        let hints = strings(
            .problemsHints, ["first": "\(min(first + 1, problems.count))", "last": "\(last + 1)", "total": "\(problems.count)"])
        grid.put(hints, x: left + 2, y: maxY, style: CellStyle(.muted, .dim), maxWidth: textWidth)
    }

    /// "error  lessons/basics.md:5:12" and the message, wrapped and indented.
    static func entry(_ problem: Diagnostic, width: Int, _ strings: UIStrings) -> [String] {
        let severity = problem.severity == .error ? strings(.problemsError) : strings(.problemsWarning)
        let place = TerminalSafe.clean(problem.location.description)
        let line = severity + "  " + place
        // Wrapping would fold the two spaces after the severity; only a very long path needs it.
        let heading = DisplayWidth.of(line) <= width ? [line] : WordWrap.lines(line, width: width)
        let message = WordWrap.lines(TerminalSafe.clean(problem.message), width: max(1, width - 2)).map { "  " + $0 }
        return heading + message
    }

    static func severityStyle(_ severity: Diagnostic.Severity) -> CellStyle {
        severity == .error ? CellStyle(.danger, .bold) : CellStyle(.warning, .bold)
    }
}
