import Foundation
import KursusCourse
import KursusEngine

/// The linear mode for screen readers and braille displays: the same session engine as
/// the full screen (`SessionReducer`, the same events, effects and services), shown as
/// lines written in order, as a chat is. Nothing is drawn in boxes, the cursor never
/// jumps and nothing already said is written again; after each event only what is new
/// is printed (`LinearPrinter`), and each typed line becomes events (`LinearCommands`).
///
/// Scenario response timers are always off here (WCAG 2.2.1, timing adjustable): a
/// screen-reader user needs the time to hear the conversation and the options read out.
public final class LinearRuntime {
    public private(set) var state: SessionState
    private let terminal: LinearTerminal
    private let services: SessionServices
    private let clock: () -> Date
    private let watcher: PackageWatcher?
    private var printer: LinearPrinter
    private var finished = false
    private var resumed: Bool
    /// The clock's resolution in the loop: how long one wait for a line lasts.
    public static let pollMilliseconds = 1000
    /// The most characters of one typed line that are read.
    public static let longestLine = 4000

    /// A new session, from the start screen (or straight into preview).
    public init(
        package: CoursePackage, configuration: SessionConfiguration, terminal: LinearTerminal, services: SessionServices,
        context: ScreenContext, watcher: PackageWatcher? = nil, clock: @escaping () -> Date = Date.init
    ) {
        self.watcher = watcher
        var configuration = configuration
        configuration.plain = true
        configuration.linear = true
        let layout = LinearLayout(terminal.size())
        self.terminal = terminal
        self.services = services
        self.clock = clock
        printer = LinearPrinter(package: package, context: context, layout: layout)
        state = SessionState(content: CourseContent(package), configuration: configuration, viewport: layout.viewport)
        resumed = false
    }

    /// Goes on from a session the full-screen player was showing (a learner already signed
    /// in, a unit perhaps open): the hand-over when a learner turns the linear mode on.
    /// Response timers stop; the learner stays open in the same services. `package` is
    /// the one the session was started with; when the learner has since chosen another
    /// course in the catalogue, its package is opened again through the services.
    public init(
        resuming session: SessionState, package: CoursePackage, terminal: LinearTerminal, services: SessionServices, context: ScreenContext,
        clock: @escaping () -> Date = Date.init
    ) {
        let layout = LinearLayout(terminal.size())
        watcher = nil
        var session = session
        session.configuration.plain = true
        session.configuration.linear = true
        if case .playing(let learner, var player) = session.phase {
            player.timerScale = nil
            player.answerGuard = false
            if case .unit(.scenario(var scenario)) = player.screen {
                scenario.session.timerScale = nil
                player.screen = .unit(.scenario(scenario))
            }
            session.phase = .playing(learner, player)
        }
        self.terminal = terminal
        self.services = services
        self.clock = clock
        var package = package
        if package.course.id != session.course.id, case .success(let chosen) = services.openCourse(session.course.id) { package = chosen }
        printer = LinearPrinter(package: package, context: context, layout: layout)
        state = session
        resumed = true
    }

    /// Runs until the learner quits, the input ends or a termination signal arrives.
    /// Progress is on disk (or its failure reported) before this returns.
    public func run(note: String? = nil) -> SessionRuntime.Outcome {
        var outcome = SessionRuntime.Outcome.quit
        if let note { terminal.write(printer.line(note)) }
        terminal.write(printer.welcome(state))
        if resumed {
            send(.resized(printer.layout.viewport))
        } else {
            send(.started(printer.layout.viewport, now: clock()))
        }
        while !finished {
            if let signal = SignalWatcher.take() {
                // Ctrl-C while saving fails opens the quit warning first, as `q` does
                // (a second Ctrl-C there quits anyway).
                if signal == SIGINT, let player = state.player, player.savesFailing, player.quitWarning == nil {
                    send(.command(.quit))
                    flush(prompt: true)
                    continue
                }
                outcome = .signal(signal)
                send(.command(.quit))
                break
            }
            step()
            guard !finished else { break }
            switch terminal.readLine(timeout: Self.pollMilliseconds, secret: printer.expectsSecret(state)) {
            case .timeout: break
            case .end: send(.command(.quit))
            case .line(let line): handle(line)
            }
        }
        if !finished, var player = state.player, !state.configuration.preview {
            services.closeLearner(player.progress, events: player.endSession())
        }
        terminal.write(printer.goodbye(state))
        terminal.shutdown()
        return outcome
    }

    /// One turn of the loop without input: save results, the clock, the idle lock's warning, new text.
    public func step() {
        for result in services.takeSaveOutcomes() { send(.player(.saveFinished(result))) }
        if let player = state.player, case let records = services.recordsStatus(), records != player.records {
            send(.player(.recordsStatus(records)))
        }
        if let watcher, let change = watcher.poll() {
            switch change {
            case .reloaded(let package):
                printer.replacePackage(package)
                send(.player(.courseReloaded(CourseContent(package))))
            case .failed(let problems):
                send(.player(.courseReloadFailed(problems)))
            }
        }
        let now = clock()
        if let text = printer.idleNotice(state, now: now) { terminal.write(text) }
        send(.tick(now))
        flush(prompt: false)
    }

    /// One typed line: the events it stands for, then what is new.
    public func handle(_ typed: String) {
        // No answer or name is this long; a pasted book is cut, not typed key by key.
        let line = String(typed.prefix(Self.longestLine))
        // Lines from a script are not echoed by a terminal: show what was answered, so
        // the output reads as a dialogue. A PIN is never shown.
        if !terminal.echoesTypedLines, !printer.expectsSecret(state) { terminal.write(printer.echo(line)) }
        let reply = LinearCommands.events(for: line, state: state, printer: printer)
        if let text = reply.text { terminal.write(printer.lines(text)) }
        if !reply.events.isEmpty { printer.inputSent() }
        // A line that changes nothing still shows the learner is here (the idle lock).
        let events = reply.events.isEmpty ? [SessionEvent.command(.other)] : reply.events
        for event in events {
            send(event)
            measure()
        }
        flush(prompt: !finished && !state.isQuitting)
    }

    public func send(_ event: SessionEvent) {
        let effects = SessionReducer.reduce(&state, event)
        for effect in effects { perform(effect) }
    }

    /// Prints what is new since the last time; with `prompt`, the prompt again even when
    /// the screen stayed the same (the learner typed something and waits for an answer).
    private func flush(prompt: Bool) {
        measure()
        let text = printer.render(state, repeatPrompt: prompt)
        if !text.isEmpty { terminal.write(text) }
    }

    /// Tells the engine a lesson's length, as the full screen's views do after drawing.
    private func measure() {
        guard let event = printer.measure(state) else { return }
        send(.player(event))
    }

    private func perform(_ effect: SessionEffect) {
        switch SessionEffects.perform(effect, services, send: send) {
        case .done:
            break
        case .courseOpened(let package):
            printer.replacePackage(package)
            send(.courseLoaded(CourseContent(package)))
        case .ringBell:
            // The linear mode warns of the idle lock with a line of its own.
            break
        case .quit:
            finished = true
        }
    }
}

/// The size the linear mode writes for: the width lessons are wrapped to and the lines a
/// lesson page holds (the terminal's rows less two for the prompt, or 20 when unknown).
struct LinearLayout {
    var columns: Int
    var pageRows: Int

    init(_ size: (columns: Int, rows: Int)?) {
        columns = max(20, min(100, (size?.columns ?? 80) - 1))
        pageRows = max(5, (size?.rows ?? 22) - 2)
    }

    /// The engine's viewport: a page of lesson text is its body.
    var viewport: Viewport {
        Viewport(columns: columns, rows: pageRows + 4, bodyRows: pageRows)
    }
}
