/// Every glyph the terminal UI draws, with an ASCII fallback for terminals whose locale
/// is not UTF-8: status markers, line drawing, arrows and marks. Screens take glyphs
/// from here only, so the two sets stay complete and alike. Status is never shown by
/// colour alone. (Markdown decorations have their own table in KursusMarkdown.)
public struct Symbols: Hashable, Sendable {
    public var completed: String
    public var failed: String
    public var inProgress: String
    public var available: String
    public var locked: String
    public var cursor: String
    public var barFull: String
    public var barEmpty: String
    public var rule: String
    public var separator: String
    public var ellipsis: String
    /// Between a module and a unit in a title.
    public var breadcrumb: String
    /// A question answered, and one still to come, in a quiz's progress dots.
    public var dotDone: String
    public var dotToDo: String
    /// A partly right answer, and a choice rated "mixed".
    public var partial: String
    public var mixed: String
    public var bullet: String
    /// More above or below what is shown.
    public var moreAbove: String
    public var moreBelow: String
    /// Connection strength bars from weakest to strongest, and a missing bar.
    public var signalBars: [String]
    public var signalNone: String
    public var warning: String
    /// A box's corners (top left, top right, bottom left, bottom right) and sides.
    public var boxCorners: (String, String, String, String)
    public var boxHorizontal: String
    public var boxVertical: String
    /// A chosen single-choice option, the arrow from a prompt to its match, and an
    /// ordering item picked up to be moved.
    public var chosen: String
    public var pairsWith: String
    public var carried: String
    /// Learning records on their way to the LRS.
    public var upload: String
    /// A typed PIN digit, and the text cursor in a field.
    public var secret: String
    public var textCursor: String
    public var isUnicode: Bool

    public static let unicode = Symbols(
        completed: "✓", failed: "✗", inProgress: "●", available: "○", locked: "⊘", cursor: "▸",
        barFull: "█", barEmpty: "░", rule: "─", separator: "·", ellipsis: "…", breadcrumb: "›",
        dotDone: "●", dotToDo: "○", partial: "◐", mixed: "≈", bullet: "•", moreAbove: "↑", moreBelow: "↓",
        signalBars: ["▂", "▄", "▆", "█"], signalNone: "_", warning: "⚠",
        boxCorners: ("┌", "┐", "└", "┘"), boxHorizontal: "─", boxVertical: "│", chosen: "(•)", pairsWith: "→", carried: "↕", upload: "↑", secret: "•",
        textCursor: "▏", isUnicode: true
    )

    public static let ascii = Symbols(
        completed: "[x]", failed: "[!]", inProgress: "[>]", available: "[ ]", locked: "[-]", cursor: ">",
        barFull: "#", barEmpty: ".", rule: "-", separator: "-", ellipsis: "...", breadcrumb: ">",
        dotDone: "*", dotToDo: ".", partial: "[~]", mixed: "[~]", bullet: "*", moreAbove: "^", moreBelow: "v",
        signalBars: ["#", "#", "#", "#"], signalNone: ".", warning: "!",
        boxCorners: ("+", "+", "+", "+"), boxHorizontal: "-", boxVertical: "|", chosen: "(*)", pairsWith: "->", carried: "=", upload: "^",
        secret: "*", textCursor: "_", isUnicode: false
    )

    public static func == (lhs: Symbols, rhs: Symbols) -> Bool { lhs.isUnicode == rhs.isUnicode && lhs.completed == rhs.completed }
    public func hash(into hasher: inout Hasher) { hasher.combine(isUnicode) }

    /// UTF-8 symbols when the locale says UTF-8 (LC_ALL, else LC_CTYPE, else LANG).
    public static func forEnvironment(_ environment: [String: String]) -> Symbols {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let lowered = value.lowercased()
            return lowered.contains("utf-8") || lowered.contains("utf8") ? .unicode : .ascii
        }
        return .ascii
    }
}
