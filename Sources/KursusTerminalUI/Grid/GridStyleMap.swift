import KursusMarkdown

/// The grid's styles as text, so a test can compare them as it compares the grid's text:
/// selection is reverse video and status is never shown by colour alone, so a screen
/// whose text is right can still be wrong. Modelled on ratatui's `Buffer` assertions.
///
///     -- styles: row: first-last column tint+attributes (b bold, d dim, …); other cells plain --
///      1: 0-79 muted+d
///      5: 2-79 normal+br
///     23: 2-3 accent+b, 48-63 muted
///
/// Each listed row gives its runs of one style, left to right, by column (a wide character
/// covers two). Cells in the plain style (`normal`, no attributes) are left out, and so are
/// rows with nothing else.
extension Grid {
    /// The header line that starts a style map; it also explains the notation.
    public static let styleMapHeader =
        "-- styles: row: first-last column tint+attributes "
        + "(b bold, d dim, i italic, r reverse, s strikethrough, u underline); other cells plain --"

    /// The style map: the header, then one line per row that has a cell not in the plain style.
    public var styleMap: String {
        let rowNumberWidth = String(max(0, height - 1)).count
        var lines = [Grid.styleMapHeader]
        for y in 0..<height {
            let runs = styleRuns(row: y).filter { $0.style != .plain }
            guard !runs.isEmpty else { continue }
            let number = String(y)
            let label = String(repeating: " ", count: rowNumberWidth - number.count) + number
            let entries = runs.map { run in
                let columns = run.first == run.last ? "\(run.first)" : "\(run.first)-\(run.last)"
                return "\(columns) \(run.style.code)"
            }
            lines.append("\(label): \(entries.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }

    /// The row's runs of equal style by column, every cell counted (a wide character's
    /// right half too), so the columns line up with the row's text on screen.
    public func styleRuns(row y: Int) -> [(first: Int, last: Int, style: CellStyle)] {
        guard y >= 0, y < height else { return [] }
        var runs: [(first: Int, last: Int, style: CellStyle)] = []
        for x in 0..<width {
            let style = self[x, y].style
            if let last = runs.last, last.style == style {
                runs[runs.count - 1].last = x
            } else {
                runs.append((x, x, style))
            }
        }
        return runs
    }
}

extension CellStyle {
    /// The style as written in a style map: the tint, then `+` and one letter per attribute
    /// in alphabetical order (`accent+br` is accent, bold and reverse).
    public var code: String {
        let letters: [(TextAttributes, Character)] = [
            (.bold, "b"), (.dim, "d"), (.italic, "i"), (.reverse, "r"), (.strikethrough, "s"), (.underline, "u"),
        ]
        let shown = String(letters.filter { attributes.contains($0.0) }.map(\.1))
        return shown.isEmpty ? tint.rawValue : "\(tint.rawValue)+\(shown)"
    }
}
