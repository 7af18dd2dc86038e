import Foundation
import KursusCourse

/// The whole state of the player at one moment. Screens are drawn from this alone.
public struct PlayerState: Hashable, Sendable {
    public var course: Course
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

    /// What each unit waits for; derived from `course` and rebuilt when it changes.
    public private(set) var prerequisites: PrerequisiteGraph
    /// Trainer preview: every unit is open and nothing is recorded.
    public var unlockAll: Bool
    /// Fractions of a second of active time not yet added to a unit.
    public var activeCarry: Double
    /// Scenario response timers run; off in the accessible plain mode (`--plain`).
    public var timersEnabled: Bool

    public init(course: Course, progress: LearnerProgress, viewport: Viewport = Viewport(columns: 80, rows: 24, bodyRows: 20), unlockAll: Bool = false) {
        self.course = course
        self.prerequisites = PrerequisiteGraph(course)
        self.unlockAll = unlockAll
        self.activeCarry = 0
        self.timersEnabled = true
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
    }

    public enum Screen: Hashable, Sendable {
        case menu
        case lesson(LessonPosition)
        /// A quiz or survey unit.
        case quiz(QuizPlay)
        /// A simulated video consultation.
        case scenario(ScenarioPlay)
    }

    public enum Notice: Hashable, Sendable {
        case lessonFailed(message: String)
        /// The unit is locked; the first requirement not yet met.
        case locked(unitID: String, requirement: PrerequisiteGraph.Reason)
        /// The course was reloaded from disk (trainer preview with --watch).
        case reloaded
        case reloadFailed(message: String)
        /// The scenario file changed since the learner's run began; the run started over.
        case scenarioRestarted
    }

    public enum SaveStatus: Hashable, Sendable {
        case idle
        case pending
        case saved
        case failed(message: String)
    }

    public var units: [CourseUnit] { course.allUnits }

    /// Replaces the course (after a reload), keeping progress and the menu cursor's unit.
    public mutating func replaceCourse(_ newCourse: Course) {
        let selectedID = selectedUnit?.id
        course = newCourse
        prerequisites = PrerequisiteGraph(newCourse)
        menuSelection = selectedID.flatMap { id in units.firstIndex { $0.id == id } } ?? min(menuSelection, max(0, units.count - 1))
    }

    /// Choice screens take digits and space; typed answers take text. Help and message
    /// boxes take any key to close, so they read keys as commands.
    public var inputMode: InputMode {
        if scenarioPlay?.session != nil, !helpVisible, messageBox == nil, !isQuitting { return .choices }
        guard !helpVisible, messageBox == nil, !isQuitting, let play = quizPlay, play.phase == .question,
              let (_, _, question) = QuizAnswering.current(self)
        else {
            if let play = quizPlay, play.phase != .question, play.phase != .loading, !helpVisible, messageBox == nil { return .choices }
            return .navigation
        }
        return QuestionRows.takesText(question) ? .text : .choices
    }

    public var selectedUnit: CourseUnit? {
        units.indices.contains(menuSelection) ? units[menuSelection] : nil
    }

}

/// Where the reader is in a lesson.
public struct LessonPosition: Hashable, Sendable {
    public var unitID: String
    /// First visible line.
    public var scroll: Int
    /// Lines in the laid-out lesson, once known; nil while it is being laid out.
    public var lineCount: Int?
    /// The width the lesson was laid out for.
    public var width: Int?

    public init(unitID: String, scroll: Int, lineCount: Int? = nil, width: Int? = nil) {
        self.unitID = unitID
        self.scroll = max(0, scroll)
        self.lineCount = lineCount
        self.width = width
    }

    /// The largest scroll that still fills the body.
    public func maximumScroll(bodyRows: Int) -> Int {
        max(0, (lineCount ?? 0) - bodyRows)
    }

    /// Whether the last line is on screen.
    public func endVisible(bodyRows: Int) -> Bool {
        guard let lineCount else { return false }
        return scroll + bodyRows >= lineCount
    }

    /// Percentage of the lesson read up to the bottom of the screen.
    public func percentRead(bodyRows: Int) -> Int {
        guard let lineCount, lineCount > 0 else { return 0 }
        return min(100, (min(lineCount, scroll + bodyRows) * 100) / lineCount)
    }
}
