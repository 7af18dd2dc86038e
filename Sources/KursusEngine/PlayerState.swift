import Foundation
import KursusCourse

/// The whole state of the player at one moment. Screens are drawn from this alone.
public struct PlayerState: Hashable, Sendable {
    /// The course and its parsed quizzes and scenarios.
    public private(set) var content: CourseContent
    public var progress: LearnerProgress
    public var screen: Screen
    /// Index into `course.allUnits` of the unit under the menu cursor.
    public var menuSelection: Int
    public var helpVisible: Bool
    /// An important message shown in a box until the next key (for example that damaged
    /// progress was restored from the backup).
    public var messageBox: String?
    public var viewport: Viewport
    public var saveStatus: SaveStatus
    /// Something the status line must tell the learner, until the next command.
    public var notice: Notice?
    public var isQuitting: Bool
    /// The time of the last clock tick; nil until the runtime has sent one (tests may leave it nil).
    public var now: Date?

    /// What each unit waits for; derived from the course and rebuilt when it changes.
    public private(set) var prerequisites: PrerequisiteGraph
    /// Trainer preview: every unit is open and nothing is recorded.
    public var unlockAll: Bool
    /// Fractions of a second of active time not yet added to a unit.
    public var activeCarry: Double
    /// Scenario response timers run this many times their written seconds (1 normal, 2
    /// or 4); nil turns them off (`--plain`). Reaches the scenario as `UnitContext.timerScale`.
    public var timerScale: Int?
    /// Whether a key within `ScenarioSession.answerGuardMilliseconds` of a new choice is
    /// ignored (a double Enter on the full screen); the linear mode reads deliberate typed
    /// lines and turns it off.
    public var answerGuard = true
    /// Scenario response timers run at all; setting it true keeps a scale already chosen.
    public var timersEnabled: Bool {
        get { timerScale != nil }
        set { timerScale = newValue ? (timerScale ?? 1) : nil }
    }
    /// Learning events not yet handed to a save (they go with the next `saveProgress`).
    public var unsavedEvents: [LearningEvent]
    /// When the learner's session in the course began.
    public var sessionStartedAt: Date?
    /// The learner's learning records on their way to the LRS; nil when no LRS is set up.
    public var records: RecordsStatus?
    /// Trainer preview `--watch`: the errors and warnings of the last change that could
    /// not be loaded (the course on screen is the one before it); empty once a change loads.
    public var problems: [Diagnostic]
    /// The list of `problems` on screen, from this entry down; nil when it is closed.
    public var problemsTop: Int?
    /// The learner asked to quit while saving is failing: the warning on screen; nil when closed.
    public var quitWarning: QuitWarning?
    /// The learner chose, in the quit warning, to leave the course another way than
    /// quitting (switch learner, the catalogue): the session does it and clears this.
    public var approvedLeave: QuitWarning.Leaving?

    public init(
        content: CourseContent, progress: LearnerProgress, viewport: Viewport = Viewport(columns: 80, rows: 24, bodyRows: 20), unlockAll: Bool = false
    ) {
        self.content = content
        self.prerequisites = PrerequisiteGraph(content.course)
        self.unlockAll = unlockAll
        self.activeCarry = 0
        self.timerScale = 1
        self.progress = progress
        self.screen = .menu
        self.menuSelection = 0
        self.helpVisible = false
        self.messageBox = nil
        self.viewport = viewport
        self.saveStatus = .idle
        self.notice = nil
        self.isQuitting = false
        self.now = nil
        self.unsavedEvents = []
        self.sessionStartedAt = nil
        self.records = nil
        self.problems = []
        self.problemsTop = nil
    }

    public init(
        course: Course, progress: LearnerProgress, viewport: Viewport = Viewport(columns: 80, rows: 24, bodyRows: 20), unlockAll: Bool = false
    ) {
        self.init(content: CourseContent(course: course), progress: progress, viewport: viewport, unlockAll: unlockAll)
    }

    public enum Screen: Hashable, Sendable {
        case menu
        /// A unit of any kind.
        case unit(UnitState)
    }

    public enum Notice: Hashable, Sendable {
        /// A unit could not be opened or shown: its kind (for the words) and the reason.
        case unitFailed(kind: UnitKind, message: String)
        /// The unit is locked; the first requirement not yet met.
        case locked(unitID: String, requirement: PrerequisiteGraph.Reason)
        /// The course was reloaded from disk (trainer preview with --watch).
        case reloaded
        /// The scenario file changed since the learner's run began; the run started over.
        case scenarioRestarted
    }

    public enum SaveStatus: Hashable, Sendable {
        case idle
        case pending
        case saved
        case failed(message: String)
    }

    public var course: Course { content.course }
    public var units: [CourseUnit] { content.course.allUnits }

    /// Replaces the course (after a reload), keeping progress and the menu cursor's unit.
    public mutating func replaceContent(_ newContent: CourseContent) {
        let selectedID = selectedUnit?.id
        content = newContent
        prerequisites = PrerequisiteGraph(newContent.course)
        menuSelection = selectedID.flatMap { id in units.firstIndex { $0.id == id } } ?? min(menuSelection, max(0, units.count - 1))
    }

    /// Choice screens take digits and space; typed answers take text. Help and message
    /// boxes take any key to close, so they read keys as commands.
    public var inputMode: InputMode {
        // The quit warning reads digits and letters, as choices do.
        if quitWarning != nil, !isQuitting { return .choices }
        guard !helpVisible, problemsTop == nil, messageBox == nil, !isQuitting, let unit = unitOnScreen else { return .navigation }
        return unit.inputMode(record: progress.record(unit.unitID))
    }

    public var selectedUnit: CourseUnit? {
        units.indices.contains(menuSelection) ? units[menuSelection] : nil
    }

    /// Ends the learner's session in the course: the learning events not yet saved,
    /// followed by the session's end with its length.
    public mutating func endSession() -> [LearningEvent] {
        let time = now ?? Date(timeIntervalSince1970: 0)
        let seconds = sessionStartedAt.map { max(0, Int(time.timeIntervalSince($0))) } ?? 0
        let events = unsavedEvents + [LearningEvent(at: time, .sessionEnded(session: progress.sessions ?? 1, seconds: seconds))]
        unsavedEvents = []
        return events
    }

    /// The unit on screen, if any.
    public var unitOnScreen: UnitState? {
        if case .unit(let unit) = screen { return unit }
        return nil
    }
}
