import Foundation
import KursusCourse

/// The whole player on a shared workstation: who is at the keyboard (the start screen or
/// a learner playing the course), the idle lock, and the clock.
public struct SessionState: Hashable, Sendable {
    public var course: Course
    public var configuration: SessionConfiguration
    public var phase: Phase
    public var viewport: Viewport
    /// The latest clock tick.
    public var now: Date?
    /// When the learner last pressed a key.
    public var lastActivity: Date?
    public var isQuitting: Bool

    public enum Phase: Hashable, Sendable {
        case start(StartScreen)
        case playing(LearnerSummary, PlayerState)
    }

    public init(course: Course, configuration: SessionConfiguration, viewport: Viewport) {
        self.course = course
        self.configuration = configuration
        self.viewport = viewport
        self.phase = .start(StartScreen(mode: configuration.hideLearnerList ? .typeID(TextField(maximumLength: 64)) : .list(selection: 0)))
        self.now = nil
        self.lastActivity = nil
        self.isQuitting = false
    }

    /// How keys are read on the screen now showing.
    public var inputMode: InputMode {
        switch phase {
        case .start(let screen):
            switch screen.mode {
            case .typeID, .newLearner, .pin: return .text
            case .list, .opening: return .navigation
            }
        case .playing(_, let player):
            return player.inputMode
        }
    }

    public var player: PlayerState? {
        if case .playing(_, let player) = phase { return player }
        return nil
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
    /// Accessible plain mode (`--plain`): no response timers in scenarios.
    public var plain: Bool = false

    public init(idleLockSeconds: Int? = 600, hideLearnerList: Bool = false, initialLearner: String? = nil, preview: Bool = false, initialUnit: String? = nil) {
        self.idleLockSeconds = idleLockSeconds
        self.hideLearnerList = hideLearnerList
        self.initialLearner = initialLearner
        self.preview = preview
        self.initialUnit = initialUnit
    }
}
