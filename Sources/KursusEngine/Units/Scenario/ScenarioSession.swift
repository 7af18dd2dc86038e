import KursusCourse

/// The call screen's state: the run plus what only the screen needs (the option
/// cursor, the transcript's scroll and visibility, the debrief and the retry picker).
public struct ScenarioSession: Codable, Hashable, Sendable {
    public enum Mode: Codable, Hashable, Sendable {
        /// In the call, choosing.
        case call
        /// The run is finished (or stuck): the debrief is shown.
        case debrief
        /// Picking the choice point to retry from; the cursor is a path index.
        case pickRetry(cursor: Int)
    }

    public var run: ScenarioRun
    /// Index into the options offered now (not into all options).
    public var cursor: Int
    /// Transcript lines scrolled up from the newest (0 shows the newest).
    public var transcriptScroll: Int
    public var showTranscript: Bool
    public var mode: Mode
    /// Response timers count only when enabled (off in plain/accessible mode).
    public var timersEnabled: Bool
    /// Seconds spent at the current choice (for the response timer).
    public var choiceSeconds: Int
    /// How far the debrief is scrolled, and its length as the screen last measured it.
    public var debrief: ScrollPosition
    /// Rows the debrief had when it was last measured.
    public var debriefRows: Int

    public init(run: ScenarioRun, timersEnabled: Bool = true) {
        self.run = run
        cursor = 0
        transcriptScroll = 0
        showTranscript = true
        mode = run.isWaiting ? .call : .debrief
        self.timersEnabled = timersEnabled
        choiceSeconds = 0
        debrief = ScrollPosition()
        debriefRows = 1
    }

    /// A session for a new run of `scenario`.
    public static func start(_ scenario: Scenario, seed: UInt64, timersEnabled: Bool = true) -> ScenarioSession {
        ScenarioSession(run: ScenarioMachine.start(scenario, seed: seed), timersEnabled: timersEnabled)
    }

    /// Seconds left on the response timer, nil when there is none or timers are off.
    public func secondsLeft(_ scenario: Scenario) -> Int? {
        guard timersEnabled, mode == .call, let timer = ScenarioMachine.timer(run, scenario) else { return nil }
        return max(0, timer.seconds - choiceSeconds)
    }
}

/// What the learner does on the call and debrief screens (already mapped from keys).
public enum ScenarioInput: Hashable, Sendable {
    case up, down
    /// A number key: moves the cursor to offered option `n` (1-based); Enter confirms.
    case choose(Int)
    case confirm
    case back
    case toggleTranscript
    /// Scrolls the transcript (or the debrief) by lines; negative is towards older lines.
    case scroll(Int)
    /// From the debrief: a new run from the start (same seed, so random branches repeat).
    case retry
    /// From the debrief: open the picker of choice points to retry from.
    case pickRetryPoint
    /// Wall-clock seconds passed (the runtime sends these about once a second).
    case tick(Int)
    /// The debrief's length as the screen measured it, and the rows it has, so scrolling
    /// stops at its end.
    case debriefMeasured(lines: Int, rows: Int)
}

/// Requests to the player; the session itself does no I/O.
public enum ScenarioSessionEffect: Hashable, Sendable {
    /// The run reached an ending: record the outcome (pass/fail) and save.
    case runFinished(ScenarioRun)
    /// The run changed (a choice, a retry): save it so an interrupted run resumes.
    case progressChanged(ScenarioRun)
    /// The learner leaves the scenario (the run is kept as it is).
    case leave
}
