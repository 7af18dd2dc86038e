import KursusText

/// Walks a parsed Markdown tree once and lays each block out as terminal
/// lines, handing them to `Output` as they are done. Inline content is
/// collected per block and wrapped when the block ends; containers
/// (quotes, lists, items) add their prefixes to each line.
final class LayoutEngine<Output: LayoutOutput> {
    private let width: Int
    private let symbols: MarkdownGlyphs
    @exclusivity(unchecked) private var output: Output
    @exclusivity(unchecked) private(set) var headings: [MarkdownHeading] = []
    @exclusivity(unchecked) private var links = LinkList()
    @exclusivity(unchecked) private var containers: ContainerStack
    /// Collects the inline content of the paragraph, heading or table cell
    /// being walked (reused from block to block).
    @exclusivity(unchecked) private var inline = InlineCollector(base: .body)
    @exclusivity(unchecked) private var table: TableContent?
    /// Storage reused from block to block.
    @exclusivity(unchecked) private var scratchLine = LineBuilder()
    @exclusivity(unchecked) private var kinds = NodeKinds()
    private let options: MarkdownLayoutOptions
    /// Whether one-line list items take the short way (`emitLineItem`); off only in
    /// tests that compare it with the general way.
    private let lineItems: Bool
    /// List items laid out the short way so far.
    private(set) var lineItemCount = 0

    /// An engine writing to `output`.
    init(options: MarkdownLayoutOptions, output: Output, lineItems: Bool = true) {
        self.options = options
        self.lineItems = lineItems
        width = max(1, options.width)
        symbols = MarkdownGlyphs.of(options.symbols)
        containers = ContainerStack(symbols: symbols, width: width)
        self.output = output
        inline.imageWord = options.imageWord
    }

    /// Parses `markdown` and lays all of it out, the link list included. A large
    /// document is parsed and laid out piece by piece (`MarkdownPieces`), so memory
    /// stays bounded; each piece's tree is freed before the next is parsed.
    /// (`pieceSize` is for tests.)
    func run(_ markdown: String, pieceSize: Int = MarkdownPieces.targetSize) {
        var source = markdown
        source.withUTF8 { bytes in
            let pieces = MarkdownPieces(bytes, targetSize: pieceSize)
            for index in pieces.pieces.indices {
                pieces.withText(of: index, in: bytes) { text in
                    CmarkArena.withTree(text) { tree in
                        if let tree {
                            layOut(tree.topLevelBlocks[...], of: tree)
                        } else {
                            // cmark-gfm could not allocate: show the source as it is.
                            emitPreformatted(text, style: .body, indent: 0)
                        }
                    }
                }
            }
        }
        emitLinkList()
    }

    /// Lays out the given top-level blocks of `tree`, in order.
    private func layOut(_ blocks: ArraySlice<CmarkNode>, of tree: CmarkTree) {
        for block in blocks {
            tree.walk(
                from: block,
                descending: { event, node in
                    handle(event, node, kind: kinds.kind(of: node), tree: tree)
                })
        }
    }

    /// The output with every line; `links` are the numbered URLs.
    func finish() -> (output: Output, links: [String], headings: [MarkdownHeading]) {
        (output, links.urls, headings)
    }

    private func startInline(_ base: SpanStyle) {
        inline.start(base: base)
    }

    /// The inline text collected since `startInline`.
    private func endInline() -> InlineText {
        inline.content
    }

    /// Handles one event of the walk; false when the node is laid out whole and its
    /// children are to be passed over.
    private func handle(_ event: CmarkTree.Event, _ node: CmarkNode, kind: NodeKind, tree: CmarkTree) -> Bool {
        let entering = event == .enter
        switch kind {
        case .text:
            node.withLiteral { inline.text($0) }
        case .softBreak:
            inline.softBreak()
        case .lineBreak:
            inline.hardBreak()
        case .code:
            node.withLiteral { inline.code($0) }
        case .htmlInline:
            node.withLiteral { inline.html($0) }
        case .emphasis:
            entering ? inline.enterEmphasis() : inline.exitEmphasis()
        case .strong:
            entering ? inline.enterStrong() : inline.exitStrong()
        case .strikethrough:
            entering ? inline.enterStrikethrough() : inline.exitStrikethrough()
        case .link:
            if entering {
                inline.enterLink()
            } else {
                inline.exitLink(number: links.number(for: TerminalSafe.clean(node.url)))
            }
        case .image:
            if entering {
                inline.enterImage(url: TerminalSafe.clean(node.url))
            } else {
                inline.exitImage()
            }
        case .paragraph:
            if entering {
                startInline(.body)
            } else {
                emitBlock { sink, available in
                    LineWrapper.wrap(inline.content, width: available, into: &sink, scratch: &scratchLine)
                }
            }
        case .heading:
            if entering {
                startInline(HeadingStyle.style(level: node.headingLevel))
            } else {
                emitHeading(endInline(), level: node.headingLevel)
            }
        case .codeBlock:
            node.withLiteral { emitPreformatted($0, style: SpanStyle(role: .codeBlock), indent: 2) }
        case .htmlBlock:
            node.withLiteral { emitPreformatted($0, style: SpanStyle(role: .html), indent: 0) }
        case .thematicBreak:
            emitRule()
        case .blockQuote:
            if entering { containers.pushQuote() } else { containers.pop() }
        case .list:
            if entering {
                containers.pushList(
                    ordered: node.isOrderedList, tight: node.isTightList, start: node.listStart,
                    items: node.childCount, parenthesis: node.usesParenDelimiter)
            } else {
                containers.pop()
            }
        case .item:
            if entering {
                let task = tree.task(of: node)
                if task == nil, lineItems, emitLineItem(node) { return false }
                containers.pushItem(task: task)
            } else {
                closeItem()
            }
        case .table:
            if entering {
                table = TableContent(alignments: node.tableAlignments)
            } else if let collected = table {
                table = nil
                emitTable(collected)
            }
        case .tableRow:
            if entering { table?.startRow(isHeader: node.isHeaderRow) }
        case .tableCell:
            if entering {
                let header = table?.rows.last?.isHeader ?? false
                startInline(header ? SpanStyle(role: .tableHeader, attributes: .bold) : .body)
            } else {
                table?.addCell(endInline())
            }
        case .document, .other:
            break
        }
        return true
    }

    // MARK: Blocks

    /// Starts a leaf block (after a blank line when blocks are separated)
    /// and lets `body` hand its lines, laid out within the columns the
    /// containers leave, to a sink that puts their prefixes in front.
    private func emitBlock(_ body: (inout PrefixingSink<Output>, _ available: Int) -> Void) {
        if let blank = containers.beginBlock() {
            output.append(LineBuilder(), prefix: blank)
        }
        let prefixes = containers.prefixes()
        var sink = PrefixingSink(engine: self, first: prefixes.first, rest: prefixes.rest)
        body(&sink, prefixes.available)
    }

    /// Hands a finished line to the output.
    func append(_ line: LineBuilder, prefix: LinePrefix) {
        output.append(line, prefix: prefix)
    }

    private func emitHeading(_ text: InlineText, level: Int) {
        let plain = text.plainText(omitting: .linkNumber)
        emitBlock { sink, available in
            headings.append(MarkdownHeading(line: output.count, level: level, text: plain))
            HeadingStyle.layout(text, level: level, width: available, symbols: symbols, into: &sink, scratch: &scratchLine)
        }
    }

    private func emitPreformatted(_ literal: UnsafeBufferPointer<UInt8>, style: SpanStyle, indent: Int) {
        emitBlock { sink, available in
            PreformattedLayout(style: style, indent: indent, symbols: symbols).layout(
                literal, width: available, into: &sink, scratch: &scratchLine)
            if sink.count == 0 { sink.take(LineBuilder()) }
        }
    }

    private func emitRule() {
        emitBlock { sink, available in
            var rule = LineBuilder()
            rule.appendRepeated(symbols.rule, count: available, style: SpanStyle(role: .rule))
            sink.take(rule)
        }
    }

    private func emitTable(_ content: TableContent) {
        emitBlock { sink, available in
            for line in TableLayout(content, symbols: symbols).lines(width: available) {
                sink.take(line)
            }
        }
    }

    /// Lays out a list item that holds one paragraph of plain text fitting on one line
    /// (printable ASCII, single spaces between words) the short way, with the lines
    /// the general way gives (tested side by side); false, with nothing done, for any
    /// other item.
    private func emitLineItem(_ item: CmarkNode) -> Bool {
        guard let paragraph = item.firstChild, paragraph.nextSibling == nil, kinds.kind(of: paragraph) == .paragraph,
            let text = paragraph.firstChild, text.nextSibling == nil, kinds.kind(of: text) == .text
        else { return false }
        return text.withLiteral { literal in
            guard SafeText.isPlainLine(literal), let prefixes = containers.lineItem(columns: literal.count) else {
                return false
            }
            if let blank = prefixes.blank {
                output.append(LineBuilder(), prefix: blank)
            }
            scratchLine.reset()
            scratchLine.append(literal, style: .body, width: literal.count)
            output.append(scratchLine, prefix: prefixes.first)
            lineItemCount += 1
            return true
        }
    }

    /// Ends a list item; an empty item still shows its marker.
    private func closeItem() {
        if containers.itemMarkerPending {
            emitBlock { sink, _ in sink.take(LineBuilder()) }
        }
        containers.pop()
    }

    /// Lays out the numbered list of link targets (after everything else).
    private func emitLinkList() {
        guard !links.urls.isEmpty else { return }
        emitBlock { sink, _ in
            links.lines(width: width, symbols: symbols, into: &sink, scratch: &scratchLine)
        }
    }
}
