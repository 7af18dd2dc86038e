import KursusCourse
import KursusEngine
import KursusText

/// The course menu: modules with a progress bar, and their units with a status marker.
enum MenuScreen {
    enum Row {
        case module(index: Int, CourseModule)
        case unit(index: Int, number: String, CourseUnit)
    }

    static func rows(for course: Course) -> [Row] {
        var rows: [Row] = []
        var unitIndex = 0
        for (m, module) in course.modules.enumerated() {
            rows.append(.module(index: m, module))
            for (u, unit) in module.units.enumerated() {
                rows.append(.unit(index: unitIndex, number: "\(m + 1).\(u + 1)", unit))
                unitIndex += 1
            }
        }
        return rows
    }

    static func draw(_ state: PlayerState, _ context: ScreenContext, into grid: inout Grid) {
        let strings = context.strings
        let symbols = context.symbols
        let (done, total) = state.completion(of: state.units)
        let percent = total == 0 ? 0 : done * 100 / total
        Chrome.draw(
            into: &grid,
            title: "\(strings(.appName)) \(symbols.separator) \(state.course.title)",
            titleRight: context.titleRight,
            // Trainer preview has no learner to switch to, so no `s` on its key line; `c` only with a catalogue.
            hints: strings(context.isPreview ? .menuHintsPreview : context.hasCatalogue ? .menuHintsLibrary : .menuHints),
            hintsRight: StatusLine.text(state, context)
                ?? ([StatusLine.records(state, context)].compactMap { $0 }
                + [state.isCourseComplete ? strings(.menuCourseComplete) : strings(.menuCompleted, ["percent": "\(percent)"])])
                .joined(separator: "  "),
            hintsRightStyle: StatusLine.style(state),
            symbols: symbols
        )
        let rows = rows(for: state.course)
        let bodyRows = Chrome.bodyRows(forHeight: grid.height)
        guard !rows.isEmpty, !state.units.isEmpty else {
            grid.put("  " + strings(.menuEmpty), x: 0, y: Chrome.bodyTop)
            return
        }
        let selectedRow = rows.firstIndex { if case .unit(let i, _, _) = $0 { i == state.menuSelection } else { false } } ?? 0
        // Keep the selection on screen, and its module heading too when it fits.
        var offset = 0
        if selectedRow >= bodyRows { offset = selectedRow - bodyRows + 1 }
        for (line, row) in rows.dropFirst(offset).prefix(bodyRows).enumerated() {
            let y = Chrome.bodyTop + line
            switch row {
            case .module(let index, let module):
                drawModule(index: index, module, state, context, y: y, into: &grid)
            case .unit(let index, let number, let unit):
                drawUnit(number: number, unit, selected: index == state.menuSelection, state, context, y: y, into: &grid)
                // A click selects the line, a click on the selected line opens it; the
                // cursor sits on the selected line for screen readers and magnifiers.
                grid.addTarget(x: 2, y: y, width: grid.width - 3, .listRow(index: index, selected: state.menuSelection))
                if index == state.menuSelection { grid.cursor = GridPoint(x: 2, y: y) }
            }
        }
    }

    static func drawModule(index: Int, _ module: CourseModule, _ state: PlayerState, _ context: ScreenContext, y: Int, into grid: inout Grid) {
        let (done, total) = state.completion(of: module.units)
        let barWidth = 10
        let filled = total == 0 ? 0 : done * barWidth / total
        let bar =
            "[" + String(repeating: context.symbols.barFull, count: filled)
            + String(repeating: context.symbols.barEmpty, count: barWidth - filled) + "]"
        let count = "\(done)/\(total)"
        let right = "\(bar) \(DisplayWidth.pad(count, toWidth: 5))"
        let rightWidth = DisplayWidth.of(right)
        let label = context.symbols.shown("\(context.strings(.menuModule, ["number": "\(index + 1)"]))  \(module.title)")
        let labelWidth = max(0, grid.width - rightWidth - 5)
        grid.put(
            "  " + DisplayWidth.truncate(label, toWidth: labelWidth, ellipsis: context.symbols.ellipsis), x: 0, y: y,
            style: CellStyle(.heading, .bold), maxWidth: labelWidth + 2)
        grid.put(right, x: grid.width - rightWidth - 1, y: y, style: CellStyle(done == total && total > 0 ? .success : .accent))
    }

    static func drawUnit(
        number: String, _ unit: CourseUnit, selected: Bool, _ state: PlayerState, _ context: ScreenContext, y: Int, into grid: inout Grid
    ) {
        let symbols = context.symbols
        let strings = context.strings
        let status = state.status(of: unit)
        let marker: String
        let markerTint: Tint
        var right =
            unit.estimatedMinutes.map { strings(.menuMinutes, ["minutes": "\($0)"]) } ?? unit.questionCount.map {
                strings(.quizMenuQuestions, count: $0)
            } ?? ""
        switch status {
        case .completed: (marker, markerTint) = (symbols.completed, .success)
        case .passed: (marker, markerTint) = (symbols.completed, .success)
        case .failed: (marker, markerTint) = (symbols.failed, .danger)
        case .inProgress: (marker, markerTint) = (symbols.inProgress, .warning)
        case .available: (marker, markerTint) = (symbols.available, .muted)
        case .locked(let reason):
            (marker, markerTint) = (symbols.locked, .muted)
            right = StatusLine.requirement(reason, state, context, menu: true)
        }
        if unit.kind == .quiz, let best = state.quizRecord(unit.id).finished.compactMap(\.scorePercent).max() {
            // The best score so far, beside the passed or failed mark.
            right = "\(AnswerDescription.percent(best, strings)) %"
        }
        if unit.kind == .scenario, let best = state.scenarioRecord(unit.id).bestScore {
            right = strings(.menuScenarioScore, ["score": "\(best)"])
        }
        if unit.optional { right = [strings(.menuOptional), right].filter { !$0.isEmpty }.joined(separator: "  ") }
        if status == .inProgress, state.progress.bookmark?.unitID == unit.id {
            right += (right.isEmpty ? "" : "  ") + strings(.menuContinue)
        }
        let rowStyle = selected ? CellStyle(.normal, [.reverse, .bold]) : (status.isLocked ? CellStyle.muted : CellStyle.plain)
        if selected { grid.fill(x: 2, y: y, width: grid.width - 3, style: rowStyle) }
        let cursor = selected ? symbols.cursor : " "
        var x = 2
        x += grid.put(cursor + " ", x: x, y: y, style: rowStyle)
        let markerStyle = selected ? rowStyle : CellStyle(markerTint, status == .completed ? .bold : [])
        x += grid.put(marker, x: x, y: y, style: markerStyle)
        x += grid.put(" \(number)  ", x: x, y: y, style: rowStyle)
        let rightWidth = DisplayWidth.of(right)
        let titleWidth = max(0, grid.width - x - rightWidth - 3)
        grid.put(
            DisplayWidth.truncate(symbols.shown(unit.title), toWidth: titleWidth, ellipsis: symbols.ellipsis), x: x, y: y, style: rowStyle,
            maxWidth: titleWidth)
        if rightWidth > 0 {
            grid.put(right, x: grid.width - rightWidth - 2, y: y, style: selected ? rowStyle : .muted)
        }
    }
}
