import KursusMarkdown

/// A colour role. The theme turns it into a terminal colour; in monochrome it is ignored
/// and only the attributes (bold, reverse, …) carry meaning.
public enum Tint: String, Hashable, Sendable, CaseIterable, Codable {
    case normal, accent, muted, success, warning, danger, heading, code, link, banner
}

/// How one cell is drawn.
public struct CellStyle: Hashable, Sendable {
    public var tint: Tint
    public var attributes: TextAttributes

    public init(_ tint: Tint = .normal, _ attributes: TextAttributes = []) {
        self.tint = tint
        self.attributes = attributes
    }

    public static let plain = CellStyle()
    public static let bold = CellStyle(.normal, .bold)
    public static let reverse = CellStyle(.normal, .reverse)
    public static let muted = CellStyle(.muted, .dim)
}

/// One terminal column. A wide character occupies its cell and the next one; the second
/// cell holds an empty `text` and is skipped when drawing.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String = " ", style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    /// The right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}
