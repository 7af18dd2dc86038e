/// What the start screen may show of a learner on a shared workstation: who they are,
/// never how far they got.
public struct LearnerSummary: Hashable, Sendable, Codable {
    public var id: String
    public var displayName: String
    /// Team or cohort, shown next to the name so namesakes can be told apart.
    public var team: String?
    public var hasPIN: Bool

    public init(id: String, displayName: String, team: String? = nil, hasPIN: Bool = false) {
        self.id = id
        self.displayName = displayName
        self.team = team
        self.hasPIN = hasPIN
    }
}
