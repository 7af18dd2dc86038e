import Foundation

/// How the report formats write numbers, shares, times and dates in one language: Danish
/// with a decimal comma and "." between thousands ("1.234", "45,3 %"), English with a
/// decimal point ("1,234", "45.3%"). Independent of the machine's locale, so every
/// machine writes the same report.
struct ReportNumberFormat: Sendable {
    let language: ReportLanguage
    /// The time zone dates are shown in.
    let timeZone: TimeZone

    init(_ language: ReportLanguage, timeZone: TimeZone = .current) {
        self.language = language
        self.timeZone = timeZone
    }

    /// `value` with `digits` decimals; "-0" shows as "0".
    func decimal(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "–" }
        var text = String(format: "%.\(max(0, digits))f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        return language == .da ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A signed change, "+1.05" or "-0.30".
    func signed(_ value: Double, digits: Int) -> String {
        let text = decimal(value, digits: digits)
        return value > 0 && text.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "+" + text : text
    }

    /// A share 0–100 with one decimal: "45,3 %" / "45.3%".
    func percent(_ value: Double) -> String {
        decimal(value, digits: 1) + (language == .da ? " %" : "%")
    }

    /// A count with thousands separators.
    func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(language == .da ? "." : ",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// A p-value: "< 0.001" below that, else three decimals.
    func pValue(_ value: Double) -> String {
        value < 0.001 ? "< " + decimal(0.001, digits: 3) : decimal(value, digits: 3)
    }

    /// A time in seconds: "45 s", "4 min 05 s", "23 min", "1 t 05 min" / "1 h 05 min".
    func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "–" }
        if seconds >= 1e9 { return decimal(seconds / 3600, digits: 0) + (language == .da ? " t" : " h") }
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total) s" }
        if total < 600 { return "\(total / 60) min " + String(format: "%02d", total % 60) + " s" }
        let minutes = Int((seconds / 60).rounded())
        if minutes < 60 { return "\(minutes) min" }
        return "\(minutes / 60) \(language == .da ? "t" : "h") " + String(format: "%02d", minutes % 60) + " min"
    }

    /// A moment as "2026-03-14 09:30" in the time zone.
    func dateTime(_ date: Date) -> String { formatted(date, "yyyy-MM-dd HH:mm") }

    /// From `first` to `last` ("2026-02-02 07:12 – 2026-03-14 15:40"), or "–" with neither.
    func period(_ first: Date?, _ last: Date?) -> String {
        guard first != nil || last != nil else { return "–" }
        return [first, last].map { $0.map(dateTime) ?? "…" }.joined(separator: " – ")
    }

    /// A day as "2026-03-14" in the time zone.
    func day(_ date: Date) -> String { formatted(date, "yyyy-MM-dd") }

    private func formatted(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }

    /// A suppressed-or-shown count.
    func count(_ cell: ReportCell<Int>) -> String { cell.text { count($0) } }

    /// A suppressed-or-shown share.
    func percent(_ cell: ReportCell<Double>?) -> String { cell?.text { percent($0) } ?? "–" }

    /// A suppressed-or-shown number with `digits` decimals.
    func decimal(_ cell: ReportCell<Double>?, digits: Int) -> String { cell?.text { decimal($0, digits: digits) } ?? "–" }
}
