import KursusCourse
import KursusEngine

/// Turns a typed line into the session events the full screen's keys would send, for the
/// screen showing: a number chooses a line (the cursor is moved there and Enter pressed),
/// typed text goes into the focused field character by character. Lines that mean
/// nothing here get a short reply instead.
enum LinearCommands {
    struct Reply {
        var events: [SessionEvent] = []
        /// Said at once (help, a number out of range), before anything the events cause.
        var text: [String]?
    }

    static func events(for line: String, state: SessionState, printer: LinearPrinter) -> Reply {
        let strings = printer.context.strings
        let word = line.trimmingCharacters(in: .whitespaces)
        let lowered = word.lowercased()
        // The quit warning (saving fails): r tries again, w or Enter waits, q quits anyway.
        if let warning = state.player?.quitWarning {
            if warning.retrying { return Reply() }
            switch lowered {
            case "r", "1": return Reply(events: [.command(.letter("r"))])
            case "w", "2", "": return Reply(events: [.command(.back)])
            case "q", "3": return Reply(events: [.command(.quit)])
            default: return Reply(text: [strings(warning.leaving == .quit ? .linearQuitWarningPrompt : .linearLeaveWarningPrompt)])
            }
        }
        let inText = typesText(state)
        if !inText {
            if lowered == "?" { return Reply(text: [strings(.linearHelp)]) }
            if lowered == "q", !isLesson(state) { return Reply(events: [.command(.quit)]) }
            if lowered == "s", state.player != nil || isCatalogue(state) { return Reply(events: [.switchLearner]) }
        }
        if state.settingsScreen != nil {
            // A number steps that setting to its next value; b, o or Enter close the screen.
            if ["b", "o", ""].contains(lowered) { return Reply(events: [.command(.back)]) }
            guard let number = Int(word), let row = SettingsScreen.Row(rawValue: number - 1) else {
                return Reply(text: [strings(.linearBadNumber, ["count": "\(SettingsScreen.Row.allCases.count)"])])
            }
            return Reply(events: [.command(.top)] + Array(repeating: .command(.lineDown), count: row.rawValue) + [.command(.right)])
        }
        if lowered == "o", !inText, state.player != nil || isCatalogue(state) { return Reply(events: [.openSettings]) }
        switch state.phase {
        case .start(let start):
            return startScreen(start, line: line, word: word, strings)
        case .catalogue:
            guard let number = Int(word), number >= 1, number <= state.configuration.catalogue.count else {
                return notUnderstood(word, strings)
            }
            return Reply(events: choose(number))
        case .playing(_, let player):
            if player.messageBox != nil { return Reply(events: [.command(.other)]) }
            guard let unit = player.unitOnScreen else { return menu(player, word: lowered, state: state, printer: printer) }
            return LinearAnswers.events(for: line, unit: unit, player: player, printer: printer)
        }
    }

    /// Moves a list's cursor to line `number` (1-based) and opens it.
    static func choose(_ number: Int) -> [SessionEvent] {
        [SessionEvent.command(.top)] + Array(repeating: SessionEvent.command(.lineDown), count: max(0, number - 1)) + [SessionEvent.command(.open)]
    }

    /// Replaces the focused field's text with `text` and presses Enter.
    static func type(_ text: String, replacing old: String) -> [SessionEvent] {
        Array(repeating: SessionEvent.deleteBackward, count: old.count) + text.map { SessionEvent.text($0) } + [SessionEvent.command(.open)]
    }

    static func notUnderstood(_ word: String, _ strings: UIStrings) -> Reply {
        Reply(text: [strings(.linearNotUnderstood, ["input": word.isEmpty ? "Enter" : word])])
    }

    private static func startScreen(_ start: StartScreen, line: String, word: String, _ strings: UIStrings) -> Reply {
        switch start.mode {
        case .list:
            let count = (start.learners?.count ?? 0) + 1
            guard let number = Int(word), (1...count).contains(number) else {
                return Reply(text: [strings(.linearBadNumber, ["count": "\(count)"])])
            }
            return Reply(events: choose(number))
        case .typeID(let field):
            if word == "+" { return Reply(events: [.nextField]) }
            guard !word.isEmpty else { return Reply() }
            return Reply(events: type(word, replacing: field.text))
        case .newLearner(let form):
            if word == "." { return Reply(events: [.command(.back)]) }
            // Enter alone keeps the id suggested from the name.
            if form.focus == .id, word.isEmpty { return Reply(events: [.command(.open)]) }
            return Reply(
                events: type(
                    form.focus == .pin || form.focus == .pinRepeat ? word : line.trimmingCharacters(in: .whitespaces),
                    replacing: form[form.focus].text))
        case .pin(_, let field):
            guard !word.isEmpty else { return Reply(events: [.command(.back)]) }
            return Reply(events: type(word, replacing: field.text))
        case .opening:
            return Reply()
        }
    }

    private static func menu(_ player: PlayerState, word: String, state: SessionState, printer: LinearPrinter) -> Reply {
        let strings = printer.context.strings
        if word == "m" || word.isEmpty { return Reply(text: printer.menuAgain(state)) }
        if word == "c" { return Reply(events: [.showCatalogue]) }
        guard let number = Int(word) else { return notUnderstood(word, strings) }
        guard (1...max(1, player.units.count)).contains(number), !player.units.isEmpty else {
            return Reply(text: [strings(.linearBadNumber, ["count": "\(player.units.count)"])])
        }
        return Reply(events: choose(number))
    }

    /// A text field has focus: every line is text (commands are not read from it).
    static func typesText(_ state: SessionState) -> Bool {
        switch state.phase {
        case .start(let start):
            switch start.mode {
            case .typeID, .newLearner, .pin: return true
            case .list, .opening: return false
            }
        case .catalogue: return false
        case .playing(_, let player):
            return player.messageBox == nil && player.inputMode == .text
        }
    }

    private static func isLesson(_ state: SessionState) -> Bool {
        if case .unit(.lesson)? = state.player?.screen, state.player?.messageBox == nil { return true }
        return false
    }

    private static func isCatalogue(_ state: SessionState) -> Bool {
        if case .catalogue = state.phase { return true }
        return false
    }
}
