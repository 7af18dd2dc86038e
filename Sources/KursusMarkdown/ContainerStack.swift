import KursusText

/// The open container blocks (block quotes, lists, list items) around the
/// block being laid out. It decides what stands in front of each line and
/// whether blocks are separated by a blank line.
struct ContainerStack {
    private var containers: [OpenContainer] = []
    /// Quotes and items open (lists do not count: an item is one level).
    private var depth = 0
    private let symbols: MarkdownGlyphs
    private let width: Int
    /// The most columns prefixes may take, leaving room for content.
    private let budget: Int
    /// Leaf blocks laid out so far.
    private(set) var blocks = 0
    /// Items whose marker has not been shown yet.
    private var pendingMarkers = 0
    /// Bullet markers by depth, with their trailing space, and their width.
    private let bulletMarkers: [(text: String, width: Int)]
    /// The quote bar with its trailing space, and its width.
    private let quoteSegment: (text: String, width: Int)
    private let taskDone: (text: String, width: Int)
    private let taskOpen: (text: String, width: Int)

    init(symbols: MarkdownGlyphs, width: Int) {
        self.symbols = symbols
        self.width = width
        self.budget = max(0, width - max(1, min(10, width / 2)))
        func measured(_ text: String) -> (text: String, width: Int) { (text, DisplayWidth.of(text)) }
        self.bulletMarkers = symbols.bullets.map { measured($0 + " ") }
        self.quoteSegment = measured(symbols.quoteBar + " ")
        self.taskDone = measured(symbols.taskDone + " ")
        self.taskOpen = measured(symbols.taskOpen + " ")
    }

    private static let spaces: [String] = (0...16).map { String(repeating: " ", count: $0) }

    /// `count` spaces.
    private static func indent(_ count: Int) -> String {
        count < spaces.count ? spaces[count] : String(repeating: " ", count: count)
    }

    private static let quoteStyle = SpanStyle(role: .quote)
    private static let markerStyle = SpanStyle(role: .listMarker)

    /// The continuation prefix of the innermost container (none outside all).
    private var innermostRest: LinePrefix? {
        containers.isEmpty ? LinePrefix.none : containers[containers.count - 1].rest
    }

    /// `outer` followed by `segment`, or nil when that is wider than the budget.
    private func nested(_ outer: LinePrefix, _ segment: (text: String, width: Int), style: SpanStyle) -> LinePrefix? {
        outer.width + segment.width <= budget ? outer.appending(segment.text, style: style, width: segment.width) : nil
    }

    mutating func pushQuote() {
        depth += 1
        let flat = depth > NestingLimit.maximumDepth
        var rest = innermostRest
        if !flat, let outer = rest {
            rest = nested(outer, quoteSegment, style: ContainerStack.quoteStyle)
        }
        containers.append(OpenContainer(kind: .quote, blocksAtEntry: blocks, rest: rest, flat: flat))
    }

    mutating func pushList(ordered: Bool, tight: Bool, start: Int, items: Int, parenthesis: Bool) {
        // One deeper than the nearest enclosing bullet list.
        var bulletDepth = 0
        for index in containers.indices.reversed() where containers[index].kind == .list {
            bulletDepth = containers[index].bulletDepth + (containers[index].ordered ? 0 : 1)
            break
        }
        let last = start + max(items, 1) - 1
        var list = OpenContainer(kind: .list, blocksAtEntry: blocks, rest: innermostRest)
        list.ordered = ordered
        list.tight = tight
        list.nextNumber = start
        list.numberWidth = max(String(start).utf8.count, String(last).utf8.count)
        list.parenthesis = parenthesis
        list.bulletDepth = bulletDepth
        containers.append(list)
    }

    /// Opens an item of the innermost list; `task` is nil for a plain item,
    /// else whether the task is done.
    mutating func pushItem(task: Bool?) {
        var marker = bulletMarkers[0]
        let list = containers.indices.last.flatMap { containers[$0].kind == .list ? $0 : nil }
        if let list {
            marker = nextMarker(of: list)
            let ordered = containers[list].ordered
            if ordered { containers[list].nextNumber += 1 }
            if let task {
                let box = task ? taskDone : taskOpen
                marker = ordered ? (marker.text + box.text, marker.width + box.width) : box
            }
        }
        let shown = depth >= NestingLimit.maximumDepth
        depth += 1
        let flat = depth > NestingLimit.maximumDepth
        var rest = innermostRest
        if !flat, let outer = rest {
            if let list {
                rest = itemRest(of: list, markerWidth: marker.width, outer: outer)
            } else {
                rest = nested(outer, (ContainerStack.indent(marker.width), marker.width), style: .body)
            }
        }
        var item = OpenContainer(kind: .item, blocksAtEntry: blocks, rest: rest, flat: flat)
        item.marker = marker.text
        item.markerWidth = marker.width
        item.markerShown = shown
        containers.append(item)
        if !shown { pendingMarkers += 1 }
    }

    /// The marker of the next item of list `list` (a task's box not included): its
    /// bullet, or its number padded to the list's widest.
    private func nextMarker(of list: Int) -> (text: String, width: Int) {
        guard containers[list].ordered else { return bulletMarkers[containers[list].bulletDepth % bulletMarkers.count] }
        let number = String(containers[list].nextNumber)
        let padding = max(0, containers[list].numberWidth - number.utf8.count)
        let text = ContainerStack.indent(padding) + number + (containers[list].parenthesis ? ")" : ".") + " "
        return (text, text.utf8.count)
    }

    /// The continuation prefix of an item of list `list` whose marker is `markerWidth`
    /// wide (`outer`: the list's own), kept in the list for its next items.
    private mutating func itemRest(of list: Int, markerWidth: Int, outer: LinePrefix) -> LinePrefix? {
        if containers[list].itemRestWidth != markerWidth {
            containers[list].itemRestWidth = markerWidth
            containers[list].itemRest = nested(outer, (ContainerStack.indent(markerWidth), markerWidth), style: .body)
        }
        return containers[list].itemRest
    }

    /// The first line's prefix of an item of list `list` that shows `marker` after the
    /// list's own prefix `outer`; a bullet list keeps it for its next items.
    private mutating func markerLine(of list: Int, marker: (text: String, width: Int), outer: LinePrefix) -> LinePrefix {
        guard !containers[list].ordered else {
            return outer.appending(marker.text, style: ContainerStack.markerStyle, width: marker.width)
        }
        if containers[list].firstLineMarker != marker.text {
            containers[list].firstLine = outer.appending(marker.text, style: ContainerStack.markerStyle, width: marker.width)
            containers[list].firstLineMarker = marker.text
        }
        return containers[list].firstLine
    }

    /// Closes the innermost container.
    mutating func pop() {
        guard let index = containers.indices.last else { return }
        switch containers[index].kind {
        case .item:
            depth -= 1
            if !containers[index].markerShown { pendingMarkers -= 1 }
        case .quote:
            depth -= 1
        case .list:
            break
        }
        containers.removeLast()
    }

    /// Whether the innermost container is a list item whose marker has not
    /// been shown yet (an empty item, when it is about to close).
    var itemMarkerPending: Bool {
        guard let index = containers.indices.last else { return false }
        return hasPendingMarker(index)
    }

    /// Called before each leaf block: the prefix of the blank line that
    /// must precede it, if one must. Blocks are separated by a blank line,
    /// except blocks of a tight list.
    mutating func beginBlock() -> LinePrefix? {
        defer { blocks += 1 }
        guard blocks > 0 else { return nil }
        for index in containers.indices.reversed() where blocks > containers[index].blocksAtEntry {
            switch containers[index].kind {
            case .quote: return blankLinePrefix()
            case .list: return containers[index].tight ? nil : blankLinePrefix()
            case .item: continue
            }
        }
        return blankLinePrefix()
    }

    /// The prefixes for a block's first line (showing pending list markers,
    /// which are then marked shown) and its other lines, and the columns
    /// left for content. When the prefixes would leave less than a minimum
    /// for content, the outermost containers' prefixes are left out.
    mutating func prefixes() -> (first: LinePrefix, rest: LinePrefix, available: Int) {
        guard let top = containers.indices.last else { return (.none, .none, width) }
        var start = 0
        var rest = LinePrefix.none
        if let fitting = containers[top].rest {
            rest = fitting
        } else {
            (rest, start) = innermostPrefix()
        }
        let available = max(1, width - rest.width)
        guard pendingMarkers > 0 else { return (rest, rest, available) }
        // Containers before the first pending marker keep their continuation
        // prefix on the first line too.
        var firstPending = start
        if start == 0 {
            while firstPending < containers.count && !hasPendingMarker(firstPending) {
                firstPending += 1
            }
            if firstPending == top && top > 0, let first = bulletLine(item: top) {
                return (first, rest, available)
            }
        }
        var first = start == 0 && firstPending > 0 ? containers[firstPending - 1].rest ?? LinePrefix() : LinePrefix()
        for index in firstPending..<containers.count where !containers[index].flat {
            switch containers[index].kind {
            case .quote:
                first.append(quoteSegment.text, style: ContainerStack.quoteStyle, width: quoteSegment.width)
            case .list:
                break
            case .item:
                if containers[index].markerShown {
                    first.append(ContainerStack.indent(containers[index].markerWidth), style: .body, width: containers[index].markerWidth)
                } else {
                    first.append(containers[index].marker, style: ContainerStack.markerStyle, width: containers[index].markerWidth)
                    containers[index].markerShown = true
                    pendingMarkers -= 1
                }
            }
        }
        return (first, rest, available)
    }

    /// Lays out, in one step, a list item whose content is one line of `columns`
    /// columns, as `pushItem(task: nil)`, `beginBlock()`, `prefixes()` and `pop()`
    /// would: the prefix of the blank line before it (if any) and of its line. Only in
    /// the plain case (the item directly in a list, no other marker pending, within
    /// the nesting limit and the prefix budget, the line fits); nil otherwise, and
    /// nothing changed: the caller then takes the general way. A long list of short
    /// items mostly goes this way, without opening a container for each item.
    mutating func lineItem(columns: Int) -> (blank: LinePrefix?, first: LinePrefix)? {
        guard let list = containers.indices.last, containers[list].kind == .list, pendingMarkers == 0,
            depth < NestingLimit.maximumDepth, let outer = containers[list].rest
        else { return nil }
        let marker = nextMarker(of: list)
        guard let rest = itemRest(of: list, markerWidth: marker.width, outer: outer), columns <= max(1, width - rest.width) else {
            return nil
        }
        let blank = beginBlock()
        let first = markerLine(of: list, marker: marker, outer: outer)
        if containers[list].ordered { containers[list].nextNumber += 1 }
        return (blank, first)
    }

    /// The first-line prefix when only the innermost item's marker is pending, that
    /// item is in a bullet list and the list has its continuation prefix: that prefix
    /// and the marker, as `prefixes` would build it, kept in the list so that its next
    /// items reuse it. Marks the marker shown. Nil in any other case.
    private mutating func bulletLine(item index: Int) -> LinePrefix? {
        let list = index - 1
        guard containers[index].kind == .item, !containers[index].markerShown, !containers[index].flat,
            containers[list].kind == .list, !containers[list].ordered, let outer = containers[list].rest
        else { return nil }
        let first = markerLine(of: list, marker: (containers[index].marker, containers[index].markerWidth), outer: outer)
        containers[index].markerShown = true
        pendingMarkers -= 1
        return first
    }

    /// The continuation prefix from the innermost containers out, as far as
    /// they fit the budget, and the index of the outermost one included.
    private func innermostPrefix() -> (LinePrefix, Int) {
        var used = 0
        var start = containers.count
        while start > 0 {
            let segment = segmentWidth(start - 1)
            if used + segment > budget { break }
            used += segment
            start -= 1
        }
        var prefix = LinePrefix()
        for index in start..<containers.count where !containers[index].flat {
            appendSegment(index, to: &prefix)
        }
        return (prefix, start)
    }

    /// The prefix of a blank line between blocks: the bars of quotes that
    /// already have content (trailing spaces are dropped when it is shown).
    private func blankLinePrefix() -> LinePrefix {
        guard !containers.isEmpty else { return .none }
        var prefix = LinePrefix()
        for index in containers.indices where blocks > containers[index].blocksAtEntry && !containers[index].flat {
            if prefix.width >= width { return .none }
            appendSegment(index, to: &prefix)
        }
        return prefix.width < width ? prefix : .none
    }

    /// Appends the continuation segment of container `index`: a quote's bar, an
    /// item's indentation.
    private func appendSegment(_ index: Int, to prefix: inout LinePrefix) {
        switch containers[index].kind {
        case .quote: prefix.append(quoteSegment.text, style: ContainerStack.quoteStyle, width: quoteSegment.width)
        case .list: break
        case .item:
            let width = containers[index].markerWidth
            prefix.append(ContainerStack.indent(width), style: .body, width: width)
        }
    }

    private func hasPendingMarker(_ index: Int) -> Bool {
        containers[index].kind == .item && !containers[index].markerShown
    }

    private func segmentWidth(_ index: Int) -> Int {
        if containers[index].flat { return 0 }
        switch containers[index].kind {
        case .quote: return quoteSegment.width
        case .list: return 0
        case .item: return containers[index].markerWidth
        }
    }
}
