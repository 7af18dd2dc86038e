/// A technical or clinical event in the call. Technical events change the video frame
/// until `connection-restored` (or the matching `*-on`) clears them.
public struct ScenarioEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        case videoFreeze = "video-freeze"
        case echo
        case audioLost = "audio-lost"
        case callDropReconnect = "call-drop-reconnect"
        case poorLighting = "poor-lighting"
        case badCameraAngle = "bad-camera-angle"
        case relativeEnters = "relative-enters"
        case relativeLeaves = "relative-leaves"
        case measurement
        case cameraOff = "camera-off"
        case cameraOn = "camera-on"
        case microphoneOff = "microphone-off"
        case microphoneOn = "microphone-on"
        case connectionRestored = "connection-restored"
    }

    public var kind: Kind
    /// What the learner reads in the transcript (optional; each kind has a default line).
    public var text: String?
    /// `relative-enters`/`-leaves`: the participant; `measurement`: who reads it out.
    public var participant: String?
    /// `measurement`: what is measured (`Iltmætning`) and the value as read out (`88 %`).
    public var label: String?
    public var value: String?

    public init(kind: Kind, text: String? = nil, participant: String? = nil, label: String? = nil, value: String? = nil) {
        self.kind = kind
        self.text = text
        self.participant = participant
        self.label = label
        self.value = value
    }
}

/// A point where the learner chooses what to say or do.
public struct ScenarioChoice: Hashable, Sendable {
    public var prompt: String
    public var options: [ScenarioOption]
    public var timer: ResponseTimer?

    public init(prompt: String, options: [ScenarioOption], timer: ResponseTimer? = nil) {
        self.prompt = prompt
        self.options = options
        self.timer = timer
    }
}

/// A time limit on a choice: after `seconds` the option `defaultOption` (0-based) is
/// taken. Ignored in plain/accessible mode.
public struct ResponseTimer: Hashable, Sendable {
    public var seconds: Int
    public var defaultOption: Int

    public init(seconds: Int, defaultOption: Int) {
        self.seconds = seconds
        self.defaultOption = defaultOption
    }
}

/// How good a choice was, shown in the debrief with a mark and a word (never colour alone).
public enum ChoiceQuality: String, Hashable, Sendable, CaseIterable, Codable {
    case good, mixed, poor
}

public struct ScenarioOption: Hashable, Sendable {
    public var text: String
    public var feedback: String
    public var quality: ChoiceQuality?
    public var effects: [VariableEffect]
    public var target: String
    public var targetLocation: SourceLocation
    public var condition: Condition?
    /// Offered only until it has been chosen once in a run.
    public var once: Bool
    public var location: SourceLocation

    public init(
        text: String, feedback: String, quality: ChoiceQuality? = nil, effects: [VariableEffect] = [],
        target: String, targetLocation: SourceLocation, condition: Condition? = nil, once: Bool = false, location: SourceLocation
    ) {
        self.text = text
        self.feedback = feedback
        self.quality = quality
        self.effects = effects
        self.target = target
        self.targetLocation = targetLocation
        self.condition = condition
        self.once = once
        self.location = location
    }
}

/// How a run ends: the outcome, the debrief, learning points, and an optional fixed score.
public struct ScenarioEnding: Hashable, Sendable {
    public var title: String
    public var debrief: String
    public var learningPoints: [String]
    /// Overrides the score variable when set.
    public var score: Int?
    public var rating: ChoiceQuality?
    /// `allow-poor: true`: an ending rated `good` may be reached after an option rated
    /// `poor` (the validator warns otherwise, as the debrief would praise what was not done).
    public var allowPoor: Bool

    public init(
        title: String, debrief: String, learningPoints: [String] = [], score: Int? = nil, rating: ChoiceQuality? = nil, allowPoor: Bool = false
    ) {
        self.title = title
        self.debrief = debrief
        self.learningPoints = learningPoints
        self.score = score
        self.rating = rating
        self.allowPoor = allowPoor
    }
}
