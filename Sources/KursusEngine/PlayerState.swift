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
    public var viewport: Viewport
    public var saveStatus: SaveStatus
    /// Something the status line must tell the learner, until the next command.
    public var notice: Notice?
    public var isQuitting: Bool
    /// The time of the last clock tick; nil until the runtime has sent one (tests may leave it nil).
    public var now: Date?

    public init(course: Course, progress: LearnerProgress, viewport: Viewport = Viewport(columns: 80, rows: 24, bodyRows: 20)) {
        self.course = course
        self.progress = progress
        self.screen = .menu
        self.menuSelection = 0
        self.helpVisible = false
        self.viewport = viewport
        self.saveStatus = .idle
        self.notice = nil
        self.isQuitting = false
        self.now = nil
    }

    public enum Screen: Hashable, Sendable {
        case menu
        case lesson(LessonPosition)
    }

    public enum Notice: Hashable, Sendable {
        case lessonFailed(message: String)
        case unsupportedUnit(kind: String)
    }

    public enum SaveStatus: Hashable, Sendable {
        case idle
        case pending
        case saved
        case failed(message: String)
    }

    public var units: [CourseUnit] { course.allUnits }

    public var selectedUnit: CourseUnit? {
        units.indices.contains(menuSelection) ? units[menuSelection] : nil
    }

    /// Completed required units over all required units, for the progress bar.
    public func completion(of units: [CourseUnit]) -> (done: Int, total: Int) {
        let required = units.filter { !$0.optional }
        return (required.filter { progress.completed.contains($0.id) }.count, required.count)
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
