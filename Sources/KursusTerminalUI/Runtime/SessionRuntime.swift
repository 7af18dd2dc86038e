import Foundation
import KursusCourse
import KursusEngine
import KursusMarkdown

/// Runs the player: feeds terminal input, the clock and signals to the pure session
/// reducer as events, carries out the effects it asks for through `SessionServices`, and
/// draws every new state through the in-memory grid.
public final class SessionRuntime {
    public enum Outcome: Equatable {
        case quit
        /// Ended by a termination signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) after saving.
        case signal(Int32)
        /// The signed-in learner's settings ask for the linear mode: the learner is still
        /// open, and the caller goes on in `LinearRuntime(resuming: state, …)`.
        case linear
    }

    public private(set) var state: SessionState
    private let backend: TerminalBackend
    private let services: SessionServices
    private let context: ScreenContext
    private let watcher: PackageWatcher?
    private let clock: () -> Date
    private let assets: AssetCatalog?
    /// The course being played, as loaded (every language); `views` show one language of it.
    private var coursePackage: CoursePackage
    /// The content language chosen at start (`--lang`, the locale): the one played for a
    /// learner whose language setting is the workstation's.
    private let workstationLanguage: String
    /// Every unit kind's view, with its caches; made anew when the package is reloaded.
    private var views: UnitViews
    private var lastGrid: Grid?
    private var finished = false
    public static let pollMilliseconds = 200
    /// For benchmarks: quit (saving, as `q` does) as soon as the course menu has been
    /// drawn, so that a script can time a start up to its first frame. The CLI sets it
    /// from `KURSUS_EXIT_AFTER_FIRST_FRAME=1`.
    public var quitsAfterMenuDrawn = false

    public init(
        package: CoursePackage, configuration: SessionConfiguration, backend: TerminalBackend, services: SessionServices,
        context: ScreenContext, watcher: PackageWatcher? = nil, assets: AssetCatalog? = nil, clock: @escaping () -> Date = Date.init
    ) {
        self.assets = assets
        self.backend = backend
        self.services = services
        self.context = context
        self.watcher = watcher
        self.clock = clock
        views = UnitViews(package: package, assets: assets)
        coursePackage = package
        workstationLanguage = package.language
        let (columns, rows) = backend.size()
        state = SessionState(
            content: CourseContent(package), configuration: configuration, viewport: ScreenRenderer.viewport(columns: columns, rows: rows))
    }

    /// Runs until the learner quits or a termination signal arrives. Progress is on disk
    /// (or its failure reported) before this returns; the caller restores the terminal.
    public func run() -> Outcome {
        var outcome = Outcome.quit
        send(.started(state.viewport, now: clock()))
        while !finished {
            if let signal = SignalWatcher.take() {
                outcome = .signal(signal)
                send(.command(.quit))
                break
            }
            step()
            if quitsAfterMenuDrawn, lastGrid != nil, case .playing(_, let player) = state.phase, player.screen == .menu {
                send(.command(.quit))
                continue
            }
            if handsOverToLinear {
                outcome = .linear
                break
            }
            handle(backend.read(timeout: Self.pollMilliseconds))
        }
        if !finished, outcome != .linear, var player = state.player, !state.configuration.preview {
            services.closeLearner(player.progress, events: player.endSession())
        }
        return outcome
    }

    /// Whether to hand the session to the linear mode now: a learner whose settings ask for
    /// it is at the course menu or the catalogue (at sign-in, or on closing the settings
    /// screen after turning it on), never in the middle of a unit or the settings.
    var handsOverToLinear: Bool {
        guard state.learnerSettings?.linear == true, state.settingsScreen == nil, !state.configuration.preview else { return false }
        switch state.phase {
        case .playing(_, let player): return player.screen == .menu
        case .catalogue: return true
        case .start: return false
        }
    }

    /// One turn of the loop without input: save results, the watched package, the clock, the screen.
    public func step() {
        for result in services.takeSaveOutcomes() { send(.player(.saveFinished(result))) }
        if let player = state.player, case let records = services.recordsStatus(), records != player.records {
            send(.player(.recordsStatus(records)))
        }
        if let watcher, let change = watcher.poll() { reload(change) }
        send(.tick(clock()))
        draw()
    }

    /// One input, as the loop handles it. Public for tests that drive the runtime.
    public func handle(_ input: TerminalInput) {
        if case .mouse(let mouse) = input {
            // Hit-tested against what the learner sees: the grid last drawn.
            for event in MouseRouting.events(for: mouse, in: lastGrid) { send(event) }
            return
        }
        switch KeyMap.event(for: input, mode: state.inputMode) {
        case .event(let event):
            // The clock first, so the key is handled at its own time (to the millisecond,
            // not the last poll's): a scenario ignores a key pressed just after a new choice.
            send(.tick(clock()))
            send(event)
        case .resize: resized()
        case .suspend:
            backend.suspend()
            lastGrid = nil
            resized()
        case .ignored: break
        }
    }

    /// Turns mouse reports on or off, for the learner's "mouse off" setting.
    public func setMouse(enabled: Bool) {
        backend.setMouse(enabled: enabled)
    }

    private func resized() {
        let (columns, rows) = backend.size()
        lastGrid = nil
        send(.resized(ScreenRenderer.viewport(columns: columns, rows: rows)))
    }

    public func send(_ event: SessionEvent) {
        let effects = SessionReducer.reduce(&state, event)
        followMouseSetting()
        followLanguageSetting()
        for effect in effects { perform(effect) }
    }

    /// Whether mouse reports are on: the signed-in learner's setting (on for the start
    /// screen and for learners who never changed it).
    private var mouseOn = true

    /// Plays the course in the signed-in learner's language when it has it (ids, and so
    /// progress, are shared by every language); nothing is read again.
    private func followLanguageSetting() {
        guard case .playing = state.phase else { return }
        let wanted = state.learnerSettings?.language.code ?? workstationLanguage
        let language = coursePackage.course.playableLanguage(wanted)
        guard language != state.content.course.contentLanguage else { return }
        let switched = coursePackage.inLanguage(language)
        views = UnitViews(package: switched, assets: assets)
        services.switchContentLanguage(CourseContent(switched))
        send(.player(.languageChanged(CourseContent(switched))))
    }

    /// Turns mouse reports off or on when the learner's setting (or the learner) changes.
    private func followMouseSetting() {
        let wanted = state.learnerSettings?.mouse ?? true
        guard wanted != mouseOn else { return }
        mouseOn = wanted
        setMouse(enabled: wanted)
    }

    /// Draws when the screen would change (the clock alone does not cause a redraw),
    /// then lets the unit on screen report its content's length, which may change the
    /// state and so the next frame.
    public func draw() {
        let (columns, rows) = backend.size()
        // A measurement changes what is drawn at most once more (a bounded loop, so a
        // unit that ignored its measurement could not spin here).
        for _ in 0..<3 {
            let grid = ScreenRenderer.render(state, views: views, context: context, columns: columns, rows: rows)
            if grid != lastGrid {
                backend.draw(grid)
                lastGrid = grid
            }
            guard case .playing(let learner, let player) = state.phase,
                let event = views.measure(player, ScreenRenderer.playerContext(state, learner, context), columns: columns, rows: rows)
            else { return }
            send(.player(event))
        }
    }

    private func perform(_ effect: SessionEffect) {
        switch SessionEffects.perform(effect, services, send: send) {
        case .done:
            break
        case .courseOpened(let package):
            coursePackage = package
            views = UnitViews(package: package, assets: assets)
            send(.courseLoaded(CourseContent(package)))
        case .ringBell:
            (backend as? TerminalBell)?.bell()
        case .quit:
            finished = true
        }
    }

    private func reload(_ change: PackageWatcher.Change) {
        switch change {
        case .reloaded(let newPackage):
            coursePackage = newPackage
            views = UnitViews(package: newPackage, assets: assets)
            send(.player(.courseReloaded(CourseContent(newPackage))))
        case .failed(let problems):
            send(.player(.courseReloadFailed(problems)))
        }
    }
}
