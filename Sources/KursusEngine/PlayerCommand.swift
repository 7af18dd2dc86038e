/// What the learner asked for, independent of which key they pressed. The terminal
/// layer maps keys to these; the engine never sees a key code.
public enum PlayerCommand: Hashable, Sendable, CaseIterable {
    case lineUp
    case lineDown
    case pageUp
    case pageDown
    case top
    case bottom
    case open
    case back
    case toggleHelp
    case quit
    /// A key with no meaning on the current screen (it still closes the help overlay).
    case other
}
