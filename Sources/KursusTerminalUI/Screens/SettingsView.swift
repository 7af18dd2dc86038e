import KursusEngine
import KursusText

/// The learner's settings screen: one row per setting with its value in words, the
/// selected row in bold reverse video, and what the selected setting does below.
enum SettingsView {
    static func draw(
        _ screen: SettingsScreen, settings: LearnerSettings, idleLockSeconds: Int?, _ context: ScreenContext, into grid: inout Grid
    ) {
        let strings = context.strings
        Chrome.draw(
            into: &grid, title: "\(strings(.appName)) \(context.symbols.separator) \(strings(.settingsTitle))", titleRight: context.learnerName,
            hints: strings(.settingsHints), hintsRight: "", symbols: context.symbols)
        var y = Chrome.bodyTop + 1
        let bottom = grid.height - 3
        grid.put("  " + strings(.settingsHeading), x: 0, y: y, style: CellStyle(.heading, .bold), maxWidth: grid.width - 2)
        y += 2
        let rows = SettingsScreen.Row.allCases.map { ($0, label($0, strings), value($0, settings, context)) }
        let labelWidth = min(grid.width / 2 - 4, (rows.map { DisplayWidth.of($0.1) }.max() ?? 10) + 2)
        let rowWidth = min(grid.width - 4, 76)
        for (row, label, value) in rows where y <= bottom {
            let selected = row == screen.selection
            let style = selected ? CellStyle(.normal, [.reverse, .bold]) : CellStyle.plain
            if selected {
                grid.fill(x: 2, y: y, width: rowWidth, style: style)
                // The terminal cursor on the selected setting, for screen readers and magnifiers.
                grid.cursor = GridPoint(x: 2, y: y)
            }
            grid.put((selected ? context.symbols.cursor : " ") + " " + label, x: 2, y: y, style: style, maxWidth: labelWidth + 2)
            let valueX = 4 + labelWidth + 1
            let valueWidth = max(0, 2 + rowWidth - valueX - 1)
            grid.put(
                DisplayWidth.truncate(value, toWidth: valueWidth, ellipsis: context.symbols.ellipsis), x: valueX, y: y,
                style: selected ? style : CellStyle(.accent, .bold), maxWidth: valueWidth)
            y += 1
        }
        // What the selected setting does, then any notice; the notice wins the last rows.
        var lines = WordWrap.lines(about(screen.selection, idleLockSeconds, strings), width: max(10, rowWidth - 2))
        var style = CellStyle.muted
        if case .saveFailed(let message) = screen.notice {
            lines = WordWrap.lines(strings(.settingsSaveFailed, ["message": message]), width: max(10, rowWidth - 2))
            style = CellStyle(.warning, .bold)
        }
        // A blank row before it when there is room for it and every line.
        if y + lines.count <= bottom { y += 1 }
        for line in lines where y <= bottom {
            grid.put(line, x: 4, y: y, style: style, maxWidth: rowWidth - 2)
            y += 1
        }
    }

    static func label(_ row: SettingsScreen.Row, _ strings: UIStrings) -> String {
        switch row {
        case .timers: strings(.settingsTimers)
        case .idleWarning: strings(.settingsIdleWarning)
        case .idleBell: strings(.settingsIdleBell)
        case .linear: strings(.settingsLinear)
        case .highContrast: strings(.settingsHighContrast)
        case .language: strings(.settingsLanguage)
        case .mouse: strings(.settingsMouse)
        }
    }

    /// The row's value in words.
    static func value(_ row: SettingsScreen.Row, _ settings: LearnerSettings, _ context: ScreenContext) -> String {
        let strings = context.strings
        func onOff(_ on: Bool) -> String { strings(on ? .settingsOn : .settingsOff) }
        switch row {
        case .timers:
            switch settings.timers {
            case .normal: return strings(.settingsTimersNormal)
            case .double: return strings(.settingsTimersDouble)
            case .quadruple: return strings(.settingsTimersQuadruple)
            case .off: return strings(.settingsTimersOff)
            }
        case .idleWarning: return strings(.settingsIdleWarningSeconds, count: settings.idleWarning.rawValue / 60)
        case .idleBell: return onOff(settings.idleBell)
        case .linear: return onOff(settings.linear)
        case .highContrast: return onOff(settings.highContrast)
        case .language:
            switch settings.language {
            case .workstation:
                return strings(.settingsLanguageWorkstation, ["language": languageName(context.workstationLanguage, strings)])
            case .da: return strings(.languageDa)
            case .en: return strings(.languageEn)
            }
        case .mouse: return onOff(settings.mouse)
        }
    }

    static func languageName(_ code: String, _ strings: UIStrings) -> String {
        code == "da" ? strings(.languageDa) : strings(.languageEn)
    }

    static func about(_ row: SettingsScreen.Row, _ idleLockSeconds: Int?, _ strings: UIStrings) -> String {
        switch row {
        case .timers: return strings(.settingsAboutTimers)
        case .idleWarning:
            guard let lock = idleLockSeconds else { return strings(.settingsAboutNoLock) }
            return strings(.settingsAboutIdleWarning, ["minutes": "\(max(1, lock / 60))"])
        case .idleBell: return strings(.settingsAboutIdleBell)
        case .linear: return strings(.settingsAboutLinear)
        case .highContrast: return strings(.settingsAboutHighContrast)
        case .language: return strings(.settingsAboutLanguage)
        case .mouse: return strings(.settingsAboutMouse)
        }
    }
}
