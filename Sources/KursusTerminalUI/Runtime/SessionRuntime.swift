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
    }

    public private(set) var state: SessionState
    private var package: CoursePackage
    private let backend: TerminalBackend
    private let services: SessionServices
    private let context: ScreenContext
    private let watcher: PackageWatcher?
    private let clock: () -> Date
    private var lesson: RenderedLesson?
    private var lessonBody: (unitID: String, text: String)?
    private var lastGrid: Grid?
    /// Portraits of the scenario on screen, by participant id.
    private var portraits: [String: [String]] = [:]
    /// The highest score each scenario can reach (nil when the search did not finish),
    /// found the first time its debrief is shown.
    private var maximumScores: [String: Int?] = [:]
    /// What the page or debrief on screen was last measured at, so it is measured again
    /// only when that changes (not on every redraw).
    private var measuredPage: (unitID: String, phase: QuizPhase, columns: Int)?
    private var measuredDebrief: (columns: Int, rows: Int, run: ScenarioRun)?
    private let assets: URL?
    private var finished = false
    public static let pollMilliseconds = 200

    public init(
        package: CoursePackage, configuration: SessionConfiguration, backend: TerminalBackend, services: SessionServices,
        context: ScreenContext, watcher: PackageWatcher? = nil, assets: URL? = nil, clock: @escaping () -> Date = Date.init
    ) {
        self.assets = assets
        self.package = package
        self.backend = backend
        self.services = services
        self.context = context
        self.watcher = watcher
        self.clock = clock
        let (columns, rows) = backend.size()
        state = SessionState(course: package.course, configuration: configuration, viewport: ScreenRenderer.viewport(columns: columns, rows: rows))
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
            handle(backend.read(timeout: Self.pollMilliseconds))
        }
        if !finished, let progress = state.player?.progress, !state.configuration.preview {
            services.closeLearner(progress)
        }
        return outcome
    }

    /// One turn of the loop without input: save results, the watched package, the clock, the screen.
    public func step() {
        for result in services.takeSaveOutcomes() { send(.player(.saveFinished(result))) }
        if let watcher, let change = watcher.poll() { reload(change) }
        send(.tick(clock()))
        draw()
    }

    /// One input, as the loop handles it. Public for tests that drive the runtime.
    public func handle(_ input: TerminalInput) {
        switch KeyMap.event(for: input, mode: state.inputMode) {
        case .event(let event): send(event)
        case .resize: resized()
        case .suspend:
            backend.suspend()
            lastGrid = nil
            resized()
        case .ignored: break
        }
    }

    private func resized() {
        let (columns, rows) = backend.size()
        lastGrid = nil
        send(.resized(ScreenRenderer.viewport(columns: columns, rows: rows)))
    }

    public func send(_ event: SessionEvent) {
        let effects = SessionReducer.reduce(&state, event)
        for effect in effects { perform(effect) }
    }

    /// Draws when the screen would change; the clock alone does not cause a redraw.
    public func draw() {
        let (columns, rows) = backend.size()
        let grid = ScreenRenderer.render(state, lesson: lesson, portraits: portraits, maximumScore: maximumScore(), context: context, columns: columns, rows: rows)
        guard grid != lastGrid else { return }
        backend.draw(grid)
        lastGrid = grid
        measurePage(columns: columns)
        measureDebrief(columns: columns, rows: rows)
    }

    /// The highest reachable score of the scenario whose debrief is on screen. The search
    /// runs once per scenario, when its debrief first shows, and only for scenarios of
    /// ordinary size: a huge one's debrief shows the score alone rather than keep the
    /// learner waiting.
    private func maximumScore() -> Int? {
        guard let play = state.player?.scenarioPlay, let scenario = play.scenario, let session = play.session, session.mode != .call else { return nil }
        if let known = maximumScores[play.unitID] { return known }
        let maximum = scenario.nodes.count <= 2000 ? ScenarioValidator.scoreRange(scenario).flatMap { $0.complete ? $0.maximum : nil } : nil
        maximumScores[play.unitID] = maximum
        return maximum
    }

    /// Tells the scenario how long its debrief is at this size, so scrolling stops at the end.
    private func measureDebrief(columns: Int, rows: Int) {
        guard let player = state.player, let play = player.scenarioPlay, let session = play.session,
              let scenario = play.scenario, session.mode != .call
        else { return }
        if let last = measuredDebrief, last.columns == columns, last.rows == rows, last.run == session.run { return }
        measuredDebrief = (columns, rows, session.run)
        let input = ScenarioDebriefScreen.layout(session, scenario: scenario, context: context, columns: columns, rows: rows)
        if case .debriefLaidOut(let lines, let body) = input, max(0, lines - max(1, body)) != session.debriefMaximumScroll {
            send(.player(.scenarioInput(input)))
        }
    }

    private func loadScenario(_ unitID: String) {
        guard let unit = package.course.unit(withID: unitID) else {
            send(.player(.scenarioFailed(unitID: unitID, message: unitID)))
            return
        }
        do {
            let scenario = try package.scenario(unit)
            portraits = assets.map { ScenarioPortraits.loadAll(for: scenario, packageRoot: package.paths.root, assets: $0).portraits } ?? [:]
            measuredDebrief = nil
            send(.player(.scenarioLoaded(unitID: unitID, scenario)))
        } catch {
            send(.player(.scenarioFailed(unitID: unitID, message: error.diagnostics.errors.first?.description ?? "\(error)")))
        }
    }

    /// Tells the engine how long the quiz page on screen is, so scrolling stops at its end.
    private func measurePage(columns: Int) {
        guard let player = state.player, let play = player.quizPlay, play.phase != .question else { return }
        if let last = measuredPage, last.unitID == play.unitID, last.phase == play.phase, last.columns == columns, play.pageLines != nil { return }
        measuredPage = (play.unitID, play.phase, columns)
        if let lines = QuizScreen.pageLines(player, context, columns: columns), lines != play.pageLines {
            send(.player(.pageMeasured(lines: lines)))
        }
    }

    private func loadQuiz(_ unitID: String) {
        guard let unit = package.course.unit(withID: unitID) else {
            send(.player(.quizFailed(unitID: unitID, message: unitID)))
            return
        }
        do {
            let quiz = try package.quiz(unit)
            send(.player(.quizLoaded(unitID: unitID, quiz)))
        } catch {
            send(.player(.quizFailed(unitID: unitID, message: error.description)))
        }
    }

    private func perform(_ effect: SessionEffect) {
        switch effect {
        case .loadLearners:
            switch services.loadLearners() {
            case .success(let learners): send(.learnersLoaded(learners))
            case .failure(let failure): send(.learnersFailed(message: failure.message))
            }
        case let .verifyPIN(learnerID, pin):
            switch services.verifyPIN(learnerID: learnerID, pin: pin) {
            case .success(let result): send(.pinChecked(learnerID: learnerID, result))
            case .failure(let failure): send(.learnerOpenFailed(learnerID: learnerID, .failed(message: failure.message)))
            }
        case .createLearner(let request):
            switch services.createLearner(request) {
            case .success(let learner): send(.learnerCreated(learner))
            case .failure(let failure): send(.learnerCreateFailed(message: failure.message))
            }
        case .openLearner(let learner):
            switch services.openLearner(learner) {
            case .success(let progress):
                send(.learnerOpened(learner, progress))
                for notice in services.takeNotices() { send(.player(.inform(notice))) }
            case .failure(let failure): send(.learnerOpenFailed(learnerID: learner.id, failure))
            }
        case .closeLearner(let progress):
            services.closeLearner(progress)
            lesson = nil
            lessonBody = nil
        case .player(.saveProgress(let progress)):
            services.save(progress)
        case let .player(.layoutLesson(unitID, columns)):
            layOut(unitID: unitID, columns: columns)
        case .player(.loadQuiz(let unitID)):
            loadQuiz(unitID)
        case .player(.loadScenario(let unitID)):
            loadScenario(unitID)
        case .player(.quit):
            break
        case .quit:
            finished = true
        }
    }

    private func reload(_ change: PackageWatcher.Change) {
        switch change {
        case .reloaded(let newPackage):
            package = newPackage
            lesson = nil
            lessonBody = nil
            maximumScores = [:]
            measuredPage = nil
            measuredDebrief = nil
            send(.player(.courseReloaded(newPackage.course)))
        case .failed(let message):
            send(.player(.courseReloadFailed(message: message)))
        }
    }

    private func layOut(unitID: String, columns: Int) {
        guard let unit = package.course.unit(withID: unitID) else {
            send(.player(.lessonFailed(unitID: unitID, message: unitID)))
            return
        }
        let width = ReaderScreen.textWidth(forColumns: columns)
        if let lesson, lesson.unitID == unitID, lesson.width == width {
            send(.player(.lessonLaidOut(unitID: unitID, width: columns, lineCount: lesson.lines.count)))
            return
        }
        let body: String
        if let cached = lessonBody, cached.unitID == unitID {
            body = cached.text
        } else {
            do {
                body = try package.lesson(unit).body
                lessonBody = (unitID, body)
            } catch {
                send(.player(.lessonFailed(unitID: unitID, message: error.description)))
                return
            }
        }
        let document = MarkdownLayout.layout(body, options: MarkdownLayoutOptions(width: width, symbols: context.markdownSymbols))
        lesson = RenderedLesson(unitID: unitID, width: width, lines: document.lines)
        send(.player(.lessonLaidOut(unitID: unitID, width: columns, lineCount: document.lines.count)))
    }
}
