import KursusCourse
import KursusEngine

/// The linear mode's unit screens: a lesson a page at a time, a quiz or survey one
/// question at a time with numbered choices, a scenario's conversation line by line.
extension LinearPrinter {
    func unitKey(_ player: PlayerState, _ unit: UnitState) -> String {
        switch unit {
        case .lesson(let lesson):
            return "lesson|\(lesson.unitID)"
        case .quiz(let quiz):
            let attempt = player.quizRecord(quiz.unitID).attempts.last
            return "quiz|\(quiz.unitID)|\(quiz.phase)|\(attempt?.number ?? 0)|\(attempt?.current ?? 0)"
        case .scenario(let scenario):
            switch scenario.session.mode {
            case .call: return "scenario|\(scenario.unitID)|call"
            case .ended: return "scenario|\(scenario.unitID)|ended"
            case .debrief: return "scenario|\(scenario.unitID)|debrief|\(scenario.session.run.path.count)"
            case .pickRetry: return "scenario|\(scenario.unitID)|pick"
            }
        }
    }

    func unitScreen(_ player: PlayerState, _ unit: UnitState, key: String) -> LinearScreen {
        let strings = context.strings
        let heading = heading(player, unit.unitID)
        switch unit {
        case .lesson(let lesson):
            let rows = layout.pageRows
            let end = lesson.scroll.endVisible(rows: rows)
            let step = max(1, rows - 1)
            let count = lesson.scroll.lineCount ?? 0
            let pages = count <= rows ? 1 : 1 + (count - rows + step - 1) / step
            let page = min(pages, 1 + (lesson.scroll.offset + step - 1) / step)
            let prompt = end ? strings(.linearLessonEnd) : strings(.linearLessonPage, ["page": "\(page)", "pages": "\(pages)"])
            return LinearScreen(key: key, content: [heading], prompt: [prompt])
        case .quiz(let quiz):
            return quizScreen(player, quiz, key: key, heading: heading)
        case .scenario(let scenario):
            return scenarioScreen(scenario, key: key, heading: heading)
        }
    }

    /// "2. Title": the unit's number on the linear menu and its title.
    func heading(_ player: PlayerState, _ unitID: String) -> String {
        guard let index = player.units.firstIndex(where: { $0.id == unitID }) else { return unitID }
        return context.strings(.linearUnitHeading, ["number": "\(index + 1).", "title": player.units[index].title])
    }

    /// New text: the next lines of a lesson down to the end of the page now showing, or
    /// the entries of a conversation not yet said.
    mutating func freshInUnit(_ player: PlayerState, _ unit: UnitState) -> [String] {
        switch unit {
        case .lesson(let state):
            guard let lesson, lesson.unitID == state.unitID, state.scroll.lineCount != nil else { return [] }
            let start = max(lessonPrinted, min(state.scroll.offset, lesson.lines.count))
            let end = min(lesson.lines.count, state.scroll.offset + layout.pageRows)
            guard end > start else { return [] }
            lessonPrinted = end
            return Array(lesson.lines[start..<end])
        case .quiz:
            return []
        case .scenario(let state):
            let transcript = state.session.run.transcript
            if transcriptPrinted > transcript.count { transcriptPrinted = 0 }
            let new = transcript[transcriptPrinted...].map { entry($0, state.scenario) }
            transcriptPrinted = transcript.count
            return new.flatMap { $0.components(separatedBy: "\n") }
        }
    }

    // MARK: - Quizzes and surveys

    private func quizScreen(_ player: PlayerState, _ quiz: QuizState, key: String, heading: String) -> LinearScreen {
        let strings = context.strings
        let record = player.quizRecord(quiz.unitID)
        var screen = LinearScreen(key: key)
        let message = QuizScreen.message(quiz.message, strings).map { [$0] } ?? []
        switch quiz.phase {
        case .question:
            guard let (attempt, question) = quiz.currentQuestion(in: record) else { return screen }
            screen.content = [strings(.quizQuestionOf, ["number": "\(attempt.current + 1)", "total": "\(attempt.questionIDs.count)"])]
            screen.content += questionText(question, attempt: attempt, quiz: quiz)
            screen.prompt = message + [instruction(question)]
        case .intro:
            screen.content = [heading] + page(player, quiz)
            let keys: L10nKey = record.unfinished != nil ? .linearQuizIntroResume : record.finished.isEmpty ? .linearContinue : .linearQuizIntro
            screen.prompt = message + [strings(keys)]
        case .feedback:
            screen.content = page(player, quiz)
            screen.prompt = message + [strings(.linearContinue)]
        case .result:
            screen.content = page(player, quiz)
            let retry = player.progress.record(quiz.unitID)?.outcome == .failed && quiz.quiz.attempts.allowsAnother(after: record.finished.count)
            screen.prompt = message + [strings(retry ? .linearQuizResultRetry : .linearQuizResult)]
        case .review:
            screen.content = page(player, quiz)
            screen.prompt = message + [strings(.linearQuizReview)]
        }
        return screen
    }

    /// The full screen's page for this phase (intro, feedback, result, review) as plain lines.
    private func page(_ player: PlayerState, _ quiz: QuizState) -> [String] {
        let lines = QuizScreen.page(player, quiz, context, width: layout.columns).lines.map { line in line.runs.map { $0.text }.joined() }
        // The full screen's margin is no use in a line-by-line reading.
        let margin = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return lines.map { String($0.dropFirst(min(margin, $0.prefix { $0 == " " }.count))) }
    }

    private func markdown(_ text: String) -> [String] {
        LinearText.markdown(text, width: layout.columns, options: context.markdownOptions(width: layout.columns))
    }

    /// The question and its choices as numbered lines.
    private func questionText(_ question: Question, attempt: QuizAttempt, quiz: QuizState) -> [String] {
        let strings = context.strings
        var lines = markdown(question.text)
        let rows = QuestionRows.rows(question, attempt: attempt, draft: quiz.draft)
        switch question.kind {
        case .singleChoice, .multipleResponse, .likert, .ordering:
            for (index, row) in rows.enumerated() { lines += numbered(index + 1, row.text) }
        case .trueFalse:
            lines += ["1. " + strings(.quizTrue), "2. " + strings(.quizFalse)]
        case .matching:
            for (index, row) in rows.enumerated() { lines += numbered(index + 1, row.text) }
            lines.append(strings(.quizMatchChoices))
            for (index, choice) in QuestionRows.matchingChoices(question, attempt: attempt).enumerated() {
                lines += numbered(index + 1, choice)
            }
        case .shortAnswer, .numeric, .freeText, .description:
            break
        }
        return lines
    }

    /// "3. text", with the rest of a long choice's lines after it.
    private func numbered(_ number: Int, _ markdownText: String) -> [String] {
        var laidOut = markdown(markdownText).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if laidOut.isEmpty { laidOut = [""] }
        laidOut[0] = "\(number). " + laidOut[0].trimmingCharacters(in: .whitespaces)
        return laidOut
    }

    private func instruction(_ question: Question) -> String {
        let strings = context.strings
        switch question.kind {
        case .singleChoice, .trueFalse, .likert: return strings(.linearAnswerOne)
        case .multipleResponse: return strings(.linearAnswerSeveral)
        case .matching(let spec): return strings(.linearAnswerMatching, ["count": "\(spec.pairs.count)"])
        case .ordering: return strings(.linearAnswerOrdering)
        case .shortAnswer, .numeric, .freeText: return strings(.linearAnswerText)
        case .description: return strings(.linearPressEnter)
        }
    }

    // MARK: - Scenarios

    private func scenarioScreen(_ state: ScenarioState, key: String, heading: String) -> LinearScreen {
        let strings = context.strings
        let session = state.session
        let scenario = state.scenario
        switch session.mode {
        case .call:
            var prompt: [String] = []
            let offered = ScenarioMachine.availableOptions(session.run, scenario)
            if let node = scenario.node(session.run.current), case .choice(let choice) = node.kind {
                prompt.append(choice.prompt.isEmpty ? strings(.scenarioPrompt) : choice.prompt)
                for (number, index) in offered.enumerated() where choice.options.indices.contains(index) {
                    prompt.append("\(number + 1). \(choice.options[index].text)")
                }
            }
            prompt.append(strings(.linearScenarioOptions))
            return LinearScreen(key: key, content: [heading, strings(.linearScenarioStart, ["title": scenario.title])], prompt: prompt)
        case .ended:
            // The last lines of the call come as fresh lines; Enter goes on to the debrief.
            let ended = session.run.outcome == nil ? strings(.scenarioEndedStuck) : strings(.scenarioEnded)
            return LinearScreen(key: key, content: [], prompt: [ended], freshFirst: true)
        case .debrief:
            let body = ScenarioDebriefScreen.body(session.run, scenario, width: layout.columns, context, maximumScore: state.maximumScore)
            var content = [strings(.linearDebriefTitle, ["title": scenario.title])]
            if let outcome = session.run.outcome { content.append(strings(.scenarioOutcome, ["title": outcome.title])) }
            content += body.map { line in line.spans.map { $0.0 }.joined() }
            return LinearScreen(key: key, content: content, prompt: [strings(.linearDebriefKeys)], freshFirst: true)
        case .pickRetry:
            var content = [strings(.scenarioPickTitle)]
            for (index, step) in session.run.path.enumerated() {
                var prompt = strings(.scenarioPrompt)
                if let node = scenario.node(step.node), case .choice(let choice) = node.kind, !choice.prompt.isEmpty { prompt = choice.prompt }
                content.append("\(index + 1). \(prompt) " + strings(.scenarioPickYouChose, ["text": step.text]))
            }
            return LinearScreen(key: key, content: content, prompt: [strings(.linearPickKeys)], freshFirst: true)
        }
    }

    /// One line of the conversation in words: who speaks, narration as it is, events.
    func entry(_ entry: TranscriptEntry, _ scenario: Scenario) -> String {
        switch entry.kind {
        case .say:
            return "\(ScenarioWords.name(entry.speaker, scenario)): \(entry.text)"
        case .narration:
            return entry.text
        case .event:
            let text =
                entry.text.isEmpty
                ? ScenarioWords.event(entry.event ?? .videoFreeze, participant: ScenarioWords.name(entry.speaker, scenario), context) : entry.text
            return context.strings(.linearScenarioEvent, ["text": text])
        case .learner:
            return "\(context.strings(.scenarioYou)): \(entry.text)"
        }
    }

    /// The whole conversation so far, for `t`.
    func transcript(_ state: SessionState) -> [String]? {
        guard case .unit(.scenario(let scenario))? = state.player?.screen else { return nil }
        return scenario.session.run.transcript.map { entry($0, scenario.scenario) }
    }
}
