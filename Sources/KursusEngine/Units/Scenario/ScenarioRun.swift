import KursusCourse

/// One playthrough of a scenario: everything needed to show it, resume it and debrief
/// it. Codable, so the player stores it in the progress file as it is.
public struct ScenarioRun: Codable, Hashable, Sendable {
    public var scenarioID: String
    /// Random branches draw from SplitMix64 seeded with `seed` and `randomDraws`.
    public var seed: UInt64
    public var randomDraws: Int
    /// The node the run is at: a choice waiting for the learner, an ending, or (when stuck) where it stopped.
    public var current: String
    /// The learner's choices in order.
    public var path: [ScenarioStep]
    public var variables: [String: ScenarioValue]
    public var visits: [String: Int]
    /// `once` options already used (`node#index`).
    public var usedOptions: Set<String>
    public var transcript: [TranscriptEntry]
    public var call: CallState
    /// Seconds on the call clock (from `tick`).
    public var elapsedSeconds: Int
    public var outcome: ScenarioOutcome?
    /// Why the run cannot go on (a dead end or a cycle without a choice); nil normally.
    public var stuck: String?

    public init(scenarioID: String, seed: UInt64, start: String, variables: [String: ScenarioValue], call: CallState) {
        self.scenarioID = scenarioID
        self.seed = seed
        randomDraws = 0
        current = start
        path = []
        self.variables = variables
        visits = [:]
        usedOptions = []
        transcript = []
        self.call = call
        elapsedSeconds = 0
        outcome = nil
        stuck = nil
    }

    public var isFinished: Bool { outcome != nil }
    /// Waiting for a choice: neither finished nor stuck.
    public var isWaiting: Bool { outcome == nil && stuck == nil }
    public var score: Int? { outcome?.score }
}

/// One choice the learner made.
public struct ScenarioStep: Codable, Hashable, Sendable {
    public var node: String
    public var option: Int
    public var text: String
    public var feedback: String
    public var quality: ChoiceQuality?
    /// The response timer ran out and the default option was taken.
    public var timedOut: Bool

    public init(node: String, option: Int, text: String, feedback: String, quality: ChoiceQuality?, timedOut: Bool) {
        self.node = node
        self.option = option
        self.text = text
        self.feedback = feedback
        self.quality = quality
        self.timedOut = timedOut
    }
}

/// A line of the call's transcript.
public struct TranscriptEntry: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        /// A participant speaks (`speaker` is the participant id).
        case say
        case narration
        /// An event (`event` says which).
        case event
        /// What the learner chose to say or do.
        case learner
    }

    public var kind: Kind
    public var speaker: String?
    public var event: ScenarioEvent.Kind?
    public var text: String
    /// A learner line the response timer chose (true); nil otherwise, and in progress
    /// files from before it was kept.
    public var timedOut: Bool?

    public init(kind: Kind, speaker: String? = nil, event: ScenarioEvent.Kind? = nil, text: String, timedOut: Bool? = nil) {
        self.kind = kind
        self.speaker = speaker
        self.event = event
        self.text = text
        self.timedOut = timedOut
    }
}

/// What the video frame shows now: the technical problems in force, who is in the
/// picture, and the citizen's camera and microphone.
public struct CallState: Codable, Hashable, Sendable {
    public var connection: CallSetup.Connection
    public var frozen: Bool
    public var audioLost: Bool
    public var echo: Bool
    public var reconnecting: Bool
    public var poorLighting: Bool
    public var badAngle: Bool
    public var camera: Bool
    public var microphone: Bool
    /// Relatives or colleagues who have come into the picture, in order.
    public var present: [String]
    /// The latest measurement read out: label and value.
    public var measurement: [String]?

    public init(_ setup: CallSetup) {
        connection = setup.connection
        frozen = false
        audioLost = false
        echo = false
        reconnecting = false
        poorLighting = false
        badAngle = false
        camera = setup.camera
        microphone = setup.microphone
        present = []
        measurement = nil
    }
}

/// How a finished run ended.
public struct ScenarioOutcome: Codable, Hashable, Sendable {
    public var ending: String
    public var title: String
    public var score: Int?
    public var rating: ChoiceQuality?
    /// Whether the ending and score meet the scenario's `pass` rule.
    public var passed: Bool

    public init(ending: String, title: String, score: Int?, rating: ChoiceQuality?, passed: Bool) {
        self.ending = ending
        self.title = title
        self.score = score
        self.rating = rating
        self.passed = passed
    }
}
