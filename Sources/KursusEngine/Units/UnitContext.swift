import Foundation
import KursusCourse

/// What a unit feature may see and change while it handles an event: the course (read
/// only), the viewport and the time, and its own record, nothing else of the learner's
/// progress. The player builds one for each event and takes back the record, the
/// bookmark and the learning events afterwards.
public struct UnitContext: Sendable {
    public let unit: CourseUnit
    public let content: CourseContent
    public let viewport: Viewport
    /// The time of the last clock tick; nil until the runtime has sent one.
    public let now: Date?
    /// Scenario response timers run this many times their written seconds: 1 normal, 2
    /// or 4 for learners who need more time; nil turns them off (`--plain`). The one
    /// place a per-learner timing setting reaches the scenarios.
    public let timerScale: Int?
    /// Keys right after a new choice appears are ignored (see `PlayerState.answerGuard`).
    public var answerGuard = true
    /// The player is resuming where the learner left off when the program last stopped.
    public let resuming: Bool
    /// This unit's progress: the only part of the learner's record a unit can change.
    public var record: UnitRecord
    /// Where play resumes inside this unit (a lesson's first visible line); nil when the
    /// bookmark points elsewhere.
    public var bookmarkScroll: Int?
    /// Learning events noted while handling the event, oldest first.
    public private(set) var events: [LearningEvent.Kind] = []

    public init(
        unit: CourseUnit, content: CourseContent, viewport: Viewport, now: Date?, timerScale: Int?, resuming: Bool = false,
        record: UnitRecord, bookmarkScroll: Int?
    ) {
        self.unit = unit
        self.content = content
        self.viewport = viewport
        self.now = now
        self.timerScale = timerScale.map { max(1, $0) }
        self.resuming = resuming
        self.record = record
        self.bookmarkScroll = bookmarkScroll
    }

    /// Notes something the learner did, for their learning record.
    public mutating func note(_ event: LearningEvent.Kind) {
        events.append(event)
    }
}

/// The course as the engine plays it: the manifest and every quiz and scenario as they
/// were parsed when the package loaded. Lessons are not here: they are long, only one is
/// on screen, and the terminal layer reads and lays them out itself.
public struct CourseContent: Hashable, Sendable {
    public var course: Course
    public var quizzes: [String: Quiz]
    public var scenarios: [String: Scenario]
    /// Every language's quizzes and scenarios (the played one included), for learning
    /// records whose language maps carry every language; empty for a one-language course.
    public var translations: [String: LanguageContent] = [:]

    public init(course: Course, quizzes: [String: Quiz] = [:], scenarios: [String: Scenario] = [:]) {
        self.course = course
        self.quizzes = quizzes
        self.scenarios = scenarios
    }

    public init(_ package: CoursePackage) {
        self.init(course: package.course, quizzes: package.quizzes, scenarios: package.scenarios)
        if package.course.isMultilingual { translations = package.contents }
    }
}
