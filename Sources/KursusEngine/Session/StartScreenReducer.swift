import Foundation

/// The start screen's own state machine: the learner list, typing an id, the new-learner
/// form and the PIN, and the answers from the runtime to each.
enum StartScreenReducer {
    static func reduce(_ state: inout SessionState, _ event: SessionEvent) -> [SessionEffect] {
        guard case .start(var screen) = state.phase else {
            return []
        }
        defer { if case .start = state.phase { state.phase = .start(screen) } }
        switch event {
        case .learnersLoaded(let learners):
            screen.learners = learners
            return loaded(&state, &screen, learners)
        case .learnersFailed(let message):
            screen.learners = []
            screen.notice = .listFailed(message: message)
            return []
        case let .pinChecked(learnerID, result):
            guard case .pin(let learner, _) = screen.mode, learner.id == learnerID else { return [] }
            let hidden = state.configuration.hideLearnerList
            switch result {
            case .accepted, .unlocked:
                // The learner as the services read them with the PIN, else as listed; the
                // nameless prompt's summary is never signed in.
                var signedIn = learner
                if case .unlocked(let unlocked) = result, unlocked.id == learner.id {
                    signedIn = unlocked
                } else if let listed = screen.learners?.first(where: { $0.id == learner.id }) {
                    signedIn = listed
                }
                screen.mode = .opening(signedIn)
                screen.notice = nil
                return CatalogueReducer.signedIn(state, signedIn)
            case .rejected where hidden, .lockedOut where hidden:
                // Hidden list: an unknown id, a wrong PIN and a lockout read alike.
                screen.mode = .typeID(TextField.learnerID)
                screen.notice = .wrongIDOrPIN
            case .rejected(let left):
                screen.mode = .pin(learner, TextField.pin)
                screen.notice = .pinRejected(attemptsLeft: left)
            case .lockedOut(let until):
                screen.mode = .pin(learner, TextField.pin)
                screen.notice = .pinLockedOut(until: until)
            }
            return []
        case .learnerCreated(let learner):
            screen.learners = (screen.learners ?? []) + [learner]
            screen.mode = .opening(learner)
            screen.notice = nil
            return CatalogueReducer.signedIn(state, learner)
        case .learnerCreateFailed(let message):
            if case .opening = screen.mode { screen.mode = .newLearner(NewLearnerForm()) }
            screen.notice = .createFailed(message: message)
            return []
        case let .learnerOpened(learner, progress):
            return SessionReducer.begin(&state, learner, progress, unlockAll: false)
        case let .learnerOpenFailed(learnerID, failure):
            let name = screen.learners?.first { $0.id == learnerID }?.displayName ?? learnerID
            screen.mode = state.configuration.initialStartMode
            switch failure {
            case .busy: screen.notice = .learnerBusy(name: name)
            case .failed(let message): screen.notice = .openFailed(message: message)
            }
            return []
        case .command(let command):
            return self.command(&state, &screen, command)
        case .text(let character):
            edit(&screen) { $0.insert(character) }
            if case .newLearner(var form) = screen.mode {
                if form.focus == .name, !form.idEdited { form.id.text = NewLearner.suggestedID(for: form.name.text) }
                if form.focus == .id { form.idEdited = true }
                screen.mode = .newLearner(form)
            }
            return []
        case .deleteBackward:
            edit(&screen) { $0.deleteBackward() }
            if case .newLearner(var form) = screen.mode {
                if form.focus == .name, !form.idEdited { form.id.text = NewLearner.suggestedID(for: form.name.text) }
                if form.focus == .id { form.idEdited = true }
                screen.mode = .newLearner(form)
            }
            return []
        case .nextField:
            switch screen.mode {
            case .newLearner(var form):
                form.focus = NewLearnerForm.Field(rawValue: (form.focus.rawValue + 1) % NewLearnerForm.Field.allCases.count) ?? .name
                screen.mode = .newLearner(form)
            case .typeID:
                screen.mode = .newLearner(NewLearnerForm())
                screen.notice = nil
            default: break
            }
            return []
        default:
            return []
        }
    }

    static func loaded(_ state: inout SessionState, _ screen: inout StartScreen, _ learners: [LearnerSummary]) -> [SessionEffect] {
        if let id = state.configuration.initialLearner {
            // `--learner ID` is used once, at start; after a sign-out the start screen shows.
            state.configuration.initialLearner = nil
            let learner = learners.first { $0.id == id } ?? LearnerSummary(id: id, displayName: id)
            return choose(learner, &screen, state)
        }
        switch screen.mode {
        case .list(let selection):
            if learners.isEmpty, case .list = state.configuration.initialStartMode {
                screen.mode = .newLearner(NewLearnerForm())
            } else {
                screen.mode = .list(selection: min(selection, learners.count))
            }
        default: break
        }
        return []
    }

    /// A learner was picked: ask for the PIN if they have one, else open them. With the
    /// list hidden the PIN prompt names only the id typed.
    static func choose(_ learner: LearnerSummary, _ screen: inout StartScreen, _ state: SessionState) -> [SessionEffect] {
        screen.notice = nil
        if learner.hasPIN {
            screen.mode = .pin(state.configuration.hideLearnerList ? StartScreen.unnamed(learner.id) : learner, TextField.pin)
            return []
        }
        screen.mode = .opening(learner)
        return CatalogueReducer.signedIn(state, learner)
    }

    static func command(_ state: inout SessionState, _ screen: inout StartScreen, _ command: PlayerCommand) -> [SessionEffect] {
        if command == .quit {
            state.isQuitting = true
            return [.quit]
        }
        let learners = screen.learners ?? []
        switch screen.mode {
        case .list(let selection):
            let rows = learners.count + 1
            switch command {
            case .lineUp: screen.mode = .list(selection: max(0, selection - 1))
            case .lineDown: screen.mode = .list(selection: min(rows - 1, selection + 1))
            case .top, .pageUp: screen.mode = .list(selection: 0)
            case .bottom, .pageDown: screen.mode = .list(selection: rows - 1)
            case .open:
                if selection < learners.count { return choose(learners[selection], &screen, state) }
                screen.mode = .newLearner(NewLearnerForm())
                screen.notice = nil
            default: break
            }
        case .typeID(let field):
            switch command {
            case .open:
                let id = field.trimmed
                guard !id.isEmpty else { return [] }
                // An unknown id is asked for a PIN like a known one: only the PIN check
                // (which fails for it, as slowly as for anyone) ends the attempt.
                let learner = learners.first { $0.id == id } ?? StartScreen.unnamed(id)
                return choose(learner, &screen, state)
            case .back:
                screen.mode = .typeID(TextField.learnerID)
                screen.notice = nil
            default: break
            }
        case .newLearner(var form):
            switch command {
            case .back:
                screen.mode = state.configuration.initialStartMode
                screen.notice = nil
            case .lineUp:
                form.focus = NewLearnerForm.Field(rawValue: max(0, form.focus.rawValue - 1)) ?? .name
                screen.mode = .newLearner(form)
            case .lineDown:
                form.focus =
                    NewLearnerForm.Field(rawValue: min(NewLearnerForm.Field.allCases.count - 1, form.focus.rawValue + 1)) ?? .pinRepeat
                screen.mode = .newLearner(form)
            case .open:
                if form.focus == .pin, !form.isPINLengthValid {
                    // Said at once, before the PIN is typed again.
                    screen.notice = .formIncomplete(.pin)
                    return []
                }
                if !form.isLastField {
                    form.focus = NewLearnerForm.Field(rawValue: form.focus.rawValue + 1) ?? .pinRepeat
                    screen.mode = .newLearner(form)
                    return []
                }
                switch form.request {
                case .failure(.pinRepeat):
                    // Both PINs are typed again; the name, team and id stay.
                    form.pin = TextField.pin
                    form.pinRepeat = TextField.pin
                    form.focus = .pin
                    screen.mode = .newLearner(form)
                    screen.notice = .pinMismatch
                case .failure(let field):
                    form.focus = field
                    screen.mode = .newLearner(form)
                    screen.notice = .formIncomplete(field)
                case .success(let request):
                    if learners.contains(where: { $0.id == request.id }) {
                        form.focus = .id
                        screen.mode = .newLearner(form)
                        screen.notice = .idTaken(id: request.id)
                        return []
                    }
                    screen.notice = nil
                    return [.createLearner(request)]
                }
            default: break
            }
        case .pin(let learner, let field):
            switch command {
            case .open:
                guard !field.text.isEmpty else { return [] }
                // The typed PIN leaves the state at once; only the runtime sees it.
                screen.mode = .pin(learner, TextField.pin)
                return [.verifyPIN(learnerID: learner.id, pin: field.text)]
            case .back:
                screen.mode = state.configuration.initialStartMode
                screen.notice = nil
            default: break
            }
        case .opening:
            break
        }
        return []
    }

    /// Applies an edit to the focused text field, if any.
    static func edit(_ screen: inout StartScreen, _ change: (inout TextField) -> Void) {
        switch screen.mode {
        case .typeID(var field):
            change(&field)
            screen.mode = .typeID(field)
        case .pin(let learner, var field):
            change(&field)
            screen.mode = .pin(learner, field)
        case .newLearner(var form):
            change(&form[form.focus])
            screen.mode = .newLearner(form)
        case .list, .opening:
            break
        }
    }
}
