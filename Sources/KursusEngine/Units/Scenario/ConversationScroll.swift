/// How far a conversation is scrolled, counted in wrapped lines as the screen lays them
/// out: the first visible line, and the length and rows of the box the screen last
/// measured. It follows the newest line until the learner scrolls up, and again once they
/// scroll back to the end (or make a choice), so a new line shows without a key while
/// someone reading further up is not pulled away from what they read.
///
/// The call screen's conversation box and the full transcript (`t`) each have one.
public struct ConversationScroll: Codable, Hashable, Sendable {
    /// The first visible line and, once measured, the number of wrapped lines.
    public var position: ScrollPosition
    /// The rows of the box the lines are shown in, as last measured.
    public var rows: Int
    /// The newest line is kept in view.
    public var followsNewest: Bool

    public init() {
        position = ScrollPosition()
        rows = 1
        followsNewest = true
    }

    /// A page: the box's height less one line kept for context.
    public var page: Int { max(1, rows - 1) }

    /// The first line to show of `lines` lines in `rows` rows. The screen draws with it, so
    /// a new line shows at once, before its measurement reaches the engine.
    public func firstLine(lines: Int, rows: Int) -> Int {
        let last = max(0, lines - max(1, rows))
        return followsNewest ? last : min(position.offset, last)
    }

    /// Scrolls by `lines` (negative towards older lines). Unmeasured content does not move.
    public mutating func scroll(by lines: Int) {
        guard position.lineCount != nil else { return }
        if followsNewest { position.offset = position.maximum(rows: rows) }
        position.offset = max(0, position.offset + lines)
        position.clamp(rows: rows)
        followsNewest = position.endVisible(rows: rows)
    }

    /// Scrolls by whole pages (negative towards older lines).
    public mutating func scroll(pages: Int) {
        scroll(by: pages * page)
    }

    /// The oldest line at the top.
    public mutating func toTop() {
        guard position.lineCount != nil else { return }
        position.offset = 0
        followsNewest = position.endVisible(rows: rows)
    }

    /// The newest line at the bottom, and kept there as lines arrive.
    public mutating func toNewest() {
        followsNewest = true
        position.offset = position.maximum(rows: rows)
    }

    /// A new measurement. `relaidOut`: the same lines were laid out again at another
    /// width, so the offset is scaled to keep roughly the same text in view; otherwise
    /// lines were added at the end and the view stays where the learner left it.
    public mutating func measured(lines: Int, rows: Int, relaidOut: Bool) {
        self.rows = max(1, rows)
        if relaidOut {
            position.measured(lines, rows: self.rows)
        } else {
            position.lineCount = max(0, lines)
            position.clamp(rows: self.rows)
        }
        if followsNewest || position.endVisible(rows: self.rows) {
            followsNewest = true
            position.offset = position.maximum(rows: self.rows)
        }
    }
}
