import Foundation
import KursusEngine
import KursusText

/// The workstation's start screen: who are you? Shows names and teams only, never
/// anybody's progress.
enum StartScreenView {
    static func draw(_ screen: StartScreen, course: String, _ context: ScreenContext, into grid: inout Grid) {
        let strings = context.strings
        let hints: String
        switch screen.mode {
        case .list: hints = strings(.startHintsList)
        case .typeID: hints = strings(.startHintsTypeID)
        case .newLearner: hints = strings(.startHintsForm)
        case .pin: hints = strings(.startHintsPIN)
        case .opening: hints = ""
        }
        Chrome.draw(
            into: &grid, title: "\(strings(.appName)) \(context.symbols.separator) \(course)", titleRight: "",
            hints: hints, hintsRight: "", symbols: context.symbols)
        var y = Chrome.bodyTop + 1
        let bottom = grid.height - 3
        guard let learners = screen.learners else {
            grid.put("  " + strings(.startLoading), x: 0, y: y, style: .muted)
            return
        }
        switch screen.mode {
        case .list(let selection):
            grid.put("  " + strings(.startTitle), x: 0, y: y, style: CellStyle(.heading, .bold))
            y += 2
            let rows =
                learners.map { learner in
                    (learner.team.map { "\(learner.displayName) \(context.symbols.separator) \($0)" } ?? learner.displayName, learner.hasPIN)
                } + [(strings(.startNewLearner), false)]
            let visible = max(1, bottom - y - 1)
            // The list stays compact on wide terminals so a PIN tag sits near its name.
            let rowWidth = min(grid.width - 4, 64)
            let offset = max(0, selection - visible + 1)
            for (index, row) in rows.enumerated().dropFirst(offset).prefix(visible) {
                let selected = index == selection
                let style = selected ? CellStyle(.normal, [.reverse, .bold]) : (index == learners.count ? CellStyle(.accent) : .plain)
                if selected { grid.fill(x: 2, y: y, width: rowWidth, style: style) }
                grid.put((selected ? context.symbols.cursor : " ") + " " + row.0, x: 2, y: y, style: style, maxWidth: rowWidth - 6)
                if row.1 { grid.put(strings(.startPinTag), x: 2 + rowWidth - 4, y: y, style: selected ? style : .muted) }
                grid.addTarget(x: 2, y: y, width: rowWidth, .listRow(index: index, selected: selection))
                if selected { grid.cursor = GridPoint(x: 2, y: y) }
                y += 1
            }
        case .typeID(let field):
            grid.put("  " + strings(.startTypeIDPrompt), x: 0, y: y, style: CellStyle(.heading, .bold))
            y += 2
            drawField(field, x: 4, y: y, width: min(40, grid.width - 8), focused: true, context, into: &grid)
        case .newLearner(let form):
            grid.put("  " + strings(.startFormTitle), x: 0, y: y, style: CellStyle(.heading, .bold))
            y += 2
            let labels: [(NewLearnerForm.Field, String)] = [
                (.name, strings(.startFieldName)), (.team, strings(.startFieldTeam)),
                (.id, strings(.startFieldID)), (.pin, strings(.startFieldPIN)), (.pinRepeat, strings(.startFieldPINRepeat)),
            ]
            let labelWidth = min(28, (labels.map { DisplayWidth.of($0.1) }.max() ?? 10) + 2)
            let fieldWidth = max(10, min(40, grid.width - labelWidth - 8))
            // A blank row between fields when they all fit so, else none (60×16).
            let step = bottom - 1 - y >= 2 * labels.count - 1 ? 2 : 1
            for (field, label) in labels where y < bottom - 1 {
                let focused = form.focus == field
                grid.put(
                    (focused ? context.symbols.cursor : " ") + " " + label, x: 2, y: y, style: focused ? .bold : .plain, maxWidth: labelWidth + 2)
                drawField(form[field], x: 4 + labelWidth, y: y, width: fieldWidth, focused: focused, context, into: &grid)
                y += step
            }
        case .pin(let learner, let field):
            grid.put("  " + strings(.startPinPrompt, ["name": learner.displayName]), x: 0, y: y, style: CellStyle(.heading, .bold))
            y += 2
            drawField(field, x: 4, y: y, width: 12, focused: true, context, into: &grid)
        case .opening(let learner):
            grid.put("  " + strings(.startOpening) + " " + learner.displayName, x: 0, y: y, style: .muted)
        }
        if let notice = screen.notice {
            let text = message(notice, context)
            let style = isGood(notice) ? CellStyle(.success, .bold) : CellStyle(.warning, .bold)
            for (offset, line) in Chrome.wrapped(text, width: grid.width - 4, lines: 2, context.symbols).enumerated() {
                grid.put(line, x: 2, y: bottom - 1 + offset, style: style)
            }
        }
    }

    /// A text field: brackets, the text (dots for a PIN), and a cursor when focused.
    static func drawField(_ field: TextField, x: Int, y: Int, width: Int, focused: Bool, _ context: ScreenContext, into grid: inout Grid) {
        let shown = field.isSecret ? String(repeating: context.symbols.secret, count: field.text.count) : field.text
        let inner = max(1, width - 2)
        let cursor = focused ? context.symbols.textCursor : ""
        // Show the end of long text, so the cursor stays visible.
        var visible = shown + cursor
        while DisplayWidth.of(visible) > inner, !visible.isEmpty { visible.removeFirst() }
        let style = focused ? CellStyle(.normal, .underline) : CellStyle.plain
        grid.put("[", x: x, y: y, style: .muted)
        grid.fill(x: x + 1, y: y, width: inner, style: style)
        grid.put(visible, x: x + 1, y: y, style: style, maxWidth: inner)
        grid.put("]", x: x + 1 + inner, y: y, style: .muted)
        // The terminal cursor at the insertion point, where the text cursor is drawn.
        if focused { grid.cursor = GridPoint(x: x + 1 + DisplayWidth.of(visible) - DisplayWidth.of(cursor), y: y) }
    }

    static func isGood(_ notice: StartScreen.Notice) -> Bool {
        switch notice {
        case .signedOut, .idleLocked: true
        default: false
        }
    }

    static func message(_ notice: StartScreen.Notice, _ context: ScreenContext) -> String {
        let strings = context.strings
        switch notice {
        case .idleLocked(let minutes): return strings(.startIdleLocked, ["minutes": "\(minutes)"])
        case .signedOut(let name?): return strings(.startSignedOut, ["name": name])
        case .signedOut(nil): return strings(.startSignedOutAnonymous)
        case .idleLockedUnsaved(let minutes): return strings(.startIdleLockedUnsaved, ["minutes": "\(minutes)"])
        case .signedOutUnsaved(let name?): return strings(.startSignedOutUnsaved, ["name": name])
        case .signedOutUnsaved(nil): return strings(.startSignedOutAnonymousUnsaved)
        case .unknownLearner(let id): return strings(.startUnknownLearner, ["id": id])
        case .pinRejected(let left): return strings(.startPinRejected, count: left)
        case .pinLockedOut(let until):
            let formatter = DateFormatter()
            formatter.dateFormat = "HH:mm:ss"
            return strings(.startPinLockedOut, ["time": formatter.string(from: until)])
        case .learnerBusy(let name): return strings(.startLearnerBusy, ["name": name])
        case .openFailed(let message): return strings(.startOpenFailed, ["message": message])
        case .createFailed(let message): return strings(.startCreateFailed, ["message": message])
        case .idTaken(let id): return strings(.startIdTaken, ["id": id])
        case .listFailed(let message): return strings(.startListFailed, ["message": message])
        case .formIncomplete(let field):
            switch field {
            case .name: return strings(.startFormIncomplete, ["field": strings(.startFieldName)])
            case .id: return strings(.startFormIncomplete, ["field": strings(.startFieldID)])
            case .team: return strings(.startFormIncomplete, ["field": strings(.startFieldTeam)])
            case .pin: return strings(.startFormPINLength)
            case .pinRepeat: return strings(.startPinMismatch)
            }
        case .pinMismatch: return strings(.startPinMismatch)
        case .wrongIDOrPIN: return strings(.startWrongIDOrPIN)
        }
    }
}
