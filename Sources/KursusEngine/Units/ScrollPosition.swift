/// A scrolling view of content whose length the screen measures: the first visible
/// line and, once measured, how many lines there are. Lessons, quiz pages and the
/// scenario debrief all scroll with it.
public struct ScrollPosition: Hashable, Sendable, Codable {
    /// The first visible line.
    public var offset: Int
    /// Lines of content at the current width; nil until measured.
    public var lineCount: Int?

    public init(offset: Int = 0, lineCount: Int? = nil) {
        self.offset = max(0, offset)
        self.lineCount = lineCount
    }

    /// The largest offset that still fills `rows` rows.
    public func maximum(rows: Int) -> Int {
        max(0, (lineCount ?? 0) - rows)
    }

    /// Whether the last line is on screen.
    public func endVisible(rows: Int) -> Bool {
        guard let lineCount else { return false }
        return offset + rows >= lineCount
    }

    /// Percentage of the content read down to the bottom of the screen.
    public func percentRead(rows: Int) -> Int {
        guard let lineCount, lineCount > 0 else { return 0 }
        return min(100, (min(lineCount, offset + rows) * 100) / lineCount)
    }

    /// Keeps the offset within the content (unmeasured content does not limit it).
    public mutating func clamp(rows: Int) {
        offset = max(0, lineCount == nil ? offset : min(offset, maximum(rows: rows)))
    }

    /// Moves by the scrolling commands (line, page, top, bottom); false for any other
    /// command. A page leaves one line of context.
    public mutating func apply(_ command: PlayerCommand, rows: Int) -> Bool {
        let page = max(1, rows - 1)
        switch command {
        case .lineUp: offset -= 1
        case .lineDown: offset += 1
        case .pageUp: offset -= page
        case .pageDown: offset += page
        case .top: offset = 0
        case .bottom: offset = lineCount == nil ? offset : maximum(rows: rows)
        default: return false
        }
        clamp(rows: rows)
        return true
    }

    /// A new measurement: when the length changed (laid out again at a new width), the
    /// offset is scaled so roughly the same text stays in view.
    public mutating func measured(_ lines: Int, rows: Int) {
        if let old = lineCount, old > 0, old != lines { offset = offset * lines / old }
        lineCount = max(0, lines)
        clamp(rows: rows)
    }
}
