import KursusEngine
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
    /// Every language's strings by code, so a learner's language setting changes the UI
    /// at once (`applying(_:)`); empty: `strings` only.
    public var stringTables: [String: UIStrings] = [:]
    /// The high-contrast look (a learner setting): `ScreenRenderer` applies
    /// `HighContrast.apply(to:)` to the whole grid, so every screen changes at once.
    public var highContrast = false
    /// The workstation's language when `strings` are a learner's own.
    private var baseLanguage: String?

    public init(strings: UIStrings, symbols: Symbols, learnerName: String = "", isPreview: Bool = false) {
        self.strings = strings
        self.symbols = symbols
        self.learnerName = learnerName
        self.isPreview = isPreview
    }

    /// The context for a signed-in learner's settings: their language's strings (with
    /// the same ASCII fallback) and their contrast. nil (nobody signed in) changes nothing.
    public func applying(_ settings: LearnerSettings?) -> ScreenContext {
        guard let settings else { return self }
        var context = self
        context.baseLanguage = workstationLanguage
        if let code = settings.language.code, var table = stringTables[code] {
            table.asciiOnly = strings.asciiOnly
            context.strings = table
        }
        context.highContrast = settings.highContrast
        return context
    }

    /// The workstation's UI language (`--lang`, else the locale), whatever the learner's.
    public var workstationLanguage: String { baseLanguage ?? strings.language }

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
