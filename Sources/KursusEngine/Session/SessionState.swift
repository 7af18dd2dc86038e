import Foundation
import KursusCourse

/// The whole player on a shared workstation: who is at the keyboard (the start screen or
/// a learner playing the course), the idle lock, and the clock.
public struct SessionState: Hashable, Sendable {
    /// The course while nobody plays it; a learner's player holds it while they play, so
    /// it is never held twice (see `content`).
    private var idleContent: CourseContent
    public var configuration: SessionConfiguration
    public var phase: Phase
    public var viewport: Viewport
    /// The latest clock tick.
    public var now: Date?
    /// When the learner last pressed a key.
    public var lastActivity: Date?
    public var isQuitting: Bool
    /// The signed-in learner's settings screen, over the course menu or the catalogue; nil when closed.
    public var settingsScreen: SettingsScreen?
    /// While the idle lock's countdown shows: when the lock will come. Any key cancels it.
    public var idleLockAt: Date?

    public enum Phase: Hashable, Sendable {
        case start(StartScreen)
        /// A signed-in learner chooses a course from the library (`CatalogueReducer`).
        case catalogue(LearnerSummary, CatalogueScreen)
        case playing(LearnerSummary, PlayerState)
    }

    public init(content: CourseContent, configuration: SessionConfiguration, viewport: Viewport) {
        self.idleContent = content
        self.configuration = configuration
        self.viewport = viewport
        self.phase = .start(StartScreen(mode: configuration.initialStartMode))
        self.now = nil
        self.lastActivity = nil
        self.isQuitting = false
        self.settingsScreen = nil
        self.idleLockAt = nil
    }

    /// How keys are read on the screen now showing.
    public var inputMode: InputMode {
        // The settings screen reads ←/→ and space as changes, as choices do.
        if settingsScreen != nil { return .choices }
        switch phase {
        case .start(let screen):
            switch screen.mode {
            case .typeID, .newLearner, .pin: return .text
            case .list, .opening: return .navigation
            }
        case .catalogue:
            return .navigation
        case .playing(_, let player):
            return player.inputMode
        }
    }

    public var player: PlayerState? {
        if case .playing(_, let player) = phase { return player }
        return nil
    }

    /// The course: the playing learner's (which a reload may have replaced), else the
    /// one waiting on the start screen.
    public var content: CourseContent { player?.content ?? idleContent }

    public var course: Course { content.course }

    /// The signed-in learner's settings (in the catalogue or playing); nil on the start
    /// screen and in trainer preview. The one place the runtime and screens read them:
    /// `timers.scale` for scenario timers, `mouse`, `linear`, `language`, `highContrast`.
    public var learnerSettings: LearnerSettings? {
        if configuration.preview { return nil }
        switch phase {
        case .start: return nil
        case .catalogue(let learner, _), .playing(let learner, _): return learner.settings
        }
    }

    /// How long the idle lock's countdown shows before the lock, in seconds: the
    /// learner's setting, at most half the lock (`IdleWarningLength.seconds(forLock:)`).
    public var idleWarningSeconds: Int? {
        guard let lock = configuration.idleLockSeconds else { return nil }
        return (learnerSettings ?? .defaults).idleWarning.seconds(forLock: lock)
    }

    /// Ends play: the start screen shows, and the course as the player last had it waits there.
    mutating func showStart(_ screen: StartScreen) {
        idleContent = content
        settingsScreen = nil
        idleLockAt = nil
        phase = .start(screen)
    }

    /// Ends play (if a learner was playing): the catalogue shows for this learner.
    mutating func showCatalogue(_ learner: LearnerSummary, _ screen: CatalogueScreen) {
        idleContent = content
        phase = .catalogue(learner, screen)
    }

    /// Between learners or courses: the course that waits to be played is now `content`.
    mutating func replaceIdleContent(_ content: CourseContent) {
        idleContent = content
    }
}

public struct SessionConfiguration: Hashable, Sendable {
    /// Seconds without a key before the player saves and returns to the start screen; nil turns the lock off.
    public var idleLockSeconds: Int?
    /// Learners type their id instead of picking from a list.
    public var hideLearnerList: Bool
    /// `--learner ID`: open this learner at start instead of showing the start screen.
    public var initialLearner: String?
    /// Trainer preview: every unit open, nothing recorded, no start screen.
    public var preview: Bool
    /// Preview `--unit ID`: open this unit at start.
    public var initialUnit: String?
    /// No response timers in scenarios, whatever the learner's setting: the linear mode
    /// (`--linear`, and `--plain`, its older name) sets it.
    public var plain: Bool = false
    /// The linear mode reads typed lines: a line is deliberate, so the guard against a key
    /// pressed right after a new choice appears (`PlayerState.answerGuard`) is off.
    public var linear: Bool = false
    /// The courses of the course library, in the catalogue's order. With more than one, a
    /// learner who signs in chooses among them; empty when a single package is played.
    public var catalogue: [CatalogueCourse] = []

    /// The start screen's first mode: the list of learners, or typing an id when the ward hides the list.
    public var initialStartMode: StartScreen.Mode {
        hideLearnerList ? .typeID(TextField.learnerID) : .list(selection: 0)
    }

    public init(
        idleLockSeconds: Int? = 600, hideLearnerList: Bool = false, initialLearner: String? = nil, preview: Bool = false, initialUnit: String? = nil
    ) {
        self.idleLockSeconds = idleLockSeconds
        self.hideLearnerList = hideLearnerList
        self.initialLearner = initialLearner
        self.preview = preview
        self.initialUnit = initialUnit
    }
}
