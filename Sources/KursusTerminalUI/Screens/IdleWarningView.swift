import Foundation
import KursusText

/// The idle lock's countdown, a box over whatever is on screen: "Locking in 0:59 – press
/// a key to continue". Any key closes it (the reducer makes that key do nothing else).
enum IdleWarningView {
    static func draw(lockAt: Date, now: Date, _ context: ScreenContext, into grid: inout Grid) {
        let strings = context.strings
        let lines =
            [strings(.idleWarning, ["time": countdown(lockAt.timeIntervalSince(now))]), strings(.idleWarningSaved)]
        let innerWidth = min(grid.width - 8, max(40, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 2))
        let wrapped = lines.flatMap { WordWrap.lines($0, width: innerWidth - 2) }
        let height = min(grid.height - 2, wrapped.count + 2 + 1)
        let width = innerWidth + 2
        let left = max(0, (grid.width - width) / 2)
        let top = max(0, (grid.height - height) / 2)
        Frame.draw(x: left, y: top, width: width, height: height, title: nil, context.symbols, into: &grid)
        var y = top + 1
        for (index, line) in wrapped.enumerated() where y < top + height - 1 {
            // The countdown in bold, the reassurance under it.
            grid.put(line, x: left + 2, y: y, style: index == 0 ? CellStyle(.warning, .bold) : .plain, maxWidth: innerWidth - 2)
            y += index == 0 ? 2 : 1
        }
    }

    /// Seconds left as m:ss, rounded up so the lock comes as the count reaches 0:00.
    static func countdown(_ seconds: TimeInterval) -> String {
        let whole = max(0, Int(seconds.rounded(.up)))
        let padded = whole % 60 < 10 ? "0\(whole % 60)" : "\(whole % 60)"
        return "\(whole / 60):\(padded)"
    }
}
