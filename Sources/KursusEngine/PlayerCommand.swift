/// What the learner asked for, independent of which key they pressed. The terminal
/// layer maps keys to these; the engine never sees a key code.
public enum PlayerCommand: Hashable, Sendable {
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
    // On screens with choices (`InputMode.choices`):
    /// A digit key: choose option `n` (1-based; the 0 key is 10).
    case number(Int)
    /// Space: tick or untick, pick up or put down.
    case toggle
    /// Left and right arrows: change a value in place (the match of a matching prompt).
    case left
    case right
    /// Any other letter, for screen-specific keys (`r` review, `t` transcript).
    case letter(Character)

}

/// How the terminal layer should read keys on the current screen.
public enum InputMode: Hashable, Sendable {
    /// Letters are commands (`j`, `k`, `q`, `s`, …); space pages.
    case navigation
    /// Digits choose, space toggles, arrows move; `q`, `?` and `s` keep their meaning.
    case choices
    /// A text field has focus: printable keys are text.
    case text
}

/// An edit in a text field, beyond typing a character.
public enum TextEdit: Hashable, Sendable {
    case insert(Character)
    case deleteBackward
    case deleteForward
    case left
    case right
    case home
    case end
}
