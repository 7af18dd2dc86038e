import KursusEngine
import KursusText

/// The course catalogue, after sign-in when the library holds several courses: per
/// course its title, description, language and version, and the signed-in learner's own
/// progress in it (never shown before sign-in, never another learner's).
enum CatalogueView {
    /// Rows one course takes: title, description, language and version, a blank.
    static let blockRows = 4

    static func draw(
        _ screen: CatalogueScreen, courses: [CatalogueCourse], learnerName: String, _ context: ScreenContext, into grid: inout Grid
    ) {
        let strings = context.strings
        let symbols = context.symbols
        Chrome.draw(
            into: &grid, title: "\(strings(.appName)) \(symbols.separator) \(strings(.catalogueTitle))", titleRight: learnerName,
            hints: screen.opening == nil ? strings(.catalogueHints) : "", hintsRight: "", symbols: symbols)
        var y = Chrome.bodyTop + 1
        let bottom = grid.height - 3
        grid.put("  " + strings(.catalogueHeading), x: 0, y: y, style: CellStyle(.heading, .bold))
        y += 2
        // Rows left for courses, keeping two for a notice at the bottom.
        let visible = max(1, (bottom - 1 - y) / blockRows)
        let offset = max(0, screen.selection - visible + 1)
        for (index, course) in courses.enumerated().dropFirst(offset).prefix(visible) {
            drawCourse(course, progress: screen.progress?[course.id], selected: index == screen.selection, y: y, context, into: &grid)
            // A click on a course's lines selects it, on the selected course opens it.
            grid.addTarget(x: 2, y: y, width: grid.width - 3, height: blockRows - 1, .listRow(index: index, selected: screen.selection))
            if index == screen.selection { grid.cursor = GridPoint(x: 2, y: y) }
            y += blockRows
        }
        let notice: (String, CellStyle)?
        if screen.progress == nil {
            notice = (strings(.catalogueLoading), .muted)
        } else if let opening = screen.opening {
            notice = (strings(.catalogueOpening, ["title": courses.first { $0.id == opening }?.title ?? opening]), .muted)
        } else if let problem = screen.notice {
            notice = (message(problem, strings), CellStyle(.warning, .bold))
        } else {
            notice = nil
        }
        if let (text, style) = notice {
            for (line, row) in Chrome.wrapped(text, width: grid.width - 4, lines: 2, symbols).enumerated() {
                grid.put(row, x: 2, y: bottom - 1 + line, style: style)
            }
        }
    }

    static func drawCourse(
        _ course: CatalogueCourse, progress: CatalogueProgress?, selected: Bool, y: Int, _ context: ScreenContext, into grid: inout Grid
    ) {
        let symbols = context.symbols
        let (marker, status, tint) = describe(progress, context)
        let rowStyle = selected ? CellStyle(.normal, [.reverse, .bold]) : CellStyle(.normal, .bold)
        if selected { grid.fill(x: 2, y: y, width: grid.width - 3, style: rowStyle) }
        var x = 2
        x += grid.put((selected ? symbols.cursor : " ") + " ", x: x, y: y, style: rowStyle)
        if !marker.isEmpty { x += grid.put(marker + " ", x: x, y: y, style: selected ? rowStyle : CellStyle(tint)) }
        let statusWidth = DisplayWidth.of(status)
        let titleWidth = max(0, grid.width - x - statusWidth - 4)
        grid.put(
            DisplayWidth.truncate(symbols.shown(course.title), toWidth: titleWidth, ellipsis: symbols.ellipsis), x: x, y: y, style: rowStyle,
            maxWidth: titleWidth)
        if statusWidth > 0 { grid.put(status, x: grid.width - statusWidth - 2, y: y, style: selected ? rowStyle : CellStyle(tint)) }
        let width = grid.width - 8
        if let description = course.description?.split(whereSeparator: \.isNewline).joined(separator: " "), !description.isEmpty {
            grid.put(DisplayWidth.truncate(symbols.shown(description), toWidth: width, ellipsis: symbols.ellipsis), x: 6, y: y + 1, maxWidth: width)
        }
        let details = [language(course.language, context.strings), context.strings(.catalogueVersion, ["version": course.version])]
        grid.put(
            DisplayWidth.truncate(symbols.shown(details.joined(separator: " \(symbols.separator) ")), toWidth: width, ellipsis: symbols.ellipsis),
            x: 6, y: y + 2,
            style: .muted, maxWidth: width)
    }

    /// The marker, the words and the tint for a learner's progress in one course.
    static func describe(_ progress: CatalogueProgress?, _ context: ScreenContext) -> (String, String, Tint) {
        let strings = context.strings
        let symbols = context.symbols
        switch progress {
        case nil: return ("", "", .muted)
        case .notStarted: return (symbols.available, strings(.catalogueNotStarted), .muted)
        case .unreadable: return (symbols.failed, strings(.catalogueUnreadable), .warning)
        case let .done(done, total) where total > 0 && done >= total:
            return (symbols.completed, strings(.catalogueComplete), .success)
        case let .done(done, total):
            return (symbols.inProgress, strings(.catalogueProgress, ["done": "\(done)", "total": "\(total)"]), .warning)
        }
    }

    /// A language code in the UI language ("da" is "Dansk" in Danish); other codes as written.
    static func language(_ code: String, _ strings: UIStrings) -> String {
        switch code.lowercased().split(separator: "-").first {
        case "da": strings(.languageDa)
        case "en": strings(.languageEn)
        default: code
        }
    }

    static func message(_ notice: CatalogueScreen.Notice, _ strings: UIStrings) -> String {
        switch notice {
        case let .courseFailed(title, message): strings(.catalogueCourseFailed, ["title": title, "message": message])
        case .openFailed(let message): strings(.catalogueOpenFailed, ["message": message])
        }
    }
}
