import KursusCourse
import KursusEngine

/// The linear mode's screens outside a unit: the start screen (learners, the new-learner
/// form, the PIN), the catalogue, a message to read, and the course menu.
extension LinearPrinter {
    /// Names the screen showing; a new name means a new screen to say.
    func screenKey(_ state: SessionState) -> String {
        if state.settingsScreen != nil, state.learnerSettings != nil { return "settings" }
        switch state.phase {
        case .start(let start):
            switch start.mode {
            case .list: return start.learners == nil ? "loading" : "start|list|\(start.learners?.count ?? 0)"
            case .typeID: return "start|typeID"
            case .newLearner(let form): return "start|new|\(form.focus.rawValue)"
            case .pin(let learner, _): return "start|pin|\(learner.id)"
            case .opening(let learner): return "start|opening|\(learner.id)"
            }
        case .catalogue(let learner, let catalogue):
            if let opening = catalogue.opening { return "catalogue|opening|\(opening)" }
            return catalogue.progress == nil ? "catalogue|loading" : "catalogue|\(learner.id)"
        case .playing(let learner, let player):
            if let warning = player.quitWarning { return "quitWarning|\(warning.retrying)|\(warning.leaving)" }
            if let message = player.messageBox { return "message|\(message.hashValue)" }
            guard let unit = player.unitOnScreen else { return "menu|\(learner.id)" }
            return unitKey(player, unit)
        }
    }

    /// The screen showing, as text.
    func screen(_ state: SessionState) -> LinearScreen {
        let key = screenKey(state)
        let strings = context.strings
        if state.settingsScreen != nil, let settings = state.learnerSettings {
            var content = [strings(.settingsTitle)]
            for row in SettingsScreen.Row.allCases { content.append(settingsLine(row, settings)) }
            return LinearScreen(key: key, content: content, prompt: [strings(.linearSettingsPrompt)])
        }
        switch state.phase {
        case .start(let start):
            return startScreen(start, key: key)
        case .catalogue(_, let catalogue):
            guard catalogue.opening == nil, let progress = catalogue.progress else { return LinearScreen(key: key) }
            var content = [strings(.catalogueHeading)]
            for (index, course) in state.configuration.catalogue.enumerated() {
                let (_, words, _) = CatalogueView.describe(progress[course.id], context)
                content.append("\(index + 1). \(course.title): \(words)")
            }
            return LinearScreen(key: key, content: content, prompt: [strings(.linearCatalogue)])
        case .playing(_, let player):
            if let warning = player.quitWarning {
                let message = if case .failed(let message) = player.saveStatus { message } else { "" }
                if warning.retrying { return LinearScreen(key: key, content: [strings(.quitWarningRetrying)]) }
                return LinearScreen(
                    key: key,
                    content: [strings(.quitWarningTitle), strings(.quitWarningText, ["message": message])]
                        + [L10nKey.quitWarningRetry, .quitWarningWait, SaveFailureView.anywayKey(warning)].map { strings($0) },
                    prompt: [strings(warning.leaving == .quit ? .linearQuitWarningPrompt : .linearLeaveWarningPrompt)])
            }
            if let message = player.messageBox {
                return LinearScreen(key: key, content: message.components(separatedBy: "\n"), prompt: [strings(.linearPressEnter)])
            }
            guard let unit = player.unitOnScreen else { return menu(player, key: key) }
            return unitScreen(player, unit, key: key)
        }
    }

    /// New text on the screen showing since it was last said.
    mutating func fresh(_ state: SessionState) -> [String] {
        if state.settingsScreen != nil, let settings = state.learnerSettings {
            // A change is said as the changed line, with what the setting does.
            defer { settingsShown = settings }
            guard let shown = settingsShown, shown != settings else { return [] }
            var lines: [String] = []
            for row in SettingsScreen.Row.allCases where settingsLine(row, shown) != settingsLine(row, settings) {
                lines.append(settingsLine(row, settings) + ". " + SettingsView.about(row, state.configuration.idleLockSeconds, context.strings))
            }
            if case .saveFailed(let message)? = state.settingsScreen?.notice { lines.append(context.strings(.saveFailed, ["message": message])) }
            return lines
        }
        settingsShown = nil
        guard let player = state.player, player.messageBox == nil, let unit = player.unitOnScreen else { return [] }
        return freshInUnit(player, unit)
    }

    private func startScreen(_ start: StartScreen, key: String) -> LinearScreen {
        let strings = context.strings
        switch start.mode {
        case .list:
            guard let learners = start.learners else { return LinearScreen(key: key) }
            var content = [strings(.startTitle)]
            for (index, learner) in learners.enumerated() {
                var line = "\(index + 1). \(learner.displayName)"
                if let team = learner.team, !team.isEmpty { line += ", \(team)" }
                content.append(line)
            }
            content.append("\(learners.count + 1). \(strings(.startNewLearner).trimmingCharacters(in: ["+", " "]))")
            return LinearScreen(key: key, content: content, prompt: [strings(.linearChooseLearner)])
        case .typeID:
            return LinearScreen(key: key, prompt: [strings(.startTypeIDPrompt), strings(.linearTypeIDHint)])
        case .newLearner(let form):
            let title = form.focus == .name ? [strings(.startFormTitle)] : []
            if form.focus == .pin { return LinearScreen(key: key, content: title, prompt: [strings(.linearFieldPINPrompt)], secret: true) }
            // The PIN typed again: as secret as the first time.
            if form.focus == .pinRepeat {
                return LinearScreen(
                    key: key, prompt: [strings(.linearFieldPrompt, ["field": strings(.startFieldPINRepeat)])], secret: true)
            }
            let label: String
            if form.focus == .name {
                label = strings(.startFieldName)
            } else if form.focus == .team {
                label = strings(.startFieldTeam)
            } else {
                label = strings(.startFieldID)
            }
            var prompt = [strings(.linearFieldPrompt, ["field": label])]
            // The id is suggested from the name: Enter keeps it.
            if form.focus == .id, !form.id.text.isEmpty { prompt = [strings(.linearFieldPrompt, ["field": label]) + " " + form.id.text] }
            return LinearScreen(key: key, content: title, prompt: prompt)
        case .pin(let learner, _):
            return LinearScreen(key: key, prompt: [strings(.linearPinPrompt, ["name": learner.displayName])], secret: true)
        case .opening(let learner):
            return LinearScreen(key: key, content: [strings(.linearOpening, ["name": learner.displayName])])
        }
    }

    /// The course menu: every unit numbered in course order under its module, with its
    /// status in words.
    func menu(_ player: PlayerState, key: String) -> LinearScreen {
        let strings = context.strings
        let (done, total) = player.completion(of: player.units)
        var content = [strings(.linearMenuTitle, ["course": player.course.title, "done": "\(done)", "total": "\(total)"])]
        if player.units.isEmpty { content.append(strings(.menuEmpty)) }
        var number = 0
        for (index, module) in player.course.modules.enumerated() {
            content.append(strings(.menuModule, ["number": "\(index + 1)"]) + ": " + module.title)
            for unit in module.units {
                number += 1
                var words = [status(player.status(of: unit), player)]
                if unit.optional { words.append(strings(.menuOptional)) }
                content.append("\(number). \(unit.title), \(words.joined(separator: ", "))")
            }
        }
        if player.isCourseComplete { content.append(strings(.menuCourseComplete)) }
        return LinearScreen(key: key, content: content, prompt: [strings(.linearMenuPrompt)])
    }

    /// A unit's status in words: done, not passed, locked (and by what), not started.
    func status(_ status: UnitStatus, _ player: PlayerState) -> String {
        let strings = context.strings
        switch status {
        case .locked(let reason): return strings(.statusLocked) + ", " + requirement(reason, player, menu: true)
        case .available: return strings(.statusAvailable)
        case .inProgress: return strings(.statusInProgress)
        case .completed: return strings(.statusCompleted)
        case .passed: return strings(.statusPassed)
        case .failed: return strings(.statusFailed)
        }
    }

    /// "requires 2" on the menu, "unit 2" in a notice: a unit by its number in this menu
    /// (not the full screen's "1.2"), a module by its number.
    func requirement(_ reason: PrerequisiteGraph.Reason, _ player: PlayerState, menu: Bool) -> String {
        switch reason {
        case .unit(let id), .sequence(let id):
            let number = player.units.firstIndex { $0.id == id }.map { "\($0 + 1)" } ?? id
            return context.strings(menu ? .menuRequiresUnit : .noticeUnit, ["number": number])
        case .module:
            return StatusLine.requirement(reason, player, context, menu: menu)
        }
    }

    /// The menu as it would be said now, for `m`.
    func menuAgain(_ state: SessionState) -> [String]? {
        guard let player = state.player, player.unitOnScreen == nil, player.messageBox == nil else { return nil }
        return menu(player, key: "").content
    }

    /// One setting as a numbered line: "2. Advarsel før låsning: 1 minut før".
    func settingsLine(_ row: SettingsScreen.Row, _ settings: LearnerSettings) -> String {
        "\(row.rawValue + 1). \(SettingsView.label(row, context.strings)): \(SettingsView.value(row, settings, context))"
    }
}
