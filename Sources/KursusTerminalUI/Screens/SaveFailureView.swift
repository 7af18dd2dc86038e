import Foundation
import KursusEngine
import KursusText

/// What the screen shows while saving fails (issue 16): the failure's reason in full on
/// the row above the key hints (the lower rule), wrapped onto the hint row when it needs
/// two lines; and, when the learner asks to quit, the quit warning over the screen.
enum SaveFailureView {
    /// The failure line, "NOT SAVED – will retry: k.json: cannot save progress: No space
    /// left on device". The folder part of a leading path is left out (the file's name is
    /// enough on screen; the quit warning and standard error give the whole path).
    static func line(_ message: String, _ context: ScreenContext) -> String {
        context.strings(.saveFailedLine, ["message": shortened(message)])
    }

    /// `message` with the folders of a leading absolute path left out.
    static func shortened(_ message: String) -> String {
        guard message.hasPrefix("/"), let colon = message.range(of: ": ") else { return message }
        let path = String(message[..<colon.lowerBound])
        return URL(fileURLWithPath: path).lastPathComponent + message[colon.lowerBound...]
    }

    /// Draws the failure over the lower rule (and, when it needs a second line, over the
    /// key hints): danger colours, reversed, the whole width.
    static func drawLine(_ message: String, _ context: ScreenContext, into grid: inout Grid) {
        let width = grid.width - 2
        let lines = Chrome.wrapped(line(message, context), width: width, lines: 2, context.symbols)
        let style = CellStyle(.danger, [.bold, .reverse])
        for (index, text) in lines.enumerated() {
            let y = grid.height - 2 + index
            grid.fill(y: y, style: style)
            grid.put(" " + text, x: 0, y: y, style: style, maxWidth: grid.width)
        }
    }

    /// The warning's third answer: quit, switch learner or leave the course anyway.
    static func anywayKey(_ warning: QuitWarning) -> L10nKey {
        switch warning.leaving {
        case .quit: .quitWarningQuit
        case .switchLearner: .quitWarningSwitch
        case .catalogue: .quitWarningCatalogue
        }
    }

    /// The quit warning: why saving fails (in full), and the three answers.
    static func drawWarning(_ warning: QuitWarning, message: String, _ context: ScreenContext, into grid: inout Grid) {
        let strings = context.strings
        let innerWidth = min(grid.width - 6, 66)
        let textWidth = innerWidth - 2
        var lines: [(String, CellStyle)] = WordWrap.lines(strings(.quitWarningText, ["message": message]), width: textWidth).map { ($0, .plain) }
        lines.append(("", .plain))
        if warning.retrying {
            lines.append((strings(.quitWarningRetrying), CellStyle(.warning, .bold)))
        } else {
            for key: L10nKey in [.quitWarningRetry, .quitWarningWait, anywayKey(warning)] {
                lines += WordWrap.lines(strings(key), width: textWidth).map { ($0, CellStyle(.normal, .bold)) }
            }
        }
        // Room for the frame; the reason is cut last-line-first when the screen is small.
        let available = grid.height - 2 - 2
        if lines.count > available { lines.removeFirst(lines.count - available) }
        let height = lines.count + 2
        let width = innerWidth + 2
        let left = max(0, (grid.width - width) / 2)
        let top = max(0, (grid.height - height) / 2)
        Frame.draw(x: left, y: top, width: width, height: height, title: strings(.quitWarningTitle), context.symbols, into: &grid)
        for (index, (line, style)) in lines.enumerated() {
            grid.put(line, x: left + 2, y: top + 1 + index, style: style, maxWidth: textWidth)
        }
    }
}
