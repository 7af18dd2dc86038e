import KursusText

/// The open container blocks (block quotes, lists, list items) around the
/// block being laid out. It decides what stands in front of each line and
/// whether blocks are separated by a blank line.
struct ContainerStack {
    private enum Kind {
        case quote
        case list(List)
        case item(Item)
    }

    private struct List {
        var ordered: Bool
        var tight: Bool
        var nextNumber: Int
        var numberWidth: Int
        var delimiter: String
        var bulletDepth: Int
    }

    private struct Item {
        var marker: String
        var markerWidth: Int
        var markerShown = false
    }

    private struct Container {
        var kind: Kind
        /// `blocks` when the container opened; more means it has content.
        var blocksAtEntry: Int
        /// The prefix of continuation lines inside this container (its own
        /// segment after those of the containers around it); nil when it
        /// would be wider than the budget (as it is then for every container
        /// inside, so deep nesting costs no more than shallow).
        var rest: LinePrefix?
        /// Nested deeper than `NestingLimit.maximumDepth`: shows no bar, marker or
        /// indentation of its own.
        var flat = false
    }

    private var containers: [Container] = []
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

    /// Opens a container; `segment` is what a quote or item adds in front of lines (nil
    /// for a list). Beyond the nesting limit a quote or item opens flat.
    private mutating func push(_ kind: Kind, segment: (text: String, width: Int)?, style: SpanStyle = .body) {
        var rest = containers.isEmpty ? LinePrefix.none : containers[containers.count - 1].rest
        var flat = false
        if let segment {
            depth += 1
            flat = depth > NestingLimit.maximumDepth
            if !flat, let outer = rest {
                rest =
                    outer.width + segment.width <= budget
                    ? outer.appending(segment.text, style: style, width: segment.width) : nil
            }
        }
        containers.append(Container(kind: kind, blocksAtEntry: blocks, rest: rest, flat: flat))
    }

    mutating func pushQuote() {
        push(.quote, segment: quoteSegment, style: ContainerStack.quoteStyle)
    }

    mutating func pushList(ordered: Bool, tight: Bool, start: Int, items: Int, parenthesis: Bool) {
        // One deeper than the nearest enclosing bullet list.
        var bulletDepth = 0
        for container in containers.reversed() {
            if case .list(let list) = container.kind {
                bulletDepth = list.bulletDepth + (list.ordered ? 0 : 1)
                break
            }
        }
        let last = start + max(items, 1) - 1
        let list = List(
            ordered: ordered, tight: tight, nextNumber: start,
            numberWidth: max(String(start).utf8.count, String(last).utf8.count),
            delimiter: parenthesis ? ")" : ".", bulletDepth: bulletDepth)
        push(.list(list), segment: nil)
    }

    /// Opens an item of the innermost list; `task` is nil for a plain item,
    /// else whether the task is done.
    mutating func pushItem(task: Bool?) {
        var marker = bulletMarkers[0]
        if let index = containers.indices.last, case .list(var list) = containers[index].kind {
            if list.ordered {
                let number = String(list.nextNumber)
                let padding = max(0, list.numberWidth - number.utf8.count)
                let text = ContainerStack.indent(padding) + number + list.delimiter + " "
                marker = (text, text.utf8.count)
                list.nextNumber += 1
                containers[index].kind = .list(list)
            } else {
                marker = bulletMarkers[list.bulletDepth % bulletMarkers.count]
            }
            if let task {
                let box = task ? taskDone : taskOpen
                marker = list.ordered ? (marker.text + box.text, marker.width + box.width) : box
            }
        }
        var item = Item(marker: marker.text, markerWidth: marker.width)
        item.markerShown = depth >= NestingLimit.maximumDepth
        push(.item(item), segment: (ContainerStack.indent(marker.width), marker.width))
        if !item.markerShown { pendingMarkers += 1 }
    }

    /// Closes the innermost container.
    mutating func pop() {
        guard let last = containers.popLast() else { return }
        switch last.kind {
        case .item(let item):
            depth -= 1
            if !item.markerShown { pendingMarkers -= 1 }
        case .quote:
            depth -= 1
        case .list:
            break
        }
    }

    /// Whether the innermost container is a list item whose marker has not
    /// been shown yet (an empty item, when it is about to close).
    var itemMarkerPending: Bool {
        if let last = containers.last, case .item(let item) = last.kind { return !item.markerShown }
        return false
    }

    /// Called before each leaf block: the prefix of the blank line that
    /// must precede it, if one must. Blocks are separated by a blank line,
    /// except blocks of a tight list.
    mutating func beginBlock() -> LinePrefix? {
        defer { blocks += 1 }
        guard blocks > 0 else { return nil }
        for container in containers.reversed() where blocks > container.blocksAtEntry {
            switch container.kind {
            case .quote: return blankLinePrefix()
            case .list(let list): return list.tight ? nil : blankLinePrefix()
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
        guard let top = containers.last else { return (.none, .none, width) }
        var start = 0
        var rest = LinePrefix.none
        if let fitting = top.rest {
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
            while firstPending < containers.count && !hasPendingMarker(containers[firstPending]) {
                firstPending += 1
            }
        }
        var first = start == 0 && firstPending > 0 ? containers[firstPending - 1].rest ?? LinePrefix() : LinePrefix()
        for index in firstPending..<containers.count where !containers[index].flat {
            switch containers[index].kind {
            case .quote:
                first.append(quoteSegment.text, style: ContainerStack.quoteStyle, width: quoteSegment.width)
            case .list:
                break
            case .item(var item):
                if item.markerShown {
                    first.append(ContainerStack.indent(item.markerWidth), style: .body, width: item.markerWidth)
                } else {
                    first.append(item.marker, style: ContainerStack.markerStyle, width: item.markerWidth)
                    item.markerShown = true
                    pendingMarkers -= 1
                    containers[index].kind = .item(item)
                }
            }
        }
        return (first, rest, available)
    }

    /// The continuation prefix from the innermost containers out, as far as
    /// they fit the budget, and the index of the outermost one included.
    private func innermostPrefix() -> (LinePrefix, Int) {
        var used = 0
        var start = containers.count
        while start > 0 {
            let segment = segmentWidth(containers[start - 1])
            if used + segment > budget { break }
            used += segment
            start -= 1
        }
        var prefix = LinePrefix()
        for container in containers[start...] where !container.flat {
            switch container.kind {
            case .quote: prefix.append(quoteSegment.text, style: ContainerStack.quoteStyle, width: quoteSegment.width)
            case .list: break
            case .item(let item): prefix.append(ContainerStack.indent(item.markerWidth), style: .body, width: item.markerWidth)
            }
        }
        return (prefix, start)
    }

    /// The prefix of a blank line between blocks: the bars of quotes that
    /// already have content (trailing spaces are dropped when it is shown).
    private func blankLinePrefix() -> LinePrefix {
        guard !containers.isEmpty else { return .none }
        var prefix = LinePrefix()
        for container in containers where blocks > container.blocksAtEntry && !container.flat {
            if prefix.width >= width { return .none }
            switch container.kind {
            case .quote: prefix.append(quoteSegment.text, style: ContainerStack.quoteStyle, width: quoteSegment.width)
            case .list: break
            case .item(let item): prefix.append(ContainerStack.indent(item.markerWidth), style: .body, width: item.markerWidth)
            }
        }
        return prefix.width < width ? prefix : .none
    }

    private func hasPendingMarker(_ container: Container) -> Bool {
        if case .item(let item) = container.kind { return !item.markerShown }
        return false
    }

    private func segmentWidth(_ container: Container) -> Int {
        if container.flat { return 0 }
        switch container.kind {
        case .quote: return quoteSegment.width
        case .list: return 0
        case .item(let item): return item.markerWidth
        }
    }
}
