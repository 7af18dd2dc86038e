import Foundation
import KursusText

/// One CSV file of the report: a header row and rows of cells, written after RFC 4180.
///
/// Cells are either content (course texts, names, answers), which is defused against
/// formula injection, or figures the report computed. A content cell starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so that a spreadsheet
/// shows it as text instead of running it (OWASP's advice on CSV injection).
struct CSVTable: Sendable {
    enum Cell: Sendable, Equatable {
        /// Text from the course or the records.
        case text(String)
        /// A computed number with this many decimals.
        case number(Double, digits: Int)
        case integer(Int)
        /// A word the report itself writes (a label, "< 5", a date).
        case label(String)
        case empty
    }

    var name: String
    var header: [String]
    var rows: [[Cell]] = []

    init(name: String, header: [String]) {
        self.name = name
        self.header = header
    }

    mutating func add(_ cells: [Cell]) { rows.append(cells) }

    /// The file's bytes. `excel`: `;` between cells, decimal commas, a UTF-8 byte order
    /// mark and CRLF line ends (what Danish Excel expects); otherwise `,`, decimal points
    /// and LF.
    func data(excel: Bool) -> Data {
        let separator = excel ? ";" : ","
        let lineEnd = excel ? "\r\n" : "\n"
        var text = excel ? "\u{FEFF}" : ""
        text += header.map { Self.quoted($0, separator: separator) }.joined(separator: separator) + lineEnd
        for row in rows {
            text += row.map { Self.quoted(Self.text($0, excel: excel), separator: separator) }.joined(separator: separator) + lineEnd
        }
        return Data(text.utf8)
    }

    /// A cell's text before quoting.
    static func text(_ cell: Cell, excel: Bool) -> String {
        switch cell {
        case .text(let text): return defused(cleaned(text))
        case .number(let value, let digits):
            guard value.isFinite else { return "" }
            var text = String(format: "%.\(max(0, digits))f", value)
            if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
            return excel ? text.replacingOccurrences(of: ".", with: ",") : text
        case .integer(let value): return String(value)
        case .label(let text): return text
        case .empty: return ""
        }
    }

    /// `text` without control characters: line breaks (inside quotes) and tabs stay; every
    /// other control character, and bidi controls, become their visible stand-ins.
    static func cleaned(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && $0 != "\r" && $0 != "\t" && TerminalSafe.replacement(for: $0) != nil })
        else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let keep = scalar == "\n" || scalar == "\r" || scalar == "\t"
            scalars.append(keep ? scalar : TerminalSafe.replacement(for: scalar) ?? scalar)
        }
        return String(scalars)
    }

    /// `text` with a leading `'` when a spreadsheet would read it as a formula.
    static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + text : text
    }

    /// RFC 4180: a field holding the separator, a quote, CR or LF is enclosed in quotes,
    /// and its quotes are doubled.
    static func quoted(_ text: String, separator: String) -> String {
        let needsQuotes = text.contains(separator) || text.unicodeScalars.contains { $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension CSVTable.Cell {
    /// A count, or "< minimum" when suppressed.
    static func count(_ cell: ReportCell<Int>) -> Self {
        switch cell {
        case .value(let value): return .integer(value)
        case .belowMinimum(let minimum): return .label("< \(minimum)")
        }
    }

    /// A figure, or "< minimum" when suppressed, or empty when there is none.
    static func figure(_ cell: ReportCell<Double>?, digits: Int) -> Self {
        switch cell {
        case .value(let value): return .number(value, digits: digits)
        case .belowMinimum(let minimum): return .label("< \(minimum)")
        case nil: return .empty
        }
    }

    static func optional(_ value: Double?, digits: Int) -> Self { value.map { .number($0, digits: digits) } ?? .empty }

    static func date(_ date: Date?) -> Self {
        guard let date else { return .empty }
        return .label(date.formatted(.iso8601))
    }
}
