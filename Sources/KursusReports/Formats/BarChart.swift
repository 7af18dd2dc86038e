import Foundation

/// Unicode bars for the terminal report: a bar in eighths of a cell (█▏▎▍▌▋▊▉) and a
/// diverging bar around a centre line for Likert items.
enum BarChart {
    /// The partial cells, by eighths (index 0 draws nothing).
    static let eighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `fraction` (clamped to 0…1) of `width` cells long, to the nearest eighth of a
    /// cell, without trailing spaces. Empty for a width below 1 or a fraction that is not
    /// a number.
    static func bar(fraction: Double, width: Int) -> String {
        guard width > 0, fraction.isFinite else { return "" }
        let eighthsTotal = Int((min(1, max(0, fraction)) * Double(width * 8)).rounded())
        var bar = String(repeating: "█", count: eighthsTotal / 8)
        if eighthsTotal % 8 > 0 { bar.append(eighths[eighthsTotal % 8]) }
        return bar
    }

    /// One part of a diverging bar.
    enum Segment: Sendable, Equatable {
        case negative, neutral, positive, blank, centre
    }

    /// A diverging bar: `negative` (0–100) to the left of a centre line, `positive` to the
    /// right, `neutral` split evenly across the centre. Each side is `halfWidth` cells,
    /// whole cells only (▒ negative, ░ neutral, █ positive); `paint` styles each run of
    /// one segment (the identity without colour). Always `2 × halfWidth + 1` cells wide.
    static func diverging(
        negative: Double, neutral: Double, positive: Double, halfWidth: Int,
        paint: (String, Segment) -> String = { text, _ in text }
    ) -> String {
        let half = max(1, halfWidth)
        func cells(_ share: Double) -> Int { share.isFinite ? Int((max(0, min(100, share)) * Double(half) / 100).rounded()) : 0 }
        let neutralHalf = neutral / 2
        let leftTotal = min(half, cells(negative + neutralHalf))
        let leftNeutral = min(leftTotal, cells(neutralHalf))
        let rightTotal = min(half, cells(positive + neutralHalf))
        let rightNeutral = min(rightTotal, cells(neutralHalf))
        var result = ""
        func run(_ count: Int, _ character: Character, _ segment: Segment) {
            guard count > 0 else { return }
            let text = String(repeating: character, count: count)
            result += segment == .blank ? text : paint(text, segment)
        }
        run(half - leftTotal, " ", .blank)
        run(leftTotal - leftNeutral, "▒", .negative)
        run(leftNeutral, "░", .neutral)
        result += paint("│", .centre)
        run(rightNeutral, "░", .neutral)
        run(rightTotal - rightNeutral, "█", .positive)
        run(half - rightTotal, " ", .blank)
        return result
    }
}
