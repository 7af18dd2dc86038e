/// The characters the Markdown layout decorates with, in one `SymbolSet` (the terminal
/// UI has its own table, `Symbols`). Every symbol is
/// one display column wide, except the ASCII task boxes `[ ]` and `[x]`.
struct MarkdownGlyphs: Sendable {
    /// Bullets by nesting depth, used in turn.
    let bullets: [String]
    let taskOpen: String
    let taskDone: String
    let quoteBar: String
    let rule: String
    let headingUnderline1: String
    let headingUnderline2: String
    /// Starts a continuation line of a code line too long for the width.
    let wrapMarker: String
    let boxHorizontal: String
    let boxVertical: String
    let headerHorizontal: String
    /// Table corners and joints: left edge, between columns, right edge.
    let topJoints: (left: String, middle: String, right: String)
    let headerJoints: (left: String, middle: String, right: String)
    let rowJoints: (left: String, middle: String, right: String)
    let bottomJoints: (left: String, middle: String, right: String)

    static let unicode = MarkdownGlyphs(
        bullets: ["•", "◦", "▪"],
        taskOpen: "☐",
        taskDone: "☑",
        quoteBar: "│",
        rule: "─",
        headingUnderline1: "═",
        headingUnderline2: "─",
        wrapMarker: "↪",
        boxHorizontal: "─",
        boxVertical: "│",
        headerHorizontal: "═",
        topJoints: ("┌", "┬", "┐"),
        headerJoints: ("╞", "╪", "╡"),
        rowJoints: ("├", "┼", "┤"),
        bottomJoints: ("└", "┴", "┘")
    )

    static let ascii = MarkdownGlyphs(
        bullets: ["*", "-", "+"],
        taskOpen: "[ ]",
        taskDone: "[x]",
        quoteBar: "|",
        rule: "-",
        headingUnderline1: "=",
        headingUnderline2: "-",
        wrapMarker: ">",
        boxHorizontal: "-",
        boxVertical: "|",
        headerHorizontal: "=",
        topJoints: ("+", "+", "+"),
        headerJoints: ("+", "+", "+"),
        rowJoints: ("+", "+", "+"),
        bottomJoints: ("+", "+", "+")
    )

    static func of(_ set: SymbolSet) -> MarkdownGlyphs {
        switch set {
        case .unicode: return .unicode
        case .ascii: return .ascii
        }
    }

    func bullet(depth: Int) -> String {
        bullets[depth % bullets.count]
    }
}
