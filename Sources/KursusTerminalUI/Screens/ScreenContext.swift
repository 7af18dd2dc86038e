import KursusMarkdown
import KursusText

/// What every screen needs besides the engine state: words, symbols, and who is
/// playing (shown at the right of the title line; never another learner's name).
public struct ScreenContext: Sendable {
    public var strings: UIStrings
    public var symbols: Symbols
    public var learnerName: String
    /// Trainer preview: a banner says nothing is recorded.
    public var isPreview: Bool
    /// The learner came through the course catalogue: `c` on the menu returns to it.
    public var hasCatalogue = false

    public init(strings: UIStrings, symbols: Symbols, learnerName: String = "", isPreview: Bool = false) {
        self.strings = strings
        self.symbols = symbols
        self.learnerName = learnerName
        self.isPreview = isPreview
    }

    /// The title line's right part: the learner, or the preview banner.
    var titleRight: String {
        isPreview ? strings(.previewBanner) : learnerName
    }

    public var markdownSymbols: SymbolSet { symbols.isUnicode ? .unicode : .ascii }

    /// How Markdown is laid out on these screens: their symbols, and the word for an
    /// image in the UI language.
    public func markdownOptions(width: Int) -> MarkdownLayoutOptions {
        MarkdownLayoutOptions(width: width, symbols: markdownSymbols, imageWord: strings(.markdownImage))
    }
}
