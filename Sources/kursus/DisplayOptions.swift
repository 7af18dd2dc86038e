import ArgumentParser
import KursusTerminalUI

/// `--color`: whether output is coloured.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// `always` colours; `auto` colours output that goes to a terminal unless NO_COLOR is
    /// set to anything but the empty string (https://no-color.org); `never` does not.
    func allowsColor(_ environment: [String: String], toTerminal: Bool) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: toTerminal && (environment["NO_COLOR"] ?? "").isEmpty
        }
    }
}

/// How the player looks and behaves on screen, shared by `play` and `preview`: the UI
/// language, colours and the linear mode for screen readers.
struct DisplayOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Language of the UI and of the course, da or en (a course without it is shown in its main language). Default: from LC_ALL/LC_MESSAGES/LANG, else the course's main language.",
            valueName: "lang"))
    var lang: String?

    @Option(help: "Colours: auto, always or never. NO_COLOR in the environment means never.")
    var color: ColorChoice = .auto

    @Flag(
        help:
            "Linear mode for screen readers and braille displays: lines written in order, as a chat, answers typed as lines; no boxes, no cursor jumps, no response timers."
    )
    var linear = false

    @Flag(help: "The same as --linear (its older name, kept so existing shortcuts work).")
    var plain = false

    /// `--linear`, or its alias `--plain`.
    var isLinear: Bool { linear || plain }

    func validate() throws {
        if let lang, !UILanguage.supported.contains(lang) {
            throw ValidationError("--lang must be one of: \(UILanguage.supported.joined(separator: ", "))")
        }
    }
}
