/// Collects the inline content of one block while the AST is walked,
/// tracking the nesting of emphasis, strong, strikethrough, links and
/// images, and so the style of each piece of text.
struct InlineCollector {
    private(set) var content = InlineText()
    private var base: SpanStyle
    private var emphasis = 0
    private var strong = 0
    private var strike = 0
    private var links = 0
    private var imageDepth = 0
    private var imageURL = ""
    private var altText: [UInt8] = []

    init(base: SpanStyle) {
        self.base = base
    }

    /// Starts collecting a new block whose text has `base` style, keeping
    /// the storage of the last.
    mutating func start(base: SpanStyle) {
        self.base = base
        content.removeAll()
        emphasis = 0
        strong = 0
        strike = 0
        links = 0
        imageDepth = 0
    }

    private var style: SpanStyle {
        var attributes = base.attributes
        if emphasis > 0 { attributes.insert(.italic) }
        if strong > 0 { attributes.insert(.bold) }
        if strike > 0 { attributes.insert(.strikethrough) }
        if links > 0 {
            attributes.insert(.underline)
            return SpanStyle(role: .link, attributes: attributes)
        }
        return SpanStyle(role: base.role, attributes: attributes)
    }

    /// Text from the source (cleaned here).
    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        if imageDepth > 0 {
            SafeText.appendFlowing(utf8, to: &altText)
        } else {
            content.appendFlowing(utf8, style: style)
        }
    }

    /// Inline code.
    mutating func code(_ utf8: UnsafeBufferPointer<UInt8>) {
        if imageDepth > 0 {
            SafeText.appendFlowing(utf8, to: &altText)
        } else {
            var style = style
            style.role = .code
            content.appendFlowing(utf8, style: style)
        }
    }

    /// Raw inline HTML, shown literally.
    mutating func html(_ utf8: UnsafeBufferPointer<UInt8>) {
        if imageDepth > 0 {
            SafeText.appendFlowing(utf8, to: &altText)
        } else {
            content.appendFlowing(utf8, style: SpanStyle(role: .html, attributes: style.attributes))
        }
    }

    mutating func softBreak() {
        if imageDepth > 0 {
            altText.append(UInt8(ascii: " "))
        } else {
            content.append(" ", style: style)
        }
    }

    mutating func hardBreak() {
        if imageDepth > 0 {
            altText.append(UInt8(ascii: " "))
        } else {
            content.appendHardBreak()
        }
    }

    mutating func enterEmphasis() { emphasis += 1 }
    mutating func exitEmphasis() { emphasis -= 1 }
    mutating func enterStrong() { strong += 1 }
    mutating func exitStrong() { strong -= 1 }
    mutating func enterStrikethrough() { strike += 1 }
    mutating func exitStrikethrough() { strike -= 1 }
    mutating func enterLink() { links += 1 }

    /// Ends a link; `number` is its place in the document's link list.
    mutating func exitLink(number: Int?) {
        links -= 1
        guard imageDepth == 0, let number else { return }
        content.append("[\(number)]", style: SpanStyle(role: .linkNumber))
    }

    /// Starts an image; `url` must be terminal-safe.
    mutating func enterImage(url: String) {
        if imageDepth == 0 {
            imageURL = url
            altText.removeAll(keepingCapacity: true)
        }
        imageDepth += 1
    }

    /// The word an image shows as (`MarkdownLayoutOptions.imageWord`).
    var imageWord = "Image"

    /// Ends an image: it shows as `[Image: alt] (path)`, in the reader's language.
    mutating func exitImage() {
        imageDepth -= 1
        guard imageDepth == 0 else { return }
        let alt = String(decoding: altText, as: UTF8.self).trimmingSpaces
        let label = alt.isEmpty ? "[\(imageWord)]" : "[\(imageWord): \(alt)]"
        let shown = imageURL.isEmpty ? label : "\(label) (\(imageURL))"
        content.append(shown, style: SpanStyle(role: .image, attributes: style.attributes))
    }
}
