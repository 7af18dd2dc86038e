import Foundation
import KursusCourse

/// The call screen's state: the run plus what only the screen needs (the option
/// cursor, the conversation's scroll, the full transcript, the debrief and the retry
/// picker, the response timer and when the current choice appeared).
public struct ScenarioSession: Codable, Hashable, Sendable {
    public enum Mode: Codable, Hashable, Sendable {
        /// In the call, choosing.
        case call
        /// The run has just reached an ending (or got stuck): the call stays on screen with
        /// its last lines (a measurement, a closing narration) until the learner goes on to
        /// the debrief. The outcome is already recorded.
        case ended
        /// The debrief is shown.
        case debrief
        /// Picking the choice point to retry from; the cursor is a path index.
        case pickRetry(cursor: Int)
    }

    /// A key pressed this soon after a new choice appears does not answer it, so a double
    /// Enter cannot skip a decision.
    public static let answerGuardMilliseconds: Int64 = 300

    public var run: ScenarioRun
    /// Index into the options offered now (not into all options).
    public var cursor: Int
    /// The conversation box on the call screen.
    public var conversation: ConversationScroll
    /// The full transcript (`t`) covers the call screen while this is true.
    public var transcriptOpen: Bool
    /// The full transcript's scroll.
    public var transcript: ConversationScroll
    /// Transcript entries (and the stuck line) when the conversation was last measured, to
    /// tell lines added at the end from the same lines laid out at another width.
    public var measuredEntries: Int
    public var mode: Mode
    /// Response timers run this many times their written seconds (1 normal, 2 or 4 for more
    /// time); nil turns them off. See `UnitContext.timerScale`.
    public var timerScale: Int?
    /// Seconds spent at the current choice (for the response timer).
    public var choiceSeconds: Int
    /// When the current choice appeared, in milliseconds since 1970; nil when unknown.
    public var choiceShownAt: Int64?
    /// How far the debrief is scrolled, and its length as the screen last measured it.
    public var debrief: ScrollPosition
    /// Rows the debrief had when it was last measured.
    public var debriefRows: Int

    public init(run: ScenarioRun, timerScale: Int? = 1) {
        self.run = run
        cursor = 0
        conversation = ConversationScroll()
        transcriptOpen = false
        transcript = ConversationScroll()
        measuredEntries = 0
        mode = run.isWaiting ? .call : .debrief
        self.timerScale = timerScale.map { max(1, $0) }
        choiceSeconds = 0
        choiceShownAt = nil
        debrief = ScrollPosition()
        debriefRows = 1
    }

    /// A session for a new run of `scenario`.
    public static func start(_ scenario: Scenario, seed: UInt64, timerScale: Int? = 1) -> ScenarioSession {
        ScenarioSession(run: ScenarioMachine.start(scenario, seed: seed), timerScale: timerScale)
    }

    /// The response timer's length here, scaled; nil when there is none or timers are off.
    public func timerSeconds(_ scenario: Scenario) -> Int? {
        guard let timerScale, let timer = ScenarioMachine.timer(run, scenario) else { return nil }
        let (scaled, overflow) = timer.seconds.multipliedReportingOverflow(by: timerScale)
        return overflow ? Int.max : scaled
    }

    /// Seconds left on the response timer, nil when there is none or timers are off.
    public func secondsLeft(_ scenario: Scenario) -> Int? {
        guard mode == .call, let seconds = timerSeconds(scenario) else { return nil }
        return max(0, seconds - choiceSeconds)
    }

    /// The scroll the learner moves now: the full transcript when it is open, else the
    /// conversation box.
    public var activeScroll: ConversationScroll {
        get { transcriptOpen ? transcript : conversation }
        set {
            if transcriptOpen { transcript = newValue } else { conversation = newValue }
        }
    }

    /// Milliseconds since 1970 for a time (the clock the answer guard compares).
    public static func milliseconds(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        guard value.isFinite, value > Double(Int64.min), value < Double(Int64.max) else { return 0 }
        return Int64(value)
    }
}

/// What the learner does on the call and debrief screens (already mapped from keys).
public enum ScenarioInput: Hashable, Sendable {
    /// The option cursor (the debrief and the full transcript: one line).
    case up, down
    /// A number key: moves the cursor to offered option `n` (1-based); Enter confirms.
    case choose(Int)
    case confirm
    case back
    /// Opens or closes the full transcript.
    case toggleTranscript
    /// Scrolls the conversation (the transcript when open, or the debrief) by lines;
    /// negative is towards older lines.
    case scroll(Int)
    /// Scrolls by pages (a page is the box's height less one line).
    case page(Int)
    /// The first line, or the newest (the debrief: its end).
    case top, bottom
    /// From the debrief: a new run from the start (same seed, so random branches repeat).
    case retry
    /// From the debrief: open the picker of choice points to retry from.
    case pickRetryPoint
    /// Wall-clock seconds passed (the runtime sends these about once a second).
    case tick(Int)
    /// The debrief's length as the screen measured it, and the rows it has, so scrolling
    /// stops at its end.
    case debriefMeasured(lines: Int, rows: Int)
    /// The conversation's length in wrapped lines as the screen measured it, and the rows
    /// of its box (of the full transcript when it is open).
    case conversationMeasured(lines: Int, rows: Int)
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
