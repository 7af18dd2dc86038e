import Foundation

/// Inline SVG charts for the HTML report. Every chart is `<svg role="img">` labelled by
/// its `<title>` and `<desc>`, and the description gives the numbers the chart shows, so a
/// screen reader (or a reader without colour) loses nothing. Drawn in a 640-unit-wide
/// view box, which the page scales to at most 170 mm (A4's text width).
struct SVGChart {
    static let width = 640.0
    let id: String
    let title: String
    let description: String

    /// Wraps the chart's drawing in the svg element with its text alternative.
    func svg(height: Double, _ body: String) -> String {
        """
        <figure class="chart"><svg role="img" aria-labelledby="\(id)-title \(id)-desc" viewBox="0 0 \(Self.width.svg) \(height.svg)" \
        width="\(Self.width.svg)" height="\(height.svg)" xmlns="http://www.w3.org/2000/svg">\
        <title id="\(id)-title">\(HTMLEscaping.escape(title))</title><desc id="\(id)-desc">\(HTMLEscaping.escape(description))</desc>\
        \(body)</svg></figure>

        """
    }

    /// Text shortened to about `characters` characters, escaped.
    static func label(_ text: String, characters: Int) -> String {
        let clean = text.count > characters ? String(text.prefix(max(1, characters - 1))) + "…" : text
        return HTMLEscaping.escape(clean)
    }

    // MARK: Horizontal bars

    /// One row of a bar chart: shares 0–100 per series (nil: suppressed or none), and the
    /// text written after the bars.
    struct BarRow {
        var label: String
        var values: [Double?]
        var valueText: String
    }

    /// Horizontal bars, one row per item. With several series (started, completed,
    /// passed) the bars overlap from the left, widest first, as a funnel.
    func bars(series: [(name: String, color: String)], rows: [BarRow]) -> String {
        let labelWidth = 230.0
        let barWidth = 300.0
        let rowHeight = 22.0
        let legendHeight = series.count > 1 ? 22.0 : 0
        var body = ""
        if series.count > 1 {
            var x = labelWidth
            for item in series {
                body += "<rect x=\"\(x.svg)\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(item.color)\"/>"
                body += "<text x=\"\((x + 16).svg)\" y=\"14\" class=\"legend\">\(HTMLEscaping.escape(item.name))</text>"
                x += 16 + Double(item.name.count) * 7 + 18
            }
        }
        for (index, row) in rows.enumerated() {
            let y = legendHeight + Double(index) * rowHeight
            body += "<text x=\"\((labelWidth - 8).svg)\" y=\"\((y + 15).svg)\" text-anchor=\"end\">\(Self.label(row.label, characters: 32))</text>"
            body += "<rect x=\"\(labelWidth.svg)\" y=\"\((y + 3).svg)\" width=\"\(barWidth.svg)\" height=\"16\" class=\"track\"/>"
            let drawn = zip(row.values, series).compactMap { value, item in value.map { ($0, item.color) } }.sorted { $0.0 > $1.0 }
            for (value, color) in drawn {
                let length = max(0, min(100, value)) / 100 * barWidth
                body += "<rect x=\"\(labelWidth.svg)\" y=\"\((y + 3).svg)\" width=\"\(length.svg)\" height=\"16\" fill=\"\(color)\"/>"
            }
            body += "<text x=\"\((labelWidth + barWidth + 8).svg)\" y=\"\((y + 15).svg)\">\(HTMLEscaping.escape(row.valueText))</text>"
        }
        return svg(height: legendHeight + Double(rows.count) * rowHeight + 4, body)
    }

    // MARK: Diverging stacked bars

    /// One Likert item: answers per point, lowest first (nil: suppressed).
    struct LikertRow {
        var label: String
        var counts: [Int]?
        var valueText: String
    }

    /// Colours of a scale of `points` points: reds below the middle, grey at it, blues above.
    static func palette(points: Int) -> [String] {
        let reds = ["#b2182b", "#d6604d", "#f4a582", "#fddbc7"]
        let blues = ["#d1e5f0", "#92c5de", "#4393c3", "#2166ac"]
        let side = points / 2
        let darkFirst = side == 0 ? [] : side == 1 ? [1] : side == 2 ? [0, 2] : (0..<side).map { min(3, $0 * 4 / side) }
        let negative = darkFirst.map { reds[$0] }
        let positive = darkFirst.reversed().map { blues[3 - $0] }
        return negative + (points % 2 == 1 ? ["#d9d9d9"] : []) + positive
    }

    /// Diverging stacked bars around a centre line: the points below the middle of the
    /// scale to the left, above it to the right, the middle point split across the centre.
    func diverging(scale labels: [String], rows: [LikertRow]) -> String {
        let labelWidth = 230.0
        let half = 130.0
        let centre = labelWidth + half
        let rowHeight = 24.0
        let legendHeight = 22.0
        let colors = Self.palette(points: labels.count)
        var body = ""
        var x = 4.0
        for (index, name) in labels.enumerated() {
            body += "<rect x=\"\(x.svg)\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(colors[index])\"/>"
            let shown = Self.label(name, characters: 16)
            body += "<text x=\"\((x + 16).svg)\" y=\"14\" class=\"legend\">\(shown)</text>"
            x += 16 + Double(min(16, name.count)) * 6.5 + 12
        }
        for (index, row) in rows.enumerated() {
            let y = legendHeight + Double(index) * rowHeight
            body += "<text x=\"\((labelWidth - 8).svg)\" y=\"\((y + 16).svg)\" text-anchor=\"end\">\(Self.label(row.label, characters: 32))</text>"
            if let counts = row.counts, counts.count == labels.count, counts.reduce(0, +) > 0 {
                let total = Double(counts.reduce(0, +))
                let middle = labels.count % 2 == 1 ? Double(counts[labels.count / 2]) : 0
                let below = Double(counts.prefix(labels.count / 2).reduce(0, +))
                var start = centre - (below + middle / 2) / total * half
                for (point, count) in counts.enumerated() where count > 0 {
                    let length = Double(count) / total * half
                    body += "<rect x=\"\(start.svg)\" y=\"\((y + 4).svg)\" width=\"\(length.svg)\" height=\"16\" fill=\"\(colors[point])\"/>"
                    start += length
                }
            }
            body += "<text x=\"\((centre + half + 8).svg)\" y=\"\((y + 16).svg)\">\(HTMLEscaping.escape(row.valueText))</text>"
        }
        let bottom = legendHeight + Double(rows.count) * rowHeight
        body += "<line x1=\"\(centre.svg)\" y1=\"\(legendHeight.svg)\" x2=\"\(centre.svg)\" y2=\"\(bottom.svg)\" class=\"axis\"/>"
        return svg(height: bottom + 4, body)
    }

    // MARK: Mean change with confidence interval

    struct ChangeRow {
        var label: String
        var change: Double?
        var lower: Double?
        var upper: Double?
        var valueText: String
    }

    /// Each row's mean change as a dot and its 95 % interval as a line, around a zero line.
    func changes(_ rows: [ChangeRow], tick: (Double) -> String) -> String {
        let labelWidth = 200.0
        let plotWidth = 260.0
        let rowHeight = 22.0
        let values = rows.flatMap { [$0.change, $0.lower, $0.upper].compactMap { $0 } }.filter(\.isFinite).map(abs)
        let extent = min(1e6, max(0.5, values.max() ?? 0.5))
        let scale = (extent * 2).rounded(.up) / 2
        func x(_ value: Double) -> Double { labelWidth + plotWidth / 2 + value / scale * plotWidth / 2 }
        var body = ""
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight + 11
            body += "<text x=\"\((labelWidth - 8).svg)\" y=\"\((y + 4).svg)\" text-anchor=\"end\">\(Self.label(row.label, characters: 28))</text>"
            if let lower = row.lower, let upper = row.upper, lower.isFinite, upper.isFinite {
                body += "<line x1=\"\(x(lower).svg)\" y1=\"\(y.svg)\" x2=\"\(x(upper).svg)\" y2=\"\(y.svg)\" class=\"interval\"/>"
            }
            if let change = row.change, change.isFinite { body += "<circle cx=\"\(x(change).svg)\" cy=\"\(y.svg)\" r=\"4\" class=\"point\"/>" }
            body += "<text x=\"\((labelWidth + plotWidth + 8).svg)\" y=\"\((y + 4).svg)\">\(HTMLEscaping.escape(row.valueText))</text>"
        }
        let bottom = Double(rows.count) * rowHeight
        body += "<line x1=\"\(x(0).svg)\" y1=\"0\" x2=\"\(x(0).svg)\" y2=\"\(bottom.svg)\" class=\"axis\"/>"
        for value in [-scale, 0, scale] {
            body +=
                "<text x=\"\(x(value).svg)\" y=\"\((bottom + 14).svg)\" text-anchor=\"middle\" class=\"legend\">\(HTMLEscaping.escape(tick(value)))</text>"
        }
        return svg(height: bottom + 20, body)
    }
}

extension Double {
    /// A coordinate for SVG: at most two decimals (no trailing zeros), a point as separator,
    /// no "-0"; "0" for a value that is not a number or absurdly large.
    var svg: String {
        guard isFinite, abs(self) < 1e9 else { return "0" }
        let rounded = (self * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
