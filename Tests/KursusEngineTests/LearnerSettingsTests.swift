import Foundation
import KursusCourse
import KursusEngine
import Testing

@Suite("Learner settings: the settings screen, applied at once and at sign-in")
struct LearnerSettingsTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let bo = LearnerSummary(id: "bo", displayName: "Bo")

    func session(_ configuration: SessionConfiguration = SessionConfiguration(idleLockSeconds: 600)) -> SessionState {
        var state = SessionState(content: CourseContent(course: Fixtures.course), configuration: configuration, viewport: Fixtures.viewport)
        state.now = Self.t0
        state.lastActivity = Self.t0
        return state
    }

    func playing(_ learner: LearnerSummary = bo, timers: Bool = true, scale: Int? = 1) -> PlayerState {
        var player = PlayerState(course: Fixtures.course, progress: .empty, viewport: Fixtures.viewport)
        player.now = Self.t0
        player.timerScale = timers ? scale : nil
        return player
    }

    /// Bo on the course menu with `settings`.
    func onMenu(_ settings: LearnerSettings = .defaults, _ configuration: SessionConfiguration = SessionConfiguration(idleLockSeconds: 600))
        -> SessionState
    {
        var state = session(configuration)
        var learner = Self.bo
        learner.settings = settings
        state.phase = .playing(learner, playing(learner, timers: settings.timers != .off))
        return state
    }

    func bo(_ settings: LearnerSettings) -> LearnerSummary {
        var learner = Self.bo
        learner.settings = settings
        return learner
    }

    @Test("o on the menu opens the settings; →, Enter and space step a value forward, ← back, round the end; each change is saved")
    func timers() {
        var store = SessionTestStore(onMenu())
        #expect(store.state.inputMode == .navigation)
        store.send(.openSettings) { $0.settingsScreen = SettingsScreen() }
        #expect(store.state.inputMode == .choices)
        #expect(store.state.learnerSettings == .defaults)
        var settings = LearnerSettings.defaults
        for (command, value) in [(PlayerCommand.right, TimerSetting.double), (.open, .quadruple), (.toggle, .off), (.right, .normal), (.left, .off)] {
            settings.timers = value
            let expected = settings
            store.send(.command(command), effects: [.saveSettings(learnerID: "bo", expected)]) {
                // The player's timers run at the setting's scale at once; off stops them.
                $0.phase = .playing(bo(expected), playing(scale: value.scale))
            }
        }
        #expect(store.state.learnerSettings?.timers.scale == nil)
        store.send(.command(.back)) { $0.settingsScreen = nil }
        #expect(store.state.inputMode == .navigation)
    }

    @Test("↑/↓ move over the seven rows and stop at the ends; each row changes its own setting")
    func rows() {
        var store = SessionTestStore(onMenu())
        store.send(.openSettings) { $0.settingsScreen = SettingsScreen() }
        store.send(.command(.lineUp))
        var settings = LearnerSettings.defaults
        let changes: [(SettingsScreen.Row, (inout LearnerSettings) -> Void)] = [
            (.idleWarning, { $0.idleWarning = .twoMinutes }),
            (.idleBell, { $0.idleBell = true }),
            (.linear, { $0.linear = true }),
            (.highContrast, { $0.highContrast = true }),
            (.language, { $0.language = .da }),
            (.mouse, { $0.mouse = false }),
        ]
        for (row, change) in changes {
            store.send(.command(.lineDown)) { $0.settingsScreen = SettingsScreen(selection: row) }
            change(&settings)
            let expected = settings
            store.send(.command(.right), effects: [.saveSettings(learnerID: "bo", expected)]) {
                $0.phase = .playing(bo(expected), playing())
            }
        }
        store.send(.command(.lineDown))
        store.send(.command(.top)) { $0.settingsScreen = SettingsScreen(selection: .timers) }
        store.send(.command(.bottom)) { $0.settingsScreen = SettingsScreen(selection: .mouse) }
        #expect(
            settings
                == LearnerSettings(
                    timers: .normal, idleWarning: .twoMinutes, idleBell: true, linear: true, highContrast: true, language: .da, mouse: false))
        // The language steps through the workstation's, Danish and English.
        #expect(LearnerSettings.defaults.changing(.language, forward: true).language == .da)
        #expect(LearnerSettings.defaults.changing(.language, forward: false).language == .en)
        #expect(LearnerSettings.defaults.changing(.idleWarning, forward: false).idleWarning == .twoMinutes)
    }

    @Test("a failed save is said on the screen until the next change; the setting still applies")
    func saveFailed() {
        var state = onMenu()
        state.settingsScreen = SettingsScreen()
        var store = SessionTestStore(state)
        store.send(.settingsSaveFailed(message: "profile.json: permission denied")) {
            $0.settingsScreen = SettingsScreen(notice: .saveFailed(message: "profile.json: permission denied"))
        }
        let double = LearnerSettings(timers: .double)
        store.send(.command(.right), effects: [.saveSettings(learnerID: "bo", double)]) {
            $0.settingsScreen = SettingsScreen()
            $0.phase = .playing(bo(double), playing(scale: 2))
        }
    }

    @Test("o means nothing in a unit, closes help as any key, and does nothing in preview")
    func notEverywhere() {
        var state = onMenu()
        guard case .playing(let learner, var player) = state.phase else { return }
        player.helpVisible = true
        state.phase = .playing(learner, player)
        var store = SessionTestStore(state)
        store.send(.openSettings) { $0.phase = .playing(Self.bo, playing()) }
        var preview = session(SessionConfiguration(idleLockSeconds: nil, preview: true))
        preview.phase = .playing(LearnerSummary(id: "preview", displayName: ""), playing())
        store = SessionTestStore(preview)
        store.send(.openSettings)
        #expect(store.state.learnerSettings == nil)
        var start = session()
        start.phase = .start(StartScreen(learners: [Self.bo], mode: .list(selection: 0)))
        store = SessionTestStore(start)
        store.send(.openSettings)
    }

    @Test("from the catalogue too; q in the settings quits, s signs out")
    func catalogueAndLeaving() {
        var state = session()
        state.phase = .catalogue(Self.bo, CatalogueScreen())
        var store = SessionTestStore(state)
        store.send(.openSettings) { $0.settingsScreen = SettingsScreen() }
        store.send(.command(.bottom)) { $0.settingsScreen = SettingsScreen(selection: .mouse) }
        let noMouse = LearnerSettings(mouse: false)
        store.send(.command(.open), effects: [.saveSettings(learnerID: "bo", noMouse)]) {
            $0.phase = .catalogue(bo(noMouse), CatalogueScreen())
        }
        store.send(.command(.quit), effects: [.quit]) {
            $0.settingsScreen = nil
            $0.isQuitting = true
        }
        var menu = onMenu()
        menu.settingsScreen = SettingsScreen()
        store = SessionTestStore(menu)
        store.send(
            .switchLearner,
            effects: [.closeLearner(.empty, events: [LearningEvent(at: Self.t0, .sessionEnded(session: 1, seconds: 0))]), .loadLearners]
        ) {
            $0.settingsScreen = nil
            $0.phase = .start(StartScreen(mode: .list(selection: 0), notice: .signedOut(name: "Bo")))
        }
    }

    @Test("the learner's settings apply at sign-in: timers off stop scenario timers; --plain stops them whatever the setting")
    func atSignIn() {
        let off = bo(LearnerSettings(timers: .off))
        var state = session()
        state.phase = .start(StartScreen(learners: [off], mode: .opening(off)))
        var store = SessionTestStore(state)
        store.send(.learnerOpened(off, .empty), effects: [began()]) {
            $0.phase = .playing(off, begun(timers: false))
        }
        #expect(store.state.learnerSettings?.timers == .off)
        var plain = SessionConfiguration(idleLockSeconds: 600)
        plain.plain = true
        state = session(plain)
        state.phase = .start(StartScreen(learners: [Self.bo], mode: .opening(Self.bo)))
        store = SessionTestStore(state)
        store.send(.learnerOpened(Self.bo, .empty), effects: [began()]) {
            $0.phase = .playing(Self.bo, begun(timers: false))
        }
    }

    func begun(timers: Bool) -> PlayerState {
        var player = playing(timers: timers)
        player.progress.sessions = 1
        player.sessionStartedAt = Self.t0
        player.saveStatus = .pending
        return player
    }

    func began() -> SessionEffect {
        var saved = LearnerProgress.empty
        saved.sessions = 1
        return .player(.saveProgress(saved, events: [LearningEvent(at: Self.t0, .sessionLaunched(session: 1))]))
    }

    @Test("decoding never fails: a damaged value becomes its default, the others stay")
    func decoding() throws {
        let decoder = JSONDecoder()
        let full = #"{"timers":"quadruple","idleWarning":120,"idleBell":true,"linear":true,"highContrast":true,"language":"en","mouse":false}"#
        #expect(
            try decoder.decode(LearnerSettings.self, from: Data(full.utf8))
                == LearnerSettings(
                    timers: .quadruple, idleWarning: .twoMinutes, idleBell: true, linear: true, highContrast: true, language: .en, mouse: false))
        let damaged = #"{"timers":"triple","idleWarning":"soon","idleBell":1,"linear":true,"language":"de","mouse":null}"#
        #expect(try decoder.decode(LearnerSettings.self, from: Data(damaged.utf8)) == LearnerSettings(linear: true))
        #expect(try decoder.decode(LearnerSettings.self, from: Data("{}".utf8)) == .defaults)
        #expect(try decoder.decode([LearnerSettings].self, from: Data(#"["loud", 3, []]"#.utf8)) == [.defaults, .defaults, .defaults])
        let encoded = try JSONEncoder().encode(LearnerSettings(timers: .off, idleWarning: .twoMinutes, language: .workstation))
        #expect(try decoder.decode(LearnerSettings.self, from: encoded) == LearnerSettings(timers: .off, idleWarning: .twoMinutes))
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""language":"default""#))
        #expect(TimerSetting.allCases.map(\.scale) == [1, 2, 4, nil])
    }
}
