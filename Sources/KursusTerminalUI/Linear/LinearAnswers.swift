import KursusCourse
import KursusEngine

/// Typed lines inside a unit, as the keys the full screen would send: Enter pages a
/// lesson, numbers answer a question or choose in a scenario, text is typed into a
/// text answer.
enum LinearAnswers {
    typealias Reply = LinearCommands.Reply

    static func events(for line: String, unit: UnitState, player: PlayerState, printer: LinearPrinter) -> Reply {
        let strings = printer.context.strings
        let word = line.trimmingCharacters(in: .whitespaces).lowercased()
        switch unit {
        case .lesson(let lesson):
            if word == "b" || word == "q" { return Reply(events: [.command(.back)]) }
            guard word.isEmpty else { return LinearCommands.notUnderstood(word, strings) }
            return Reply(events: [.command(lesson.scroll.endVisible(rows: printer.layout.pageRows) ? .back : .pageDown)])
        case .quiz(let quiz):
            return self.quiz(line, word: word, quiz, player: player, strings: strings)
        case .scenario(let scenario):
            return self.scenario(word, scenario, strings: strings, printer: printer, player: player)
        }
    }

    private static func quiz(_ line: String, word: String, _ quiz: QuizState, player: PlayerState, strings: UIStrings) -> Reply {
        guard quiz.phase == .question else {
            switch word {
            case "": return Reply(events: [.command(.open)])
            case "b": return Reply(events: [.command(.back)])
            case "r": return Reply(events: [.command(.letter("r"))])
            default: return LinearCommands.notUnderstood(word, strings)
            }
        }
        guard let (attempt, question) = quiz.currentQuestion(in: player.quizRecord(quiz.unitID)) else { return Reply() }
        if QuestionRows.takesText(question) {
            // A full stop alone leaves; anything else, even "b" or "q", is the answer.
            if word == "." { return Reply(events: [.command(.back)]) }
            let typed = line.trimmingCharacters(in: .whitespaces)
            let deletes = Array(repeating: SessionEvent.edit(.deleteForward), count: quiz.draft.editor.text.count)
            let events: [SessionEvent] = [.edit(.home)] + deletes + typed.map { SessionEvent.text($0) } + [.command(.open)]
            return Reply(events: events)
        }
        if word == "b" { return Reply(events: [.command(.back)]) }
        let rows = QuestionRows.rows(question, attempt: attempt, draft: quiz.draft)
        switch question.kind {
        case .description:
            return word.isEmpty ? Reply(events: [.command(.open)]) : LinearCommands.notUnderstood(word, strings)
        case .singleChoice, .trueFalse, .likert:
            guard let number = Int(word), rows.indices.contains(number - 1) else {
                return Reply(text: [strings(.linearBadNumber, ["count": "\(rows.count)"])])
            }
            return Reply(events: [.command(.number(number)), .command(.open)])
        case .multipleResponse:
            guard let numbers = numbers(word, count: nil, maximum: rows.count) else {
                return Reply(text: [strings(.linearBadNumber, ["count": "\(rows.count)"])])
            }
            // Untick what is ticked, then tick the numbers typed.
            let untick = quiz.draft.selected.compactMap { id in rows.firstIndex { $0.id == id } }.map { SessionEvent.command(.number($0 + 1)) }
            let tick: [SessionEvent] = Array(Set(numbers)).sorted().map { SessionEvent.command(.number($0)) }
            return Reply(events: untick + tick + [.command(.open)])
        case .matching:
            let choices = QuestionRows.matchingChoices(question, attempt: attempt)
            guard let numbers = numbers(word, count: rows.count, maximum: choices.count) else {
                return Reply(text: [strings(.linearBadNumbers, ["count": "\(rows.count)", "max": "\(choices.count)"])])
            }
            let pairs: [SessionEvent] = numbers.map { SessionEvent.command(.number($0)) }
            return Reply(events: [.command(.top)] + pairs + [.command(.open)])
        case .ordering:
            guard let numbers = numbers(word, count: rows.count, maximum: rows.count), Set(numbers).count == rows.count else {
                return Reply(text: [strings(.linearBadNumbers, ["count": "\(rows.count)", "max": "\(rows.count)"])])
            }
            return Reply(events: ordering(numbers, rows: rows.map(\.id)) + [.command(.open)])
        case .shortAnswer, .numeric, .freeText:
            return Reply()
        }
    }

    /// Numbers separated by spaces or commas, each from 1 to `maximum`; exactly `count`
    /// of them when given. nil when the line is not that.
    static func numbers(_ text: String, count: Int?, maximum: Int) -> [Int]? {
        let parts = text.split { $0 == " " || $0 == "," || $0 == ";" }
        let numbers = parts.compactMap { Int($0) }
        guard !numbers.isEmpty, numbers.count == parts.count, numbers.allSatisfy({ (1...max(1, maximum)).contains($0) }) else { return nil }
        if let count, numbers.count != count { return nil }
        return numbers
    }

    /// The ordering keys that put the items in the order typed (item numbers as they were
    /// listed): for each place from the top, the item that belongs there is picked up,
    /// carried up to it and put down, as a keyboard user would.
    static func ordering(_ numbers: [Int], rows: [String]) -> [SessionEvent] {
        var order = rows
        var events: [SessionEvent] = []
        for (place, number) in numbers.enumerated() {
            let item = rows[number - 1]
            guard let from = order.firstIndex(of: item), from > place else { continue }
            events.append(.command(.top))
            events += Array(repeating: SessionEvent.command(.lineDown), count: from)
            events.append(.command(.toggle))
            events += Array(repeating: SessionEvent.command(.lineUp), count: from - place)
            events.append(.command(.toggle))
            order.remove(at: from)
            order.insert(item, at: place)
        }
        return events
    }

    private static func scenario(_ word: String, _ scenario: ScenarioState, strings: UIStrings, printer: LinearPrinter, player: PlayerState)
        -> Reply
    {
        switch scenario.session.mode {
        case .call:
            if word == "b" { return Reply(events: [.command(.back)]) }
            if word == "t" {
                return Reply(text: scenario.session.run.transcript.map { printer.entry($0, scenario.scenario) })
            }
            let offered = ScenarioMachine.availableOptions(scenario.session.run, scenario.scenario)
            guard let number = Int(word), (1...max(1, offered.count)).contains(number), !offered.isEmpty else {
                return Reply(text: [strings(.linearBadNumber, ["count": "\(offered.count)"])])
            }
            return Reply(events: [.command(.number(number)), .command(.open)])
        case .ended:
            if word == "t" { return Reply(text: scenario.session.run.transcript.map { printer.entry($0, scenario.scenario) }) }
            return Reply(events: [.command(.open)])
        case .debrief:
            switch word {
            case "", "b": return Reply(events: [.command(.open)])
            case "r": return Reply(events: [.command(.letter("r"))])
            case "v": return Reply(events: [.command(.letter("v"))])
            default: return LinearCommands.notUnderstood(word, strings)
            }
        case .pickRetry:
            if word == "b" { return Reply(events: [.command(.back)]) }
            let count = scenario.session.run.path.count
            guard let number = Int(word), (1...max(1, count)).contains(number) else {
                return Reply(text: [strings(.linearBadNumber, ["count": "\(count)"])])
            }
            return Reply(events: [.command(.number(number)), .command(.open)])
        }
    }
}
