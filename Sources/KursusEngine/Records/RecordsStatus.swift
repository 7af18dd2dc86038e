/// How the learner's learning records stand on their way to the LRS, as the background
/// sync last found them: statements waiting in the outbox, and whether the LRS could be
/// reached. The runtime reports it; the menu's status line shows it.
public struct RecordsStatus: Hashable, Sendable {
    /// Statements in the learner's outbox not yet delivered.
    public var waiting: Int
    /// The last attempt could not reach the LRS (or was refused); they will be sent later.
    public var offline: Bool

    public init(waiting: Int, offline: Bool = false) {
        self.waiting = max(0, waiting)
        self.offline = offline
    }
}
