import KursusCourse
import KursusEngine
import KursusMarkdown
import KursusText

/// The page for answering one question: its text, then the choices with the cursor
/// (`▸`, bold) and the selection (`(•)`, `[x]`) marked by symbols, never by colour alone.
enum QuizQuestionView {
    static func page(_ question: Question, attempt: QuizAttempt, play: QuizState, context: ScreenContext, width: Int) -> QuizPage {
        var page = QuizPage(width: width, markdown: context.markdownOptions(width: width))
        let strings = context.strings
        page.markdown(question.text, indent: 2)
        page.blank()
        let rows = QuestionRows.rows(question, attempt: attempt, draft: play.draft)
        switch question.kind {
        case .singleChoice, .trueFalse, .likert, .multipleResponse:
            let multiple: Bool
            if case .multipleResponse = question.kind { multiple = true } else { multiple = false }
            for (index, row) in rows.enumerated() {
                let selected = play.draft.selected.contains(row.id)
                let box = multiple ? (selected ? "[x]" : "[ ]") : (selected ? context.symbols.chosen : "( )")
                let label: String
                switch question.kind {
                case .trueFalse: label = strings(row.id == QuestionRows.trueID ? .quizTrue : .quizFalse)
                default: label = row.text
                }
                let start = page.lines.count
                choiceRow(&page, label: label, prefix: "\(box) \(index + 1)  ", focused: index == play.cursor, context: context)
                page.target(from: start, multiple ? .digit(number: index + 1) : .option(number: index + 1, chosen: selected && index == play.cursor))
            }
        case .matching:
            let choices = QuestionRows.matchingChoices(question, attempt: attempt)
            for (index, row) in rows.enumerated() {
                let start = page.lines.count
                choiceRow(&page, label: row.text, prefix: "\(index + 1). ", focused: index == play.cursor, context: context)
                page.target(from: start, .row(index: index, focused: play.cursor))
                let arrow = context.symbols.pairsWith
                if let chosen = play.draft.pairs[row.id], let number = choices.firstIndex(of: chosen) {
                    page.markdown(chosen, prefix: [("\(arrow) \(number + 1)  ", CellStyle(.accent, .bold))], indent: 8)
                } else {
                    page.text("\(arrow) " + strings(.quizMatchNone), style: .muted, indent: 8)
                }
            }
            page.blank()
            page.text(strings(.quizMatchChoices), style: .bold, indent: 2)
            // The answers are Markdown, styled as the options of other questions are.
            for (index, choice) in choices.enumerated() {
                let start = page.lines.count
                page.markdown(choice, prefix: [("\(index + 1)  ", .bold)], indent: 4)
                page.target(from: start, .digit(number: index + 1))
            }
        case .ordering:
            for (index, row) in rows.enumerated() {
                let focused = index == play.cursor
                let grabbed = focused && play.draft.grabbed
                let start = page.lines.count
                defer { page.target(from: start, .row(index: index, focused: play.cursor)) }
                choiceRow(
                    &page, label: row.text, prefix: grabbed ? context.symbols.carried + " " + "\(index + 1)  " : "  \(index + 1)  ", focused: focused,
                    context: context)
            }
            if play.draft.grabbed { page.text(strings(.quizGrabbed), style: .muted, indent: 4) }
        case .shortAnswer, .numeric, .freeText:
            page.text(strings(.quizAnswerPrompt), style: .bold, indent: 2)
            page.focusHere()
            editor(&page, play.draft.editor, width: width - 4, prompt: context.symbols.cursor)
        case .description:
            break
        }
        return page
    }

    static func choiceRow(_ page: inout QuizPage, label: String, prefix: String, focused: Bool, context: ScreenContext) {
        if focused {
            page.focusHere()
            page.cursor = (page.lines.count, 1)
        }
        let cursor = focused ? context.symbols.cursor + " " : "  "
        let style = focused ? CellStyle(.accent, .bold) : .plain
        page.markdown(label, prefix: [(cursor, CellStyle(.accent, .bold)), (prefix, style)], indent: 1, emphasis: focused ? .bold : [])
    }

    /// The text being typed, wrapped by display width, with the cursor as a reversed cell.
    static func editor(_ page: inout QuizPage, _ editor: LineEditor, width: Int, prompt: String) {
        let limit = max(4, width - 2)
        var rows: [[(String, Bool)]] = [[]]
        var used = 0
        let characters = editor.characters
        for index in 0...characters.count {
            let isCursor = index == editor.cursor
            let character = index < characters.count ? String(characters[index]) : " "
            let columns = max(1, DisplayWidth.of(character))
            if used + columns > limit {
                rows.append([])
                used = 0
            }
            rows[rows.count - 1].append((character, isCursor))
            used += columns
        }
        for (index, row) in rows.enumerated() {
            // A visible prompt, so the field shows without underline or reverse video.
            var runs: [(text: String, style: CellStyle)] = [(index == 0 ? "  \(prompt) " : "    ", CellStyle(.accent, .bold))]
            var column = DisplayWidth.of(runs[0].text)
            for (character, isCursor) in row {
                // The terminal cursor at the insertion point.
                if isCursor { page.cursor = (page.lines.count, column) }
                column += DisplayWidth.of(character)
                runs.append((character, isCursor ? CellStyle(.normal, .reverse) : CellStyle(.normal, .underline)))
            }
            page.appendLine(runs)
        }
    }
}

extension QuizPage {
    mutating func appendLine(_ runs: [(text: String, style: CellStyle)]) {
        appendRaw(Line(runs: runs))
    }
}
