/// What the start screen may show of a learner on a shared workstation: who they are,
/// never how far they got.
public struct LearnerSummary: Hashable, Sendable, Codable {
    public var id: String
    public var displayName: String
    /// Team or cohort, shown next to the name so namesakes can be told apart.
    public var team: String?
    public var hasPIN: Bool
    /// The learner's own settings, from their profile; applied while they are signed in.
    /// Not part of the summary's JSON (it is what a list may show of a learner).
    public var settings: LearnerSettings = .defaults

    public init(id: String, displayName: String, team: String? = nil, hasPIN: Bool = false, settings: LearnerSettings = .defaults) {
        self.id = id
        self.displayName = displayName
        self.team = team
        self.hasPIN = hasPIN
        self.settings = settings
    }

    enum CodingKeys: String, CodingKey {
        case id, displayName, team, hasPIN
    }
}
