import KursusText

/// Character attributes a terminal can show.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let italic = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let strikethrough = TextAttributes(rawValue: 1 << 3)
    public static let dim = TextAttributes(rawValue: 1 << 4)
    public static let reverse = TextAttributes(rawValue: 1 << 5)
}

/// What a piece of laid-out text is, so a renderer can give it a colour.
public enum TextRole: Hashable, Sendable {
    case body
    case heading(level: Int)
    case code
    case codeBlock
    case link
    case linkNumber
    case quote
    case listMarker
    case rule
    case tableBorder
    case tableHeader
    case image
    case html
    case wrapMarker
}

/// The role and attributes of a span.
public struct SpanStyle: Hashable, Sendable {
    public var role: TextRole
    public var attributes: TextAttributes

    public init(role: TextRole, attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    public static let body = SpanStyle(role: .body)
}

/// A run of text in one style. The text is terminal-safe: it holds no
/// control characters, tabs or line breaks.
public struct StyledSpan: Hashable, Sendable {
    public var text: String
    public var style: SpanStyle

    public init(text: String, style: SpanStyle) {
        self.text = text
        self.style = style
    }
}

/// One terminal line: its spans, its width in display columns and its text
/// without styling.
public struct StyledLine: Hashable, Sendable {
    public var spans: [StyledSpan]
    public var width: Int
    public var plainText: String

    /// A line from spans; measures the width and joins the text.
    public init(spans: [StyledSpan]) {
        self.spans = spans
        self.plainText = spans.count == 1 ? spans[0].text : spans.map(\.text).joined()
        self.width = DisplayWidth.of(plainText)
    }

    /// A line whose width and plain text the caller already knows.
    init(spans: [StyledSpan], width: Int, plainText: String) {
        self.spans = spans
        self.width = width
        self.plainText = plainText
    }

    /// The empty line.
    public static let empty = StyledLine(spans: [], width: 0, plainText: "")
}
